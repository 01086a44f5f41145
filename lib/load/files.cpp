// Files: bounded reads, atomic writes, and catalog sniffing.
#include "journey/load/workspace.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

namespace journey {

namespace fs = std::filesystem;

Expected<std::string> read_file(const std::string &path) {
  std::string out;
  if (path == "-") {
    char buffer[65536];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
      out.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
      if (out.size() > kMaxFileBytes) {
        return failure(
            "standard input is larger than 256 MiB; split the journey into smaller files");
      }
    }
    return out;
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return failure("no such file or directory");
  }
  if (fs::is_directory(status)) {
    return failure("is a directory, not a journey file");
  }
  if (!fs::is_regular_file(status)) {
    return failure("not a regular file");
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxFileBytes) {
    return failure("file is larger than 256 MiB; split the journey into smaller files");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return failure(std::string("cannot open: ") + std::strerror(errno));
  }
  out.assign(ec ? 0 : static_cast<std::size_t>(size), '\0');
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  out.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    return failure("read error");
  }
  return out;
}

namespace {

/// Writes `data` to a new temporary file next to `path` (mode 0644); its name, or the reason.
Expected<std::string> write_temporary(const std::string &path, std::string_view data) {
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    return failure(std::string("cannot create a temporary file in ") + dir.string() + ": " +
                   std::strerror(errno));
  }
  const char *p = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      std::string reason = std::string("cannot write: ") + std::strerror(errno);
      ::close(fd);
      ::unlink(pattern.c_str());
      return failure(std::move(reason));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::close(fd) != 0) {
    std::string reason = std::string("cannot write: ") + std::strerror(errno);
    ::unlink(pattern.c_str());
    return failure(std::move(reason));
  }
  return pattern;
}

} // namespace

Expected<void> write_file_atomic(const std::string &path, std::string_view data) {
  const Expected<std::string> temporary = write_temporary(path, data);
  if (!temporary) {
    return failure(temporary.error());
  }
  if (std::rename(temporary->c_str(), path.c_str()) != 0) {
    std::string reason = std::string("cannot rename into place: ") + std::strerror(errno);
    ::unlink(temporary->c_str());
    return failure(std::move(reason));
  }
  return {};
}

Expected<void> write_new_file(const std::string &path, std::string_view data) {
  const Expected<std::string> temporary = write_temporary(path, data);
  if (!temporary) {
    return failure(temporary.error());
  }
  const int linked = ::link(temporary->c_str(), path.c_str());
  const int error = errno;
  ::unlink(temporary->c_str());
  if (linked != 0) {
    return failure(error == EEXIST ? std::string("it already exists")
                                   : std::string("cannot create it: ") + std::strerror(error));
  }
  return {};
}

bool looks_like_catalog(std::string_view text) {
  bool definitions = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-') {
      continue;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      continue;
    }
    std::string_view key = line.substr(0, colon);
    if (key == "journey" || key == "title" || key == "steps") {
      return false;
    }
    definitions = definitions || key == "channels" || key == "teams" || key == "processes";
  }
  return definitions;
}

} // namespace journey
