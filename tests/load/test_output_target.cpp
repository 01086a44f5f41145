// Output targets: how `-o` is read, and the file name of each journey in a folder.
#include "journey/load/output_target.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <string>

using namespace journey;
using Kind = OutputTarget::Kind;

TEST_CASE("output targets: stdout, a file, or a folder") {
  CHECK(output_target("").kind == Kind::Stdout);
  CHECK(output_target("-").kind == Kind::Stdout);
  CHECK(output_target("-").path.empty());
  CHECK(output_target("out/a.svg").kind == Kind::File);
  CHECK(output_target("out/").kind == Kind::Directory);
  CHECK(output_target(std::filesystem::temp_directory_path().string()).kind == Kind::Directory);
}

TEST_CASE("output targets: one safe file name per journey") {
  const OutputTarget dir = output_target("out/");
  CHECK(journey_output_path(dir, "apply-by-post", "compare.svg") ==
        "out/apply-by-post.compare.svg");
  CHECK(journey_output_path(dir, "a/b c:é", "dot") == "out/a_b_c___.dot");
  CHECK(journey_output_path(dir, ".hidden", "dot") == "out/_.hidden.dot");
  CHECK(journey_output_path(dir, "", "dot") == "out/journey.dot");
}

TEST_CASE("output targets: the folder is created, parents included") {
  const std::filesystem::path root =
      std::filesystem::temp_directory_path() / "journey-output-target-test";
  std::filesystem::remove_all(root);
  CHECK(create_output_directory(output_target((root / "a" / "b").string() + "/")).has_value());
  CHECK(std::filesystem::is_directory(root / "a" / "b"));
  CHECK(create_output_directory(output_target("-")).has_value());
  std::filesystem::remove_all(root);
}
