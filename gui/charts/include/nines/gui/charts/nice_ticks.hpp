// Axis ticks on round values: a step of 1, 2 or 5 times a power of ten and a range rounded out to
// it.
#pragma once

namespace nines::gui::charts {

/// A linear axis: its range, a whole number of steps, and the decimals its labels need.
struct NiceTicks {
  double lo = 0.0;
  double hi = 1.0;
  /// 1, 2 or 5 times a power of ten; lo and hi are multiples of it.
  double step = 0.2;
  /// Decimals that print every tick exactly (0 for a step of 1 or more).
  int decimals = 1;
  /// Ticks from lo to hi inclusive.
  int count() const;
};

/// The smallest step of {1, 2, 5} x 10^k whose multiples around [lo, hi] (the range rounded out
/// to the step) are at most `max_ticks` ticks. The bounds may come in either order; an empty
/// range (lo == hi) is widened around its value first, and a bound that is not finite (a figure
/// not known yet) gives the ticks of [0, 1]. Precondition: max_ticks >= 3, since a range around
/// 0 always takes three ticks (asserted: every caller passes a constant of its own).
NiceTicks nice_ticks(double lo, double hi, int max_ticks);

}  // namespace nines::gui::charts
