// Incremental component and system state: a pool change is pushed up through the gates that
// depend on it, so only the ancestors of what changed are touched. An event changes one pool in
// one direction, and the structure is monotone, so each component flips at most once per event.
#include <cassert>

#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

void ReplicationSimulator::set_pool_up(std::uint32_t component, bool up) {
  pool_up_[component] = up ? 1 : 0;
  if (up) {
    pool_since_[component] = now_;
  } else {
    pool_up_hours_[component] += now_ - pool_since_[component];
    pool_change_cause_ = component;
  }
  propagate(component);
}

void ReplicationSimulator::propagate(std::uint32_t component) {
  stack_.clear();
  stack_.push_back(component);
  while (!stack_.empty()) {
    const std::uint32_t c = stack_.back();
    stack_.pop_back();
    const bool up = pool_up_[c] != 0 && unsatisfied_gates_[c] == 0;
    if (up == (service_up_[c] != 0)) continue;
    service_up_[c] = up ? 1 : 0;
    if (up) {
      service_since_[c] = now_;
    } else {
      service_up_hours_[c] += now_ - service_since_[c];
    }
    if (c == model_.entry) on_system_change(up);
    const CompiledComponent& cc = model_.components[c];
    for (std::uint32_t k = 0; k < cc.parent_gate_count; ++k) {
      const std::uint32_t g = model_.parent_gates[cc.first_parent_gate + k];
      const Gate& gate = model_.gates[g];
      const bool was_satisfied = gate_up_children_[g] >= gate.need;
      gate_up_children_[g] = up ? gate_up_children_[g] + 1 : gate_up_children_[g] - 1;
      const bool satisfied = gate_up_children_[g] >= gate.need;
      if (satisfied == was_satisfied) continue;
      const std::uint32_t owner = gate.owner;
      unsatisfied_gates_[owner] =
          satisfied ? unsatisfied_gates_[owner] - 1 : unsatisfied_gates_[owner] + 1;
      // Visit the owner only if its service can flip: this keeps cascades to what changes.
      const bool owner_up = pool_up_[owner] != 0 && unsatisfied_gates_[owner] == 0;
      if (owner_up != (service_up_[owner] != 0)) stack_.push_back(owner);
    }
  }
}

void ReplicationSimulator::on_system_change(bool up) {
  if (!up) {
    down_since_ = now_;
    outage_cause_ = pool_change_cause_;
    return;
  }
  // Down and up at the same instant is no outage.
  if (now_ > down_since_) record_outage(now_ - down_since_);
}

void ReplicationSimulator::record_outage(double hours) {
  downtime_hours_ += hours;
  ++outages_;
  charged_hours_[outage_cause_] += hours;
  ++caused_[outage_cause_];
  outage_hours_.push_back(hours);
}

void ReplicationSimulator::finish(RunTotals& totals, ReplicationOutcome& outcome) {
  const double horizon = model_.horizon_hours;
  now_ = horizon;
  if (service_up_[model_.entry] == 0 && horizon > down_since_) {
    record_outage(horizon - down_since_);
    ++outages_cut_;
  }
  for (std::size_t c = 0; c < model_.components.size(); ++c) {
    const double pool_hours =
        pool_up_hours_[c] + (pool_up_[c] != 0 ? horizon - pool_since_[c] : 0.0);
    const double service_hours =
        service_up_hours_[c] + (service_up_[c] != 0 ? horizon - service_since_[c] : 0.0);
    totals.pool_up_fraction[c].add(pool_hours / horizon);
    totals.service_up_fraction[c].add(service_hours / horizon);
    totals.charged_downtime_hours[c].add(charged_hours_[c]);
    totals.outages_caused[c] += caused_[c];
  }
  for (const double hours : outage_hours_) totals.outage_durations.add(hours);
  totals.downtime_hours.add(downtime_hours_);
  totals.outages += outages_;
  totals.outages_cut_at_horizon += outages_cut_;
  totals.events += events_;
  outcome.unavailability = downtime_hours_ / horizon;
  outcome.outages = outages_;
}

}  // namespace nines::engine
