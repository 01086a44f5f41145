// HTML report: one self-contained page (inline CSS and SVG, no scripts, no network) with the
// intent table, the portfolio map, and per journey its KPI tiles, charts, diagram, metrics and
// lint findings; printable on A4 and Letter.
#pragma once

#include "journey/analysis/emotion_curve.h"
#include "journey/analysis/metrics.h"
#include "journey/model/diagnostic.h"
#include "journey/model/names.h"
#include "journey/portfolio/charts.h"
#include "journey/portfolio/intent_table.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace journey {

/// The diagrams the report draws per journey (`--diagrams`).
enum class ReportDiagrams {
  Auto,    ///< the compare view up to `kReportDiagramsAutoMost` journeys, none above
  Compare, ///< the compare view
  All,     ///< the compare view and the inside-out view step by step
  None,    ///< none: tiles, charts, findings and figures only
};
inline constexpr Named<ReportDiagrams> kReportDiagramsNames[] = {{"auto", ReportDiagrams::Auto},
                                                                 {"compare", ReportDiagrams::Compare},
                                                                 {"all", ReportDiagrams::All},
                                                                 {"none", ReportDiagrams::None}};

/// The most journeys `--diagrams auto` draws a compare diagram for: a compare diagram of a
/// 40-step journey weighs about 48 kB and takes about 0.1 s of layout, so 200 of them would
/// make the report twice the size a mail takes and keep it waiting half a minute.
inline constexpr std::size_t kReportDiagramsAutoMost = 30;

/// What `--diagrams auto` means for a report of `journeys` journeys: Compare or None.
ReportDiagrams resolve_report_diagrams(ReportDiagrams asked, std::size_t journeys);

/// One input file of the report.
struct ReportJourney {
  std::string file;
  std::string id; ///< empty when the file could not be read as a journey
  std::string title;
  std::string intent;
  std::string owner;
  std::vector<std::string> personas; ///< who walks it: its `persona` first, then the others
  std::optional<JourneyMetrics> metrics; ///< absent when the journey was not analysed
  std::vector<Diagnostic> findings;      ///< lint findings, sorted
  std::string diagram_svg;               ///< the compare view as Graphviz SVG; may be empty
  std::string diagram_error;             ///< why there is no diagram, when there is none
  /// More diagrams on request (`--diagrams all`): a heading and Graphviz SVG each.
  std::vector<std::pair<std::string, std::string>> more_diagrams;
  EmotionCurve emotion;                   ///< along the most likely path, when analysed
  std::vector<std::string> emotion_steps; ///< the step name of each point of `emotion`
  std::vector<ChartBar> waits_by_step;    ///< where the customer's time goes, largest first
  std::vector<ChartBar> waits_by_team;
};

/// Everything the report shows, already computed and rendered.
struct ReportInput {
  std::string title = "Customer journey report";
  std::string generator; ///< e.g. `journey 0.1.0 · Graphviz 2.43.0`
  IntentTable table;
  std::string map_svg; ///< the portfolio map as Graphviz SVG; may be empty
  std::string map_error;
  /// Set when `--diagrams auto` left the journeys' diagrams out: the note then says so, and how
  /// to get them.
  bool diagrams_left_out = false;
  std::vector<ReportJourney> journeys;
};

/// A journey's entry from its definition, lint findings and, when it was analysed, its metrics,
/// emotion curve and waits by step and by team; drawing its diagram is left to the caller.
ReportJourney make_report_journey(const Journey &journey, std::vector<Diagnostic> findings,
                                  std::optional<JourneyMetrics> metrics);

/// Orders entries as the report lists them: analysed journeys first, then by intent (journeys
/// without one last), title, id and file.
void sort_report_journeys(std::vector<ReportJourney> &journeys);

/// A journey's figures as the report shows them: an HTML table, user text escaped.
std::string report_metrics_html(const JourneyMetrics &metrics);

/// The headline figures as tiles: lead time, share of it spent waiting, handoffs, right first
/// time, cost to serve, success.
std::string report_kpi_tiles_html(const JourneyMetrics &metrics);

/// Lint findings as the report lists them (severity, line:column, message, rule), escaped;
/// a note when there are none.
std::string report_findings_html(const std::vector<Diagnostic> &findings);

/// The report's style sheet (after `portfolio_css()`): sections, diagrams, figures, findings.
std::string_view report_css();

/// The report page. All journey text is escaped; SVG is inlined without its XML prolog and with
/// its element ids prefixed so several diagrams can share the page.
std::string build_report(const ReportInput &input);

/// Graphviz SVG made fit for inlining in HTML: the XML declaration, doctype and comments before
/// `<svg` are dropped, `id`s and `#` references get `prefix`. Returns nullopt when the text is
/// not an SVG document or holds a script or an event handler.
std::optional<std::string> inline_svg(std::string_view svg, std::string_view prefix);


} // namespace journey
