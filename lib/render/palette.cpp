// Palette: colour scales for emotion, actors, ends and channel lanes.
#include "journey/render/palette.h"

#include <algorithm>
#include <array>

namespace journey::palette {

std::string_view emotion_fill(std::optional<int> emotion) {
  static constexpr std::array<std::string_view, 7> scale{"#f4a3a0", "#f9c49a", "#fde6a6", "#f0f0f0",
                                                         "#dcedc1", "#b5dea0", "#8ccf8a"};
  if (!emotion) {
    return no_emotion;
  }
  int i = std::clamp(*emotion, -3, 3) + 3;
  return scale[static_cast<std::size_t>(i)];
}

std::string_view actor_fill(Actor actor) {
  switch (actor) {
  case Actor::Customer:
    return "#fff2cc";
  case Actor::Frontstage:
    return "#d5e8f7";
  case Actor::Backstage:
    return "#e4dcf0";
  case Actor::System:
    return "#e3e3e3";
  }
  return "#ffffff";
}

std::string_view end_colour(EndKind end) {
  switch (end) {
  case EndKind::Success:
    return "#1a7f37";
  case EndKind::Abandon:
    return "#8c8c8c";
  case EndKind::Failure:
    return "#c0392b";
  case EndKind::None:
    break;
  }
  return ink;
}

std::string_view lane_fill(std::optional<ChannelKind> kind) {
  if (!kind) {
    return "#f7f7f7";
  }
  switch (*kind) {
  case ChannelKind::Digital:
    return "#eef5fb";
  case ChannelKind::Assisted:
    return "#fdf2e7";
  case ChannelKind::InPerson:
    return "#eff7ec";
  case ChannelKind::Paper:
    return "#f5f0fa";
  case ChannelKind::Social:
    return "#fbeef4";
  }
  return "#f7f7f7";
}

} // namespace journey::palette
