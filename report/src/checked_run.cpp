#include "nines/report/checked_run.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/memory_estimate.hpp"

namespace nines::report {

namespace {

int worker_threads(int asked) {
  return asked > 0 ? asked : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
}

/// A run that cannot fit in memory is refused before it starts.
void refuse_runs_beyond_memory(const models::Model& model, const engine::RunOptions& options,
                               const RunRequest& request) {
  const auto replications = static_cast<std::uint64_t>(
      request.precision ? request.precision->max_replications : model.replications);
  const auto threads =
      std::min<std::uint64_t>(static_cast<std::uint64_t>(worker_threads(options.threads)),
                              std::max<std::uint64_t>(replications, 1));
  engine::check_memory(engine::estimate_run_memory(engine::compile(model), replications,
                                                   options.window_hours, threads),
                       engine::memory_limit_bytes(), std::string(request.who));
}

}  // namespace

CheckedRun checked_run(const models::Model& model, const engine::RunOptions& options,
                       const RunRequest& request) {
  refuse_runs_beyond_memory(model, options, request);
  CheckedRun run;
  if (!request.keep_replications) {
    run.result = request.precision ? engine::run_to_precision(model, options, *request.precision)
                                   : engine::run(model, options);
  } else if (request.precision) {
    run.range.emplace();
    run.result = engine::run_to_precision(model, options, *request.precision, &*run.range);
  } else {
    // engine::run with its per-replication figures kept: summarize_range gives exactly run()'s
    // figures from them; run_info is measured here.
    const auto start = std::chrono::steady_clock::now();
    run.range = engine::simulate_range(model, options);
    run.result = engine::summarize_range(model, *run.range);
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
    run.result.run_info =
        engine::measured_run_info(run.result.events, worker_threads(options.threads), wall.count(),
                                  engine::ranks_of(options), run.result.flow_evaluations);
  }
  // The exact answer where the solvers have one: a cancelled run has nothing to compare.
  if (!run.result.cancelled) run.exact = exact_check(model, run.result);
  return run;
}

}  // namespace nines::report
