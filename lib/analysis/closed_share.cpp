// Closed share: breakpoints of the arrival pieces and both calendars, one test per stretch.
#include "journey/analysis/closed_share.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace journey {
namespace {

/// `t` folded into [0, week).
double in_week(double t) {
  double r = std::fmod(t, kWeekSeconds);
  return r < 0 ? r + kWeekSeconds : r;
}

void add_cuts(std::vector<double> &cuts, const Calendar &c, double shift) {
  for (const OpenInterval &i : c.intervals()) {
    cuts.push_back(in_week(i.begin * 60.0 - shift));
    cuts.push_back(in_week(i.end * 60.0 - shift));
  }
}

} // namespace

double closed_share(const ArrivalProfile &arrivals, const Calendar &from, const Calendar &to,
                    double delay) {
  std::vector<double> cuts{0, kWeekSeconds};
  for (const ArrivalProfile::Piece &p : arrivals.pieces()) {
    cuts.push_back(p.begin);
    cuts.push_back(p.end);
  }
  add_cuts(cuts, from, 0);
  add_cuts(cuts, to, delay);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  double there = 0;
  double closed = 0;
  std::size_t piece = 0;
  const auto &pieces = arrivals.pieces();
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    const double mid = (cuts[k] + cuts[k + 1]) / 2;
    while (piece < pieces.size() && pieces[piece].end <= mid) {
      ++piece;
    }
    if (piece == pieces.size() || pieces[piece].begin > mid || !from.open_at(mid)) {
      continue;
    }
    const ArrivalProfile::Piece &p = pieces[piece];
    const double mass = p.share * (cuts[k + 1] - cuts[k]) / (p.end - p.begin);
    there += mass;
    if (!to.open_at(in_week(mid + delay))) {
      closed += mass;
    }
  }
  return there > 0 ? closed / there : 0.0;
}

} // namespace journey
