// What one finished run leaves for the views: the model run, its figures and raw replications.
#pragma once

#include <optional>
#include <string>

#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"
#include "nines/gui/charts/chart_data.hpp"
#include "nines/models/model.hpp"
#include "nines/report/exact_check.hpp"

namespace nines::gui {

/// A point of the convergence chart: the running estimate after `replications`.
using ConvergencePoint = charts::EstimatePoint;

struct RunOutcome {
  /// The validated model that was run (with its inferred entry).
  models::Model model;
  engine::RunResult result;
  /// Per-replication figures, for paired differences; empty for a run to a precision.
  std::optional<engine::RangeResult> range;
  /// The exact answer where the solvers give one.
  std::optional<report::ExactCheck> exact;
  /// The model's scenario that was run (as `nines run --scenario`); "" for the model itself.
  std::string scenario;
};

}  // namespace nines::gui
