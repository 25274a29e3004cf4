// Tests of the k-of-n pool laws and the closed-form instance transient.
#include "nines/analysis/pool_law.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace nines::analysis {
namespace {

double binomial_tail(int n, int k, double a) {
  double sum = 0.0;
  for (int j = k; j <= n; ++j) {
    sum += std::tgamma(n + 1.0) / (std::tgamma(j + 1.0) * std::tgamma(n - j + 1.0)) *
           std::pow(a, j) * std::pow(1 - a, n - j);
  }
  return sum;
}

TEST(KOfN, MatchesTheBinomialSum) {
  for (const auto& [n, k] : {std::pair{1, 1}, {2, 1}, {3, 2}, {5, 3}, {7, 7}, {10, 1}}) {
    const PoolLaw law = k_of_n(n, k, 0.95);
    EXPECT_NEAR(law.availability, binomial_tail(n, k, 0.95), 1e-14) << n << " " << k;
    EXPECT_NEAR(law.availability + law.unavailability, 1.0, 1e-14);
    const double h = 1e-6;
    const double numeric =
        (binomial_tail(n, k, 0.95 + h) - binomial_tail(n, k, 0.95 - h)) / (2 * h);
    EXPECT_NEAR(law.d_availability_d_instance, numeric, 1e-6) << n << " " << k;
  }
}

TEST(KOfN, KeepsTheDigitsOfATinyUnavailability) {
  // 1 of 4 with a = 1 - 1e-5: unavailability 1e-20, far below the spacing of doubles near 1.
  const PoolLaw law = k_of_n(4, 1, 1.0 - 1e-5);
  EXPECT_NEAR(law.unavailability / 1e-20, 1.0, 1e-9);
}

TEST(KOfN, HandlesCertainInstances) {
  EXPECT_EQ(k_of_n(3, 2, 1.0).availability, 1.0);
  EXPECT_EQ(k_of_n(3, 3, 1.0).d_availability_d_instance, 3.0);
  EXPECT_EQ(k_of_n(3, 1, 0.0).availability, 0.0);
}

TEST(KOfN, DownRateIsExactlyKUpTimesTheFailureRate) {
  // 2 of 3, a = 0.9: P(exactly 2 up) = 3 a^2 (1-a); two instances can fail, each at rate lambda.
  const double a = 0.9;
  const double lambda = 1e-3;
  const PoolLaw law = k_of_n(3, 2, a);
  EXPECT_NEAR(pool_down_rate_per_hour(law, a, lambda), 3 * a * a * (1 - a) * 2 * lambda, 1e-15);
}

TEST(InstanceTransient, TwoStateMatchesTheTextbookFormula) {
  const double lambda = 1.0 / 100.0;
  const double mu = 1.0 / 5.0;
  const InstanceTransient instance(100.0, 0.0, 5.0);
  for (const double t : {0.0, 1.0, 10.0, 100.0}) {
    const double expected =
        mu / (lambda + mu) + lambda / (lambda + mu) * std::exp(-(lambda + mu) * t);
    EXPECT_NEAR(instance.availability(t), expected, 1e-14);
  }
}

/// P(up at t) of the up -> undetected -> repair cycle by small explicit steps (RK4).
double integrate_cycle(double lambda, double delta, double mu, double t) {
  double u = 1.0;
  double d = 0.0;
  double r = 0.0;
  const int steps = 200000;
  const double h = t / steps;
  auto f = [&](double x, double y, double z, double out[3]) {
    out[0] = -lambda * x + mu * z;
    out[1] = lambda * x - delta * y;
    out[2] = delta * y - mu * z;
  };
  for (int i = 0; i < steps; ++i) {
    double k1[3];
    double k2[3];
    double k3[3];
    double k4[3];
    f(u, d, r, k1);
    f(u + h / 2 * k1[0], d + h / 2 * k1[1], r + h / 2 * k1[2], k2);
    f(u + h / 2 * k2[0], d + h / 2 * k2[1], r + h / 2 * k2[2], k3);
    f(u + h * k3[0], d + h * k3[1], r + h * k3[2], k4);
    u += h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
    d += h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
    r += h / 6 * (k1[2] + 2 * k2[2] + 2 * k3[2] + k4[2]);
  }
  return u;
}

TEST(InstanceTransient, ThreePhaseCycleMatchesNumericalIntegration) {
  // Real poles, complex poles (slow failure, similar detection and repair) and a double pole.
  struct Case {
    double up;
    double detection;
    double repair;
  };
  for (const Case c : {Case{100.0, 0.1, 5.0}, Case{0.5, 0.5, 0.5}, Case{1.0, 0.25, 1.0}}) {
    const InstanceTransient instance(c.up, c.detection, c.repair);
    EXPECT_EQ(instance.availability(0.0) > 0.999999, true);
    for (const double t : {0.3, 2.0, 7.0}) {
      EXPECT_NEAR(instance.availability(t),
                  integrate_cycle(1 / c.up, 1 / c.detection, 1 / c.repair, t), 1e-9)
          << c.up << " " << c.detection << " " << c.repair << " t=" << t;
    }
    EXPECT_NEAR(instance.availability(1e6), c.up / (c.up + c.detection + c.repair), 1e-12);
  }
}

}  // namespace
}  // namespace nines::analysis
