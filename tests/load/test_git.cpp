// Versions from git: `git:REV:PATH` specs, and reading a committed version in a scratch repository.
#include "journey/load/git.h"

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
  const auto file = parse_file_version("journeys/a.yaml");
  REQUIRE(file.has_value());
  CHECK(file->path == "journeys/a.yaml");
  CHECK(file->revision.empty());
  const auto old = parse_file_version("git:HEAD~1:journeys/a.yaml");
  REQUIRE(old.has_value());
  CHECK(old->spec == "git:HEAD~1:journeys/a.yaml");
  CHECK(old->revision == "HEAD~1");
  CHECK(old->path == "journeys/a.yaml");
  for (const char *bad : {"git:HEAD", "git::a.yaml", "git:HEAD:"}) {
    const auto version = parse_file_version(bad);
    REQUIRE_FALSE(version.has_value());
    CHECK(version.error() == "expected git:REV:PATH, e.g. git:HEAD~1:journeys/apply.yaml");
  }
  const auto option = parse_file_version("git:--output=x:a.yaml");
  REQUIRE_FALSE(option.has_value());
  CHECK(option.error() == "`--output=x` is not a revision");
}

TEST_CASE("file versions: read from the working tree and from git history") {
  if (std::system("git --version >/dev/null 2>&1") != 0) {
    MESSAGE("git is not installed: skipped");
    return;
  }
  ScratchRepo repo;
  REQUIRE(repo.ok);
  auto read = [](const std::string &spec) { return read_file_version(*parse_file_version(spec)); };
  CHECK(read("a.yaml").value_or("") == "new\n");
  CHECK(read("git:HEAD:a.yaml").value_or("") == "old\n");
  CHECK(read("git:HEAD:" + (repo.dir / "a.yaml").string()).value_or("") == "old\n");
  const auto bad_revision = read("git:no-such-rev:a.yaml");
  REQUIRE_FALSE(bad_revision.has_value());
  CHECK(bad_revision.error().find("no-such-rev") != std::string::npos);
  const auto missing = read("git:HEAD:missing.yaml");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().find("missing.yaml") != std::string::npos);
}
