// What a run will hold in memory, estimated before it starts, so that a run that cannot fit is
// refused at once instead of failing an hour in (docs/engine.md, "Memory").
#pragma once

#include <cstdint>
#include <string>

#include "nines/engine/compiled_model.hpp"

namespace nines::engine {

struct MemoryEstimate {
  /// Per-replication figures kept for the whole run (unavailability, outages, common causes,
  /// years met, window sums).
  std::uint64_t per_replication_bytes = 0;
  std::uint64_t replications = 0;
  /// One simulator (instances, queue, component and cause arrays) per worker thread.
  std::uint64_t per_thread_bytes = 0;
  std::uint64_t threads = 0;
  std::uint64_t total() const {
    return per_replication_bytes * replications + per_thread_bytes * threads;
  }
};

/// The estimate for `replications` replications of `model` on `threads` worker threads with SLA
/// windows of `window_hours` (0: none).
MemoryEstimate estimate_run_memory(const CompiledModel& model, std::uint64_t replications,
                                   double window_hours, std::uint64_t threads);

/// The memory a run may use: NINES_MEMORY_LIMIT_BYTES when set (tests), else the machine's
/// physical memory.
std::uint64_t memory_limit_bytes();

/// Throws ModelError naming both figures when `estimate` exceeds `limit`.
void check_memory(const MemoryEstimate& estimate, std::uint64_t limit, const std::string& who);

}  // namespace nines::engine
