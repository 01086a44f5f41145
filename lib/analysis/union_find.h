// Union-find over indices, with path halving: groups linked items in near-linear time.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace journey {

/// Disjoint sets of 0..n-1; the representative of a set is its smallest member. Never recurses.
class UnionFind {
public:
  explicit UnionFind(std::size_t n) : parent_(n) {
    for (std::size_t i = 0; i < n; ++i) {
      parent_[i] = i;
    }
  }
  /// The representative of `i`'s set.
  std::size_t find(std::size_t i) {
    while (parent_[i] != i) {
      parent_[i] = parent_[parent_[i]];
      i = parent_[i];
    }
    return i;
  }
  /// Merges the sets of `a` and `b`.
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) {
      parent_[std::max(a, b)] = std::min(a, b);
    }
  }

private:
  std::vector<std::size_t> parent_;
};

} // namespace journey
