// Served files: expands the PATH arguments and keeps what lies inside them, keyed for the URLs.
#include "journey/serve/served_files.h"

#include "journey/check/check.h"
#include "journey/load/workspace.h"

#include <filesystem>
#include <set>
#include <system_error>

namespace journey {
namespace {

namespace fs = std::filesystem;

/// The real path of `path`, or empty when it cannot be resolved.
fs::path real_path(const fs::path &path) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  return ec ? fs::path() : real;
}

/// True when `inner` is `outer` or lies below it (both real paths).
bool is_within(const fs::path &inner, const fs::path &outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (i == inner.end() || *i != *o) {
      return false;
    }
  }
  return true;
}

} // namespace

ServedFiles find_served_files(const std::vector<std::string> &args,
                              const std::optional<std::string> &config) {
  ServedFiles out;
  Workspace workspace(config, rule_ids());
  std::set<std::string> keys;
  for (const std::string &arg : args) {
    std::vector<Diagnostic> errors;
    const std::vector<std::string> paths = workspace.expand({arg}, errors);
    out.errors.insert(out.errors.end(), errors.begin(), errors.end());
    std::error_code ec;
    const bool is_dir = fs::is_directory(arg, ec);
    const fs::path base = is_dir ? fs::path(arg) : fs::path(arg).parent_path();
    const fs::path root = real_path(is_dir ? fs::path(arg) : fs::path(arg));
    for (const std::string &path : paths) {
      const fs::path real = real_path(path);
      if (root.empty() || real.empty() || !is_within(real, root)) {
        out.refused.push_back(path);
        continue;
      }
      std::string key = is_dir ? fs::path(path).lexically_relative(base).generic_string()
                               : fs::path(path).filename().generic_string();
      if (key.empty() || key.starts_with("..")) {
        key = fs::path(path).filename().generic_string();
      }
      std::string unique = key;
      for (int n = 2; !keys.insert(unique).second; ++n) {
        unique = key + "~" + std::to_string(n);
      }
      out.files.push_back({path, unique});
    }
  }
  return out;
}

} // namespace journey
