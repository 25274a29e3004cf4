// Tests of paired_difference: exact figures on small vectors, NaN pairs skipped, and the point of
// pairing: two runs of one seed differ far less than two independent runs would.
#include "nines/engine/paired_difference.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

TEST(PairedDifference, IsTheMeanOfTheDifferencesWithItsInterval) {
  const std::vector<double> baseline{1.0, 2.0, 3.0, 4.0};
  const std::vector<double> variant{2.0, 2.0, 5.0, 4.0};  // differences 1, 0, 2, 0
  const PairedDifference d = paired_difference(baseline, variant);
  EXPECT_EQ(d.pairs, 4);
  EXPECT_DOUBLE_EQ(d.paired.mean, 0.75);
  // Sample sd of {1, 0, 2, 0} is sqrt(11/12); stderr = sd / 2; t(3, 0.975) is 3.182 in the
  // table estimate_mean uses for every run's intervals.
  const double stderr_ = std::sqrt(11.0 / 12.0) / 2.0;
  EXPECT_NEAR(d.paired.stderr_, stderr_, 1e-15);
  EXPECT_NEAR(d.paired.ci95_hi - d.paired.mean, 3.182 * stderr_, 1e-12);
  EXPECT_GT(d.independent_half_width, 0.0);
}

TEST(PairedDifference, SkipsReplicationsThatDidNotRunAndStopsAtTheShorterRun) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const PairedDifference d = paired_difference({1.0, nan, 3.0, 7.0}, {2.0, 5.0, 4.0});
  EXPECT_EQ(d.pairs, 2);
  EXPECT_DOUBLE_EQ(d.paired.mean, 1.0);
  EXPECT_DOUBLE_EQ(d.paired.stderr_, 0.0);
}

TEST(PairedDifference, OfTwoRunsOfOneSeedIsFarNarrowerThanIndependent) {
  using testing::depends;
  using testing::pool;
  models::Model base = testing::single(pool("web", 2, 1, 500.0, 10.0), 8760.0, 400, 3);
  base.components.push_back(pool("db", 1, 1, 2000.0, 8.0));
  base.dependencies = {depends("web", {"db"})};
  models::Model variant = base;
  variant.components[1].repair = models::Exponential{6.0};  // faster database repairs

  const RangeResult a = simulate_range(base, {});
  const RangeResult b = simulate_range(variant, {});
  const PairedDifference d = paired_difference(a.unavailability, b.unavailability);
  EXPECT_EQ(d.pairs, 400);
  EXPECT_LT(d.paired.mean, 0.0) << "faster repairs lower the unavailability";
  const double paired_half = d.paired.ci95_hi - d.paired.mean;
  EXPECT_LT(paired_half, 0.5 * d.independent_half_width);
}

}  // namespace
}  // namespace nines::engine
