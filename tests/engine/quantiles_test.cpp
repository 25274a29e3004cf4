// Exact type-7 quantiles, checked against a direct computation on sorted values.
#include "nines/engine/quantiles.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

/// The textbook definition: sort, then interpolate between x[floor h] and x[floor h + 1].
double direct_type7(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const double h = static_cast<double>(values.size() - 1) * p;
  const auto j = static_cast<std::size_t>(std::floor(h));
  if (j + 1 >= values.size()) return values[j];
  return values[j] + (h - static_cast<double>(j)) * (values[j + 1] - values[j]);
}

TEST(Quantile, MatchesTheDefinitionOnSmallCases) {
  EXPECT_EQ(quantile({3.0}, 0.5), 3.0);
  EXPECT_EQ(quantile({1.0, 2.0, 3.0, 4.0}, 0.5), 2.5);
  EXPECT_EQ(quantile({4.0, 1.0, 3.0, 2.0}, 0.0), 1.0);
  EXPECT_EQ(quantile({4.0, 1.0, 3.0, 2.0}, 1.0), 4.0);
  EXPECT_DOUBLE_EQ(quantile({10.0, 20.0}, 0.01), 10.1);
}

TEST(Quantile, MatchesASortOnRandomValuesWithTies) {
  std::mt19937_64 random(5);
  std::uniform_int_distribution<int> draw(0, 40);
  for (const std::size_t n : {1U, 2U, 7U, 100U, 1001U}) {
    std::vector<double> values(n);
    for (auto& v : values) v = 1.0 - 0.001 * draw(random);
    const auto q = availability_quantiles(values);
    ASSERT_TRUE(q);
    EXPECT_EQ(q->p1, direct_type7(values, 0.01)) << n;
    EXPECT_EQ(q->p5, direct_type7(values, 0.05)) << n;
    EXPECT_EQ(q->p50, direct_type7(values, 0.5)) << n;
    EXPECT_EQ(q->p95, direct_type7(values, 0.95)) << n;
    EXPECT_EQ(q->p99, direct_type7(values, 0.99)) << n;
  }
  EXPECT_FALSE(availability_quantiles({}));
}

TEST(Quantile, RunResultQuantilesAreThoseOfThePerReplicationAvailability) {
  const auto model = testing::single(testing::pool("box", 2, 2, 800.0, 6.0), 8760.0, 400);
  RunOptions options;
  options.threads = 2;
  const auto range = simulate_range(model, options);
  const auto result = summarize_range(model, range);
  std::vector<double> availability;
  for (const double u : range.unavailability) availability.push_back(1.0 - u);
  ASSERT_TRUE(result.availability_quantiles);
  EXPECT_EQ(result.availability_quantiles->p1, direct_type7(availability, 0.01));
  EXPECT_EQ(result.availability_quantiles->p50, direct_type7(availability, 0.5));
  EXPECT_EQ(result.availability_quantiles->p99, direct_type7(availability, 0.99));
  EXPECT_LT(result.availability_quantiles->p1, result.availability_quantiles->p99);
}

}  // namespace
}  // namespace nines::engine
