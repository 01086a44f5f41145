// Files: bounded reads, safe writes, and catalog sniffing.
#include "journey/load/workspace.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace journey {

namespace fs = std::filesystem;

namespace {

/// What a file system entry that is not a regular file is, in a participant's words.
std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) {
    return "is a directory, not a file";
  }
  if (S_ISCHR(mode) || S_ISBLK(mode)) {
    return "is a device, not a file";
  }
  if (S_ISFIFO(mode)) {
    return "is a named pipe (FIFO), not a file";
  }
  if (S_ISSOCK(mode)) {
    return "is a socket, not a file";
  }
  return "is not a regular file";
}

/// Why `stat` failed on `path`, saying what the thing is when it exists.
std::string stat_failure(const std::string &path, int error) {
  if (error == ELOOP) {
    return "is a symbolic link loop (the link points back to itself); fix or remove the link";
  }
  struct stat link {};
  if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    std::error_code ec;
    const fs::path target = fs::read_symlink(path, ec);
    return ec ? "is a symbolic link to a file that does not exist"
              : "is a symbolic link to " + target.string() + ", which does not exist";
  }
  if (error == ENOENT || error == ENOTDIR) {
    return "no such file or directory";
  }
  if (error == EACCES) {
    return "permission denied: ask for read access to it or to its folder";
  }
  return std::strerror(error);
}

/// Reads a whole descriptor, refusing more than kMaxFileBytes as soon as it is passed.
/// `what` names the input in the message (`standard input`, `file`).
/// `expected` is the size to reserve: the file's size, or the bound for standard input (untouched
/// pages of a large allocation are never resident, and the buffer never moves while it grows, so
/// the peak stays at what was read).
Expected<std::string> read_bounded(int fd, std::string_view what, std::size_t expected) {
  std::string out;
  out.reserve(std::min(expected, kMaxFileBytes) + 1);
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) {
      break;
    }
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return failure(std::string("cannot read: ") + std::strerror(errno));
    }
    if (out.size() + static_cast<std::size_t>(n) > kMaxFileBytes) {
      return failure(std::string(what) +
                     " is larger than 256 MiB; split the journey into smaller files");
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

} // namespace

std::string why_not_readable(const std::string &path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return stat_failure(path, errno);
  }
  return S_ISREG(st.st_mode) ? std::string() : kind_of(st.st_mode);
}

Expected<std::string> read_file(const std::string &path) {
  if (path == "-") {
    return read_bounded(STDIN_FILENO, "standard input", kMaxFileBytes);
  }
  if (std::string reason = why_not_readable(path); !reason.empty()) {
    return failure(std::move(reason));
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    return failure(errno == EACCES ? stat_failure(path, errno)
                                   : std::string("cannot open: ") + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return failure(kind_of(st.st_mode)); // replaced between the check and the open
  }
  if (static_cast<std::uint64_t>(st.st_size) > kMaxFileBytes) {
    ::close(fd);
    return failure("file is larger than 256 MiB; split the journey into smaller files");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  Expected<std::string> text = read_bounded(fd, "file", static_cast<std::size_t>(st.st_size));
  ::close(fd);
  return text;
}

namespace {

/// The open descriptor that `path` names (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
/// `/proc/self/fd/N`), or -1. Writing to it directly keeps what the shell set up (a pipe, a
/// terminal, a file opened for appending), where opening the name again would not.
int named_descriptor(const fs::path &path) {
  const std::string p = path.lexically_normal().string();
  if (p == "/dev/stdout") {
    return STDOUT_FILENO;
  }
  if (p == "/dev/stderr") {
    return STDERR_FILENO;
  }
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (p.starts_with(prefix) && p.size() > prefix.size() && p.size() - prefix.size() <= 6 &&
        p.find_first_not_of("0123456789", prefix.size()) == std::string::npos) {
      return std::atoi(p.c_str() + prefix.size());
    }
  }
  return -1;
}

Expected<void> write_all(int fd, std::string_view data) {
  const char *p = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return failure(std::string("cannot write: ") + std::strerror(errno));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return {};
}

/// Writes `data` to a new temporary file with `mode` next to `target`; its name, or the reason.
Expected<std::string> write_temporary(const fs::path &target, std::string_view data, mode_t mode) {
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    return failure(std::string("cannot create a temporary file in ") + dir.string() + ": " +
                   std::strerror(errno));
  }
  Expected<void> written = write_all(fd, data);
  ::fchmod(fd, mode);
  if (::close(fd) != 0 && written) {
    written = failure(std::string("cannot write: ") + std::strerror(errno));
  }
  if (!written) {
    ::unlink(pattern.c_str());
    return failure(written.error());
  }
  return pattern;
}

/// Where a write to `path` lands: the symbolic links of its last name followed to the file they
/// finally name (which need not exist yet), or an open descriptor it names.
struct Destination {
  fs::path path;
  int descriptor = -1;
};

Expected<Destination> resolve_destination(const fs::path &path) {
  constexpr int kMaxLinks = 40; // as the kernel's own bound (ELOOP)
  fs::path p = path;
  for (int hop = 0; hop <= kMaxLinks; ++hop) {
    if (const int fd = named_descriptor(p); fd >= 0) {
      return Destination{p, fd};
    }
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
      return Destination{p, -1};
    }
    std::error_code ec;
    const fs::path target = fs::read_symlink(p, ec);
    if (ec) {
      return failure("cannot read the symbolic link " + p.string() + ": " + ec.message());
    }
    p = target.is_absolute() ? target : p.parent_path() / target;
  }
  return failure("is a symbolic link loop (the link points back to itself); fix or remove the "
                 "link, or write to another file");
}

} // namespace

Expected<void> write_file_atomic(const std::string &path, std::string_view data) {
  const Expected<Destination> destination = resolve_destination(path);
  if (!destination) {
    return failure(destination.error());
  }
  if (destination->descriptor >= 0) {
    std::fflush(nullptr);
    return write_all(destination->descriptor, data);
  }
  const fs::path &target = destination->path;
  mode_t mode = 0644;
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      return failure("is a directory; give the name of a file to write, such as " +
                     (target / "out.txt").string());
    }
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
      const int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
      if (fd < 0) {
        return failure(std::string("cannot open: ") + std::strerror(errno));
      }
      Expected<void> written = write_all(fd, data);
      if (::close(fd) != 0 && written) {
        return failure(std::string("cannot write: ") + std::strerror(errno));
      }
      return written;
    }
    if (!S_ISREG(st.st_mode)) {
      return failure(kind_of(st.st_mode));
    }
    mode = st.st_mode & 07777;
  } else if (errno != ENOENT) {
    return failure(stat_failure(target.string(), errno));
  }
  const Expected<std::string> temporary = write_temporary(target, data, mode);
  if (!temporary) {
    return failure(temporary.error());
  }
  if (std::rename(temporary->c_str(), target.c_str()) != 0) {
    std::string reason = std::string("cannot rename into place: ") + std::strerror(errno);
    ::unlink(temporary->c_str());
    return failure(std::move(reason));
  }
  return {};
}

Expected<void> write_new_file(const std::string &path, std::string_view data) {
  const Expected<std::string> temporary = write_temporary(path, data, 0644);
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
