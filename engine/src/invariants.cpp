// The full checker: every count and flag the simulator keeps incrementally, recomputed from
// scratch. Tests run it after every batch; it is far too slow for a real run.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

namespace {

void expect(bool ok, const std::string& what) {
  if (!ok) throw std::logic_error("invariant broken: " + what);
}

}  // namespace

void ReplicationSimulator::check_invariants() const {
  const std::size_t n = model_.components.size();
  // Blocking: each instance's count is its zone's blocking plus the injections holding it.
  std::vector<std::uint32_t> blocked(model_.instance_count, 0);
  for (std::size_t z = 0; z < model_.zones.size(); ++z) {
    const std::int32_t region = model_.zones[z].region;
    const bool blocks = zone_down_[z].down() ||
                        (region >= 0 && region_down_[static_cast<std::size_t>(region)].down());
    expect(blocks == (zone_blocking_[z] != 0), "zone blocking flag of " + model_.zone_ids[z]);
    if (!blocks) continue;
    const CompiledDomain& d = model_.zones[z];
    for (std::uint32_t k = 0; k < d.member_count; ++k)
      ++blocked[model_.zone_instances[d.first_member + k]];
  }
  for (std::size_t j = 0; j < model_.injections.size(); ++j) {
    const CompiledInjection& inj = model_.injections[j];
    if (injection_phase_[j] != 1 || inj.target != CompiledInjection::Target::kComponent) continue;
    for (std::uint32_t k = 0; k < held_count_[j]; ++k) ++blocked[held_[inj.first_held + k]];
  }
  // Deploys: an instance restarting (its restart clock pending) or broken is blocked once each.
  for (std::size_t d = 0; d < model_.deploys.size(); ++d) {
    const CompiledDeploys& cd = model_.deploys[d];
    const CompiledComponent& cc = model_.components[cd.component];
    std::uint32_t restarting = 0;
    for (std::uint32_t k = 0; k < cc.instance_count; ++k) {
      const std::uint32_t i = cc.first_instance + k;
      if (queue_.contains(cd.first_slot + CompiledDeploys::kFirstRestartSlot + k)) {
        ++blocked[i];
        ++restarting;
      }
      if (instances_[i].broken != 0) ++blocked[i];
    }
    expect(restarting == deploys_[d].restarting,
           "restarting count of the deploys of " + model_.component_ids[cd.component]);
  }
  std::vector<std::uint32_t> serving(n, 0);
  std::vector<std::uint32_t> believed(n, 0);
  std::vector<std::uint32_t> switching(n, 0);
  for (std::uint32_t i = 0; i < model_.instance_count; ++i) {
    const Instance& in = instances_[i];
    expect(in.blocked == blocked[i], "blocked count of instance " + std::to_string(i));
    if (in.state == State::kActive) {
      if (in.blocked == 0) ++serving[in.component];
      if (in.counted_failed == 0) ++believed[in.component];
    } else {
      expect(in.counted_failed == 0, "counted_failed on a non-active instance");
    }
    if (in.state == State::kSwitching) ++switching[in.component];
    const CompiledComponent& cc = model_.components[in.component];
    // An instance that never fails is active and waits for nothing, with no event.
    const bool waits = in.state == State::kWaitingCrew ||
                       (in.state == State::kIdle && cc.standby == Standby::kCold) ||
                       (in.state == State::kActive && cc.failure.kind == LawKind::kNever);
    expect(queue_.contains(i) != waits, "pending event of instance " + std::to_string(i));
  }
  // Components: pools, gates and services, evaluated bottom-up until nothing changes.
  std::vector<std::uint8_t> service(n, 1);
  for (std::size_t c = 0; c < n; ++c) {
    expect(active_up_[c] == serving[c], "serving count of " + model_.component_ids[c]);
    expect(switching_[c] == switching[c], "switching count of " + model_.component_ids[c]);
    if (model_.components[c].standby != Standby::kHot) {
      expect(believed_up_[c] == believed[c], "believed-up count of " + model_.component_ids[c]);
    }
    const bool pool_up = serving[c] >= model_.components[c].min_up;
    expect(pool_up == (nodes_[c].pool_up != 0), "pool flag of " + model_.component_ids[c]);
    service[c] = pool_up ? 1 : 0;
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t c = 0; c < n; ++c) {
      if (service[c] == 0) continue;
      const CompiledComponent& cc = model_.components[c];
      for (std::uint32_t g = cc.first_gate; g < cc.first_gate + cc.gate_count; ++g) {
        const Gate& gate = model_.gates[g];
        std::uint32_t up = 0;
        if (gate.failover >= 0) {
          // A timed failover follows its target in use only.
          const FailoverState& f = failovers_[static_cast<std::size_t>(gate.failover)];
          up = service[model_.gate_children[gate.first_child + f.in_use]];
        } else {
          for (std::uint32_t k = 0; k < gate.child_count; ++k)
            up += service[model_.gate_children[gate.first_child + k]];
        }
        if (up < gate.need) {
          service[c] = 0;
          changed = true;
          break;
        }
      }
    }
  }
  for (std::size_t c = 0; c < n; ++c) {
    expect(service[c] == nodes_[c].service_up, "service flag of " + model_.component_ids[c]);
  }
  for (std::size_t g = 0; g < model_.gates.size(); ++g) {
    const Gate& gate = model_.gates[g];
    if (gate.child_count == 1 && gate.need == 1) continue;  // plain: propagation keeps no count
    std::uint32_t up = 0;
    for (std::uint32_t k = 0; k < gate.child_count; ++k)
      up += service[model_.gate_children[gate.first_child + k]];
    expect(gates_[g].up_children == up, "up children of gate " + std::to_string(g));
  }
  for (std::size_t j = 0; j < model_.failovers.size(); ++j) {
    const Gate& gate = model_.gates[model_.failovers[j].gate];
    const FailoverState& f = failovers_[j];
    const std::uint32_t* children = model_.gate_children.data() + gate.first_child;
    std::uint32_t others_up = 0;
    for (std::uint32_t k = 0; k < gate.child_count; ++k) {
      if (k != f.in_use) others_up += service[children[k]];
    }
    const bool should_run = service[children[f.in_use]] == 0 && others_up > 0;
    expect(f.satisfied == (service[children[f.in_use]] != 0),
           "failover " + model_.failover_ids[j] + " satisfied flag");
    expect(f.running == should_run, "failover " + model_.failover_ids[j] + " running flag");
    expect(
        queue_.contains(model_.first_failover_slot + static_cast<std::uint32_t>(j)) == should_run,
        "pending event of failover " + model_.failover_ids[j]);
    if (model_.failovers[j].automatic_failback && service[children[f.in_use]] != 0) {
      for (std::uint32_t k = 0; k < f.in_use; ++k) {
        expect(service[children[k]] == 0, "automatic failback of " + model_.failover_ids[j]);
      }
    }
  }
  if (!flow_mode_) {
    expect(system_up_ == (service[model_.entry] != 0), "system state after the batch");
    return;
  }
  // Flow mode: the incremental evaluation equals the reference solved from scratch for the
  // same serving counts and admitted load (to 1e-9), and the system state follows sigma.
  FlowState state;
  for (std::size_t c = 0; c < n; ++c) state.serving.push_back(static_cast<int>(serving[c]));
  for (std::uint32_t k = 0; k < load_->graph.targets.size(); ++k) {
    state.breaker_open.push_back(flow_->breaker_open(k) ? 1 : 0);
  }
  for (std::uint32_t r = 0; r < load_->graph.rows.size(); ++r) {
    state.cache_valid.push_back(flow_->cache_valid(r) ? 1 : 0);
  }
  state.admitted_rps = admitted_rps_;
  if (!load_->failover_rows.empty()) {
    state.in_use.assign(load_->graph.rows.size(), -1);
    state.failing_over.assign(load_->graph.rows.size(), 0);
    for (std::uint32_t f = 0; f < failovers_.size(); ++f) {
      const std::uint32_t r = load_->failover_rows[f];
      state.in_use[r] = static_cast<std::int32_t>(failovers_[f].in_use);
      state.failing_over[r] = failovers_[f].running ? 1 : 0;
    }
  }
  FlowSolver reference(load_->graph);
  const FlowSolution& solved = reference.solve(state);
  if (solved.converged) {
    for (std::uint32_t c = 0; c < n; ++c) {
      const auto close = [](double a, double b) {
        return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
      };
      expect(close(flow_->success(c), solved.success[c]),
             "flow success of " + model_.component_ids[c]);
      expect(close(flow_->demand(c), solved.demand[c]),
             "flow demand of " + model_.component_ids[c]);
    }
  }
  expect(system_up_ == (sigma_ >= load_->outage_below), "system state after the batch");
  for (std::uint32_t cache = 0; cache < load_->caches.size(); ++cache) {
    // A cache's clock runs exactly while a valid cache's targets are unhealthy or an expired
    // one's are healthy.
    const std::uint32_t r = load_->caches[cache];
    const bool healthy = flow_->row_target_success(r) >= load_->graph.rows[r].stale_below;
    const bool pending = queue_.pending_key(load_->first_cache_slot + cache) != EventQueue::kNoKey;
    expect(pending == (flow_->cache_valid(r) != healthy),
           "the clock of cache " + load_->cache_ids[cache]);
  }
  for (std::uint32_t i = 0; i < model_.instance_count; ++i) {
    if (!crashes_) break;
    const Instance& in = instances_[i];
    const CompiledOverload& o = load_->overload[in.component];
    if (!o.crashes) continue;
    // A crash clock runs exactly on the serving instances of an overloaded component.
    const bool serving_now = in.state == State::kActive && in.blocked == 0;
    expect((crash_clock_[i] != 0) == (serving_now && overloaded_[in.component] != 0),
           "crash clock of instance " + std::to_string(i));
  }
}

}  // namespace nines::engine
