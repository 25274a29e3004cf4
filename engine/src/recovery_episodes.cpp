// Trigger episodes and recoveries (docs/traffic.md, "Recovery and metastability"): with a load,
// every injection is a trigger from its start to its end; overlapping or touching triggers form
// one episode, and after an episode that ends before the horizon the system recovers once its
// served share is at or above degraded_below again (in Boolean mode: once it is up). Only models
// with a load and injections run any of this, at injection events and, while an episode or a
// recovery is open, once per batch.
#include <algorithm>

#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

void ReplicationSimulator::reset_episodes() {
  std::fill(trigger_open_.begin(), trigger_open_.end(), 0);
  std::fill(taken_back_.begin(), taken_back_.end(), 0);
  open_triggers_ = 0;
  episode_open_ = false;
  recovering_since_.clear();
  recoveries_.clear();
  recoveries_cut_ = 0;
  metastable_ = 0;
}

void ReplicationSimulator::trigger_started(std::uint32_t injection) {
  trigger_open_[injection] = 1;
  ++open_triggers_;
  episode_open_ = true;
  // Its end (a repair, a domain's recovery) and the episode's are read after each batch.
  watch_batches_ = true;
}

void ReplicationSimulator::trigger_ended(std::uint32_t injection) {
  if (trigger_open_[injection] == 0) return;
  trigger_open_[injection] = 0;
  --open_triggers_;
}

void ReplicationSimulator::watch_episodes() {
  // Triggers without `for` end by the target's own recovery: a component injection when the
  // last instance it took is repaired (at once when it took none), a zone or region one when the
  // domain's own life has it up again.
  for (std::uint32_t j = 0; j < model_.injections.size() && open_triggers_ > 0; ++j) {
    const CompiledInjection& inj = model_.injections[j];
    if (trigger_open_[j] == 0 || inj.for_hours > 0.0) continue;
    bool over = false;
    switch (inj.target) {
      case CompiledInjection::Target::kComponent: {
        over = true;
        for (std::uint32_t k = 0; k < held_count_[j]; ++k) {
          std::uint8_t& back = taken_back_[inj.first_held + k];
          const State state = instances_[held_[inj.first_held + k]].state;
          // Repaired: back in service or standby (a later failure is not this trigger's).
          if (state == State::kActive || state == State::kIdle || state == State::kSwitching) {
            back = 1;
          }
          over = over && back != 0;
        }
        break;
      }
      case CompiledInjection::Target::kZone:
        over = zone_down_[inj.index].own_down == 0;
        break;
      case CompiledInjection::Target::kRegion:
        over = region_down_[inj.index].own_down == 0;
        break;
    }
    if (over) trigger_ended(j);
  }
  // Starts are losses, applied after the comebacks of the same instant: a trigger that starts
  // as another ends keeps the episode open (touching triggers form one episode).
  if (open_triggers_ == 0 && episode_open_) {
    episode_open_ = false;
    recovering_since_.push_back(now_);
  }
  // Recovered: the served share is at or above degraded_below (Boolean mode: the system is up).
  const bool recovered = flow_mode_ ? sigma_ >= load_->degraded_below : system_up_;
  if (recovered && !recovering_since_.empty()) {
    for (const double since : recovering_since_) record_recovery(now_ - since, false);
    recovering_since_.clear();
  }
  watch_batches_ = trace_ != nullptr || batch_check_ || flow_mode_ || open_triggers_ > 0 ||
                   !recovering_since_.empty();
}

void ReplicationSimulator::record_recovery(double hours, bool cut) {
  recoveries_.push_back(hours);
  recoveries_cut_ += cut ? 1U : 0U;
  metastable_ += hours > model_.load->metastable_after_hours ? 1U : 0U;
}

void ReplicationSimulator::finish_episodes(RunTotals& totals, ReplicationOutcome& outcome) {
  // Recoveries still running are cut at the horizon, and count when longer than
  // metastable_after; an episode still running at the horizon has no recovery.
  for (const double since : recovering_since_) record_recovery(model_.horizon_hours - since, true);
  recovering_since_.clear();
  for (const double hours : recoveries_) {
    totals.recovery_hours.add(hours);
    totals.recovery_sum_hours.add(hours);
  }
  totals.recoveries += static_cast<std::int64_t>(recoveries_.size());
  totals.recoveries_cut_at_horizon += recoveries_cut_;
  outcome.metastable_episodes = metastable_;
}

}  // namespace nines::engine
