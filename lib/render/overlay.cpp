// Drawing after layout: stage bands and the emotion lane, from node boxes to xdot operations.
#include "journey/render/overlay.h"

#include "journey/render/palette.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <gvc.h>
#include <unordered_map>
#include <xdot.h>

// Graphviz parses `_background` when a layout starts (graph_init) and sizes its text when the
// layout ends; both are exported by libgvc but not declared in its installed headers.
extern "C" void *init_xdot(Agraph_t *graph);
extern "C" boxf xdotBB(Agraph_t *graph);

namespace journey {
namespace {

/// Room above the first band and below the last, points.
constexpr double band_margin = 6;
/// Room between the lane's edge and the -3 and +3 marks, points.
constexpr double axis_margin = 11;
constexpr double label_size = 9;
constexpr const char *band_fill = "#e6ebf1";
constexpr const char *band_rule = "#a9b7c6";
constexpr const char *axis_colour = "#9a9a9a";
constexpr const char *grid_colour = "#d9d9d9";
constexpr const char *line_colour = "#4d4d4d";
constexpr const char *pain_colour = "#d62728";

double axis_x(const OverlayAxis &axis, int emotion) {
  return axis.minus3 + (std::clamp(emotion, -3, 3) + 3) / 6.0 * (axis.plus3 - axis.minus3);
}

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

/// xdot's counted string: `<bytes> -<text>`.
std::string counted(std::string_view text) {
  return std::to_string(text.size()) + " -" + std::string(text);
}

class Xdot {
public:
  Xdot &colour(std::string_view fill, std::string_view pen) {
    ops_ += "C " + counted(fill) + " c " + counted(pen) + " ";
    return *this;
  }
  Xdot &style(std::string_view style) {
    ops_ += "S " + counted(style) + " ";
    return *this;
  }
  Xdot &rectangle(double left, double top, double right, double bottom) {
    ops_ += "P 4 " + number(left) + " " + number(top) + " " + number(right) + " " + number(top) +
            " " + number(right) + " " + number(bottom) + " " + number(left) + " " +
            number(bottom) + " ";
    return *this;
  }
  Xdot &line(const std::vector<std::pair<double, double>> &points) {
    ops_ += "L " + std::to_string(points.size());
    for (const auto &[x, y] : points) {
      ops_ += " " + number(x) + " " + number(y);
    }
    ops_ += " ";
    return *this;
  }
  Xdot &dot(double x, double y, double radius) {
    ops_ += "E " + number(x) + " " + number(y) + " " + number(radius) + " " + number(radius) + " ";
    return *this;
  }
  Xdot &text(double x, double y, std::string_view text) {
    // The width is Graphviz's to measure again (xdotBB); an estimate keeps the string valid.
    ops_ += "F " + number(label_size) + " " + counted(palette::font) + " T " + number(x) + " " +
            number(y) + " 0 " + number(0.6 * label_size * static_cast<double>(text.size())) +
            " " + counted(text) + " ";
    return *this;
  }
  std::string take() {
    if (!ops_.empty()) {
      ops_.pop_back();
    }
    return std::move(ops_);
  }

private:
  std::string ops_;
};

void add_bands(const OverlayInput &input, Overlay &overlay) {
  int last = -1;
  for (const OverlayNode &n : input.nodes) {
    last = std::max({last, n.band, n.band_head});
  }
  std::vector<OverlayBand> bands(static_cast<std::size_t>(last + 1));
  std::vector<char> used(bands.size(), 0);
  for (const OverlayNode &n : input.nodes) {
    const int k = n.band >= 0 ? n.band : n.band_head;
    if (k < 0) {
      continue;
    }
    OverlayBand &b = bands[static_cast<std::size_t>(k)];
    const double top = n.y + n.height / 2, bottom = n.y - n.height / 2;
    if (!used[static_cast<std::size_t>(k)]) {
      b = OverlayBand{k, top, bottom};
      used[static_cast<std::size_t>(k)] = 1;
    } else {
      b.top = std::max(b.top, top);
      b.bottom = std::min(b.bottom, bottom);
    }
  }
  for (std::size_t k = 0; k < bands.size(); ++k) {
    if (used[k]) {
      overlay.bands.push_back(bands[k]);
    }
  }
  for (std::size_t i = 0; i + 1 < overlay.bands.size(); ++i) {
    OverlayBand &upper = overlay.bands[i];
    OverlayBand &lower = overlay.bands[i + 1];
    if (upper.bottom >= lower.top) {
      const double middle = (upper.bottom + lower.top) / 2;
      upper.bottom = middle;
      lower.top = middle;
    }
  }
  if (!overlay.bands.empty()) {
    overlay.bands.front().top += band_margin;
    overlay.bands.back().bottom -= band_margin;
  }
}

void add_emotion(const OverlayInput &input, Overlay &overlay) {
  std::unordered_map<std::string_view, const OverlayNode *> by_name;
  const OverlayNode *head = nullptr;
  std::vector<const OverlayNode *> spacers;
  for (const OverlayNode &n : input.nodes) {
    by_name.emplace(n.name, &n);
    if (n.axis) {
      head = &n;
    } else if (n.point >= 0) {
      spacers.push_back(&n);
    }
  }
  if (head == nullptr || spacers.empty()) {
    return;
  }
  std::stable_sort(spacers.begin(), spacers.end(),
                   [](const OverlayNode *a, const OverlayNode *b) { return a->point < b->point; });
  double left = head->x - head->width / 2, right = head->x + head->width / 2;
  double bottom = head->y - head->height / 2;
  for (const OverlayNode *s : spacers) {
    left = std::min(left, s->x - s->width / 2);
    right = std::max(right, s->x + s->width / 2);
  }
  OverlayAxis axis;
  axis.minus3 = left + axis_margin;
  axis.plus3 = right - axis_margin;
  // The labels sit on the heading's last line, the axis starts under them.
  axis.top = head->y - head->height / 2;
  axis.label_y = axis.top + 3;
  for (const OverlayNode *s : spacers) {
    const auto step = by_name.find(s->point_step);
    const OverlayNode &level = step == by_name.end() ? *s : *step->second;
    OverlayPoint p;
    p.y = level.y;
    p.emotion = s->emotion;
    p.pain = s->pains > 0;
    p.x = axis_x(axis, p.emotion.value_or(0));
    bottom = std::min(bottom, std::min(p.y, s->y - s->height / 2));
    overlay.points.push_back(p);
  }
  axis.bottom = bottom;
  overlay.axis = axis;
}

} // namespace

Overlay compute_overlay(const OverlayInput &input) {
  Overlay overlay;
  overlay.left = input.left;
  overlay.right = input.right;
  if (input.bands) {
    add_bands(input, overlay);
  }
  if (input.emotion) {
    add_emotion(input, overlay);
  }
  return overlay;
}

std::string overlay_xdot(const Overlay &overlay) {
  Xdot x;
  for (std::size_t i = 0; i < overlay.bands.size(); ++i) {
    const OverlayBand &b = overlay.bands[i];
    if (i % 2 == 0) {
      x.colour(band_fill, band_fill).rectangle(overlay.left, b.top, overlay.right, b.bottom);
    }
    if (i > 0) {
      x.colour(band_rule, band_rule).line({{overlay.left, b.top}, {overlay.right, b.top}});
    }
  }
  if (overlay.axis) {
    const OverlayAxis &a = *overlay.axis;
    const double zero = (a.minus3 + a.plus3) / 2;
    x.colour(grid_colour, grid_colour)
        .line({{a.minus3, a.top}, {a.minus3, a.bottom}})
        .line({{a.plus3, a.top}, {a.plus3, a.bottom}})
        .colour(axis_colour, axis_colour)
        .style("dashed")
        .line({{zero, a.top}, {zero, a.bottom}})
        .style("solid")
        .colour(line_colour, line_colour)
        .text(a.minus3, a.label_y, "\u22123")
        .text(zero, a.label_y, "0")
        .text(a.plus3, a.label_y, "+3")
        .style("setlinewidth(1.5)");
    std::vector<std::pair<double, double>> run;
    auto flush = [&] {
      if (run.size() > 1) {
        x.line(run);
      }
      run.clear();
    };
    for (const OverlayPoint &p : overlay.points) {
      if (p.emotion) {
        run.emplace_back(p.x, p.y);
      } else {
        flush();
      }
    }
    flush();
    x.style("setlinewidth(1)");
    for (const OverlayPoint &p : overlay.points) {
      if (!p.emotion) {
        continue;
      }
      if (p.pain) {
        x.colour(pain_colour, pain_colour).dot(p.x, p.y, 4.5);
      } else {
        x.colour(line_colour, line_colour).dot(p.x, p.y, 2.5);
      }
    }
  }
  return x.take();
}

void draw_overlay(Agraph_s *graph) {
  const char *parts = agget(graph, const_cast<char *>(kOverlayAttribute.data()));
  if (parts == nullptr || *parts == '\0') {
    return;
  }
  OverlayInput input;
  input.bands = std::strstr(parts, "stage-bands") != nullptr;
  input.emotion = std::strstr(parts, "emotion-lane") != nullptr;
  input.left = GD_bb(graph).LL.x;
  input.right = GD_bb(graph).UR.x;
  auto read = [](Agnode_t *n, std::string_view key) -> const char * {
    const char *value = agget(n, const_cast<char *>(key.data()));
    return value != nullptr && *value != '\0' ? value : nullptr;
  };
  auto read_int = [&](Agnode_t *n, std::string_view key) -> std::optional<int> {
    const char *value = read(n, key);
    return value == nullptr ? std::nullopt : std::optional<int>(std::atoi(value));
  };
  for (Agnode_t *n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n)) {
    OverlayNode node;
    node.name = agnameof(n);
    node.x = ND_coord(n).x;
    node.y = ND_coord(n).y;
    node.width = ND_width(n) * 72;
    node.height = ND_height(n) * 72;
    node.band = read_int(n, kBandAttribute).value_or(-1);
    node.band_head = read_int(n, kBandHeadAttribute).value_or(-1);
    node.point = read_int(n, kPointAttribute).value_or(-1);
    const char *step = read(n, kPointStepAttribute);
    node.point_step = step == nullptr ? "" : step;
    node.emotion = read_int(n, kEmotionAttribute);
    node.pains = read_int(n, kPainAttribute).value_or(0);
    node.axis = read(n, kAxisAttribute) != nullptr;
    input.nodes.push_back(std::move(node));
  }
  std::string ops = overlay_xdot(compute_overlay(input));
  agsafeset(graph, const_cast<char *>("_background"), ops.data(), const_cast<char *>(""));
  if (GD_drawing(graph)->xdots != nullptr) {
    freeXDot(static_cast<xdot *>(GD_drawing(graph)->xdots));
  }
  GD_drawing(graph)->xdots = init_xdot(graph);
  if (GD_drawing(graph)->xdots != nullptr) {
    GD_bb(graph) = xdotBB(graph);
  }
}

} // namespace journey
