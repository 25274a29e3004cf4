// One simulated history. State changes are incremental: an event touches one instance, at most
// one pool changes, and only the components depending on it are re-evaluated.
#include "nines/engine/replication_simulator.hpp"

#include <algorithm>
#include <cassert>

namespace nines::engine {

ReplicationSimulator::ReplicationSimulator(const CompiledModel& model, double window_hours)
    : model_(model),
      instances_(model.instance_count),
      next_(model.instance_count),
      prev_(model.instance_count),
      active_up_(model.components.size()),
      switching_(model.components.size()),
      idle_(model.components.size()),
      nodes_(model.components.size()),
      pool_up_hours_(model.components.size()),
      charged_hours_(model.components.size()),
      caused_(model.components.size()),
      gates_(model.gates.size()),
      crew_free_(model.crew_sizes.size()),
      crew_queue_(model.crew_sizes.size()),
      work_(model.direct_parents.size() + model.parent_links.size() + 1),
      window_hours_(window_hours),
      window_downtime_(static_cast<std::size_t>(whole_windows(model.horizon_hours, window_hours))) {
  queue_.reset(model.instance_count, model.horizon_hours);
  queue_.set_payload(instances_.data(), sizeof(Instance));  // instances_ never reallocates
}

void ReplicationSimulator::reset(std::uint64_t replication) {
  queue_.reset(model_.instance_count, model_.horizon_hours);
  now_ = 0.0;
  events_ = 0;
  for (std::size_t c = 0; c < model_.components.size(); ++c) {
    const CompiledComponent& cc = model_.components[c];
    const bool hot = cc.standby == Standby::kHot;
    const std::uint32_t active = hot ? cc.instance_count : cc.min_up;
    active_up_[c] = active;
    switching_[c] = 0;
    idle_[c] = List{};
    nodes_[c] = Node{0,
                     1,
                     1,
                     cc.parent_link_count > 0 ? std::uint8_t{1} : std::uint8_t{0},
                     cc.first_direct_parent,
                     cc.direct_parent_count,
                     0.0};
    pool_up_hours_[c] = 0.0;
    charged_hours_[c] = 0.0;
    caused_[c] = 0;
    const std::uint64_t component_key =
        component_stream_key(model_.seed, replication, model_.component_hashes[c]);
    for (std::uint32_t k = 0; k < cc.instance_count; ++k) {
      const std::uint32_t i = cc.first_instance + k;
      instances_[i].rng = RandomStream(instance_stream_key(component_key, k));
      instances_[i].life_start_hours = 0.0;
      instances_[i].component = static_cast<std::uint32_t>(c);
      if (k < active) {
        instances_[i].state = State::kActive;
        queue_.schedule(i, draw(cc.failure, i));
      } else {
        instances_[i].state = State::kIdle;
        push_back(idle_[c], i);
        if (cc.standby == Standby::kWarm) queue_.schedule(i, draw(cc.dormant_failure, i));
      }
    }
  }
  for (std::size_t g = 0; g < model_.gates.size(); ++g) {
    const Gate& gate = model_.gates[g];
    gates_[g] = GateState{gate.owner, gate.need, gate.child_count};
  }
  for (std::size_t k = 0; k < model_.crew_sizes.size(); ++k) {
    crew_free_[k] = model_.crew_sizes[k];
    crew_queue_[k] = List{};
  }
  down_since_ = 0.0;
  downtime_hours_ = 0.0;
  outages_ = 0;
  outages_cut_ = 0;
  outage_hours_.clear();
  std::fill(window_downtime_.begin(), window_downtime_.end(), 0.0);
}

bool ReplicationSimulator::run(std::uint64_t replication, RunTotals& totals,
                               ReplicationOutcome& outcome, const std::atomic<bool>* cancel) {
  reset(replication);
  double time = 0.0;
  std::uint32_t instance = 0;
  while (queue_.peek(time, instance)) {  // only events before the horizon
    now_ = time;
    ++events_;
    queue_.for_each_runner_up(
        [this](std::uint32_t next) { __builtin_prefetch(&instances_[next]); });
    handle(instance);
    if ((events_ & 0xffffU) == 0 && cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
      return false;
    }
  }
  finish(totals, outcome);
  return true;
}

}  // namespace nines::engine
