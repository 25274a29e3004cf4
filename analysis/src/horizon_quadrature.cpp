// Geometric Gauss-Legendre panels; the nodes are computed once by Newton's method.
#include "nines/analysis/horizon_quadrature.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace nines::analysis {

namespace {

constexpr int kPoints = 20;

struct Legendre {
  std::array<double, kPoints> nodes{};  // on [-1, 1]
  std::array<double, kPoints> weights{};
};

Legendre legendre_rule() {
  Legendre rule;
  for (int i = 0; i < kPoints; ++i) {
    double x = std::cos(std::numbers::pi * (i + 0.75) / (kPoints + 0.5));
    double derivative = 0.0;
    for (int iteration = 0; iteration < 100; ++iteration) {
      double p0 = 1.0;
      double p1 = x;
      for (int k = 2; k <= kPoints; ++k) {
        const double p2 = ((2.0 * k - 1.0) * x * p1 - (k - 1.0) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      derivative = kPoints * (x * p1 - p0) / (x * x - 1.0);
      const double step = p1 / derivative;
      x -= step;
      if (std::abs(step) < 1e-16) break;
    }
    rule.nodes[static_cast<std::size_t>(i)] = x;
    rule.weights[static_cast<std::size_t>(i)] = 2.0 / ((1.0 - x * x) * derivative * derivative);
  }
  return rule;
}

}  // namespace

QuadratureRule horizon_quadrature(double horizon_hours, double finest_hours) {
  static const Legendre kRule = legendre_rule();
  std::vector<double> edges{horizon_hours};
  const double finest = std::clamp(finest_hours, horizon_hours * 1e-18, horizon_hours);
  while (edges.back() / 2.0 >= finest) edges.push_back(edges.back() / 2.0);
  edges.push_back(0.0);
  std::reverse(edges.begin(), edges.end());

  QuadratureRule rule;
  for (std::size_t e = 0; e + 1 < edges.size(); ++e) {
    const double half = (edges[e + 1] - edges[e]) / 2.0;
    const double middle = (edges[e + 1] + edges[e]) / 2.0;
    // Nodes of the rule run from +1 down to -1: walk them backwards to keep times increasing.
    for (int i = kPoints - 1; i >= 0; --i) {
      const auto ui = static_cast<std::size_t>(i);
      rule.times_hours.push_back(middle + half * kRule.nodes[ui]);
      rule.weights_hours.push_back(half * kRule.weights[ui]);
    }
  }
  return rule;
}

}  // namespace nines::analysis
