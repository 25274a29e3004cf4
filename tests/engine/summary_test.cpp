// Statistics over replications: means, standard errors, intervals.
#include "nines/engine/summary.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace nines::engine {
namespace {

TEST(Summary, EstimateMeanOfKnownValues) {
  const Estimate e = estimate_mean({1.0, 2.0, 3.0, 4.0});
  EXPECT_DOUBLE_EQ(e.mean, 2.5);
  EXPECT_NEAR(e.stderr_, std::sqrt(5.0 / 3.0 / 4.0), 1e-15);
  EXPECT_NEAR(e.ci95_hi - e.mean, 3.182 * e.stderr_, 1e-12);  // Student t, 3 dof
}

TEST(Summary, EstimateSkipsReplicationsNotRun) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Estimate e = estimate_mean({1.0, nan, 3.0});
  EXPECT_DOUBLE_EQ(e.mean, 2.0);
}

TEST(Summary, LargeSamplesUseTheNormalQuantile) {
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) values.push_back(i % 2);
  const Estimate e = estimate_mean(values);
  EXPECT_NEAR(e.ci95_hi - e.mean, 1.959963984540054 * e.stderr_, 1e-12);
}

TEST(Summary, WilsonIntervalKnownCase) {
  const SlaResult s = wilson_interval(0.999, 80, 100);
  EXPECT_DOUBLE_EQ(s.probability_met, 0.8);
  EXPECT_NEAR(s.ci95_lo, 0.7112, 1e-4);
  EXPECT_NEAR(s.ci95_hi, 0.8666, 1e-4);
  const SlaResult all = wilson_interval(0.9, 50, 50);
  EXPECT_DOUBLE_EQ(all.ci95_hi, 1.0);
  EXPECT_LT(all.ci95_lo, 1.0);
}

}  // namespace
}  // namespace nines::engine
