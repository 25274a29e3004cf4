// Quadrature over a horizon [0, T] for averages of transients that settle fast after time 0.
#pragma once

#include <vector>

namespace nines::analysis {

struct QuadratureRule {
  std::vector<double> times_hours;  // increasing
  std::vector<double> weights_hours;
};

/// Gauss-Legendre panels on [0, T] whose widths double from `finest_hours` up to T, so a
/// transient on the scale of `finest_hours` near 0 is resolved as well as the slow tail.
/// Integrates a smooth f as sum(weights[i] * f(times[i])).
QuadratureRule horizon_quadrature(double horizon_hours, double finest_hours);

}  // namespace nines::analysis
