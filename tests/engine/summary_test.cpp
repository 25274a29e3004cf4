// Statistics over replications: means, standard errors, intervals.
#include "nines/engine/summary.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "nines/engine/random_stream.hpp"

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

namespace nines::engine {
namespace {

TEST(Summary, PrefixEstimatesEqualTheEstimateOfEachPrefix) {
  // Small unavailabilities with a few large ones, as real runs have: Welford's running form must
  // agree with the two-pass estimate_mean to rounding.
  std::vector<double> values;
  RandomStream stream(stream_key(5, 0, hash_id("prefix"), 0));
  for (int i = 0; i < 5000; ++i) {
    const double u = stream.uniform_open();
    values.push_back(u < 0.97 ? 1e-6 * u : 0.01 * u);
  }
  const std::vector<std::int64_t> lengths{1, 2, 3, 10, 31, 32, 500, 4999, 5000};
  const std::vector<Estimate> running = prefix_estimates(values, lengths);
  ASSERT_EQ(running.size(), lengths.size());
  for (std::size_t i = 0; i < lengths.size(); ++i) {
    const std::vector<double> prefix(values.begin(), values.begin() + lengths[i]);
    const Estimate expected = estimate_mean(prefix);
    const double scale = std::abs(expected.mean) + expected.stderr_;
    EXPECT_NEAR(running[i].mean, expected.mean, 1e-12 * scale) << lengths[i];
    EXPECT_NEAR(running[i].stderr_, expected.stderr_, 1e-10 * scale) << lengths[i];
    EXPECT_NEAR(running[i].ci95_lo, expected.ci95_lo, 1e-10 * scale) << lengths[i];
    EXPECT_NEAR(running[i].ci95_hi, expected.ci95_hi, 1e-10 * scale) << lengths[i];
  }
}

TEST(Summary, PrefixEstimatesRejectLengthsOutOfOrder) {
  const std::vector<double> values{1.0, 2.0, 3.0};
  EXPECT_THROW(prefix_estimates(values, {2, 1}), std::invalid_argument);
  EXPECT_THROW(prefix_estimates(values, {4}), std::invalid_argument);
}

}  // namespace
}  // namespace nines::engine
