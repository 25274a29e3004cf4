// The histogram of downtime per replication reported with every run.
#pragma once

#include <vector>

#include "nines/engine/run_result.hpp"

namespace nines::engine {

/// Bins the downtime hours of each replication (NaN values, replications not simulated, are
/// skipped): exact zeros are counted apart, the rest fall in bins [edge_i, edge_i+1) whose edges
/// run on a 1-2-5 scale (..., 0.1, 0.2, 0.5, 1, 2, 5, ... hours) from the largest edge at or
/// below the smallest positive downtime to the smallest edge above the largest.
DowntimeHistogram make_downtime_histogram(const std::vector<double>& downtime_hours);

/// The n-th edge of the 1-2-5 scale: 1, 2, 5 times 10^floor(n / 3) (n may be negative),
/// correctly rounded.
double one_two_five_edge(int n);

}  // namespace nines::engine
