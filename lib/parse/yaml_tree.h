// YamlTree: a flat, position-keeping YAML document built from yaml-cpp's event stream.
// Detects duplicate keys and bounds alias expansion; never recurses over the document.
#pragma once

#include "journey/model/diagnostic.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace journey::yaml {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xffffffffu;

enum class Kind : std::uint8_t { Null, Scalar, Sequence, Map, Alias };

/// One YAML node. Map children alternate key, value.
struct Node {
  Kind kind = Kind::Null;
  bool plain = false; ///< scalar written without quotes (so it may be a number or a bool)
  bool no_colon = false; ///< a key in `{ }` written without `:` (`{name: Pick, pack}` has `pack`)
  Location location;
  std::string value;
  std::vector<NodeId> children;
  NodeId alias_target = kNoNode;
  std::uint64_t expanded = 1; ///< node count with aliases expanded
};

/// Limits that keep hostile input from exhausting memory or time.
struct Limits {
  std::uint64_t alias_expansion_base = 100000; ///< expanded nodes always allowed
  std::uint64_t alias_expansion_factor = 10;   ///< plus this many per node actually written
};

/// A parsed YAML document.
struct Tree {
  std::vector<Node> nodes;
  NodeId root = kNoNode; ///< kNoNode for an empty document

  /// Follows aliases to the node they stand for.
  const Node &deref(NodeId id) const {
    const Node *n = &nodes[id];
    while (n->kind == Kind::Alias) {
      n = &nodes[n->alias_target];
    }
    return *n;
  }
};

/// Parses one YAML document. Syntax errors, duplicate keys, a second document, binary or
/// non-UTF-8 text and alias bombs become diagnostics (rules `yaml-syntax`, `duplicate-key`).
/// On a fatal error `tree.root` is kNoNode.
Tree parse_tree(std::string_view text, std::string_view filename, std::vector<Diagnostic> &out,
                const Limits &limits = {});

} // namespace journey::yaml
