// Files and inputs: bounded reads, atomic writes, catalog sniffing, expansion of arguments and
// discovery of `.journeylint.yaml`.
#include "helpers.h"
#include "journey/load/workspace.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace journey;
using test::TempDir;

TEST_CASE("read_file: the whole file, or the reason it cannot be read") {
  TempDir dir;
  const std::string path = dir.write("j.yaml", std::string("a\0b\r\n", 5));
  const Expected<std::string> text = read_file(path);
  REQUIRE(text.has_value());
  CHECK(*text == std::string("a\0b\r\n", 5));
  CHECK(read_file(dir.write("empty.yaml", "")) == std::string());
  CHECK(read_file((dir.path / "missing.yaml").string()).error() == "no such file or directory");
  CHECK(read_file(dir.path.string()).error() == "is a directory, not a journey file");
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
