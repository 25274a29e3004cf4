// Private to the engine: the threaded simulation of a range of replications, shared by run(),
// simulate_range() and run_to_precision() so a compiled model is reused across batches.
#pragma once

#include <chrono>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/range_result.hpp"

namespace nines::engine {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start);

/// Simulates the options' range of replications (the model's count when options.replications
/// < 0) over the options' threads; `threads_used` receives how many ran. Progress elapsed times
/// count from `start`. Throws std::invalid_argument on a negative first replication.
RangeResult simulate(const CompiledModel& compiled, const models::Model& model,
                     const RunOptions& options, Clock::time_point start, int& threads_used);

}  // namespace nines::engine
