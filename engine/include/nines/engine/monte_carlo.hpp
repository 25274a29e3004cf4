// The Monte Carlo runner: replications spread over threads, progress and cancellation.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "nines/engine/process_group.hpp"
#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"
#include "nines/models/model.hpp"

namespace nines::engine {

/// A snapshot while a run goes on. The running estimate is over the replications finished so far
/// (in completion order, so it may differ slightly between runs; the final result does not).
struct Progress {
  std::int64_t done = 0;
  std::int64_t total = 0;
  Estimate availability;
  double elapsed_seconds = 0.0;
  /// Events taken from the queue so far (finished blocks of replications), for a speed display.
  std::uint64_t events = 0;
};

using ProgressCallback = std::function<void(const Progress&)>;

struct RunOptions {
  /// Worker threads; 0 means std::thread::hardware_concurrency().
  int threads = 0;
  /// Simulate replications [first_replication, first_replication + replications) of the model's
  /// random streams; replications < 0 means the model's count.
  std::int64_t first_replication = 0;
  std::int64_t replications = -1;
  /// Called on the calling thread about every `progress_interval_seconds` and once at the end.
  ProgressCallback progress;
  double progress_interval_seconds = 0.1;
  /// Set to true (from any thread) to stop at the next replication boundary.
  const std::atomic<bool>* cancel = nullptr;
  /// Length of the SLA windows (e.g. 720 for 30-day months) whose downtime is kept per
  /// replication and summarised in RunResult::windows; 0: none (nothing is kept).
  double window_hours = 0.0;
  /// Spread the range over these processes (each simulates its rank_share and every one gets the
  /// merged range); null: this process simulates it all. The figures are the same either way.
  const ProcessGroup* processes = nullptr;
};

/// Simulates the model and summarises. The model must be validated. Results outside `run_info`
/// depend only on the model, the seed and the replication range, never on `threads`.
RunResult run(const models::Model& model, const RunOptions& options = {});

/// The raw figures of the options' range of replications, for merging with other ranges (other
/// processes) before summarising: append_range the ranges in order, then summarize_range.
RangeResult simulate_range(const models::Model& model, const RunOptions& options = {});

/// The figures of a (merged) range; equal to run()'s outside run_info.
RunResult summarize_range(const models::Model& model, const RangeResult& range);

/// What a run measured about itself: threads (per rank), ranks, wall time and the events per
/// second it gives (all ranks together).
RunInfo measured_run_info(std::uint64_t events, int threads, double wall_seconds, int ranks = 1,
                          std::uint64_t flow_evaluations = 0);

/// The ranks a run's options spread it over (1 without a process group).
int ranks_of(const RunOptions& options);

}  // namespace nines::engine
