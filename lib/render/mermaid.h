// Mermaid output: the outside-in view as a Mermaid flowchart, for GitHub and GitLab Markdown.
#pragma once

#include "journey/model/journey.h"
#include "journey/render/outside_in.h"

#include <string>
#include <string_view>

namespace journey {

/// The `-T` names of the Mermaid output, also its file extensions.
inline constexpr std::string_view kMermaidNames[] = {"mermaid", "mmd"};

/// True when `name` is one of `kMermaidNames` (any case).
bool is_mermaid_name(std::string_view name);
/// True when a path's extension is one of `kMermaidNames`: `.mmd`, `.mermaid`.
bool is_mermaid_path(std::string_view path);

/// Escapes one line of text for a quoted Mermaid label: `"`, `#`, `&`, `<`, `>` and the backtick
/// become Mermaid entity codes (`#quot;`, `#35;`, ...), so no text is read as syntax, HTML or
/// Markdown; control characters are dropped.
std::string mermaid_text(std::string_view text);

/// A Mermaid node id for a journey id: `prefix` then letters and digits as they are and every
/// other byte encoded (`-` is `_h`, `.` is `_d`, `_` is `__`, others `_xHH`). Stable across
/// edits, distinct for distinct ids, and never a Mermaid keyword.
std::string mermaid_id(std::string_view prefix, std::string_view id);

/// The outside-in view as a Mermaid flowchart (`flowchart LR`): the start, steps and waits as
/// boxes, a subgraph per channel lane, arrows with branch labels, channel switches in colour,
/// fills by emotion; the journey's title as the diagram's title. Deterministic.
std::string mermaid_outside_in(const Journey &journey, const OutsideInView &view);

/// Computes the outside-in view of a journey and writes it as a Mermaid flowchart.
std::string render_mermaid(const Journey &journey);

} // namespace journey
