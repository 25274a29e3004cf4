// Runs replications of a model with the simulator's check after every batch (incremental state
// against a recomputation from scratch, the flow against the reference solver): a failed check
// throws, which the test reports with the replication's number.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/range_result.hpp"
#include "nines/engine/replication_simulator.hpp"

namespace nines::testing {

/// The totals of replications 0 .. count - 1 of `compiled`, every batch checked.
inline engine::RunTotals run_checking_every_batch(const engine::CompiledModel& compiled,
                                                  std::uint64_t count) {
  engine::ReplicationSimulator simulator(compiled);
  simulator.set_batch_check(true);
  engine::RunTotals totals = engine::totals_for(compiled);
  for (std::uint64_t r = 0; r < count; ++r) {
    engine::ReplicationOutcome outcome;
    EXPECT_NO_THROW(simulator.run(r, totals, outcome)) << "replication " << r;
  }
  return totals;
}

}  // namespace nines::testing
