// The difference between two runs of the same seed, from their per-replication figures.
#pragma once

#include <cstdint>
#include <vector>

#include "nines/engine/run_result.hpp"

namespace nines::engine {

/// Variant minus baseline, two ways: paired (replication i against replication i) and as if the
/// runs were independent. Runs with the same seed and replication indices share every random draw
/// a change did not touch (per-component streams), so the paired interval is the honest one and
/// usually far narrower; the independent one is kept to show how much pairing gains.
struct PairedDifference {
  /// Mean of the per-replication differences, its standard error and 95% CI (Student t).
  Estimate paired;
  /// Half-width of the 95% CI of the difference of two independent means:
  /// sqrt(h_baseline^2 + h_variant^2) with each run's own half-width.
  double independent_half_width = 0.0;
  /// Replications where both values are known (cancelled ones are NaN and left out).
  std::int64_t pairs = 0;
};

/// The difference of the means of `variant` and `baseline`, replication by replication; value i
/// of each must come from replication i of the same seed. Pairs stop at the shorter vector and
/// skip NaN. With fewer than two pairs the intervals are empty (the mean is still set).
PairedDifference paired_difference(const std::vector<double>& baseline,
                                   const std::vector<double>& variant);

}  // namespace nines::engine
