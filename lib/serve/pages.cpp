// Pages: the live site's HTML from a snapshot, text escaped, diagrams inlined as in the report.
#include "journey/serve/pages.h"

#include "journey/model/text.h"
#include "journey/portfolio/cells.h"
#include "journey/portfolio/report.h"
#include "journey/serve/assets.h"

#include <fmt/format.h>

namespace journey {
namespace {

/// The document around `body`: the style sheet and script from their routes, no inline code.
std::string document(std::string_view title, std::string_view bar, std::string_view body,
                     std::uint64_t version) {
  return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>{}</title>\n<link rel=\"icon\" href=\"data:,\">\n"
                     "<link rel=\"stylesheet\" href=\"{}\">\n"
                     "<script src=\"{}\" defer></script>\n</head>\n<body>\n"
                     "<div class=\"bar\">\n{}<span class=\"spacer\"></span>\n"
                     "<span id=\"connection\" role=\"status\"></span>\n"
                     "<button type=\"button\" id=\"fullscreen\" title=\"Full screen for the "
                     "projector\">Full screen</button>\n"
                     "<button type=\"button\" id=\"print\">Print</button>\n</div>\n"
                     "<main id=\"live\" data-version=\"{}\">\n{}</main>\n</body>\n</html>\n",
                     escape_html_text(title), kStyleRoute, kScriptRoute, bar, version, body);
}

std::string findings_summary(const ServedJourney &j) {
  const std::size_t errors = j.count(Severity::Error);
  const std::size_t warnings = j.count(Severity::Warning);
  if (errors == 0 && warnings == 0) {
    return "no findings";
  }
  return fmt::format("{}, {}", plural(errors, "error", "errors"),
                     plural(warnings, "warning", "warnings"));
}

std::string state_html(const ServedJourney &j) {
  if (!j.blocked) {
    return fmt::format("<p class=\"state\" id=\"state\">Up to date: the file as saved, checked at "
                       "{}; {}.</p>\n",
                       escape_html_text(j.checked_at), findings_summary(j));
  }
  const std::string what = j.unreadable ? "cannot be read" : "has errors";
  const std::string shown =
      j.has_good() ? fmt::format("The diagram and figures below are the last version without "
                                 "errors, checked at {}.",
                                 escape_html_text(j.good_at))
                   : "There is no version without errors to draw yet.";
  return fmt::format("<p class=\"state broken\" id=\"state\"><strong>The file as saved {} "
                     "(checked at {}): fix the findings below.</strong> {}</p>\n",
                     what, escape_html_text(j.checked_at), shown);
}

std::string diagram_html(const ServedJourney &j, View view) {
  const ServedDiagram &d = j.diagrams[served_view_index(view)];
  if (!j.has_good()) {
    return "";
  }
  std::string out =
      fmt::format("<section id=\"diagram\" class=\"{}\">\n", j.blocked ? "stale" : "current");
  if (j.blocked) {
    out += fmt::format("<p class=\"diagram-note\">Last good version ({}), not the file as "
                       "saved.</p>\n",
                       escape_html_text(j.good_at));
  }
  if (d.svg) {
    if (std::optional<std::string> svg = inline_svg(*d.svg, "d-")) {
      out += fmt::format("<div class=\"diagram\" role=\"img\" aria-label=\"{} diagram\">\n{}\n"
                         "</div>\n",
                         to_string(view), *svg);
    } else {
      out += "<p class=\"problem\">The diagram was left out: it is not a plain SVG drawing.</p>\n";
    }
  } else if (!d.error.empty()) {
    out += fmt::format("<p class=\"problem\">No diagram: {}</p>\n", escape_html_text(d.error));
  } else {
    out += "<p class=\"drawing\">Drawing…</p>\n";
  }
  return out + "</section>\n";
}

/// The findings, the first few in full view: one typo can make many, and the diagram must stay
/// on the screen.
std::string findings_html(const std::vector<Diagnostic> &findings) {
  constexpr std::size_t kShown = 5;
  if (findings.size() <= kShown + 1) {
    return report_findings_html(findings);
  }
  const std::vector<Diagnostic> first(findings.begin(), findings.begin() + kShown);
  const std::vector<Diagnostic> rest(findings.begin() + kShown, findings.end());
  return report_findings_html(first) +
         fmt::format("<details>\n<summary>{} more findings</summary>\n{}</details>\n", rest.size(),
                     report_findings_html(rest));
}

std::string view_switch(const ServedJourney &j, View current) {
  std::string out = "<nav aria-label=\"View\">";
  for (View view : kServedViews) {
    out += fmt::format("<a href=\"{}\"{}>{}</a>", escape_html_text(journey_url(j.key, view)),
                       view == current ? " aria-current=\"page\"" : "", to_string(view));
  }
  return out + "</nav>\n";
}

bool unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '/';
}

} // namespace

std::string journey_url(std::string_view key, View view) {
  std::string out = "/journey/";
  for (char c : key) {
    if (unreserved(c)) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  if (view != View::Compare) {
    out += fmt::format("?view={}", to_string(view));
  }
  return out;
}

std::string index_live(const Snapshot &snapshot) {
  std::string out = "<h1>Journeys</h1>\n";
  if (snapshot.journeys.empty()) {
    out += "<p class=\"problem\">No journey files were found under the paths given.</p>\n";
  } else {
    out += "<table class=\"journeys\">\n<thead><tr><th>Journey</th><th>File</th>"
           "<th>Findings</th><th>Steps</th><th>Lead time</th></tr></thead>\n<tbody>\n";
    for (const ServedJourney &j : snapshot.journeys) {
      const bool bad = j.blocked || j.count(Severity::Error) > 0;
      out += fmt::format(
          "<tr><td><a href=\"{}\">{}</a></td><td><code>{}</code></td><td class=\"{}\">{}{}</td>"
          "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
          escape_html_text(journey_url(j.key)), escape_html_text(j.heading),
          escape_html_text(j.key), bad ? "bad" : "good", findings_summary(j),
          j.blocked ? " (as saved; last good shown)" : "",
          j.metrics ? std::to_string(j.metrics->steps) : "",
          j.metrics ? format_expected_duration(j.metrics->lead_time.expected) : "");
    }
    out += "</tbody>\n</table>\n";
  }
  if (!snapshot.input_errors.empty()) {
    out += "<h2>Inputs that could not be used</h2>\n" + report_findings_html(snapshot.input_errors);
  }
  if (!snapshot.refused.empty()) {
    out += "<h2>Not served</h2>\n<p>These files are links to files outside the folders given, "
           "so they are left out:</p>\n<ul>\n";
    for (const std::string &path : snapshot.refused) {
      out += fmt::format("<li><code>{}</code></li>\n", escape_html_text(path));
    }
    out += "</ul>\n";
  }
  return out;
}

std::string index_page(const Snapshot &snapshot) {
  return document("Journeys", "<strong>journey serve</strong>\n", index_live(snapshot),
                  snapshot.version);
}

std::optional<std::string> journey_live(const Snapshot &snapshot, std::string_view key, View view) {
  const ServedJourney *j = snapshot.find(key);
  if (j == nullptr) {
    return std::nullopt;
  }
  std::string out = fmt::format(
      "<h1>{}</h1>\n<p class=\"facts\"><code>{}</code>{}</p>\n", escape_html_text(j->heading),
      escape_html_text(j->path),
      j->id.empty() ? "" : fmt::format(" · journey <code>{}</code>", escape_html_text(j->id)));
  out += state_html(*j);
  out += "<section id=\"findings\">\n<h2>Lint findings</h2>\n" + findings_html(j->findings) +
         "</section>\n";
  out += diagram_html(*j, view);
  if (j->metrics) {
    out += fmt::format("<section id=\"figures\" class=\"{}\">\n<h2>Headline figures{}</h2>\n{}"
                       "</section>\n",
                       j->blocked ? "stale" : "current", j->blocked ? " (last good version)" : "",
                       report_metrics_html(*j->metrics));
  }
  return out;
}

std::optional<std::string> journey_page(const Snapshot &snapshot, std::string_view key, View view) {
  std::optional<std::string> live = journey_live(snapshot, key, view);
  if (!live) {
    return std::nullopt;
  }
  const ServedJourney &j = *snapshot.find(key);
  const std::string bar = "<a class=\"home\" href=\"/\">All journeys</a>\n" + view_switch(j, view);
  return document(j.heading, bar, *live, snapshot.version);
}

std::string message_page(std::string_view title, std::string_view text) {
  return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<title>{0}</title>\n<link rel=\"stylesheet\" href=\"{2}\">\n</head>\n"
                     "<body>\n<main>\n<h1>{0}</h1>\n<p>{1}</p>\n<p><a href=\"/\">All journeys</a>"
                     "</p>\n</main>\n</body>\n</html>\n",
                     escape_html_text(title), escape_html_text(text), kStyleRoute);
}

} // namespace journey
