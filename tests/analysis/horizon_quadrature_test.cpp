// Tests of the horizon quadrature on transients of every scale.
#include "nines/analysis/horizon_quadrature.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace nines::analysis {
namespace {

TEST(HorizonQuadrature, IntegratesExponentialsFromMinutesToYears) {
  const double horizon = 8760.0;
  const QuadratureRule rule = horizon_quadrature(horizon, 0.001);
  for (const double rate : {1e-4, 1e-2, 1.0, 30.0, 600.0}) {
    double sum = 0.0;
    for (std::size_t i = 0; i < rule.times_hours.size(); ++i) {
      sum += rule.weights_hours[i] * std::exp(-rate * rule.times_hours[i]);
    }
    const double exact = (1.0 - std::exp(-rate * horizon)) / rate;
    EXPECT_NEAR(sum / exact, 1.0, 1e-12) << "rate " << rate;
  }
}

TEST(HorizonQuadrature, TimesIncreaseInsideTheHorizonAndWeightsSumToIt) {
  const QuadratureRule rule = horizon_quadrature(24.0, 0.5);
  double total = 0.0;
  for (std::size_t i = 0; i < rule.times_hours.size(); ++i) {
    EXPECT_GT(rule.times_hours[i], 0.0);
    EXPECT_LT(rule.times_hours[i], 24.0);
    if (i > 0) {
      EXPECT_GT(rule.times_hours[i], rule.times_hours[i - 1]);
    }
    total += rule.weights_hours[i];
  }
  EXPECT_NEAR(total, 24.0, 1e-12);
}

}  // namespace
}  // namespace nines::analysis
