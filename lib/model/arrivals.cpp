// Arrivals: weekly windows with shares turned into a piecewise-uniform profile.
#include "journey/model/arrivals.h"

#include "journey/model/calendar.h"
#include "journey/model/text.h"

#include <algorithm>

namespace journey {
namespace {

constexpr int kWeekMinutes = 7 * 24 * 60;
constexpr double kSlack = 1e-9;

std::vector<OpenInterval> intervals_of(const OpeningHours &hours) {
  return hours.always ? std::vector<OpenInterval>{{0, kWeekMinutes}} : hours.intervals;
}

bool covers(const std::vector<OpenInterval> &intervals, int minute) {
  return std::any_of(intervals.begin(), intervals.end(), [&](const OpenInterval &i) {
    return minute >= i.begin && minute < i.end;
  });
}

} // namespace

ArrivalProfile::ArrivalProfile() : pieces_{{0, kWeekSeconds, 1}}, below_{1} {}

Expected<ArrivalProfile> ArrivalProfile::make(const std::vector<ArrivalWindow> &windows) {
  if (windows.empty()) {
    return ArrivalProfile();
  }
  std::vector<int> cuts{0, kWeekMinutes};
  std::vector<std::vector<OpenInterval>> open;
  double named = 0;
  for (const ArrivalWindow &w : windows) {
    open.push_back(intervals_of(w.hours));
    if (w.share > 0 && open.back().empty()) {
      return failure("`" + w.hours.text + "` has no hours to spread its " +
                     format_percent(w.share, 0) + " over");
    }
    named += w.share;
    for (const OpenInterval &i : open.back()) {
      cuts.push_back(i.begin);
      cuts.push_back(i.end);
    }
  }
  if (named > 1 + kSlack) {
    return failure("the shares add up to " + format_percent(named, 0) + ", more than 100%");
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  // Each stretch between two cuts is inside or outside every window as a whole.
  struct Stretch {
    int begin, end;
    double share;
    bool named;
  };
  std::vector<Stretch> stretches;
  double unnamed_minutes = 0;
  for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
    Stretch s{cuts[c], cuts[c + 1], 0, false};
    for (std::size_t w = 0; w < windows.size(); ++w) {
      if (covers(open[w], s.begin)) {
        double minutes = 0;
        for (const OpenInterval &i : open[w]) {
          minutes += i.end - i.begin;
        }
        s.share += windows[w].share * (s.end - s.begin) / minutes;
        s.named = true;
      }
    }
    if (!s.named) {
      unnamed_minutes += s.end - s.begin;
    }
    stretches.push_back(s);
  }
  const double rest = std::max(0.0, 1 - named);
  if (rest > kSlack && unnamed_minutes == 0) {
    return failure("the hours cover the whole week but the shares add up to " +
                   format_percent(named, 0) + ", not 100%");
  }
  if (named <= kSlack && unnamed_minutes == 0) {
    return failure("no share of customers is given");
  }
  ArrivalProfile profile;
  profile.pieces_.clear();
  profile.below_.clear();
  const double total = named + (unnamed_minutes > 0 ? rest : 0);
  double below = 0;
  for (const Stretch &s : stretches) {
    const double share =
        (s.named ? s.share : rest * (s.end - s.begin) / std::max(unnamed_minutes, 1.0)) / total;
    if (share <= 0) {
      continue;
    }
    below += share;
    profile.pieces_.push_back({s.begin * 60.0, s.end * 60.0, share});
    profile.below_.push_back(below);
  }
  profile.below_.back() = 1;
  return profile;
}

double ArrivalProfile::time_at(double u) const {
  const auto it = std::upper_bound(below_.begin(), below_.end(), u);
  const std::size_t k = it == below_.end() ? below_.size() - 1 : static_cast<std::size_t>(it - below_.begin());
  const double before = k == 0 ? 0.0 : below_[k - 1];
  const Piece &p = pieces_[k];
  const double within = std::clamp((u - before) / p.share, 0.0, 1.0);
  return p.begin + (p.end - p.begin) * within;
}

} // namespace journey
