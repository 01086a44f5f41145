// Drawing after layout: stage bands and the emotion lane, computed from laid-out boxes as data,
// then handed to Graphviz as an xdot `_background` drawn under the graph.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct Agraph_s;

namespace journey {

/// The graph attribute that asks for an overlay; its value lists the parts
/// (`stage-bands`, `emotion-lane`, comma-separated).
inline constexpr std::string_view kOverlayAttribute = "journey_overlay";
/// Node attributes the overlay reads (see docs/diagrams.md, "Stage bands and the emotion lane"):
/// the band of a box (`0` first), the band a heading names, and on the emotion lane's spacer
/// nodes the point's order on the path, the node whose level it takes, its emotion (absent: a
/// gap) and its pain points.
inline constexpr std::string_view kBandAttribute = "journey_band";
inline constexpr std::string_view kBandHeadAttribute = "journey_band_head";
inline constexpr std::string_view kPointAttribute = "journey_point";
inline constexpr std::string_view kPointStepAttribute = "journey_point_step";
inline constexpr std::string_view kEmotionAttribute = "journey_emotion";
inline constexpr std::string_view kPainAttribute = "journey_pain";
/// On the emotion lane's heading: the axis labels go under it.
inline constexpr std::string_view kAxisAttribute = "journey_emotion_axis";

/// One laid-out node as the overlay sees it: Graphviz points, y upwards, (x, y) the centre.
struct OverlayNode {
  std::string name;
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  int band = -1;           ///< a box of this band
  int band_head = -1;      ///< the heading of this band
  int point = -1;          ///< an emotion-lane spacer: its order along the path
  std::string point_step;  ///< the node whose level the point takes
  std::optional<int> emotion;
  int pains = 0;
  bool axis = false;       ///< the emotion lane's heading
};

/// What the overlay is drawn from.
struct OverlayInput {
  bool bands = false;
  bool emotion = false;
  double left = 0; ///< the drawing's extent across (the graph's bounding box)
  double right = 0;
  std::vector<OverlayNode> nodes;
};

/// One stage band: from `top` down to `bottom` (y upwards, so top > bottom), across the drawing.
struct OverlayBand {
  int band = 0;
  double top = 0;
  double bottom = 0;
};

/// One point of the emotion line, level with its step's box.
struct OverlayPoint {
  double x = 0; ///< where its emotion lies on the axis; the axis' middle when it has none
  double y = 0;
  std::optional<int> emotion;
  bool pain = false;
};

/// The emotion lane: the axis from -3 (at `minus3`) to +3, from `top` down to `bottom`, labels
/// at `label_y`.
struct OverlayAxis {
  double minus3 = 0;
  double plus3 = 0;
  double top = 0;
  double bottom = 0;
  double label_y = 0;
};

/// The overlay as data: bands in band order (each holding its boxes; neighbours meet half way
/// between them), and the points of the emotion line in path order.
struct Overlay {
  double left = 0;
  double right = 0;
  std::vector<OverlayBand> bands;
  std::optional<OverlayAxis> axis;
  std::vector<OverlayPoint> points;
};

/// Computes the overlay from laid-out nodes; linear in them (plus sorting the bands and points).
Overlay compute_overlay(const OverlayInput &input);

/// The overlay as xdot drawing operations (`_background`), deterministic to the hundredth of a
/// point: alternate bands shaded with a rule between bands, then the axis, its labels, the line
/// (broken where a step has no emotion) and the points, pain points as larger red dots.
std::string overlay_xdot(const Overlay &overlay);

/// After a layout: when the graph asks for an overlay, computes it from the laid-out nodes and
/// sets it as the graph's background for every renderer. Does nothing otherwise.
void draw_overlay(Agraph_s *graph);

} // namespace journey
