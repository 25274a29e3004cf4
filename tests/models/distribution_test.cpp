// Tests of the distribution helpers: means (against the formulas), zero laws, names.
#include "nines/models/distribution.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace nines::models {
namespace {

TEST(MeanHours, FollowsEachFormula) {
  EXPECT_DOUBLE_EQ(mean_hours(Exponential{5.0}), 5.0);
  EXPECT_DOUBLE_EQ(mean_hours(Weibull{1.5, 100.0}), 100.0 * std::tgamma(1.0 + 1.0 / 1.5));
  EXPECT_NEAR(mean_hours(Weibull{1.5, 100.0}), 90.2745292950934, 1e-9);
  EXPECT_DOUBLE_EQ(mean_hours(Lognormal{std::log(10.0), 0.5}), 10.0 * std::exp(0.125));
  EXPECT_DOUBLE_EQ(mean_hours(Gamma{2.0, 3.0}), 6.0);
  EXPECT_DOUBLE_EQ(mean_hours(Uniform{1.0, 3.0}), 2.0);
  EXPECT_DOUBLE_EQ(mean_hours(Fixed{4.0}), 4.0);
  EXPECT_DOUBLE_EQ(mean_hours(Empirical{{1.0, 2.0, 6.0}}), 3.0);
}

TEST(MeanHours, ShiftsATruncatedNormalUp) {
  // E[X | X > 0] = m + s * phi(m/s) / Phi(m/s); with m = s: 1 + 0.2419707245 / 0.8413447461.
  EXPECT_NEAR(mean_hours(Normal{1.0, 1.0}), 1.287599970, 1e-9);
  // Far from 0 the truncation is negligible.
  EXPECT_DOUBLE_EQ(mean_hours(Normal{100.0, 1.0}), 100.0);
  const double m = 2.0;
  const double s = 3.0;
  const double a = m / s;
  const double phi = std::exp(-a * a / 2.0) / std::sqrt(2.0 * std::numbers::pi);
  const double big_phi = 0.5 * std::erfc(-a / std::sqrt(2.0));
  EXPECT_DOUBLE_EQ(mean_hours(Normal{m, s}), m + s * phi / big_phi);
}

TEST(IsZero, OnlyForLawsThatAlwaysYieldZero) {
  EXPECT_TRUE(is_zero(Fixed{0.0}));
  EXPECT_TRUE(is_zero(Exponential{0.0}));
  EXPECT_TRUE(is_zero(Empirical{{0.0, 0.0}}));
  EXPECT_FALSE(is_zero(Fixed{1.0}));
  EXPECT_FALSE(is_zero(Empirical{{0.0, 1.0}}));
  EXPECT_FALSE(is_zero(Uniform{0.0, 1.0}));
  EXPECT_FALSE(is_zero(Weibull{1.0, 1.0}));
}

TEST(IsExponential, OnlyForExponential) {
  EXPECT_TRUE(is_exponential(Exponential{2.0}));
  EXPECT_FALSE(is_exponential(Weibull{1.0, 2.0}));
}

TEST(TypeName, MatchesTheFileFormat) {
  EXPECT_STREQ(type_name(Exponential{}), "exponential");
  EXPECT_STREQ(type_name(Weibull{}), "weibull");
  EXPECT_STREQ(type_name(Lognormal{}), "lognormal");
  EXPECT_STREQ(type_name(Normal{}), "normal");
  EXPECT_STREQ(type_name(Gamma{}), "gamma");
  EXPECT_STREQ(type_name(Uniform{}), "uniform");
  EXPECT_STREQ(type_name(Fixed{}), "fixed");
  EXPECT_STREQ(type_name(Empirical{}), "empirical");
}

}  // namespace
}  // namespace nines::models
