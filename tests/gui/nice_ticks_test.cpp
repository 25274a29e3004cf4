// nice_ticks: steps of {1, 2, 5} x 10^k, ranges rounded out to them, at most the ticks asked for.
#include "nines/gui/charts/nice_ticks.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace nines::gui::charts {
namespace {

struct Case {
  double lo;
  double hi;
  int max_ticks;
  double want_lo;
  double want_hi;
  double want_step;
  int want_decimals;
};

TEST(NiceTicks, RoundsATableOfRangesOutToOneTwoOrFiveTimesAPowerOfTen) {
  const Case cases[] = {
      // The Pareto and outage axes (0..100 %): 0/20/.../100 or 0/10/.../100, never 0/25/50/75.
      {0.0, 100.0, 6, 0.0, 100.0, 20.0, 0},
      {0.0, 100.0, 11, 0.0, 100.0, 10.0, 0},
      {0.0, 100.0, 5, 0.0, 100.0, 50.0, 0},
      // Replications of a convergence run.
      {0.0, 2000.0, 11, 0.0, 2000.0, 200.0, 0},
      {0.0, 1337.0, 11, 0.0, 1400.0, 200.0, 0},
      {0.0, 7.0, 11, 0.0, 7.0, 1.0, 0},
      // Availability in percent, a narrow band near 100.
      {99.9412, 99.9987, 8, 99.94, 100.0, 0.01, 2},
      {99.99961, 99.99992, 8, 99.9996, 99.99995, 0.00005, 5},
      {97.3, 99.1, 8, 97.0, 99.5, 0.5, 1},
      // A histogram's share axis.
      {0.0, 37.4, 8, 0.0, 40.0, 10.0, 0},
      {0.0, 3.3, 8, 0.0, 3.5, 0.5, 1},
      // Bounds already on the step stay where they are (0.3 / 0.1 is not quite 3 in doubles).
      {0.3, 0.7, 5, 0.3, 0.7, 0.1, 1},
      {0.1, 0.3, 3, 0.1, 0.3, 0.1, 1},
      // Negative ranges, reversed bounds, a range around 0.
      {-7.0, -2.0, 6, -7.0, -2.0, 1.0, 0},
      {5.0, -5.0, 6, -5.0, 5.0, 5.0, 0},
      {-0.4, 0.4, 3, -0.5, 0.5, 0.5, 1},
      // An empty range is widened around its value.
      {5.0, 5.0, 6, 4.5, 5.5, 0.5, 1},
      {0.0, 0.0, 6, -1.0, 1.0, 0.5, 1},
      // Large values.
      {0.0, 8.7e6, 6, 0.0, 1e7, 2e6, 0},
  };
  for (const Case& c : cases) {
    const NiceTicks t = nice_ticks(c.lo, c.hi, c.max_ticks);
    const auto where = ::testing::Message()
                       << "[" << c.lo << ", " << c.hi << "] in at most " << c.max_ticks << " ticks";
    EXPECT_NEAR(t.step, c.want_step, 1e-9 * c.want_step) << where;
    EXPECT_NEAR(t.lo, c.want_lo, 1e-9 * c.want_step) << where;
    EXPECT_NEAR(t.hi, c.want_hi, 1e-9 * c.want_step) << where;
    EXPECT_EQ(t.decimals, c.want_decimals) << where;
    EXPECT_LE(t.count(), c.max_ticks) << where;
    EXPECT_LE(t.lo, std::min(c.lo, c.hi)) << where;
    EXPECT_GE(t.hi, std::max(c.lo, c.hi)) << where;
  }
}

/// Whether `step` is 1, 2 or 5 times a power of ten (to rounding).
bool one_two_five(double step) {
  const double decade = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
  const double mantissa = step / decade;
  for (const double m : {1.0, 2.0, 5.0}) {
    if (std::abs(mantissa - m) < 1e-9) return true;
  }
  return false;
}

TEST(NiceTicks, TakesTheSmallestStepThatFitsOverManyRanges) {
  for (int i = 1; i < 400; ++i) {
    const double lo = std::sin(i) * std::pow(10.0, i % 7 - 3);
    const double hi = lo + std::abs(std::cos(i)) * std::pow(10.0, i % 5 - 2);
    for (const int max_ticks : {3, 5, 8, 11}) {
      const NiceTicks t = nice_ticks(lo, hi, max_ticks);
      const auto where = ::testing::Message() << "[" << lo << ", " << hi << "] in " << max_ticks;
      ASSERT_TRUE(one_two_five(t.step)) << where << ": step " << t.step;
      EXPECT_NEAR(t.lo / t.step, std::round(t.lo / t.step), 1e-6) << where;
      EXPECT_NEAR(t.hi / t.step, std::round(t.hi / t.step), 1e-6) << where;
      EXPECT_LE(t.lo, lo) << where;
      EXPECT_GE(t.hi, hi) << where;
      EXPECT_LE(t.count(), max_ticks) << where;
      // The next smaller step of the sequence (5 -> 2 -> 1 -> 0.5) would take too many ticks.
      const double decade = std::pow(10.0, std::floor(std::log10(t.step) + 1e-9));
      const double mantissa = std::round(t.step / decade);
      const double smaller = mantissa == 1.0 ? 0.5 * decade : mantissa == 2.0 ? decade : 2 * decade;
      const double ticks = std::ceil(hi / smaller - 1e-9) - std::floor(lo / smaller + 1e-9) + 1;
      EXPECT_GT(ticks, max_ticks) << where << ": step " << smaller << " fits too";
    }
  }
}

TEST(NiceTicks, GivesTheUnitRangeForBoundsNotKnownYet) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (const auto& [lo, hi] : {std::pair{nan, 1.0}, std::pair{0.0, inf}, std::pair{-inf, nan}}) {
    const NiceTicks t = nice_ticks(lo, hi, 6);
    EXPECT_EQ(t.lo, 0.0);
    EXPECT_EQ(t.hi, 1.0);
    EXPECT_DOUBLE_EQ(t.step, 0.2);
    EXPECT_EQ(t.decimals, 1);
  }
}

TEST(NiceTicks, NeverLabelsATickMinusZero) {
  EXPECT_FALSE(std::signbit(nice_ticks(-5.0, -0.0, 6).hi));
  EXPECT_FALSE(std::signbit(nice_ticks(-0.0, 3.0, 6).lo));
}

}  // namespace
}  // namespace nines::gui::charts
