// Simulation formats: one table of groups and measures drives the text, JSON and CSV; the chart
// is the lead-time histogram split by outcome.
#include "journey/portfolio/simulate_format.h"

#include "journey/model/duration.h"
#include "journey/model/escape.h"
#include "journey/model/text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <span>
#include <nlohmann/json.hpp>

namespace journey {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<SimMeasure, kSimMeasures> kMeasures{
    SimMeasure::LeadTime, SimMeasure::WaitTime, SimMeasure::CustomerEffort,
    SimMeasure::ClosedTime};
constexpr std::array<SimGroup, kSimGroups> kGroups{SimGroup::All,     SimGroup::Success,
                                                   SimGroup::Abandon, SimGroup::Failure,
                                                   SimGroup::NoEnd,   SimGroup::Unfinished};
constexpr double kQuantiles[] = {0.5, 0.8, 0.9, 0.95};
constexpr std::string_view kQuantileNames[] = {"p50", "p80", "p90", "p95"};
constexpr double kEndless = std::numeric_limits<double>::infinity();

/// `lead_time`, `wait_time`, `customer_effort`; `no_end` for a group.
std::string key(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), ' ', '_');
  return out;
}

double share(const SimulationResult &r, SimGroup g) {
  const std::uint64_t all = r.get(SimGroup::All, SimMeasure::LeadTime).count();
  return all == 0 ? 0.0
                  : static_cast<double>(r.get(g, SimMeasure::LeadTime).count()) /
                        static_cast<double>(all);
}

/// The groups worth showing: all, and every other group some customer is in.
std::vector<SimGroup> groups_of(const SimulationResult &r) {
  std::vector<SimGroup> out;
  for (SimGroup g : kGroups) {
    if (g == SimGroup::All || r.get(g, SimMeasure::LeadTime).count() > 0) {
      out.push_back(g);
    }
  }
  return out;
}

/// The measures of a result: closed time only when the journey has calendars.
std::span<const SimMeasure> measures_of(const SimulationResult &r) {
  return std::span<const SimMeasure>(kMeasures).first(r.calendars ? kSimMeasures
                                                                   : kSimMeasures - 1);
}

/// The share of a group's customers held up at least once by closed hours.
double held_share(const SimulationResult &r, SimGroup g) {
  const std::uint64_t n = r.get(g, SimMeasure::LeadTime).count();
  return n == 0 ? 0.0
                : static_cast<double>(r.groups[static_cast<std::size_t>(g)].held_up) /
                      static_cast<double>(n);
}

/// Seconds of closed time all customers lost, summed over the sources.
double closed_total(const SimulationResult &r) {
  double total = 0;
  for (const ClosureSource &c : r.closures) {
    total += c.seconds;
  }
  return total;
}

/// "Contact centre (channel)".
std::string source_label(const ClosureSource &c) {
  return c.kind == "customer" ? c.name : fmt::format("{} ({})", c.name, c.kind);
}

/// A round bar width at least `span`: 1, 2 or 5 times a second, minute, hour, day or week
/// (with 10, 15, 30 for seconds and minutes, 3, 6, 12 for hours).
double round_width(double span) {
  static constexpr double kRound[] = {
      1,     2,     5,      10,     15,     30,     60,     120,    300,     600,    900,
      1800,  3600,  7200,   10800,  21600,  43200,  86400,  172800, 432000,  604800, 1209600,
      2419200};
  for (double w : kRound) {
    if (w >= span) {
      return w;
    }
  }
  double w = 604800;
  while (w < span) {
    for (double f : {2.0, 2.5, 2.0}) {
      w *= f;
      if (w >= span) {
        break;
      }
    }
  }
  return w;
}

std::string human_share(double p) {
  return format_percent(p, 1);
}

Json stats_json(const Distribution &d) {
  Json j = {{"mean", tidy_number(d.mean())}};
  for (std::size_t q = 0; q < std::size(kQuantiles); ++q) {
    j[std::string(kQuantileNames[q])] = tidy_number(d.quantile(kQuantiles[q]));
  }
  j["max"] = tidy_number(d.max());
  return j;
}

std::string csv_number(double x) {
  return fmt::format("{}", tidy_number(x));
}

} // namespace

std::vector<HistogramBar> histogram(const Distribution &d, std::size_t bars) {
  std::vector<HistogramBar> out;
  if (d.count() == 0 || bars == 0) {
    return out;
  }
  const double low = d.quantile(0);
  const double high = d.quantile(0.99);
  const double width = round_width(std::max((high - low) / static_cast<double>(bars), 1.0));
  const double start = std::floor(low / width) * width;
  const auto n = std::min<std::size_t>(
      static_cast<std::size_t>(std::floor((high - start) / width)) + 1, bars);
  for (std::size_t i = 0; i < n; ++i) {
    const double from = start + static_cast<double>(i) * width;
    out.push_back({from, from + width, d.count_between(from, from + width)});
  }
  const double rest_from = start + static_cast<double>(n) * width;
  if (d.max() >= rest_from) {
    out.push_back({rest_from, d.max(), d.count_between(rest_from, kEndless), true});
  }
  return out;
}

std::string format_simulation_text(const std::vector<SimulationResult> &all) {
  std::string out;
  for (const SimulationResult &r : all) {
    if (!out.empty()) {
      out += "\n";
    }
    out += fmt::format("{} ({}): {} customers, seed {}{}\n", r.journey, r.file, r.customers,
                       r.seed, r.spreads ? "" : " (no spreads: only the branches vary)");
    out += fmt::format("  {:<20} {:<16} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "customers",
                       "", "mean", "P50", "P80", "P90", "P95", "max");
    for (SimGroup g : groups_of(r)) {
      bool first = true;
      for (SimMeasure m : measures_of(r)) {
        const Distribution &d = r.get(g, m);
        const std::string label =
            first ? fmt::format("{} {}", to_string(g), human_share(share(r, g))) : "";
        first = false;
        out += fmt::format("  {:<20} {:<16} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}\n", label,
                           to_string(m), format_duration(d.mean()),
                           format_duration(d.quantile(0.5)), format_duration(d.quantile(0.8)),
                           format_duration(d.quantile(0.9)), format_duration(d.quantile(0.95)),
                           format_duration(d.max()));
      }
    }
    if (r.calendars) {
      const auto customers = static_cast<double>(
          std::max<std::uint64_t>(r.get(SimGroup::All, SimMeasure::LeadTime).count(), 1));
      std::vector<std::string> by_group;
      for (SimGroup g : groups_of(r)) {
        if (g != SimGroup::All) {
          by_group.push_back(fmt::format("{} {}", to_string(g), human_share(held_share(r, g))));
        }
      }
      out += fmt::format("  held up by closed hours: {} of customers{}, {} lost per customer\n",
                         human_share(held_share(r, SimGroup::All)),
                         by_group.empty() ? "" : " (" + join(by_group, ", ") + ")",
                         format_duration(closed_total(r) / customers));
      const double total = closed_total(r);
      for (const ClosureSource &c : r.closures) {
        out += fmt::format("    {}: {} of closed time, {} customers held up, {} each on average\n",
                           source_label(c), human_share(total > 0 ? c.seconds / total : 0),
                           human_share(static_cast<double>(c.customers) / customers),
                           format_duration(c.seconds / static_cast<double>(c.customers)));
      }
    }
    const Distribution &lead = r.get(SimGroup::All, SimMeasure::LeadTime);
    const std::vector<HistogramBar> bars = histogram(lead);
    if (!bars.empty()) {
      out += "  lead time of all customers:\n";
      double most = 0;
      for (const HistogramBar &b : bars) {
        most = std::max(most, b.customers);
      }
      std::vector<std::string> labels;
      std::size_t widest = 0;
      for (std::size_t i = 0; i < bars.size(); ++i) {
        labels.push_back(bars[i].rest ? fmt::format("{} or more", format_duration(bars[i].from))
                              : fmt::format("{} - {}", format_duration(bars[i].from),
                                            format_duration(bars[i].to)));
        widest = std::max(widest, labels.back().size());
      }
      for (std::size_t i = 0; i < bars.size(); ++i) {
        const double p = bars[i].customers / static_cast<double>(lead.count());
        const auto eighths =
            most > 0 ? static_cast<std::size_t>(std::lround(bars[i].customers / most * 40 * 8)) : 0;
        static constexpr std::string_view kPartial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
        std::string bar;
        for (std::size_t k = 0; k < eighths / 8; ++k) {
          bar += "█";
        }
        bar += kPartial[eighths % 8];
        out += fmt::format("    {:>{}}  {} {}\n", labels[i], widest, bar, human_share(p));
      }
    }
  }
  return escape_terminal(out, LineEnds::Keep);
}

std::string format_simulation_json(const std::vector<SimulationResult> &all) {
  Json list = Json::array();
  for (const SimulationResult &r : all) {
    Json j = {{"journey", r.journey},
              {"file", r.file},
              {"customers", r.customers},
              {"seed", r.seed},
              {"spreads", r.spreads}};
    Json groups = Json::object();
    for (SimGroup g : groups_of(r)) {
      Json group = {{"customers", r.get(g, SimMeasure::LeadTime).count()},
                    {"share", tidy_number(share(r, g))}};
      for (SimMeasure m : measures_of(r)) {
        group[key(to_string(m))] = stats_json(r.get(g, m));
      }
      if (r.calendars) {
        group["held_up"] = tidy_number(held_share(r, g));
      }
      groups[key(to_string(g))] = group;
    }
    j["calendars"] = r.calendars;
    j["groups"] = groups;
    if (r.calendars) {
      Json closures = Json::array();
      for (const ClosureSource &c : r.closures) {
        closures.push_back({{"kind", c.kind},
                            {"id", c.id},
                            {"name", c.name},
                            {"seconds", tidy_number(c.seconds)},
                            {"share", tidy_number(closed_total(r) > 0
                                                      ? c.seconds / closed_total(r)
                                                      : 0.0)},
                            {"customers", c.customers}});
      }
      j["closures"] = closures;
    }
    Json bars = Json::array();
    for (const HistogramBar &b : histogram(r.get(SimGroup::All, SimMeasure::LeadTime))) {
      bars.push_back({{"from", tidy_number(b.from)},
                      {"to", tidy_number(b.to)},
                      {"customers", tidy_number(b.customers)}});
    }
    j["histogram"] = {{"measure", "lead_time"}, {"bars", bars}};
    list.push_back(j);
  }
  return list.dump(2) + "\n";
}

std::string format_simulation_csv(const std::vector<SimulationResult> &all) {
  std::string out = "journey,file,group,measure,customers,share,mean,p50,p80,p90,p95,max,from,to\n";
  for (const SimulationResult &r : all) {
    const std::string head = csv_field(r.journey) + "," + csv_field(r.file);
    for (SimGroup g : groups_of(r)) {
      for (SimMeasure m : measures_of(r)) {
        const Distribution &d = r.get(g, m);
        out += fmt::format("{},{},{},{},{},{}", head, key(to_string(g)), key(to_string(m)),
                           d.count(), csv_number(share(r, g)), csv_number(d.mean()));
        for (double q : kQuantiles) {
          out += "," + csv_number(d.quantile(q));
        }
        out += fmt::format(",{},,\n", csv_number(d.max()));
      }
    }
    if (r.calendars) {
      for (SimGroup g : groups_of(r)) {
        out += fmt::format("{},{},held_up,{},{},,,,,,,,\n", head, key(to_string(g)),
                           r.groups[static_cast<std::size_t>(g)].held_up,
                           csv_number(held_share(r, g)));
      }
      const double customers = static_cast<double>(
          std::max<std::uint64_t>(r.get(SimGroup::All, SimMeasure::LeadTime).count(), 1));
      for (const ClosureSource &c : r.closures) {
        out += fmt::format("{},all,{},{},{},{},,,,,,,\n", head,
                           csv_field("closed_by:" + c.kind + (c.id.empty() ? "" : ":" + c.id)),
                           c.customers,
                           csv_number(closed_total(r) > 0 ? c.seconds / closed_total(r) : 0.0),
                           csv_number(c.seconds / customers));
      }
    }
    const Distribution &lead = r.get(SimGroup::All, SimMeasure::LeadTime);
    for (const HistogramBar &b : histogram(lead)) {
      out += fmt::format("{},all,lead_time_histogram,{},{},,,,,,,{},{}\n", head,
                         csv_number(b.customers),
                         csv_number(b.customers / static_cast<double>(lead.count())),
                         csv_number(b.from), b.rest ? std::string() : csv_number(b.to));
    }
  }
  return out;
}

std::string format_simulation(const std::vector<SimulationResult> &all, SimulateFormat format) {
  switch (format) {
  case SimulateFormat::Json:
    return format_simulation_json(all);
  case SimulateFormat::Csv:
    return format_simulation_csv(all);
  case SimulateFormat::Text:
    break;
  }
  return format_simulation_text(all);
}

std::string simulation_svg(const SimulationResult &r) {
  constexpr double kWidth = 760;
  constexpr double kHeight = 400;
  constexpr double kLeft = 60;
  constexpr double kRight = 20;
  constexpr double kTop = 56;
  constexpr double kBottom = 70;
  const Distribution &lead = r.get(SimGroup::All, SimMeasure::LeadTime);
  const std::vector<HistogramBar> bars = histogram(lead);
  struct Layer {
    SimGroup group;
    std::string_view colour;
  };
  static constexpr Layer kLayers[] = {{SimGroup::Success, "#2e7d32"},
                                      {SimGroup::Abandon, "#f9a825"},
                                      {SimGroup::Failure, "#c62828"},
                                      {SimGroup::NoEnd, "#757575"},
                                      {SimGroup::Unfinished, "#424242"}};
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
      "{1}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"#ffffff\"/>\n",
      kWidth, kHeight);
  svg += fmt::format("<text x=\"{}\" y=\"22\" font-size=\"16\" font-weight=\"bold\">{}</text>\n",
                     kLeft, xml_escape(r.journey + ": lead time of " +
                                       std::to_string(r.customers) + " simulated customers"));
  if (r.calendars) {
    const Distribution &closed = r.get(SimGroup::All, SimMeasure::ClosedTime);
    std::string line = fmt::format(
        "held up by closed hours: {} of customers; closed time P50 {}, P90 {}, mean {}",
        human_share(held_share(r, SimGroup::All)), format_duration(closed.quantile(0.5)),
        format_duration(closed.quantile(0.9)), format_duration(closed.mean()));
    if (!r.closures.empty()) {
      line += fmt::format("; most from {}", source_label(r.closures.front()));
    }
    svg += fmt::format("<text x=\"{}\" y=\"40\" fill=\"#1a237e\">{}</text>\n", kLeft,
                       xml_escape(line));
  }
  const double total = static_cast<double>(std::max<std::uint64_t>(lead.count(), 1));
  double most = 0;
  for (const HistogramBar &b : bars) {
    most = std::max(most, b.customers / total);
  }
  const double plot_w = kWidth - kLeft - kRight;
  const double plot_h = kHeight - kTop - kBottom;
  const double bar_w = bars.empty() ? plot_w : plot_w / static_cast<double>(bars.size());
  // Axes and the share scale.
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#333\"/>\n",
                     kLeft, kTop + plot_h, kLeft + plot_w);
  for (int tick = 0; tick <= 4 && most > 0; ++tick) {
    const double p = most * tick / 4;
    const double y = kTop + plot_h - plot_h * tick / 4;
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" "
                       "stroke=\"#e0e0e0\"/>\n<text x=\"{3}\" y=\"{4:.1f}\" "
                       "text-anchor=\"end\">{5}</text>\n",
                       kLeft, y, kLeft + plot_w, kLeft - 6, y + 4, xml_escape(human_share(p)));
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double x = kLeft + bar_w * static_cast<double>(i);
    double y = kTop + plot_h;
    for (const Layer &layer : kLayers) {
      const double n = r.get(layer.group, SimMeasure::LeadTime)
                           .count_between(bars[i].from, bars[i].rest ? kEndless : bars[i].to);
      const double h = most > 0 ? n / total / most * plot_h : 0;
      if (h <= 0) {
        continue;
      }
      y -= h;
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                         "fill=\"{}\"/>\n",
                         x + 1, y, std::max(bar_w - 2, 1.0), h, layer.colour);
    }
    if (i % std::max<std::size_t>(1, (bars.size() + 9) / 10) == 0) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", x,
                         kTop + plot_h + 16, xml_escape(format_duration(bars[i].from)));
    }
  }
  // P50 and P90 of all customers, where they fall on the bars.
  if (!bars.empty()) {
    for (double q : {0.5, 0.9}) {
      const double v = lead.quantile(q);
      std::size_t i = 0;
      while (i + 1 < bars.size() && v >= bars[i].to) {
        ++i;
      }
      const double span = bars[i].to - bars[i].from;
      const double within = span > 0 ? std::clamp((v - bars[i].from) / span, 0.0, 1.0) : 0.0;
      const double x = kLeft + bar_w * (static_cast<double>(i) + within);
      svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" "
                         "stroke=\"#1a237e\" stroke-dasharray=\"4 3\"/>\n<text x=\"{0:.1f}\" "
                         "y=\"{3}\" text-anchor=\"middle\" fill=\"#1a237e\">{4}</text>\n",
                         x, kTop - 4, kTop + plot_h, kTop - 8,
                         xml_escape(fmt::format("P{} {}", static_cast<int>(q * 100),
                                                format_duration(v))));
    }
  }
  // Legend: the outcomes present, with their shares.
  double lx = kLeft;
  for (const Layer &layer : kLayers) {
    if (r.get(layer.group, SimMeasure::LeadTime).count() == 0) {
      continue;
    }
    const std::string label =
        fmt::format("{} {}", to_string(layer.group), human_share(share(r, layer.group)));
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n"
                       "<text x=\"{:.1f}\" y=\"{}\">{}</text>\n",
                       lx, kHeight - 26, layer.colour, lx + 16, kHeight - 16, xml_escape(label));
    lx += 40 + 7 * static_cast<double>(label.size());
  }
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                     kLeft + plot_w, kHeight - 16, xml_escape("lead time; share of customers"));
  svg += "</svg>\n";
  return svg;
}

} // namespace journey
