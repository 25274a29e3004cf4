// A run against a base run of the same seed, replication by replication (common random numbers).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"

namespace nines::report {

/// Row minus base, from the per-replication figures of two runs with the same seed.
struct PairedComparison {
  /// Estimates of the mean of the per-replication differences (Student t 95% intervals).
  engine::Estimate availability;
  engine::Estimate downtime_hours_per_year;
  engine::Estimate outages_per_year;
  /// Request availability, when both runs have a load (empty otherwise).
  std::optional<engine::Estimate> requests_availability;
  /// Overload cascades per year, when both runs have `overload` somewhere (empty otherwise).
  std::optional<engine::Estimate> cascades_per_year;
  /// Replications both runs have (cancelled ones left out).
  std::int64_t pairs = 0;
  /// (s_base^2 + s_row^2) / s_paired^2 of availability, with each run's own standard error: how
  /// many times the replications two independent runs would need for the paired interval.
  /// Empty when the paired standard error is 0.
  std::optional<double> variance_ratio;
  /// Whether the paired 95% interval of availability excludes 0 (no correction for multiple
  /// comparisons: see docs/planner.md).
  bool significant = false;
  /// Row's monthly cost minus the base's; empty when either has none.
  std::optional<double> cost_per_month;
};

/// The paired comparison of `row` against `base`; each range holds the per-replication figures
/// its run was summarised from (engine::simulate_range or run_to_precision's `range`).
PairedComparison paired_comparison(const engine::RunResult& base,
                                   const engine::RangeResult& base_range,
                                   const engine::RunResult& row,
                                   const engine::RangeResult& row_range);

/// The "difference" object of a comparison document (docs/results-format.md).
nlohmann::json paired_comparison_to_json(const PairedComparison& comparison);

}  // namespace nines::report
