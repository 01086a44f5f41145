// Survey results in YAML: entries of `surveys:` in a journey or in its sidecar file.
#include "journey/parse/surveys.h"

#include "journey/model/text.h"
#include "journey/parse/keys.h"
#include "journey/parse/survey_reader.h"
#include "journey/parse/yaml_tree.h"

#include <fmt/format.h>


namespace journey {

using yaml::Kind;
using yaml::Node;
using yaml::NodeId;

namespace detail {

namespace {

void read_survey(Reader &r, NodeId id, std::vector<Survey> &out) {
  const Node &n = r.node(id);
  if (n.kind != Kind::Map) {
    r.wrong_type(id, "a survey result", "a mapping with `date` and `nps`, `ces` or `csat`");
    return;
  }
  Survey s;
  s.file = std::string(r.filename());
  s.location = n.location;
  bool has_date = false;
  r.for_each_entry(id, survey_rule(), "a survey result",
                   [&](const std::string &k, const Node &, NodeId v) {
                     if (k == "date") {
                       s.date_location = r.location(v);
                       if (auto t = r.text(v, "date")) {
                         has_date = true;
                         s.date = *t;
                         if (const Expected<int> day = parse_date(*t)) {
                           s.day = *day;
                         } else {
                           r.report("invalid-value",
                                    fmt::format("bad `date` `{}`: {}", *t, day.error()),
                                    s.date_location);
                         }
                       }
                     } else if (k == "step") {
                       if (auto t = r.text(v, "step")) {
                         s.step = *t;
                         s.step_location = r.location(v);
                       }
                     } else if (k == "sample") {
                       s.sample = r.number(v, "sample");
                       s.sample_location = r.location(v);
                     } else {
                       for (SurveyMeasure m : kSurveyMeasures) {
                         if (k == survey_scale(m).key) {
                           if (auto value = r.signed_number(v, k)) {
                             s.score(m) = SurveyScore{*value, r.location(v)};
                           }
                         }
                       }
                     }
                   });
  if (!has_date) {
    r.report("missing-field",
             "a survey result has no `date` (the day it was measured, e.g. `date: 2025-03-31`)",
             n.location);
  }
  out.push_back(std::move(s));
}

} // namespace

void read_surveys(Reader &reader, NodeId list, std::vector<Survey> &out) {
  const Node &n = reader.node(list);
  if (Reader::is_null(n)) {
    return;
  }
  if (n.kind != Kind::Sequence) {
    reader.wrong_type(list, "surveys", "a list of survey results");
    return;
  }
  for (NodeId item : n.children) {
    read_survey(reader, item, out);
  }
}

} // namespace detail

std::string surveys_sidecar_path(std::string_view journey_path) {
  for (std::string_view ext : {".yaml", ".yml"}) {
    if (journey_path.size() > ext.size() && journey_path.ends_with(ext)) {
      const std::string_view stem = journey_path.substr(0, journey_path.size() - ext.size());
      if (stem.ends_with(".surveys") || stem.ends_with('/')) {
        return {};
      }
      return std::string(stem) + ".surveys" + std::string(ext);
    }
  }
  return {};
}

std::string sidecar_journey_path(std::string_view path) {
  for (std::string_view ext : {".yaml", ".yml"}) {
    const std::string suffix = ".surveys" + std::string(ext);
    if (path.size() > suffix.size() && path.ends_with(suffix) &&
        path[path.size() - suffix.size() - 1] != '/') {
      return std::string(path.substr(0, path.size() - suffix.size())) + std::string(ext);
    }
  }
  return {};
}

SurveysResult parse_surveys(std::string_view text, std::string_view filename) {
  SurveysResult result;
  const yaml::Tree tree = yaml::parse_tree(text, filename, result.diagnostics);
  if (tree.root == yaml::kNoNode) {
    if (result.diagnostics.empty()) {
      result.diagnostics.push_back(Diagnostic{Severity::Error, "missing-field",
                                              "the survey file is empty: write `surveys:` and a "
                                              "list of results",
                                              std::string(filename), Location{1, 1}});
    }
    result.readable = false;
    return result;
  }
  detail::Reader r(tree, filename, result.diagnostics);
  const Node &root = tree.deref(tree.root);
  if (root.kind != Kind::Map) {
    if (detail::Reader::is_null(root)) {
      r.report("missing-field", "the survey file is empty: write `surveys:` and a list of results",
               Location{1, 1});
    } else {
      r.wrong_type(tree.root, "a survey file", "a mapping with `surveys:`");
    }
    result.readable = false;
    return result;
  }
  bool has_surveys = false;
  r.for_each_entry(tree.root, surveys_file_rule(), "the survey file",
                   [&](const std::string &k, const Node &, NodeId v) {
                     if (k == "journey") {
                       if (auto id = r.text(v, "journey")) {
                         result.journey = *id;
                         result.journey_location = r.location(v);
                         if (!is_slug(*id)) {
                           r.report("invalid-value",
                                    fmt::format("journey id `{}` must be a slug, as in the "
                                                "journey file: e.g. `apply-by-post`",
                                                *id),
                                    result.journey_location);
                         }
                       }
                     } else {
                       has_surveys = true;
                       detail::read_surveys(r, v, result.surveys);
                     }
                   });
  if (!has_surveys) {
    r.report("missing-field", "the survey file has no `surveys` list", root.location);
  }
  return result;
}

} // namespace journey
