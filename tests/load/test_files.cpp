// Files and inputs: bounded reads, atomic writes, catalog sniffing, expansion of arguments and
// discovery of `.journeylint.yaml`.
#include "helpers.h"
#include "journey/load/workspace.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <grp.h>
#include <string>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace journey;
using test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("read_file: the whole file, or the reason it cannot be read") {
  TempDir dir;
  const std::string path = dir.write("j.yaml", std::string("a\0b\r\n", 5));
  const Expected<std::string> text = read_file(path);
  REQUIRE(text.has_value());
  CHECK(*text == std::string("a\0b\r\n", 5));
  CHECK(read_file(dir.write("empty.yaml", "")) == std::string());
  CHECK(read_file((dir.path / "missing.yaml").string()).error() == "no such file or directory");
  CHECK(read_file(dir.path.string()).error() == "is a directory, not a file");
}

TEST_CASE("read_file: says what the thing is when it is not a file") {
  TempDir dir;
  const fs::path loop = dir.path / "loop.yaml";
  fs::create_symlink(loop.filename(), loop);
  CHECK(read_file(loop.string()).error().starts_with("is a symbolic link loop"));
  const fs::path dangling = dir.path / "gone.yaml";
  fs::create_symlink("moved.yaml", dangling);
  CHECK(read_file(dangling.string()).error() ==
        "is a symbolic link to moved.yaml, which does not exist");
  CHECK(read_file("/dev/null").error() == "is a device, not a file");
  const fs::path fifo = dir.path / "pipe.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(read_file(fifo.string()).error() == "is a named pipe (FIFO), not a file"); // no hang
  CHECK(read_file((dir.path / "file.yaml" / "x").string()).error() == "no such file or directory");
}

TEST_CASE("read_file: a file that reports no size is read to its end, and a read error is one") {
  // /proc files report size 0 but have content; /proc/self/mem cannot be read from offset 0.
  const Expected<std::string> status = read_file("/proc/self/status");
  REQUIRE(status.has_value());
  CHECK(status->find("Pid:") != std::string::npos);
  const Expected<std::string> mem = read_file("/proc/self/mem");
  REQUIRE_FALSE(mem.has_value());
  CHECK(mem.error().starts_with("cannot read: "));
}

TEST_CASE("write_file_atomic: writes or replaces the whole file, leaves no temporary behind") {
  TempDir dir;
  const std::string path = (dir.path / "out.txt").string();
  REQUIRE(write_file_atomic(path, "first").has_value());
  REQUIRE(write_file_atomic(path, "second").has_value());
  CHECK(read_file(path) == std::string("second"));
  std::size_t files = 0;
  for (const auto &entry : test::fs::directory_iterator(dir.path)) {
    files += entry.is_regular_file() ? 1 : 0;
  }
  CHECK(files == 1);
  const Expected<void> failed = write_file_atomic((dir.path / "no/such/dir/x").string(), "x");
  REQUIRE_FALSE(failed.has_value());
  CHECK(failed.error().starts_with("cannot create a temporary file in "));
}

TEST_CASE("write_file_atomic: keeps the permissions of the file it replaces") {
  TempDir dir;
  const std::string path = dir.write("private.csv", "old");
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  REQUIRE(write_file_atomic(path, "new").has_value());
  CHECK(fs::status(path).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(read_file(path) == std::string("new"));
}

TEST_CASE("write_file_atomic: a symbolic link is followed, the file it names replaced") {
  TempDir dir;
  const std::string real = dir.write("real/report.csv", "old");
  const fs::path link = dir.path / "latest.csv";
  fs::create_symlink("real/report.csv", link);
  REQUIRE(write_file_atomic(link.string(), "new").has_value());
  CHECK(fs::is_symlink(link));
  CHECK(fs::read_symlink(link) == "real/report.csv");
  CHECK(read_file(real) == std::string("new"));
  // A link to a file not written yet creates that file, next to where the link points.
  const fs::path ahead = dir.path / "ahead.csv";
  fs::create_symlink("real/next.csv", ahead);
  REQUIRE(write_file_atomic(ahead.string(), "next").has_value());
  CHECK(fs::is_symlink(ahead));
  CHECK(read_file((dir.path / "real/next.csv").string()) == std::string("next"));
  // No temporary file is left in either folder.
  CHECK(std::distance(fs::directory_iterator(dir.path / "real"), fs::directory_iterator()) == 2);
}

TEST_CASE("write_file_atomic: devices and pipes are written to, never replaced") {
  TempDir dir;
  const fs::path null_link = dir.path / "discard.svg";
  fs::create_symlink("/dev/null", null_link);
  REQUIRE(write_file_atomic(null_link.string(), "nothing").has_value());
  CHECK(fs::is_symlink(null_link));
  CHECK(fs::is_character_file("/dev/null"));
  REQUIRE(write_file_atomic("/dev/null", "nothing").has_value());
  CHECK(fs::is_character_file("/dev/null"));

  const fs::path fifo = dir.path / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  REQUIRE(write_file_atomic(fifo.string(), "through the pipe").has_value());
  char buffer[64] = {};
  CHECK(::read(reader, buffer, sizeof buffer) == 16);
  CHECK(std::string(buffer) == "through the pipe");
  ::close(reader);
  CHECK(fs::is_fifo(fifo));

  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  REQUIRE(write_file_atomic("/dev/fd/" + std::to_string(ends[1]), "to the descriptor").has_value());
  ::close(ends[1]);
  char got[64] = {};
  CHECK(::read(ends[0], got, sizeof got) == 17);
  CHECK(std::string(got) == "to the descriptor");
  ::close(ends[0]);

  const fs::path device = dir.path / "null-copy";
  if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    MESSAGE("mknod needs root: the copied /dev/null case is skipped");
    return;
  }
  REQUIRE(write_file_atomic(device.string(), "nothing").has_value());
  CHECK(fs::is_character_file(device));
}

TEST_CASE("write_file_atomic: a directory or a link loop is refused with the reason") {
  TempDir dir;
  const Expected<void> folder = write_file_atomic(dir.path.string(), "x");
  REQUIRE_FALSE(folder.has_value());
  CHECK(folder.error().starts_with("is a directory; give the name of a file to write"));
  const fs::path loop = dir.path / "loop.csv";
  fs::create_symlink("loop.csv", loop);
  const Expected<void> looped = write_file_atomic(loop.string(), "x");
  REQUIRE_FALSE(looped.has_value());
  CHECK(looped.error().starts_with("is a symbolic link loop"));
  CHECK(fs::is_symlink(loop));
}

TEST_CASE("looks_like_catalog: definitions without a journey") {
  CHECK(looks_like_catalog("channels:\n  web: Website\nteams:\n  ops: Ops\n"));
  CHECK(looks_like_catalog("# shared\ncatalog: base.yaml\nprocesses:\n  p: P\n"));
  CHECK_FALSE(looks_like_catalog("journey: j\nchannels:\n  web: Website\n"));
  CHECK_FALSE(looks_like_catalog("teams:\n  ops: Ops\nsteps:\n  - id: a\n"));
  CHECK_FALSE(looks_like_catalog("catalog: base.yaml\n"));
  CHECK_FALSE(looks_like_catalog(""));
}

TEST_CASE("Workspace::expand: files as given, folders searched and sorted, missing reported") {
  TempDir dir;
  dir.write("b.yaml", "");
  dir.write("a/z.yml", "");
  dir.write("a/y.yaml", "");
  dir.write("a/notes.txt", "");
  dir.write(".hidden/h.yaml", "");
  dir.write("a/.journeylint.yaml", "");
  const std::string single = dir.write("single.txt", "");
  Workspace workspace(std::nullopt, {});
  std::vector<Diagnostic> errors;
  const std::string root = dir.path.string();
  const std::vector<std::string> found =
      workspace.expand({single, root, "-", root + "/missing.yaml"}, errors);
  const std::string a = (dir.path / "a").string();
  CHECK(found == std::vector<std::string>{single, a + "/y.yaml", a + "/z.yml",
                                          root + "/b.yaml", "-"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rule == "io");
  CHECK(errors[0].file == root + "/missing.yaml");
  CHECK(errors[0].message == "no such file or directory");
}

TEST_CASE("Workspace::expand: what the walk cannot read is an error naming it") {
  TempDir dir;
  dir.write("ok/a.yaml", "");
  fs::create_symlink("loop.yaml", dir.path / "ok" / "loop.yaml");
  fs::create_symlink("elsewhere/gone.yaml", dir.path / "ok" / "gone.yaml");
  fs::create_symlink("nowhere", dir.path / "ok" / "README");    // not a journey: not read
  fs::create_symlink(".#a.yaml", dir.path / "ok" / ".#a.yaml"); // an editor's lock: hidden
  Workspace workspace(std::nullopt, {});
  std::vector<Diagnostic> errors;
  const std::string root = dir.path.string();
  const std::vector<std::string> found = workspace.expand({root, root + "/ok/loop.yaml"}, errors);
  CHECK(found == std::vector<std::string>{root + "/ok/a.yaml"});
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].file == root + "/ok/gone.yaml");
  CHECK(errors[0].message == "is a symbolic link to elsewhere/gone.yaml, which does not exist");
  CHECK(errors[1].file == root + "/ok/loop.yaml");
  CHECK(errors[1].message.starts_with("is a symbolic link loop"));
  CHECK(errors[2].file == root + "/ok/loop.yaml"); // given as a file
  CHECK(errors[2].message.starts_with("is a symbolic link loop"));
}

namespace {

/// Runs `expand` over `root` as a user without root's power to read anything: in a child
/// process that drops to `nobody` when run as root. Returns "<files found> <first error>".
std::string expand_without_privileges(const std::string &root) {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(ends[0]);
    const bool dropped = ::geteuid() != 0 ||
                         (::setgroups(0, nullptr) == 0 && ::setresgid(65534, 65534, 65534) == 0 &&
                          ::setresuid(65534, 65534, 65534) == 0);
    if (!dropped) {
      ::_exit(3);
    }
    Workspace workspace(std::nullopt, {});
    std::vector<Diagnostic> errors;
    const std::vector<std::string> found = workspace.expand({root}, errors);
    std::string out = std::to_string(found.size());
    for (const Diagnostic &d : errors) {
      out += "|" + d.file + ": " + d.message;
    }
    const ssize_t written = ::write(ends[1], out.data(), out.size());
    ::_exit(written == static_cast<ssize_t>(out.size()) ? 0 : 4);
  }
  ::close(ends[1]);
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = ::read(ends[0], buffer, sizeof buffer)) > 0;) {
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(ends[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  return out;
}

} // namespace

TEST_CASE("Workspace::expand: a folder that cannot be read is named, the rest still found") {
  TempDir dir;
  fs::permissions(dir.path, fs::perms::all); // reachable by the unprivileged child
  dir.write("a/ok.yaml", "");
  dir.write("b/locked/broken.yaml", "journey: [");
  dir.write("c/ok.yaml", "");
  const fs::path locked = dir.path / "b" / "locked";
  fs::permissions(locked, fs::perms::none);
  const std::string out = expand_without_privileges(dir.path.string());
  fs::permissions(locked, fs::perms::owner_all); // so that the folder can be removed
  CHECK(out == "2|" + locked.string() +
                   ": cannot read this folder: permission denied; ask for read access to it, or "
                   "lint the folders you can read");
}

TEST_CASE("Workspace::config_for: the nearest .journeylint.yaml, else defaults") {
  TempDir dir;
  dir.write(".journeylint.yaml", "rules:\n  missing-owner: off\n");
  const std::string nested = dir.write("a/b/j.yaml", "");
  Workspace workspace(std::nullopt, {"missing-owner"});
  std::vector<Diagnostic> errors;
  const LintConfig *config = workspace.config_for(nested, errors);
  CHECK(errors.empty());
  REQUIRE(config != nullptr);
  CHECK(config->rules.at("missing-owner") == Severity::Off);

  TempDir bad;
  bad.write(".journeylint.yaml", "rules:\n  missing-owner: loud\n");
  const LintConfig *none = workspace.config_for(bad.write("j.yaml", ""), errors);
  CHECK(none == nullptr);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rule == "config");
}
