// The run that `nines run` and the GUI both perform: refuse what cannot fit in memory, simulate
// (a fixed number of replications or to a precision), measure run_info, and set the exact answer
// beside the estimate where the solvers have one. One place, so the two front ends cannot drift.
#pragma once

#include <optional>
#include <string_view>

#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/precision_run.hpp"
#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"
#include "nines/models/model.hpp"
#include "nines/report/exact_check.hpp"

namespace nines::report {

/// What to run beyond the engine's options.
struct RunRequest {
  /// Run to this precision; empty: the model's replications.
  std::optional<engine::PrecisionOptions> precision;
  /// Keep the per-replication figures (paired comparisons need them).
  bool keep_replications = false;
  /// Names the front end in the memory refusal ("nines run", "nines-gui").
  std::string_view who = "nines run";
};

/// A finished or cancelled run, with the exact answer where the solvers have one.
struct CheckedRun {
  engine::RunResult result;
  /// Empty for a cancelled run or when the solvers cannot give one.
  std::optional<ExactCheck> exact;
  /// The per-replication figures, when asked for.
  std::optional<engine::RangeResult> range;
};

/// Runs the validated `model` with `options` (threads, cancel, progress, window) as `request`
/// says. Throws what engine::check_memory throws when the run would not fit in memory.
CheckedRun checked_run(const models::Model& model, const engine::RunOptions& options,
                       const RunRequest& request);

}  // namespace nines::report
