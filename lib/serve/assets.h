// Assets: the style sheet and the page script of the live site, served from fixed routes so the
// pages need no inline script or style.
#pragma once

#include <string_view>

namespace journey {

/// The route of the style sheet and of the page script.
inline constexpr std::string_view kStyleRoute = "/assets/serve.css";
inline constexpr std::string_view kScriptRoute = "/assets/serve.js";

/// The style sheet: the report's rules, the live site's layout, the projector mode (large text,
/// the diagram fitted to the screen) and the print rules.
std::string_view serve_css();

/// The page script: follows the server's change events and swaps in the new live part of the
/// page, switches to full screen, prints. Holds no journey text.
std::string_view serve_js();

} // namespace journey
