// One history simulated alone with its timeline: `nines run --trace R` and the GUI's Timeline.
#pragma once

#include <cstdint>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/run_result.hpp"
#include "nines/engine/trace.hpp"
#include "nines/models/model.hpp"

namespace nines::engine {

struct TracedReplication {
  /// The model compiled (row sources index into it; see trace_source_id).
  CompiledModel compiled;
  Trace trace;
  /// Replication R's figures: equal to those of a run of replications [R, R + 1).
  RunResult result;
};

/// Simulates replication `replication` of a validated model and records every state change.
TracedReplication trace_replication(const models::Model& model, std::uint64_t replication);

}  // namespace nines::engine
