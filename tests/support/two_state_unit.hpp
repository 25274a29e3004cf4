// Exact reference figures of independent exponential two-state units (an instance, a zone, a
// region), shared by the engine's and the analysis's zone tests.
#pragma once

#include <cmath>
#include <functional>

namespace nines::testing {

/// P(up at t) of an exponential two-state unit (failure rate lambda, repair rate mu) that
/// starts up: A + (1 - A) e^{-(lambda + mu) t}, A = mu / (lambda + mu).
inline double up_at(double lambda, double mu, double t) {
  const double a = mu / (lambda + mu);
  return a + (1.0 - a) * std::exp(-(lambda + mu) * t);
}

/// (1/T) times the integral of f over [0, T] by Simpson's rule on a grid fine enough for 1e-11.
inline double horizon_average(const std::function<double(double)>& f, double horizon) {
  const int n = 200000;
  const double h = horizon / n;
  double sum = f(0.0) + f(horizon);
  for (int k = 1; k < n; ++k) sum += (k % 2 == 1 ? 4.0 : 2.0) * f(k * h);
  return sum * h / 3.0 / horizon;
}

/// P(at least 2 of 3 independent units up), each up with probability p.
inline double two_of_three(double p) { return p * p * p + 3.0 * p * p * (1.0 - p); }

}  // namespace nines::testing
