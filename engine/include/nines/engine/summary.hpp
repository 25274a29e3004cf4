// Turns the per-replication figures and totals of a range into the reported statistics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"

namespace nines::engine {

/// Mean, standard error and 95% CI (Student t for small samples) of the finite values; values
/// are read in index order so the result is the same however they were produced.
Estimate estimate_mean(const std::vector<double>& values);

/// estimate_mean of values[0, k) for each k of `prefix_lengths` (increasing, at most
/// values.size()), in one pass: the convergence of a run, replication by replication. Values
/// must be finite (a cancelled run's tail is not).
std::vector<Estimate> prefix_estimates(const std::vector<double>& values,
                                       const std::vector<std::int64_t>& prefix_lengths);

/// Wilson score 95% interval for `successes` out of `trials`.
SlaResult wilson_interval(double target, std::int64_t successes, std::int64_t trials);

/// Per replication: failed / offered requests (0 when nothing was offered), NaN where the
/// replication was not simulated; empty when the range has no load.
std::vector<double> request_unavailability(const RangeResult& range);

/// What sla, windows and precision judge per replication: request unavailability with
/// slo_basis "requests", else downtime / horizon.
std::vector<double> slo_unavailability(const CompiledModel& model, const RangeResult& range);

/// The reported figures of a range of replications (everything but run_info).
RunResult summarize(const CompiledModel& model, const RangeResult& range,
                    std::optional<double> target);

}  // namespace nines::engine
