// One history simulated alone with its timeline.
#include "nines/engine/trace_run.hpp"

#include "nines/engine/replication_simulator.hpp"
#include "nines/engine/summary.hpp"

namespace nines::engine {

TracedReplication trace_replication(const models::Model& model, std::uint64_t replication) {
  TracedReplication out;
  out.compiled = compile(model);
  ReplicationSimulator simulator(out.compiled);
  RangeResult range;
  range.first_replication = static_cast<std::int64_t>(replication);
  range.totals = totals_for(out.compiled);
  ReplicationOutcome outcome;
  simulator.run(replication, range.totals, outcome, nullptr, &out.trace);
  range.unavailability.push_back(outcome.unavailability);
  range.outages.push_back(outcome.outages);
  range.common_cause_outages.push_back(outcome.common_cause_outages);
  range.years_met.push_back(outcome.years_met);
  out.result = summarize(out.compiled, range, model.target);
  out.result.model_name = model.name;
  return out;
}

}  // namespace nines::engine
