// The Monte Carlo runner: a whole run, or a range of replications to merge with others.
#include "nines/engine/monte_carlo.hpp"

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/summary.hpp"
#include "range_simulation.hpp"

namespace nines::engine {

namespace {

/// The reported figures of a range, named after the model.
RunResult summarize_for(const models::Model& model, const CompiledModel& compiled,
                        const RangeResult& range) {
  RunResult result = summarize(compiled, range, model.target);
  result.model_name = model.name;
  result.cancelled = result.replications < static_cast<std::int64_t>(range.unavailability.size());
  return result;
}

}  // namespace

RangeResult simulate_range(const models::Model& model, const RunOptions& options) {
  int threads = 0;
  return simulate(compile(model), model, options, Clock::now(), threads);
}

RunResult summarize_range(const models::Model& model, const RangeResult& range) {
  return summarize_for(model, compile(model), range);
}

RunResult run(const models::Model& model, const RunOptions& options) {
  const auto start = Clock::now();
  const CompiledModel compiled = compile(model);
  int threads = 0;
  const RangeResult range = simulate(compiled, model, options, start, threads);
  RunResult result = summarize_for(model, compiled, range);
  result.run_info = measured_run_info(result.events, threads, seconds_since(start),
                                      ranks_of(options), result.flow_evaluations);
  return result;
}

int ranks_of(const RunOptions& options) {
  return options.processes != nullptr ? options.processes->size() : 1;
}

RunInfo measured_run_info(std::uint64_t events, int threads, double wall_seconds, int ranks,
                          std::uint64_t flow_evaluations) {
  RunInfo info;
  info.threads = threads;
  info.ranks = ranks;
  info.wall_seconds = wall_seconds;
  info.events_per_second = wall_seconds > 0.0 ? static_cast<double>(events) / wall_seconds : 0.0;
  info.flow_evaluations_per_second =
      wall_seconds > 0.0 ? static_cast<double>(flow_evaluations) / wall_seconds : 0.0;
  return info;
}

}  // namespace nines::engine
