// Incremental component and system state: a pool change is pushed up through the gates that
// depend on it, so only the ancestors of what changed are touched. An event changes one pool in
// one direction, and the structure is monotone, so each component flips at most once per event.
#include <cassert>

#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

void ReplicationSimulator::set_pool_up(std::uint32_t component, bool up) {
  Node& node = nodes_[component];
  node.pool_up = up ? 1 : 0;
  node.pool_up_hours += up ? -now_ : now_;
  if (!up) pool_change_cause_ = component;
  propagate(component);
}

void ReplicationSimulator::propagate(std::uint32_t component) {
  stack_.clear();
  stack_.push_back(component);
  while (!stack_.empty()) {
    const std::uint32_t c = stack_.back();
    stack_.pop_back();
    Node& node = nodes_[c];
    const bool up = node.pool_up != 0 && node.unsatisfied_gates == 0;
    if (up == (node.service_up != 0)) continue;
    node.service_up = up ? 1 : 0;
    node.service_up_hours += up ? -now_ : now_;
    if (c == model_.entry) on_system_change(up);
    const ParentLink* link = model_.parent_links.data() + node.first_parent_link;
    for (std::uint32_t k = 0; k < node.parent_link_count; ++k, ++link) {
      if (link->gate != ParentLink::kDirect) {
        GateState& gate = gates_[link->gate];
        const bool was_satisfied = gate.up_children >= gate.need;
        gate.up_children = up ? gate.up_children + 1 : gate.up_children - 1;
        if ((gate.up_children >= gate.need) == was_satisfied) continue;
      }
      // The gate flipped with this child.
      Node& owner = nodes_[link->owner];
      owner.unsatisfied_gates = up ? owner.unsatisfied_gates - 1 : owner.unsatisfied_gates + 1;
      // Visit the owner only if its service can flip: this keeps cascades to what changes.
      const bool owner_up = owner.pool_up != 0 && owner.unsatisfied_gates == 0;
      if (owner_up != (owner.service_up != 0)) stack_.push_back(link->owner);
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
  // Outages are rare next to events, so windows cost nothing in the event loop.
  if (!window_downtime_.empty()) add_window_downtime(down_since_, now_);
}

void ReplicationSimulator::add_window_downtime(double start, double end) {
  // An outage across a boundary is split between the windows it covers; time past the last
  // whole window (the partial window) is left out.
  auto k = static_cast<std::size_t>(start / window_hours_);
  for (; k < window_downtime_.size(); ++k) {
    const double window_start = static_cast<double>(k) * window_hours_;
    const double window_end = static_cast<double>(k + 1) * window_hours_;
    const double lo = start > window_start ? start : window_start;
    const double hi = end < window_end ? end : window_end;
    if (hi > lo) window_downtime_[k] += hi - lo;
    if (end <= window_end) break;
  }
}

void ReplicationSimulator::finish(RunTotals& totals, ReplicationOutcome& outcome) {
  const double horizon = model_.horizon_hours;
  now_ = horizon;
  if (nodes_[model_.entry].service_up == 0 && horizon > down_since_) {
    record_outage(horizon - down_since_);
    ++outages_cut_;
  }
  for (std::size_t c = 0; c < model_.components.size(); ++c) {
    const Node& node = nodes_[c];
    const double pool_hours = node.pool_up_hours + (node.pool_up != 0 ? horizon : 0.0);
    const double service_hours = node.service_up_hours + (node.service_up != 0 ? horizon : 0.0);
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
  outcome.window_downtime_hours = window_downtime_;
}

}  // namespace nines::engine
