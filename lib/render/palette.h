// Palette: the one set of colours and fonts every diagram uses, so the views read alike.
#pragma once

#include "journey/model/journey.h"

#include <optional>
#include <string_view>

namespace journey::palette {

inline constexpr std::string_view font = "Helvetica,Arial,sans-serif";
inline constexpr std::string_view ink = "#333333";
inline constexpr std::string_view muted = "#666666";
inline constexpr std::string_view edge = "#555555";
inline constexpr std::string_view pain = "#c0392b";
inline constexpr std::string_view handoff = "#7b3294";
inline constexpr std::string_view channel_switch = "#e66101";
inline constexpr std::string_view wait_fill = "#eeeeee";
inline constexpr std::string_view wait_border = "#888888";
inline constexpr std::string_view no_emotion = "#ffffff";
inline constexpr std::string_view team_fill = "#f7f7f7";
inline constexpr std::string_view process_fill = "#ffffff";
inline constexpr std::string_view header_fill = "#fbfbfb";

/// Fill of a step by emotion, -3 (red) through 0 (grey) to +3 (green); white when unknown.
std::string_view emotion_fill(std::optional<int> emotion);
/// Fill of a step by actor.
std::string_view actor_fill(Actor actor);
/// Outline and badge colour of an end.
std::string_view end_colour(EndKind end);
/// Lane fill by channel kind; `std::nullopt` for steps without a channel.
std::string_view lane_fill(std::optional<ChannelKind> kind);

} // namespace journey::palette
