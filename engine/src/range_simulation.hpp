// Private to the engine: the threaded simulation of a range of replications, shared by run(),
// simulate_range() and run_to_precision() so a compiled model is reused across batches.
#pragma once

#include <chrono>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/range_result.hpp"
#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start);

/// A range of `count` replications from `first_replication` with every per-replication vector
/// `compiled` needs sized (unavailability NaN until stored); totals left empty.
RangeResult sized_range(const CompiledModel& compiled, std::int64_t first_replication,
                        std::int64_t count, double window_hours);

/// Stores one replication's outcome at index `k` of a sized range.
void store_outcome(const CompiledModel& compiled, std::size_t k, const ReplicationOutcome& outcome,
                   RangeResult& range);

/// Simulates the options' range of replications (the model's count when options.replications
/// < 0) over the options' threads; `threads_used` receives how many ran. Progress elapsed times
/// count from `start`. Throws std::invalid_argument on a negative first replication.
RangeResult simulate(const CompiledModel& compiled, const models::Model& model,
                     const RunOptions& options, Clock::time_point start, int& threads_used);

}  // namespace nines::engine
