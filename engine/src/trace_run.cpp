// One history simulated alone with its timeline.
#include "nines/engine/trace_run.hpp"

#include "nines/engine/replication_simulator.hpp"
#include "nines/engine/summary.hpp"
#include "range_simulation.hpp"

namespace nines::engine {

TracedReplication trace_replication(const models::Model& model, std::uint64_t replication) {
  TracedReplication out;
  out.compiled = compile(model);
  ReplicationSimulator simulator(out.compiled);
  RangeResult range = sized_range(out.compiled, static_cast<std::int64_t>(replication), 1, 0.0);
  range.totals = totals_for(out.compiled);
  ReplicationOutcome outcome;
  simulator.run(replication, range.totals, outcome, nullptr, &out.trace);
  store_outcome(out.compiled, 0, outcome, range);
  out.result = summarize(out.compiled, range, model.target);
  out.result.model_name = model.name;
  return out;
}

}  // namespace nines::engine
