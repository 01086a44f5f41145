// Watcher: a save is noticed by inotify and by polling, a save by rename too, quiet is quiet.
#include "helpers.h"
#include "journey/serve/watcher.h"

#include <doctest/doctest.h>

using namespace journey;
using journey::test::TempDir;
using std::chrono::milliseconds;

TEST_CASE("the watcher notices saves, renames and new folders, in both modes") {
  for (Watcher::Mode mode : {Watcher::Mode::Inotify, Watcher::Mode::Polling}) {
    CAPTURE(static_cast<int>(mode));
    TempDir dir;
    dir.write("a.yaml", "journey: a\n");
    Watcher watcher({dir.path.string()}, mode, milliseconds(50));
    CHECK(watcher.mode() == mode);
    CHECK_FALSE(watcher.wait(milliseconds(150)));
    dir.write("a.yaml", "journey: a\ntitle: changed\n"); // a rename, as editors save
    CHECK(watcher.wait(milliseconds(2000)));
    CHECK_FALSE(watcher.wait(milliseconds(150)));
    std::filesystem::create_directories(dir.path / "sub");
    CHECK(watcher.wait(milliseconds(2000)));
    std::ofstream(dir.path / "sub" / "b.yaml") << "journey: b\n"; // written in place
    CHECK(watcher.wait(milliseconds(2000)));
  }
}

TEST_CASE("a file named on its own is watched through its folder") {
  TempDir dir;
  const std::string file = dir.write("a.yaml", "journey: a\n");
  Watcher watcher({file});
  dir.write("a.yaml", "journey: a\ntitle: changed\n");
  CHECK(watcher.wait(milliseconds(2000)));
}

TEST_CASE("a shared catalog outside the paths is watched once named, in both modes") {
  for (Watcher::Mode mode : {Watcher::Mode::Inotify, Watcher::Mode::Polling}) {
    CAPTURE(static_cast<int>(mode));
    TempDir dir;
    dir.write("sub/a.yaml", "journey: a\ncatalog: ../org.yaml\n");
    const std::string org = dir.write("org.yaml", "channels: {}\n");
    Watcher watcher({(dir.path / "sub").string()}, mode, milliseconds(50));
    dir.write("org.yaml", "channels: {web: {name: Web, kind: digital}}\n");
    CHECK_FALSE(watcher.wait(milliseconds(300)));
    watcher.also_watch({org});
    CHECK_FALSE(watcher.wait(milliseconds(150)));
    dir.write("org.yaml", "channels: {}\nteams: {}\n");
    CHECK(watcher.wait(milliseconds(2000)));
  }
}
