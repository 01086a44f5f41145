// Portfolio map: intents, the journeys serving them, and the internal processes each journey
// cuts across, grouped by owning team; processes shared by several journeys stand out.
#pragma once

#include "journey/analysis/load_map.h"
#include "journey/model/journey.h"
#include "journey/render/dot_graph.h"
#include "journey/render/format.h"
#include "journey/render/graphviz.h"

#include <cstddef>
#include <string>
#include <vector>

namespace journey {

/// The portfolio map as data: intents, journeys and processes (by team), before any DOT.
struct PortfolioMapView {
  struct JourneyBox {
    const Journey *journey = nullptr;
    std::size_t intent = 0; ///< index in `intents`
    std::string figures;    ///< `12 steps · lead time 2w · 5 handoffs`
  };
  struct ProcessBox {
    std::string id;
    std::string name;
    int team = -1;            ///< index in `teams`, -1 for a process without a team
    std::size_t journeys = 0; ///< journeys that use it; shared when more than one
  };
  struct TeamBox {
    std::string name;
    bool shared = false; ///< one of its processes is shared
  };
  struct Link {
    std::size_t journey = 0; ///< index in `journeys`
    std::size_t process = 0; ///< index in `processes`
  };
  std::vector<std::string> intents; ///< in order of the sorted journeys
  std::vector<JourneyBox> journeys; ///< sorted by intent, title, id and file
  std::vector<TeamBox> teams;       ///< in order of the sorted processes
  std::vector<ProcessBox> processes; ///< sorted by team, then name
  std::vector<Link> links;          ///< each journey's processes, in order of first use
  std::size_t shared = 0;           ///< processes used by two journeys or more
};

/// Computes the map of several journeys; the result does not depend on their order.
PortfolioMapView portfolio_map_view(const std::vector<const Journey *> &journeys);

/// Builds the map of several journeys, left to right: intents, journeys, then processes in one
/// box per owning team. Processes are matched across journeys by id (a shared catalog keeps ids
/// consistent). Node classes: `intent`, `journey`, `process`, and `shared` on processes used by
/// two journeys or more. The result does not depend on the order of `journeys`.
DotGraph build_portfolio_map(const std::vector<const Journey *> &journeys);

/// Draws the map as `format` (DOT text, or laid out by Graphviz within `layout`'s bound), with
/// what Graphviz said; on failure, why (a timeout says what helps).
Expected<Drawing> draw_portfolio_map(const std::vector<const Journey *> &journeys, Format format,
                                     const LayoutOptions &layout);

/// Draws the map as `format` (DOT text, or laid out by Graphviz). Throws RenderError.
std::string render_portfolio_map(const std::vector<const Journey *> &journeys, Format format);

/// The load map as data: journeys with a volume on the left, the teams and contact channels
/// they load on the right (teams first, each most loaded first), with the monthly work hours of
/// each journey on each.
struct LoadMapView {
  struct JourneyBox {
    std::string id;
    std::string title;
    double volume = 0; ///< customers a month
  };
  struct LoadBox {
    LoadRow row;
    double size = 0; ///< 0..1: work hours against the most loaded box's
  };
  struct Link {
    std::size_t journey = 0; ///< index in `journeys`
    std::size_t box = 0;     ///< index in `boxes`
    double work_hours = 0;   ///< per month
    double weight = 0;       ///< 0..1: against the heaviest link
  };
  std::vector<JourneyBox> journeys; ///< by id, then file
  std::vector<LoadBox> boxes;
  std::vector<Link> links; ///< by box, then journey
  std::size_t left_out = 0; ///< journeys without a volume or defined figures
};

/// How a utilisation is shown: `over` (at or over 100%), `high` (85% and over), `busy` (70%
/// and over), `ok`, or `unknown` without staff (NaN).
std::string_view utilisation_band(double utilisation);

/// Computes the load map; `journeys` and `metrics` are parallel (the metrics of each journey).
LoadMapView load_map_view(const std::vector<const Journey *> &journeys,
                          const std::vector<JourneyMetrics> &metrics);

/// Builds the load map: each team or channel a box coloured by its utilisation band and sized
/// by its work, edges from journeys labelled with their monthly hours. Node classes `journey`,
/// `team` or `channel`, and the band.
DotGraph build_load_map(const LoadMapView &view);

/// Draws the load map as `format` within `layout`'s bound; on failure, why.
Expected<Drawing> draw_load_map(const LoadMapView &view, Format format, const LayoutOptions &layout);

} // namespace journey
