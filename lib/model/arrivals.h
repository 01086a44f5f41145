// Arrivals: the weekly profile of when customers start a journey (`arrivals:`).
#pragma once

#include "journey/model/diagnostic.h"
#include "journey/model/expected.h"
#include "journey/model/hours.h"

#include <vector>

namespace journey {

/// One line of `arrivals:`: the share of customers who start within some weekly hours.
struct ArrivalWindow {
  OpeningHours hours;
  double share = 0; ///< 0..1
  Location location; ///< of the hours key
};

/// When in the week customers start: piecewise uniform. Built from windows, each spreading its
/// share evenly over its hours; what the shares leave is spread evenly over the hours no window
/// names. Without windows, evenly over the week.
class ArrivalProfile {
public:
  /// A stretch of the week (seconds from Monday 00:00) and the share of customers starting in it.
  struct Piece {
    double begin = 0;
    double end = 0;
    double share = 0;
  };

  /// Evenly over the week.
  ArrivalProfile();
  /// The profile of `windows`; the reason when their shares exceed 100%, a window with a share
  /// has no hours, or the windows cover the week and leave a share over.
  static Expected<ArrivalProfile> make(const std::vector<ArrivalWindow> &windows);

  /// The pieces, in order of the week, each with a positive share; the shares add up to 1.
  const std::vector<Piece> &pieces() const { return pieces_; }
  /// The time of the week below which a share `u` (0..1) of the customers start.
  double time_at(double u) const;

private:
  std::vector<Piece> pieces_;
  std::vector<double> below_; ///< cumulative share at the end of each piece
};

} // namespace journey
