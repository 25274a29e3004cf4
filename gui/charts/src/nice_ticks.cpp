// Round axis ticks for the charts (no chart library here).
#include "nines/gui/charts/nice_ticks.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <utility>

namespace nines::gui::charts {
namespace {

// A bound a rounding error away from a multiple of the step counts as that multiple (0.3 / 0.1
// is 2.9999999999999996 in doubles), so the range is not rounded out by a whole step too many.
constexpr double kSlack = 1e-9;

}  // namespace

int NiceTicks::count() const { return static_cast<int>(std::lround((hi - lo) / step)) + 1; }

NiceTicks nice_ticks(double lo, double hi, int max_ticks) {
  assert(max_ticks >= 3);
  if (!std::isfinite(lo) || !std::isfinite(hi)) return nice_ticks(0.0, 1.0, max_ticks);
  if (hi < lo) std::swap(lo, hi);
  if (hi == lo) {
    const double half = lo == 0.0 ? 1.0 : 0.1 * std::abs(lo);
    lo -= half;
    hi += half;
  }
  // Start one decade under the step that spreads the range over max_ticks - 1 intervals and
  // climb 1, 2, 5, 10, 20, ...: the first that fits is the smallest.
  int exponent = static_cast<int>(std::floor(std::log10((hi - lo) / (max_ticks - 1)))) - 1;
  constexpr std::array<int, 3> kMantissas = {1, 2, 5};
  for (;; ++exponent) {
    // n x 10^e as the double nearest it: 3 x 0.1 is 0.30000000000000004, 3 / 10 is 0.3 (powers
    // of ten up to 10^22 are exact doubles).
    const auto times_decade = [exponent](double n) {
      return exponent < 0 ? n / std::pow(10.0, -exponent) : n * std::pow(10.0, exponent);
    };
    for (const int mantissa : kMantissas) {
      const double step = times_decade(mantissa);
      const double first = std::floor(lo / step + kSlack);
      const double last = std::ceil(hi / step - kSlack);
      if (last - first + 1.0 <= max_ticks) {
        NiceTicks ticks;
        ticks.lo = times_decade(first * mantissa);
        ticks.hi = times_decade(last * mantissa);
        // -0.0 would print as "-0".
        if (ticks.lo == 0.0) ticks.lo = 0.0;
        if (ticks.hi == 0.0) ticks.hi = 0.0;
        ticks.step = step;
        ticks.decimals = std::max(0, -exponent);
        return ticks;
      }
    }
  }
}

}  // namespace nines::gui::charts
