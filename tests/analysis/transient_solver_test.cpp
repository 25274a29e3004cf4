// Tests of uniformization: the Poisson weights and the stepping between requested times.
#include "transient_solver.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace nines::analysis::detail {
namespace {

TEST(PoissonWeights, MatchThePmfForASmallMean) {
  const double x = 2.5;
  const PoissonWeights w = poisson_weights(x, 1e-14);
  EXPECT_EQ(w.left, 0U);
  double total = 0.0;
  for (std::size_t k = 0; k < w.weights.size(); ++k) {
    const double pmf = std::exp(-x + static_cast<double>(k) * std::log(x) -
                                std::lgamma(static_cast<double>(k) + 1.0));
    EXPECT_NEAR(w.weights[k], pmf, 1e-15) << k;
    total += w.weights[k];
  }
  EXPECT_NEAR(total, 1.0, 1e-15);
}

// Lambda t ~ 1e6 (a 2-minute switchover over a year): no underflow, mean and variance x.
TEST(PoissonWeights, StayAccurateForAHugeMean) {
  const double x = 1.0e6;
  const PoissonWeights w = poisson_weights(x, 1e-14);
  double total = 0.0;
  double mean = 0.0;
  double square = 0.0;
  for (std::size_t i = 0; i < w.weights.size(); ++i) {
    const double k = static_cast<double>(w.left + i);
    total += w.weights[i];
    mean += k * w.weights[i];
    square += k * k * w.weights[i];
  }
  EXPECT_NEAR(total, 1.0, 1e-12);
  EXPECT_NEAR(mean, x, 1e-6 * x);
  EXPECT_NEAR(square - mean * mean, x, 1e-4 * x);
  EXPECT_LT(w.weights.size(), 20'000U);  // about 2 x 8 standard deviations
}

TEST(PoissonWeights, ZeroMeanIsCertainlyZero) {
  const PoissonWeights w = poisson_weights(0.0, 1e-14);
  EXPECT_EQ(w.left, 0U);
  ASSERT_EQ(w.weights.size(), 1U);
  EXPECT_EQ(w.weights[0], 1.0);
}

// Two states, 0 -a-> 1 -b-> 0: p1(t) = a / (a + b) (1 - exp(-(a + b) t)).
TEST(TransientLaws, TwoStateClosedForm) {
  const double a = 3.0;
  const double b = 0.5;
  Eigen::SparseMatrix<double, Eigen::RowMajor> q(2, 2);
  q.insert(0, 0) = -a;
  q.insert(0, 1) = a;
  q.insert(1, 0) = b;
  q.insert(1, 1) = -b;
  const Eigen::Vector2d start(1.0, 0.0);
  const Eigen::Vector2d steady(b / (a + b), a / (a + b));
  const std::vector<double> times{0.0, 0.01, 0.3, 0.3, 2.0, 100.0, 1000.0};
  std::size_t visited = 0;
  transient_laws(q, start, steady, times, [&](std::size_t k, const Eigen::VectorXd& p) {
    EXPECT_EQ(k, visited++);
    const double p1 = a / (a + b) * (1.0 - std::exp(-(a + b) * times[k]));
    EXPECT_NEAR(p[1], p1, 1e-12) << "t = " << times[k];
    EXPECT_NEAR(p.sum(), 1.0, 1e-14);
  });
  EXPECT_EQ(visited, times.size());
}

TEST(TransientLaws, RefusesDecreasingTimes) {
  Eigen::SparseMatrix<double, Eigen::RowMajor> q(1, 1);
  const Eigen::VectorXd one = Eigen::VectorXd::Ones(1);
  const std::vector<double> times{2.0, 1.0};
  EXPECT_THROW(transient_laws(q, one, one, times, [](std::size_t, const Eigen::VectorXd&) {}),
               std::invalid_argument);
}

}  // namespace
}  // namespace nines::analysis::detail
