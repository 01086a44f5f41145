// Served files: keys relative to the PATH given, links leaving it refused.
#include "helpers.h"
#include "journey/serve/served_files.h"

#include <doctest/doctest.h>

using namespace journey;
using journey::test::TempDir;

TEST_CASE("served files are keyed by their path inside the folder given") {
  TempDir dir;
  dir.write("a.yaml", test::sample_journey("A"));
  dir.write("team/b.yaml", test::sample_journey("B"));
  const ServedFiles served = find_served_files({dir.path.string()});
  REQUIRE(served.files.size() == 2);
  CHECK(served.files[0].key == "a.yaml");
  CHECK(served.files[1].key == "team/b.yaml");
  CHECK(served.refused.empty());
  CHECK(served.errors.empty());
}

TEST_CASE("a file named on its own is keyed by its name; repeated keys get a suffix") {
  TempDir one;
  TempDir two;
  const std::string a = one.write("same.yaml", test::sample_journey("A"));
  const std::string b = two.write("same.yaml", test::sample_journey("B"));
  const ServedFiles served = find_served_files({a, b});
  REQUIRE(served.files.size() == 2);
  CHECK(served.files[0].key == "same.yaml");
  CHECK(served.files[1].key == "same.yaml~2");
}

TEST_CASE("a link inside the folder to a file outside it is not served") {
  TempDir outside;
  TempDir dir;
  const std::string secret = outside.write("secret.yaml", test::sample_journey("Secret"));
  dir.write("inside.yaml", test::sample_journey("Inside"));
  std::filesystem::create_symlink(secret, dir.path / "link.yaml");
  std::filesystem::create_directory_symlink(outside.path, dir.path / "elsewhere");
  const ServedFiles served = find_served_files({dir.path.string()});
  REQUIRE(served.files.size() == 1);
  CHECK(served.files[0].key == "inside.yaml");
  for (const std::string &refused : served.refused) {
    CHECK((refused.ends_with("link.yaml") || refused.find("elsewhere") != std::string::npos));
  }
  CHECK_FALSE(served.refused.empty());
}

TEST_CASE("a link inside the folder to another file inside it is served") {
  TempDir dir;
  const std::string real = dir.write("real.yaml", test::sample_journey("Real"));
  std::filesystem::create_symlink(real, dir.path / "alias.yaml");
  const ServedFiles served = find_served_files({dir.path.string()});
  CHECK(served.files.size() == 2);
  CHECK(served.refused.empty());
}

TEST_CASE("a missing PATH is an input error") {
  const ServedFiles served = find_served_files({"/nonexistent/journey-serve-test"});
  CHECK(served.files.empty());
  REQUIRE(served.errors.size() == 1);
  CHECK(served.errors[0].rule == "io");
}
