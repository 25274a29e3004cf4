// One simulation as `nines run` does it: the run flags, a progress bar and Ctrl-C around the
// checked run the GUI performs too (report::checked_run).
#pragma once

#include <atomic>
#include <csignal>
#include <optional>

#include "nines/cli/console.hpp"
#include "nines/cli/run_command.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"
#include "nines/models/model.hpp"
#include "nines/report/checked_run.hpp"

namespace nines::cli {

/// A finished or cancelled run, with the exact answer where the solvers have one.
using Simulation = report::CheckedRun;

/// Turns the first Ctrl-C into a cooperative cancel of simulate() while it lives (a second one
/// kills the process as usual: SA_RESETHAND restores the default action). One guard spans all
/// the runs of a command, so a Ctrl-C between two runs cancels the next one at its start.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  /// Whether Ctrl-C was pressed since the guard was made.
  bool interrupted() const;
  /// The cancel token the guard sets, for runs made outside simulate() (the planner's).
  const std::atomic<bool>* flag() const;

 private:
  struct sigaction previous_ {};
  bool installed_ = false;
};

/// Fails with a UsageError when the flags do not go together (--replications with --precision,
/// --confidence without it, --scenario with --all-scenarios...).
void check_flag_combinations(const RunArguments& arguments);

/// The --window length in hours, 0 without --window. Throws UsageError when it is longer than
/// the horizon (a window longer than one history would hold no whole window).
double window_hours(const RunArguments& arguments, double horizon_hours);

/// Runs the validated `model` as the flags say (a fixed number of replications or to a
/// precision; `window` hours of SLA windows), drawing a progress bar on a terminal. Under an
/// InterruptGuard, Ctrl-C stops it at the next replication: the result then says `cancelled`.
/// With `keep_replications`, the result's per-replication figures are kept in `range`. With
/// `progress`, the run reports to it instead of drawing a bar of its own (a sweep draws one bar
/// for all its runs). Under MPI the replications are spread over every rank, unless
/// `this_rank_only` (a sweep spreads its points instead).
Simulation simulate(const models::Model& model, const RunArguments& arguments, double window,
                    const Console& console, bool keep_replications = false,
                    const engine::ProgressCallback* progress = nullptr,
                    bool this_rank_only = false);

}  // namespace nines::cli
