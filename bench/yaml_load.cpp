// Benchmark baseline: yaml-cpp's raw YAML::LoadFile of each file given, nothing more.
#include <cstdio>
#include <exception>
#include <yaml-cpp/yaml.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: yaml_load FILE...\n");
    return 2;
  }
  int failed = 0;
  std::size_t top_level_entries = 0;
  for (int i = 1; i < argc; ++i) {
    try {
      const YAML::Node document = YAML::LoadFile(argv[i]);
      top_level_entries += document.size();
    } catch (const std::exception &e) {
      std::fprintf(stderr, "%s: %s\n", argv[i], e.what());
      ++failed;
    }
  }
  std::printf("%d files, %zu top-level entries, %d failed\n", argc - 1, top_level_entries, failed);
  return failed == 0 ? 0 : 1;
}
