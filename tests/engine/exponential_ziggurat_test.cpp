// The ziggurat's exponential variates against the law itself: moments, the survival function
// from the body through the layers' edges into the tail, and equiprobable bins (fixed seeds).
#include "nines/engine/exponential_ziggurat.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <vector>

namespace nines::engine {
namespace {

constexpr int kDraws = 4'000'000;

std::vector<double> draws(std::uint64_t seed) {
  RandomStream stream(stream_key(seed, 0, hash_id("ziggurat"), 0));
  const ExponentialZiggurat& zig = ExponentialZiggurat::instance();
  std::vector<double> x(kDraws);
  for (double& v : x) v = zig.sample(stream);
  return x;
}

TEST(ExponentialZiggurat, MeanAndVarianceAreOne) {
  const std::vector<double> x = draws(1);
  double sum = 0.0;
  double sum2 = 0.0;
  for (const double v : x) {
    ASSERT_GE(v, 0.0);
    sum += v;
    sum2 += v * v;
  }
  const double mean = sum / kDraws;
  const double variance = sum2 / kDraws - mean * mean;
  EXPECT_NEAR(mean, 1.0, 5.0 / std::sqrt(kDraws));            // sd of the mean: 1 / sqrt(n)
  EXPECT_NEAR(variance, 1.0, 5.0 * std::sqrt(8.0 / kDraws));  // sd of s^2: sqrt((mu4 - 1) / n)
}

TEST(ExponentialZiggurat, SurvivalMatchesExpMinusT) {
  // Points inside layers, near the tail start (7.697) and deep in the tail; each P(X > t)
  // within 5 binomial standard errors.
  const std::vector<double> x = draws(2);
  for (const double t : {0.001, 0.05, 0.3, 1.0, 2.0, 3.5, 5.0, 7.0, 7.69, 7.71, 9.0, 11.0}) {
    std::int64_t above = 0;
    for (const double v : x) above += v > t ? 1 : 0;
    const double p = std::exp(-t);
    const double se = std::sqrt(p * (1.0 - p) / kDraws);
    EXPECT_NEAR(static_cast<double>(above) / kDraws, p, 5.0 * se + 1e-9) << "t = " << t;
  }
}

TEST(ExponentialZiggurat, EquiprobableBinsPassChiSquare) {
  // 200 bins of probability 1/200 each: the statistic has 199 degrees of freedom, mean 199 and
  // sd 19.9; 199 + 5 sd = 299 is a bound a correct sampler fails with probability ~1e-6.
  constexpr int kBins = 200;
  const std::vector<double> x = draws(3);
  std::array<std::int64_t, kBins> counts{};
  for (const double v : x) {
    const double u = 1.0 - std::exp(-v);  // uniform on [0, 1) when v is Exp(1)
    const auto bin = static_cast<std::size_t>(u * kBins);
    ++counts[bin < kBins ? bin : kBins - 1];
  }
  const double expected = static_cast<double>(kDraws) / kBins;
  double chi2 = 0.0;
  for (const std::int64_t c : counts) {
    chi2 += (static_cast<double>(c) - expected) * (static_cast<double>(c) - expected) / expected;
  }
  EXPECT_LT(chi2, 299.0);
}

TEST(ExponentialZiggurat, SameStreamSameDraws) { EXPECT_EQ(draws(4), draws(4)); }

}  // namespace
}  // namespace nines::engine
