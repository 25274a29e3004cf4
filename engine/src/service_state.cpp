// Incremental component and system state: a pool change is pushed up through the gates that
// depend on it, so only the ancestors of what changed are touched. A pool change moves one pool
// in one direction, and the structure is monotone, so each component flips at most once per
// change. The system's state is read once per same-instant batch (end_batch), where outages
// begin and end and get their root cause.
#include <cassert>

#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

void ReplicationSimulator::set_pool_up(std::uint32_t component, bool up) {
  Node& node = nodes_[component];
  node.pool_up = up ? 1 : 0;
  pool_up_hours_[component] += up ? -now_ : now_;
  if (!up) {
    // Kept for the root cause, should this batch start an outage (rare next to events).
    batch_pool_downs_.push_back(
        PoolDown{component, loss_cause_ != kNone ? loss_cause_ : component});
  }
  propagate(component, up);
}

void ReplicationSimulator::propagate(std::uint32_t component, bool up) {
  // One event moves one pool one way and the structure is monotone, so every flip of this
  // cascade goes the same way as the pool and each component flips at most once.
  Node* const nodes = nodes_.data();
  {
    Node& node = nodes[component];
    const std::uint8_t now_up = node.pool_up & (node.unsatisfied_gates == 0 ? 1 : 0);
    if (now_up == node.service_up) return;  // its service was held down by a dependency
    node.service_up = now_up;
  }
  const double signed_now = up ? -now_ : now_;
  const std::uint32_t step = up ? 0xffffffffU : 1U;  // -1 or +1 down-counts, modulo 2^32
  const std::uint32_t* const direct_parents = model_.direct_parents.data();
  // The components that flipped and whose dependents are still to visit, first in first out:
  // what is read next never waits on what was just pushed, so the pushes can be branch-free.
  // A component's service flag is set when it is pushed, so it is pushed once.
  std::uint32_t* const work = work_.data();
  std::uint32_t head = 0;
  std::uint32_t tail = 0;
  // One of `owner`'s gates flipped: it flips too if that settles its service the other way.
  const auto gate_flipped = [&](std::uint32_t owner) {
    Node& node = nodes[owner];
    node.unsatisfied_gates += step;
    const std::uint8_t now_up = node.pool_up & (node.unsatisfied_gates == 0 ? 1 : 0);
    const bool flips = now_up != node.service_up;
    node.service_up = now_up;
    work[tail] = owner;
    tail += flips ? 1U : 0U;
  };
  work[tail++] = component;
  while (head < tail) {
    const std::uint32_t c = work[head++];
    Node& node = nodes[c];
    node.service_up_hours += signed_now;
    const std::uint32_t* parent = direct_parents + node.first_direct_parent;
    const std::uint32_t* const end = parent + node.direct_parent_count;
    for (; parent != end; ++parent) gate_flipped(*parent);
    if (node.has_gate_parents == 0) continue;
    const CompiledComponent& cc = model_.components[c];
    const ParentLink* link = model_.parent_links.data() + cc.first_parent_link;
    for (std::uint32_t k = 0; k < cc.parent_link_count; ++k, ++link) {
      GateState& gate = gates_[link->gate];
      const bool was_satisfied = gate.up_children >= gate.need;
      gate.up_children -= step;
      if (gate.failover != kNone) [[unlikely]] {
        // Satisfied while its target in use is up, whatever the others do.
        if (failover_child_flipped(link->gate)) gate_flipped(link->owner);
        continue;
      }
      if ((gate.up_children >= gate.need) != was_satisfied) gate_flipped(link->owner);
    }
  }
}

std::uint32_t ReplicationSimulator::root_cause(std::uint32_t& pools_down) {
  // The first loss after which some component's own pool is down and still is at the batch's
  // end; failing that, the batch's first loss; a batch without a loss: other.
  ++stamp_;
  std::uint32_t cause = kNone;
  pools_down = 0;
  for (const PoolDown& down : batch_pool_downs_) {
    if (nodes_[down.component].pool_up != 0) continue;
    if (cause == kNone) cause = down.cause;
    if (component_stamp_[down.component] != stamp_) {
      component_stamp_[down.component] = stamp_;
      ++pools_down;
    }
  }
  if (cause != kNone) return cause;
  if (first_loss_cause_ != kNone) return first_loss_cause_;
  if (batch_spike_cause_ != kNone) return batch_spike_cause_;
  return batch_load_step_ ? load_->cause : model_.other_cause;
}

void ReplicationSimulator::record_outage(double hours) {
  downtime_hours_ += hours;
  ++outages_;
  charged_hours_[outage_cause_] += hours;
  ++caused_[outage_cause_];
  outage_hours_.push_back(hours);
  // Outages are rare next to events, so windows cost nothing in the event loop.
  if (!window_downtime_.empty()) {
    add_window_downtime(window_downtime_, window_hours_, down_since_, now_);
  }
  if (!year_downtime_.empty()) {
    add_window_downtime(year_downtime_, models::kHoursPerYear, down_since_, now_);
  }
  if (crashes_) {
    if (outage_in_cascade_) {
      ++outages_in_cascades_;
      downtime_in_cascades_ += hours;
    }
    outage_in_cascade_ = false;
  }
  // Flow mode integrates requests batch by batch instead (flow_mode.cpp).
  if (load_ != nullptr && !flow_mode_) [[unlikely]]
    record_failed_requests(down_since_, now_);
}

void ReplicationSimulator::add_window_rate(std::vector<double>& windows, double length,
                                           double start, double end, double rate) {
  // An outage across a boundary is split between the windows it covers; time past the last
  // whole window (the partial window) is left out.
  auto k = static_cast<std::size_t>(start / length);
  for (; k < windows.size(); ++k) {
    const double window_start = static_cast<double>(k) * length;
    const double window_end = static_cast<double>(k + 1) * length;
    const double lo = start > window_start ? start : window_start;
    const double hi = end < window_end ? end : window_end;
    if (hi > lo) windows[k] += rate * (hi - lo);
    if (end <= window_end) break;
  }
}

void ReplicationSimulator::finish(RunTotals& totals, ReplicationOutcome& outcome) {
  const double horizon = model_.horizon_hours;
  now_ = horizon;
  if (crashes_) note_cascade_overlap(horizon);
  if (!system_up_ && horizon > down_since_) {
    record_outage(horizon - down_since_);
    ++outages_cut_;
  }
  for (std::size_t c = 0; c < model_.components.size(); ++c) {
    const Node& node = nodes_[c];
    const double pool_hours = pool_up_hours_[c] + (node.pool_up != 0 ? horizon : 0.0);
    // Flow mode: the share of time the component's success was at least outage_below.
    const double service_hours =
        flow_mode_ ? flow_components_[c].up_hours +
                         (flow_components_[c].up ? horizon - flow_components_[c].since : 0.0)
                   : node.service_up_hours + (node.service_up != 0 ? horizon : 0.0);
    totals.pool_up_fraction[c].add(pool_hours / horizon);
    totals.service_up_fraction[c].add(service_hours / horizon);
    const Monitoring& m = monitoring_[c];
    totals.detect_hours[c].add(m.detect_hours);
    totals.detections[c] += m.detections;
    totals.repair_hours[c].add(m.repair_hours);
    totals.repairs[c] += m.repairs;
    totals.undetected_failures[c] += m.undetected;
  }
  for (std::size_t d = 0; d < deploys_.size(); ++d) {
    const std::size_t c = model_.deploys[d].component;
    totals.bad_deploys[c] += deploys_[d].bad_deploys;
    totals.deploys_skipped[c] += deploys_[d].skipped;
    totals.restarts[c] += deploys_[d].restarts;
  }
  for (std::size_t k = 0; k < charged_hours_.size(); ++k) {
    if (caused_[k] == 0) continue;
    totals.charged_downtime_hours[k].add(charged_hours_[k]);
    totals.outages_caused[k] += caused_[k];
  }
  for (std::size_t z = 0; z < zone_down_.size(); ++z) {
    const DomainState& d = zone_down_[z];
    totals.zone_up_fraction[z].add((d.up_hours + (d.down() ? 0.0 : horizon)) / horizon);
  }
  for (std::size_t r = 0; r < region_down_.size(); ++r) {
    const DomainState& d = region_down_[r];
    totals.region_up_fraction[r].add((d.up_hours + (d.down() ? 0.0 : horizon)) / horizon);
  }
  totals.common_cause_outages += common_cause_outages_;
  for (const double hours : outage_hours_) totals.outage_durations.add(hours);
  totals.downtime_hours.add(downtime_hours_);
  totals.outages += outages_;
  totals.outages_cut_at_horizon += outages_cut_;
  totals.events += events_;
  outcome.unavailability = downtime_hours_ / horizon;
  outcome.outages = outages_;
  outcome.common_cause_outages = common_cause_outages_;
  outcome.years_met = 0;
  if (year_failed_.empty()) {
    for (const double hours : year_downtime_) {
      outcome.years_met += 1.0 - hours / models::kHoursPerYear >= *model_.target ? 1U : 0U;
    }
  }
  outcome.window_downtime_hours = window_downtime_;
  if (load_ != nullptr) [[unlikely]]
    finish_requests(totals, outcome);
  if (episodes_) [[unlikely]]
    finish_episodes(totals, outcome);
}

}  // namespace nines::engine
