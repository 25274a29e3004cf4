// Every distribution's sample moments against its formula (fixed seeds, 5 standard errors).
#include "nines/engine/law_sampler.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace nines::engine {
namespace {

struct Moments {
  double mean;
  double variance;
};

void expect_moments(const models::Distribution& distribution, Moments exact, int n = 400000) {
  std::vector<double> table;
  const CompiledLaw law = compile_law(distribution, table);
  RandomStream stream(stream_key(1, 2, hash_id("law"), 3));
  double sum = 0.0;
  double sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = sample_law(law, stream, table.data());
    ASSERT_GE(x, 0.0);
    sum += x;
    sum2 += x * x;
  }
  const double mean = sum / n;
  const double variance = sum2 / n - mean * mean;
  EXPECT_NEAR(mean, exact.mean, 5.0 * std::sqrt(exact.variance / n) + 1e-12);
  EXPECT_NEAR(variance, exact.variance, 0.05 * exact.variance + 1e-12);
  EXPECT_NEAR(models::mean_hours(distribution), exact.mean, 1e-9 * exact.mean);
}

TEST(LawSampler, Exponential) { expect_moments(models::Exponential{3.0}, {3.0, 9.0}); }

TEST(LawSampler, Weibull) {
  const double k = 1.5;
  const double scale = 2.0;
  const double g1 = std::tgamma(1 + 1 / k);
  const double g2 = std::tgamma(1 + 2 / k);
  expect_moments(models::Weibull{k, scale}, {scale * g1, scale * scale * (g2 - g1 * g1)});
}

TEST(LawSampler, Lognormal) {
  const double mu = 1.0;
  const double s = 0.5;
  const double mean = std::exp(mu + s * s / 2);
  expect_moments(models::Lognormal{mu, s}, {mean, (std::exp(s * s) - 1) * mean * mean});
}

/// Moments of Normal(m, s^2) truncated at 0: with a = m / s and lambda = phi(a) / Phi(a),
/// mean = m + s * lambda and variance = s^2 * (1 - a * lambda - lambda^2).
Moments truncated_normal(double m, double s) {
  const double a = m / s;
  const double phi = std::exp(-a * a / 2) / std::sqrt(2 * std::numbers::pi);
  const double big_phi = 0.5 * std::erfc(-a / std::sqrt(2.0));
  const double lambda = phi / big_phi;
  return {m + s * lambda, s * s * (1 - a * lambda - lambda * lambda)};
}

TEST(LawSampler, NormalFarFromZeroIsBarelyTruncated) {
  expect_moments(models::Normal{10.0, 2.0}, truncated_normal(10.0, 2.0));
}

TEST(LawSampler, NormalTruncatedAtZeroShiftsTheMean) {
  expect_moments(models::Normal{1.0, 2.0}, truncated_normal(1.0, 2.0));
}

TEST(LawSampler, GammaAboveAndBelowShapeOne) {
  expect_moments(models::Gamma{2.5, 3.0}, {7.5, 2.5 * 9.0});
  expect_moments(models::Gamma{0.4, 2.0}, {0.8, 0.4 * 4.0});
}

TEST(LawSampler, Uniform) { expect_moments(models::Uniform{1.0, 3.0}, {2.0, 4.0 / 12.0}); }

TEST(LawSampler, FixedAlwaysGivesItsValue) {
  std::vector<double> table;
  const CompiledLaw law = compile_law(models::Fixed{2.5}, table);
  RandomStream stream(1);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(sample_law(law, stream, table.data()), 2.5);
  EXPECT_EQ(compile_law(models::Fixed{0.0}, table).kind, LawKind::kZero);
}

TEST(LawSampler, EmpiricalDrawsEachSampleEquallyOften) {
  std::vector<double> table = {99.0};  // an earlier law's samples: offsets must be respected
  const CompiledLaw law = compile_law(models::Empirical{{1.0, 2.0, 6.0}}, table);
  RandomStream stream(9);
  int counts[3] = {0, 0, 0};
  const int n = 300000;
  for (int i = 0; i < n; ++i) {
    const double x = sample_law(law, stream, table.data());
    counts[x == 1.0 ? 0 : x == 2.0 ? 1 : 2]++;
    ASSERT_TRUE(x == 1.0 || x == 2.0 || x == 6.0);
  }
  for (const int c : counts) EXPECT_NEAR(c, n / 3.0, 5.0 * std::sqrt(n * (1 / 3.0) * (2 / 3.0)));
}

}  // namespace
}  // namespace nines::engine
