// Runs batches of replications until the unavailability is known to a relative precision.
#pragma once

#include <cstdint>
#include <limits>

#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"
#include "nines/models/model.hpp"

namespace nines::engine {

struct PrecisionOptions {
  /// Stop once the half-width of the `confidence` interval of the mean unavailability is at most
  /// this fraction of the mean (0.05: +-5%). In (0, 1).
  double relative_precision = 0.05;
  /// Level of that interval, in (0, 1).
  double confidence = 0.95;
  /// Replications per batch; the rule is checked after each batch, in order. At least 1.
  std::int64_t batch = 1000;
  /// Never more replications than this (the last batch is shortened to fit). At least 1.
  std::int64_t max_replications = 1'000'000;
  /// Wall-clock budget, checked at batch boundaries only (so a run may overshoot it by one
  /// batch); infinity: none.
  double max_seconds = std::numeric_limits<double>::infinity();
};

/// Student's t quantile with `dof` degrees of freedom for a two-sided `confidence` interval:
/// the value with probability (1 + confidence) / 2 below it. Precondition: dof >= 1.
double two_sided_t_quantile(double confidence, std::int64_t dof);

/// Half-width of the `confidence` interval of the mean unavailability (Student t with n - 1
/// degrees of freedom times the standard error) divided by the mean. Infinite when the mean is 0
/// (no downtime: a zero estimate has no relative precision) or fewer than 2 values are finite.
double relative_half_width(const std::vector<double>& unavailability, double confidence);

/// Simulates batches of `precision.batch` replications from options.first_replication on,
/// merging them in order, and stops at the first batch boundary where relative_half_width() of
/// the merged figures is at most precision.relative_precision, or at max_replications, or once
/// max_seconds have passed, or when options.cancel is set (a batch cut short is dropped). The
/// stopping rule reads only the merged figures, so a seed and a precision give the same
/// replications and figures whatever options.threads is, and a plain run() of
/// result.replications replications gives the same figures. options.replications is ignored;
/// options.progress gets the replications done and a projected total. The model must be
/// validated. Throws std::invalid_argument on options out of range. With `range`, it also
/// receives the merged per-replication figures (what paired differences need).
RunResult run_to_precision(const models::Model& model, const RunOptions& options,
                           const PrecisionOptions& precision, RangeResult* range = nullptr);

}  // namespace nines::engine
