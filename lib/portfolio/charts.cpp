// Report charts: integer coordinates, classes instead of per-element styles, text escaped.
#include "journey/portfolio/charts.h"

#include "journey/model/text.h"
#include "journey/portfolio/cells.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <unordered_map>

namespace journey {
namespace {

constexpr int kLeft = 100;     // room for the axis labels and the first step's slanted name
constexpr int kLevel = 18;     // pixels per emotion level
constexpr std::size_t kLabelChars = 20; // step names under the axis wrap at this many code points
constexpr int kLabelLine = 11;          // pixels between the wrapped lines of a step name
constexpr std::size_t kStageLines = 4; // stage names wrap in their band on at most this many lines
constexpr int kStageLine = 12;         // pixels between the lines of a stage name
constexpr std::size_t kBarChars = 32;  // bar labels wrap at this many code points...
constexpr std::size_t kBarLines = 3;   // ...on at most this many lines
constexpr int kBarLine = 12;           // pixels between the lines of a bar label

/// `text` cleaned and cut to `most` code points, with an ellipsis when cut.
std::string shortened(std::string_view text, std::size_t most) {
  const std::string clean = clean_text(text);
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < clean.size();) {
    char32_t cp = 0;
    const std::size_t length = std::max<std::size_t>(decode_utf8(clean, i, cp), 1);
    if (++count > most) {
      return out + "…";
    }
    out.append(clean, i, length);
    i += length;
  }
  return out;
}

/// `text` cleaned and wrapped at spaces into lines of at most `width` code points (a longer word
/// is cut), at most `most` lines, the last one ending in an ellipsis when text is left over.
std::vector<std::string> wrapped(std::string_view text, std::size_t width, std::size_t most) {
  const std::string clean = clean_text(text);
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_points = 0;
  std::size_t i = 0;
  while (i < clean.size() && lines.size() < most) {
    while (i < clean.size() && clean[i] == ' ') {
      ++i;
    }
    std::size_t end = clean.find(' ', i);
    end = end == std::string::npos ? clean.size() : end;
    const std::string_view word = std::string_view(clean).substr(i, end - i);
    const std::size_t points = code_points(word);
    if (word.empty()) {
      break;
    }
    if (line_points > 0 && line_points + 1 + points <= width) {
      line += " ";
      line += word;
      line_points += 1 + points;
      i = end;
    } else if (line_points > 0) {
      lines.push_back(std::move(line));
      line.clear();
      line_points = 0;
    } else if (points <= width) {
      line = std::string(word);
      line_points = points;
      i = end;
    } else {
      // A word longer than a line: its first `width` code points, the rest on the next line.
      std::size_t cut = i;
      for (std::size_t k = 0; k < width && cut < end; ++k) {
        char32_t cp = 0;
        cut += std::max<std::size_t>(decode_utf8(clean, cut, cp), 1);
      }
      lines.emplace_back(clean, i, cut - i);
      i = cut;
    }
  }
  if (!line.empty() && lines.size() < most) {
    lines.push_back(std::move(line));
  }
  while (i < clean.size() && clean[i] == ' ') {
    ++i;
  }
  if (i < clean.size() && !lines.empty()) {
    // Room for the ellipsis: the last word goes when there is one to drop, else a code point.
    std::string &last = lines.back();
    const std::size_t space = last.rfind(' ');
    if (code_points(last) + 1 <= width) {
      last += "…";
    } else if (space != std::string::npos) {
      last = last.substr(0, space) + "…";
    } else {
      last = shortened(last, width - 1);
    }
  }
  return lines;
}

/// True when every word of `text` fits a line of `width` code points and `lines` (its wrapping)
/// is not cut short.
bool wrapped_whole(std::string_view text, std::size_t width, const std::vector<std::string> &lines) {
  if (!lines.empty() && lines.back().ends_with("…")) {
    return false;
  }
  const std::string clean = clean_text(text);
  for (std::size_t i = 0; i < clean.size();) {
    const std::size_t end = std::min(clean.find(' ', i), clean.size());
    if (code_points(std::string_view(clean).substr(i, end - i)) > width) {
      return false;
    }
    i = end + 1;
  }
  return true;
}

std::string signed_emotion(double e) {
  const std::string text = format_decimal(std::abs(e), 1);
  return e > 0 ? "+" + text : e < 0 ? "−" + text : "0";
}

std::string_view emotion_class(int e) {
  return e > 0 ? "up" : e < 0 ? "down" : "flat";
}

std::string point_description(const EmotionCurve &curve, std::span<const std::string> names,
                              std::size_t i) {
  const EmotionPoint &p = curve.points[i];
  std::string text = fmt::format("{}. {}: ", i + 1, i < names.size() ? clean_text(names[i]) : "");
  text += p.emotion ? signed_emotion(*p.emotion) : std::string("no emotion stated");
  if (!p.pain.empty()) {
    text += "; pain: " + clean_text(join(p.pain, "; "));
  }
  return text + ".";
}

} // namespace

std::string emotion_curve_summary(const EmotionCurve &curve, std::span<const std::string> names) {
  if (curve.points.empty()) {
    return "The journey has no steps.";
  }
  std::string text = fmt::format("Along the most likely path ({}, taken by {} of customers): ",
                                 plural(curve.points.size(), "step", "steps"),
                                 format_percent(curve.path.probability, 0));
  if (!curve.mean) {
    text += "no step states an emotion";
  } else {
    text += fmt::format("mean emotion {} over {} of {} steps", signed_emotion(*curve.mean),
                        curve.rated, curve.points.size());
    if (curve.lowest) {
      const std::size_t i = *curve.lowest;
      text += fmt::format(", lowest at “{}” ({})", i < names.size() ? clean_text(names[i]) : "",
                          signed_emotion(*curve.points[i].emotion));
    }
  }
  text += fmt::format("; {}.", plural(curve.pains, "step with pain points", "steps with pain points"));
  return text;
}

std::string emotion_curve_svg(const EmotionCurve &curve, std::span<const std::string> names,
                              std::string_view id) {
  const int n = static_cast<int>(curve.points.size());
  const int dx = std::clamp(n > 0 ? 760 / n : 56, 16, 60);
  // Each stage's name wrapped to its band's width (about 7 pixels a code point in bold); the
  // bands are as tall as the longest name needs. A name that does not fit whole (a word wider
  // than the band, or more than kStageLines lines) is numbered in its band and written out in a
  // key under the chart, each name once.
  std::vector<std::vector<std::string>> stage_names;
  std::vector<std::string> key;
  std::unordered_map<std::string, std::size_t> key_number;
  std::size_t stage_lines = 1;
  for (const StageEmotion &s : curve.stages) {
    const int w = dx * static_cast<int>(s.last - s.first + 1);
    const std::size_t chars = static_cast<std::size_t>(std::max((w - 4) / 7, 3));
    std::vector<std::string> lines = wrapped(s.stage, chars, kStageLines);
    if (!wrapped_whole(s.stage, chars, lines)) {
      const auto [at, added] = key_number.emplace(clean_text(s.stage), key.size() + 1);
      if (added) {
        key.push_back(fmt::format("{} {}", at->second, at->first));
      }
      lines = {std::to_string(at->second)};
    }
    stage_lines = std::max(stage_lines, lines.size());
    stage_names.push_back(std::move(lines));
  }
  const int mean_y = 14 + kStageLine * static_cast<int>(stage_lines);
  const int band = curve.stages.empty() ? 8 : mean_y + 6;
  const int top = band + 6;
  const int bottom = top + 6 * kLevel;
  const int pain_y = bottom + 20;
  const int labels_y = pain_y + 16;
  const int width = kLeft + dx * std::max(n, 1) + 20;
  // Lines of one slanted name are kLabelLine apart across the slant; the next name is dx / sqrt 2.
  const std::size_t label_lines =
      static_cast<std::size_t>(std::clamp(static_cast<int>(dx * 0.7071) / kLabelLine, 1, 3));
  // The slanted names, and how far below the axis the longest reaches (about 6 pixels a code
  // point, along the slant).
  std::vector<std::vector<std::string>> step_lines;
  double reach = 0;
  for (std::size_t i = 0; i < curve.points.size(); ++i) {
    step_lines.push_back(wrapped(i < names.size() ? names[i] : std::string(), kLabelChars,
                                 label_lines));
    std::size_t longest = 0;
    for (const std::string &line : step_lines.back()) {
      longest = std::max(longest, code_points(line));
    }
    const std::size_t lines = std::max<std::size_t>(step_lines.back().size(), 1);
    reach = std::max(reach, (static_cast<double>(longest) * 6 +
                             static_cast<double>(kLabelLine * static_cast<int>(lines - 1))) *
                                0.7071);
  }
  const int key_y = labels_y + static_cast<int>(std::ceil(reach)) + 8;
  const std::vector<std::string> key_lines =
      key.empty() ? std::vector<std::string>()
                  : wrapped("Stages: " + join(key, " · "),
                            static_cast<std::size_t>(std::max((width - 20) / 6, 20)),
                            std::numeric_limits<std::size_t>::max());
  const int height = key_y + (key_lines.empty() ? 0 : kStageLine * static_cast<int>(key_lines.size()) + 6);
  const auto x = [&](std::size_t i) { return kLeft + dx * static_cast<int>(i) + dx / 2; };
  const auto y = [&](double e) { return top + static_cast<int>(std::lround((3 - e) * kLevel)); };

  std::string desc = emotion_curve_summary(curve, names);
  for (std::size_t i = 0; i < curve.points.size(); ++i) {
    desc += " " + point_description(curve, names, i);
  }
  for (const StageEmotion &s : curve.stages) {
    desc += fmt::format(" Stage {}: {}.", clean_text(s.stage),
                        s.mean ? "mean " + signed_emotion(*s.mean) : std::string("no emotion stated"));
  }
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart emotion\" viewBox=\"0 0 {0} {1}\" "
      "width=\"{0}\" height=\"{1}\" role=\"img\" aria-labelledby=\"{2}-t {2}-d\">\n"
      "<title id=\"{2}-t\">Emotion along the most likely path</title>\n<desc id=\"{2}-d\">{3}</desc>\n",
      width, height, escape_html_text(id), escape_html_text(desc));

  for (std::size_t k = 0; k < curve.stages.size(); ++k) {
    const StageEmotion &s = curve.stages[k];
    const int x0 = kLeft + dx * static_cast<int>(s.first);
    const int w = dx * static_cast<int>(s.last - s.first + 1);
    const std::vector<std::string> &lines = stage_names[k];
    const bool cut = key_number.contains(clean_text(s.stage));
    out += fmt::format("<rect class=\"band{}\" x=\"{}\" y=\"2\" width=\"{}\" height=\"{}\"/>"
                       "<text class=\"stage\" x=\"{}\" y=\"14\">{}",
                       k % 2, x0, w, bottom - 2, x0 + w / 2,
                       cut ? "<title>" + escape_html_text(clean_text(s.stage)) + "</title>" : "");
    for (std::size_t l = 0; l < lines.size(); ++l) {
      out += fmt::format("<tspan x=\"{}\" dy=\"{}\">{}</tspan>", x0 + w / 2,
                         l == 0 ? 0 : kStageLine, escape_html_text(lines[l]));
    }
    // A band too narrow for "mean −1.5" shows the number alone.
    const std::string mean = s.mean ? signed_emotion(*s.mean) : std::string("–");
    out += fmt::format("</text><text class=\"stage-mean\" x=\"{}\" y=\"{}\">{}</text>\n",
                       x0 + w / 2, mean_y, s.mean && w >= 52 ? "mean " + mean : mean);
  }
  for (int e = 3; e >= -3; --e) {
    out += fmt::format("<line class=\"{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>"
                       "<text class=\"axis\" x=\"{}\" y=\"{}\">{}</text>\n",
                       e == 0 ? "zero" : "grid", kLeft, y(e), width - 20, y(e), kLeft - 6, y(e) + 4,
                       e == 3 ? "+3 happy" : e == -3 ? "−3 upset" : signed_emotion(e));
  }
  out += fmt::format("<text class=\"axis\" x=\"{}\" y=\"{}\">pain</text>\n", kLeft - 6, pain_y + 4);

  // The line, broken at every step that states no emotion.
  std::string run;
  std::size_t run_points = 0;
  const auto flush = [&] {
    if (run_points > 1) {
      out += "<polyline class=\"curve\" points=\"" + run + "\"/>\n";
    }
    run.clear();
    run_points = 0;
  };
  for (std::size_t i = 0; i < curve.points.size(); ++i) {
    if (!curve.points[i].emotion) {
      flush();
      continue;
    }
    run += fmt::format("{}{},{}", run.empty() ? "" : " ", x(i), y(*curve.points[i].emotion));
    ++run_points;
  }
  flush();

  for (std::size_t i = 0; i < curve.points.size(); ++i) {
    const EmotionPoint &p = curve.points[i];
    const std::string name = i < names.size() ? names[i] : std::string();
    if (p.emotion) {
      out += fmt::format("<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"4.5\"/>",
                         emotion_class(*p.emotion), x(i), y(*p.emotion));
    }
    if (!p.pain.empty()) {
      const int cx = x(i);
      out += fmt::format("<path class=\"pain\" d=\"M{} {}l6 10h-12z\"/>", cx, pain_y - 6);
    }
    // Slanted, wrapped on as many lines as the spacing of the points leaves room for; a name
    // cut short is whole in the tooltip (and every name is in the description above).
    const std::vector<std::string> &lines = step_lines[i];
    const bool cut = !lines.empty() && lines.back().ends_with("…");
    out += fmt::format("<text class=\"step{}\" transform=\"translate({},{}) rotate(-45)\">{}",
                       p.emotion ? "" : " unrated", x(i) + 3, labels_y,
                       cut ? "<title>" + escape_html_text(clean_text(name)) + "</title>" : "");
    for (std::size_t k = 0; k < lines.size(); ++k) {
      out += fmt::format("<tspan x=\"0\" dy=\"{}\">{}</tspan>", k == 0 ? 0 : kLabelLine,
                         escape_html_text(lines[k]));
    }
    out += "</text>\n";
  }
  for (std::size_t l = 0; l < key_lines.size(); ++l) {
    out += fmt::format("<text class=\"key\" x=\"10\" y=\"{}\">{}</text>\n",
                       key_y + kStageLine * static_cast<int>(l), escape_html_text(key_lines[l]));
  }
  return out + "</svg>";
}

std::string bar_chart_svg(std::span<const ChartBar> bars, std::string_view title,
                          std::string_view id) {
  // Two charts side by side fit a page 1280 pixels wide, and one the width of a printed page.
  constexpr int kLabel = 210;
  constexpr int kBar = 240;
  constexpr int kRow = 22;
  const int width = kLabel + kBar + 120;
  // Each label wrapped on as many lines as it needs (up to kBarLines), its row as tall as they.
  std::vector<std::vector<std::string>> labels;
  int height = 8;
  for (const ChartBar &b : bars) {
    labels.push_back(wrapped(b.label, kBarChars, kBarLines));
    height += kRow + kBarLine * static_cast<int>(std::max<std::size_t>(labels.back().size(), 1) - 1);
  }
  double longest = 0;
  for (const ChartBar &b : bars) {
    longest = std::max(longest, std::isfinite(b.value) ? b.value : 0.0);
  }
  std::string desc;
  for (const ChartBar &b : bars) {
    desc += fmt::format("{}{}: {}.", desc.empty() ? "" : " ", clean_text(b.label), b.value_text);
  }
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bars\" viewBox=\"0 0 {0} {1}\" "
      "width=\"{0}\" height=\"{1}\" role=\"img\" aria-labelledby=\"{2}-t {2}-d\">\n"
      "<title id=\"{2}-t\">{3}</title>\n<desc id=\"{2}-d\">{4}</desc>\n",
      width, height, escape_html_text(id), escape_html_text(title), escape_html_text(desc));
  int top = 4;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar &b = bars[i];
    const std::vector<std::string> &lines = labels[i];
    const bool cut = !lines.empty() && lines.back().ends_with("…");
    const double share = longest > 0 && std::isfinite(b.value) ? b.value / longest : 0.0;
    const int w = std::max(static_cast<int>(std::lround(share * kBar)), b.value > 0 ? 1 : 0);
    out += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\">{}", kLabel - 8, top + 15,
                       cut ? "<title>" + escape_html_text(clean_text(b.label)) + "</title>" : "");
    for (std::size_t l = 0; l < lines.size(); ++l) {
      out += fmt::format("<tspan x=\"{}\" dy=\"{}\">{}</tspan>", kLabel - 8,
                         l == 0 ? 0 : kBarLine, escape_html_text(lines[l]));
    }
    out += fmt::format("</text><rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>"
                       "<text class=\"value\" x=\"{}\" y=\"{}\">{}</text>\n",
                       kLabel, top + 3, w, kRow - 6, kLabel + w + 6, top + 15,
                       escape_html_text(b.value_text));
    top += kRow + kBarLine * static_cast<int>(std::max<std::size_t>(lines.size(), 1) - 1);
  }
  return out + "</svg>";
}

std::string_view chart_css() {
  return R"(svg.chart{max-width:100%;height:auto;font-family:Helvetica,Arial,sans-serif;font-size:11px}
svg.chart text{fill:#333}
svg.chart .axis{text-anchor:end;fill:#777;font-size:10px}
svg.chart .grid{stroke:#e8e8e8}
svg.chart .zero{stroke:#999}
svg.chart .band0{fill:#f4f7fb}
svg.chart .band1{fill:#fbfaf4}
svg.chart .stage{text-anchor:middle;font-weight:600}
svg.chart .stage-mean{text-anchor:middle;fill:#666;font-size:10px}
svg.chart .curve{fill:none;stroke:#2471a3;stroke-width:2}
svg.chart .up{fill:#1e8449}
svg.chart .down{fill:#c0392b}
svg.chart .flat{fill:#7f8c8d}
svg.chart .pain{fill:#c0392b}
svg.chart .step{text-anchor:end;font-size:10px}
svg.chart .step.unrated{fill:#999;font-style:italic}
svg.chart .key{fill:#555;font-size:10px}
svg.chart .label{text-anchor:end}
svg.chart .bar{fill:#b9770e}
svg.chart .value{fill:#555}
)";
}

} // namespace journey
