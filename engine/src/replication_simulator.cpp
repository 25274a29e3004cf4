// One simulated history: the loop pops same-instant batches, applies their events in the
// documented order (the queue's keys give it), and evaluates the system once per batch.
#include "nines/engine/replication_simulator.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace nines::engine {

ReplicationSimulator::ReplicationSimulator(const CompiledModel& model, double window_hours)
    : model_(model),
      instances_(model.instance_count),
      draws_(model.instance_count),
      next_(model.instance_count),
      prev_(model.instance_count),
      active_up_(model.components.size()),
      believed_up_(model.components.size()),
      switching_(model.components.size()),
      idle_(model.components.size()),
      nodes_(model.components.size()),
      pool_up_hours_(model.components.size()),
      monitoring_(model.components.size()),
      charged_hours_(model.cause_kinds.size()),
      caused_(model.cause_kinds.size()),
      gates_(model.gates.size()),
      failovers_(model.failovers.size()),
      deploys_(model.deploys.size()),
      crew_free_(model.crew_sizes.size()),
      crew_queue_(model.crew_sizes.size()),
      zone_down_(model.zones.size()),
      region_down_(model.regions.size()),
      zone_blocking_(model.zones.size()),
      injection_phase_(model.injections.size()),
      held_(model.held_instances),
      held_count_(model.injections.size()),
      component_stamp_(model.components.size()),
      work_(model.direct_parents.size() + model.parent_links.size() + 1),
      window_hours_(window_hours),
      window_downtime_(static_cast<std::size_t>(whole_windows(model.horizon_hours, window_hours))),
      year_downtime_(model.target ? static_cast<std::size_t>(
                                        whole_windows(model.horizon_hours, models::kHoursPerYear))
                                  : 0U) {
  if (model.load) {
    load_ = &*model.load;
    episodes_ = model.load->episodes;
    // Triggers: injections, then spike slots (flow mode).
    trigger_open_.resize(model.injections.size() + model.load->spike_slot_source.size());
    taken_back_.resize(model.held_instances);
    recovering_since_.reserve(model.injections.size());
    window_failed_.resize(window_downtime_.size());
    if (load_->flow) {
      flow_mode_ = true;
      flow_.emplace(load_->graph);
      flow_dirty_.assign(model.components.size(), 0);
      flow_changed_.reserve(model.components.size());
      flow_components_.resize(model.components.size());
      in_batch_touched_.resize(model.components.size());
      if (load_->journeys) journey_failed_.resize(load_->graph.entries.size());
      batch_touched_.reserve(model.components.size());
      shed_rps_of_.resize(model.components.size());
      spike_running_.resize(load_->spike_slot_source.size());
      cache_clock_.resize(load_->caches.size());
      cache_expiries_.resize(load_->caches.size());
      cache_expired_hours_.resize(load_->caches.size());
      cache_expired_since_.resize(load_->caches.size());
      spike_gap_draws_.resize(load_->spikes.size());
      spike_duration_draws_.resize(load_->spikes.size());
      if (load_->crashes) {
        crashes_ = true;
        crash_clock_.resize(model.instance_count);
        overload_draws_.resize(model.instance_count);
        overloaded_.resize(model.components.size());
        crashes_of_.resize(model.components.size());
        crashed_in_cascade_.resize(model.components.size());
        cascade_sizes_.resize(model.components.size() + 1);
        cascades_started_.resize(model.components.size());
        started_sizes_.resize(model.components.size());
      }
    }
    if (load_->requests_basis) {
      // Windows judge requests; spikes make each window's offered load differ between histories.
      if (load_->offered_per_window()) window_offered_.resize(window_downtime_.size());
      // The per-year SLA judges requests: each whole year's offered load-hours, once.
      year_failed_.resize(year_downtime_.size());
      year_offered_.resize(year_downtime_.size());
      for (std::size_t k = 0; k < year_offered_.size(); ++k) {
        const double start = static_cast<double>(k) * models::kHoursPerYear;
        year_offered_[k] = load_->integral.integral(start, start + models::kHoursPerYear);
      }
    }
  }
  queue_.reset(model.slot_count, model.horizon_hours);
  // instances_ never reallocates.
  queue_.set_payload(instances_.data(), sizeof(Instance), model.instance_count);
  batch_pool_downs_.reserve(model.components.size());
}

void ReplicationSimulator::reset(std::uint64_t replication) {
  queue_.reset(model_.slot_count, model_.horizon_hours);
  now_ = 0.0;
  events_ = 0;
  replication_key_ = replication_key(model_.seed, replication);
  for (std::size_t c = 0; c < model_.components.size(); ++c) {
    const CompiledComponent& cc = model_.components[c];
    const bool hot = cc.standby == Standby::kHot;
    const std::uint32_t active = hot ? cc.instance_count : cc.min_up;
    active_up_[c] = active;
    believed_up_[c] = active;
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
    monitoring_[c] = Monitoring{};
    for (std::uint32_t k = 0; k < cc.instance_count; ++k) {
      const std::uint32_t i = cc.first_instance + k;
      instances_[i] = Instance{};
      draws_[i] = {};
      instances_[i].component = static_cast<std::uint32_t>(c);
      instances_[i].plain = cc.plain ? 1 : 0;
      if (k < active) {
        instances_[i].state = State::kActive;
        if (cc.failure.kind != LawKind::kNever) {
          schedule_instance(i, draw(cc.failure, i, Purpose::kFailure), kLoss);
        }
      } else {
        instances_[i].state = State::kIdle;
        push_back(idle_[c], i);
        if (cc.standby == Standby::kWarm) {
          schedule_instance(i, draw(cc.dormant_failure, i, Purpose::kDormantFailure), kLoss);
        }
      }
    }
  }
  std::fill(charged_hours_.begin(), charged_hours_.end(), 0.0);
  std::fill(caused_.begin(), caused_.end(), 0U);
  for (std::size_t g = 0; g < model_.gates.size(); ++g) {
    const Gate& gate = model_.gates[g];
    gates_[g] = GateState{gate.owner, gate.need, gate.child_count,
                          gate.failover < 0 ? kNone : static_cast<std::uint32_t>(gate.failover)};
  }
  std::fill(failovers_.begin(), failovers_.end(), FailoverState{});
  for (std::size_t k = 0; k < model_.crew_sizes.size(); ++k) {
    crew_free_[k] = model_.crew_sizes[k];
    crew_queue_[k] = List{};
  }
  for (std::uint32_t z = 0; z < zone_down_.size(); ++z) {
    zone_down_[z] = DomainState{};
    zone_blocking_[z] = 0;
    schedule_domain(model_.first_zone_slot + z, model_.zones[z], true, zone_down_[z].failure_draws,
                    zone_down_[z].repair_draws);
  }
  for (std::uint32_t r = 0; r < region_down_.size(); ++r) {
    region_down_[r] = DomainState{};
    schedule_domain(model_.first_region_slot + r, model_.regions[r], true,
                    region_down_[r].failure_draws, region_down_[r].repair_draws);
  }
  for (std::uint32_t j = 0; j < model_.injections.size(); ++j) {
    injection_phase_[j] = 0;
    held_count_[j] = 0;
    const std::uint32_t slot = model_.first_injection_slot + j;
    queue_.schedule(slot, model_.injections[j].at_hours, kLoss, slot);
  }
  for (std::uint32_t d = 0; d < deploys_.size(); ++d) {
    deploys_[d] = DeployState{};
    const CompiledDeploys& cd = model_.deploys[d];
    const std::uint32_t slot = cd.first_slot + CompiledDeploys::kDueSlot;
    queue_.schedule(slot, cd.first_at_hours, kLoss, slot);
  }
  loss_cause_ = kNone;
  first_loss_cause_ = kNone;
  batch_pool_downs_.clear();
  system_up_ = true;
  outage_cause_ = model_.other_cause;
  down_since_ = 0.0;
  downtime_hours_ = 0.0;
  outages_ = 0;
  common_cause_outages_ = 0;
  outages_cut_ = 0;
  batch_number_ = 0;
  outage_hours_.clear();
  std::fill(window_downtime_.begin(), window_downtime_.end(), 0.0);
  std::fill(year_downtime_.begin(), year_downtime_.end(), 0.0);
  if (load_ != nullptr) reset_requests();
  if (episodes_) reset_episodes();
  if (crashes_) reset_cascades();
  if (flow_mode_) reset_flow();
}

void ReplicationSimulator::handle_slot(std::uint32_t slot) {
  if (slot < model_.instance_count) [[likely]] {
    handle(slot);
  } else if (slot < model_.first_region_slot) {
    handle_zone(slot - model_.first_zone_slot);
  } else if (slot < model_.first_injection_slot) {
    handle_region(slot - model_.first_region_slot);
  } else if (slot < model_.first_deploy_slot) {
    handle_injection(slot - model_.first_injection_slot);
  } else if (slot < model_.first_failover_slot) {
    handle_deploy(slot);
  } else if (slot < model_.first_block_slot) {
    handle_failover(slot - model_.first_failover_slot);
  } else if (flow_mode_ && slot >= model_.load_step_slot) {
    if (slot == model_.load_step_slot) {
      handle_load_step();
    } else if (slot >= load_->first_cache_slot) {
      handle_cache_clock(slot - load_->first_cache_slot);
    } else if (slot >= load_->first_breaker_slot) {
      handle_breaker_close(slot - load_->first_breaker_slot);
    } else if (slot >= load_->first_spike_slot) {
      handle_spike(slot);
    } else {
      handle_crash(load_->crash_slot_instance[slot - load_->first_crash_slot]);
    }
  } else {
    on_block_detected(model_.block_slot_instance[slot - model_.first_block_slot]);
  }
}

void ReplicationSimulator::close_batch() {
  const bool up = flow_mode_ ? close_flow_batch() : nodes_[model_.entry].service_up != 0;
  if (up != system_up_) [[unlikely]] {
    system_up_ = up;
    if (!up) {
      down_since_ = now_;
      std::uint32_t pools_down = 0;
      outage_cause_ = root_cause(pools_down);
      if (pools_down >= 2) ++common_cause_outages_;
    } else {
      record_outage(now_ - down_since_);  // batches are at distinct times: a positive length
    }
  }
  if (trace_ != nullptr) {
    std::vector<TraceRow>& rows = trace_->rows;
    bool cause_marked = false;
    double offered = std::numeric_limits<double>::quiet_NaN();
    double sigma = offered;
    if (load_ != nullptr) {
      // Boolean mode: the profile's rate at this hour, all served while up, none while down.
      offered =
          flow_mode_
              ? offered_rps_
              : load_->rps *
                    load_->multipliers[static_cast<std::size_t>(now_) % load_->multipliers.size()];
      sigma = flow_mode_ ? sigma_ : (system_up_ ? 1.0 : 0.0);
    }
    for (auto it = rows.rbegin(); it != rows.rend() && it->batch == batch_number_; ++it) {
      it->system_up = system_up_;
      it->offered_rps = offered;
      it->served_rps = offered * sigma;
      it->sigma = sigma;
    }
    if (!up && down_since_ == now_) {
      // The row that began the outage: the first of the batch from the root cause's source.
      auto first = rows.end();
      while (first != rows.begin() && (first - 1)->batch == batch_number_) --first;
      for (auto it = first; it != rows.end() && !cause_marked; ++it) {
        if (trace_source_cause(*it) == outage_cause_) {
          it->cause = outage_cause_;
          cause_marked = true;
        }
      }
      if (!cause_marked && first != rows.end()) first->cause = outage_cause_;
    }
  }
  if (!batch_pool_downs_.empty()) batch_pool_downs_.clear();
  first_loss_cause_ = kNone;
  batch_load_step_ = false;
  batch_spike_cause_ = kNone;
  if (episodes_) [[unlikely]]
    watch_episodes();
  ++batch_number_;
  if (batch_check_) check_invariants();
}

bool ReplicationSimulator::run(std::uint64_t replication, RunTotals& totals,
                               ReplicationOutcome& outcome, const std::atomic<bool>* cancel,
                               Trace* trace) {
  trace_ = trace;
  if (trace_ != nullptr) trace_->rows.clear();
  reset(replication);
  if (trace_ != nullptr && load_ != nullptr) {
    // Boolean mode: all of the first hour's rate is served while the system is up.
    trace_->initial_offered_rps = flow_mode_ ? offered_rps_ : load_->rps * load_->multipliers[0];
    trace_->initial_served_rps =
        trace_->initial_offered_rps * (flow_mode_ ? sigma_ : (system_up_ ? 1.0 : 0.0));
  }
  watch_batches_ = trace_ != nullptr || batch_check_ || flow_mode_;
  double time = 0.0;
  std::uint32_t slot = 0;
  bool batch_open = false;
  for (;;) {
    if (!queue_.peek(time, slot)) {  // only events before the horizon
      if (!batch_open) break;
      end_batch();
      batch_open = false;
      // In flow mode the last batch's evaluation may have scheduled more (a cache's warm-up
      // end, a crash clock) when nothing else was pending.
      if (flow_mode_) continue;
      break;
    }
    if (time != now_ && batch_open) {
      end_batch();
      if (flow_mode_) [[unlikely]] {
        // The evaluation may have scheduled events (crash clocks) before `time`, or at the
        // batch's own instant (a zero duration: the next batch at that instant).
        batch_open = false;
        continue;
      }
    }
    now_ = time;
    batch_open = true;
    ++events_;
    queue_.for_each_runner_up([this](std::uint32_t next) {
      if (next < model_.instance_count) __builtin_prefetch(&instances_[next]);
    });
    const auto before = queue_.top_key();
    // Most events are a plain instance's (CompiledComponent::plain): straight to its handler.
    const State plain_state =
        slot < model_.instance_count && instances_[slot].plain != 0 && trace_ == nullptr
            ? instances_[slot].state
            : State::kIdle;  // no plain handler: the general way
    if (plain_state == State::kActive) [[likely]] {
      plain_failure(slot);
    } else if (plain_state == State::kInRepair) {
      plain_repair_end(slot);
    } else {
      handle_slot(slot);
    }
    // A handler must reschedule or cancel its slot; one that did neither would loop forever.
    if (queue_.still_pending(slot, before)) [[unlikely]] {
      throw std::logic_error("internal error: the handler of event source " + std::to_string(slot) +
                             " left its event in place at t = " + std::to_string(now_) + " h");
    }
    if ((events_ & 0xffffU) == 0 && cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
      trace_ = nullptr;
      return false;
    }
  }
  finish(totals, outcome);
  if (trace_ != nullptr) {
    trace_->downtime_hours = downtime_hours_;
    trace_->outages = outages_;
  }
  trace_ = nullptr;
  return true;
}

}  // namespace nines::engine
