// Exact quantiles of per-replication (or per-window) values, read from the values themselves.
#pragma once

#include <vector>

#include "nines/engine/run_result.hpp"

namespace nines::engine {

/// The type-7 quantile (R's default, numpy's "linear") of `values` at probability `p` in [0, 1]:
/// with the values sorted as x[0] <= ... <= x[n-1] and h = (n - 1) p, it is
/// x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). Precondition: `values` is not empty
/// and holds no NaN.
double quantile(std::vector<double> values, double p);

/// p1, p5, p50, p95 and p99 of the values, by the same rule; empty when there are none.
/// Reorders `values` (pass a copy to keep them).
std::optional<AvailabilityQuantiles> availability_quantiles(std::vector<double> values);

}  // namespace nines::engine
