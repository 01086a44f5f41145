// Versions from git: `git:REV:PATH` specs, and reading a committed version in a scratch repository.
#include "load/git.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace journey;
namespace fs = std::filesystem;

namespace {

/// A scratch git repository with `a.yaml` committed as "old" and changed to "new" on disk; the
/// current folder is the repository while it lives.
struct ScratchRepo {
  fs::path dir = fs::temp_directory_path() / ("journey-git-test-" + std::to_string(::getpid()));
  fs::path previous = fs::current_path();
  bool ok = false;

  ScratchRepo() {
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::current_path(dir);
    std::ofstream("a.yaml") << "old\n";
    ok = std::system("git init -q . && git add a.yaml && git -c user.name=t -c user.email=t@t "
                     "commit -q -m old >/dev/null 2>&1") == 0;
    std::ofstream("a.yaml") << "new\n";
  }
  ~ScratchRepo() {
    fs::current_path(previous);
    fs::remove_all(dir);
  }
};

} // namespace

TEST_CASE("file versions: a path, or git:REV:PATH") {
  std::string error;
  const auto file = parse_file_version("journeys/a.yaml", error);
  REQUIRE(file.has_value());
  CHECK(file->path == "journeys/a.yaml");
  CHECK(file->revision.empty());
  const auto old = parse_file_version("git:HEAD~1:journeys/a.yaml", error);
  REQUIRE(old.has_value());
  CHECK(old->spec == "git:HEAD~1:journeys/a.yaml");
  CHECK(old->revision == "HEAD~1");
  CHECK(old->path == "journeys/a.yaml");
  for (const char *bad : {"git:HEAD", "git::a.yaml", "git:HEAD:"}) {
    CHECK_FALSE(parse_file_version(bad, error).has_value());
    CHECK(error == "expected git:REV:PATH, e.g. git:HEAD~1:journeys/apply.yaml");
  }
  CHECK_FALSE(parse_file_version("git:--output=x:a.yaml", error).has_value());
  CHECK(error == "`--output=x` is not a revision");
}

TEST_CASE("file versions: read from the working tree and from git history") {
  if (std::system("git --version >/dev/null 2>&1") != 0) {
    MESSAGE("git is not installed: skipped");
    return;
  }
  ScratchRepo repo;
  REQUIRE(repo.ok);
  std::string text;
  std::string error;
  CHECK(read_file_version(*parse_file_version("a.yaml", error), text, error));
  CHECK(text == "new\n");
  CHECK(read_file_version(*parse_file_version("git:HEAD:a.yaml", error), text, error));
  CHECK(text == "old\n");
  CHECK(read_file_version(*parse_file_version("git:HEAD:" + (repo.dir / "a.yaml").string(), error),
                          text, error));
  CHECK(text == "old\n");
  text.clear();
  CHECK_FALSE(read_file_version(*parse_file_version("git:no-such-rev:a.yaml", error), text, error));
  CHECK(error.find("no-such-rev") != std::string::npos);
  CHECK_FALSE(read_file_version(*parse_file_version("git:HEAD:missing.yaml", error), text, error));
  CHECK(error.find("missing.yaml") != std::string::npos);
}
