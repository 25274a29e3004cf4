// Overload crashes and cascades (docs/traffic.md, "Overload, shedding and cascades"). While a
// component with `overload` is overloaded (at least min_up serving, demand above capacity, not
// shedding), each of its serving instances carries a crash clock drawn from `crash_after` when
// the overload begins or when it starts serving during it. The clock has a slot of its own, so
// the instance's pending failure stays in place: at a tie the failure comes first (same rank,
// lower slot) and the crash finds the instance no longer serving. A crash makes the instance
// crash-down until a draw of `restart`, then it returns with a fresh life. Both draws come from
// the instance's overload stream, so overload changes no failure, detection or repair draw.
#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

double ReplicationSimulator::overload_draw(const CompiledLaw& law, std::uint32_t instance) {
  const CompiledComponent& cc = model_.components[instances_[instance].component];
  return keyed_draw(law, cc.stream_source, Purpose::kOverload, instance - cc.first_instance,
                    overload_draws_[instance]);
}

void ReplicationSimulator::reconcile_crash_clocks(std::uint32_t component) {
  const CompiledOverload& o = load_->overload[component];
  if (!o.crashes) return;
  const FlowEvaluator& flow = *flow_;
  const CompiledComponent& cc = model_.components[component];
  const int n = flow.serving(component);
  const bool overloaded = !o.shedding && n >= static_cast<int>(cc.min_up) &&
                          flow.demand(component) > flow.capacity(component);
  if (overloaded != (overloaded_[component] != 0)) {
    overloaded_[component] = overloaded ? 1 : 0;
    overloaded_count_ += overloaded ? 1U : 0xffffffffU;
  }
  for (std::uint32_t k = 0; k < cc.instance_count; ++k) {
    const std::uint32_t i = cc.first_instance + k;
    const bool serving = instances_[i].state == State::kActive && instances_[i].blocked == 0;
    const bool wants_clock = overloaded && serving;
    if (wants_clock == (crash_clock_[i] != 0)) continue;
    crash_clock_[i] = wants_clock ? 1 : 0;
    const std::uint32_t slot = o.first_crash_slot + k;
    if (wants_clock) {
      queue_.schedule(slot, now_ + overload_draw(o.crash_after, i), kLoss, i);
    } else {
      queue_.cancel(slot);  // a cancelled clock is no event
    }
  }
}

void ReplicationSimulator::handle_crash(std::uint32_t instance) {
  Instance& in = instances_[instance];
  const std::uint32_t c = in.component;
  const CompiledOverload& o = load_->overload[c];
  const CompiledComponent& cc = model_.components[c];
  queue_.cancel(o.first_crash_slot + (instance - cc.first_instance));
  crash_clock_[instance] = 0;
  if (in.state != State::kActive || in.blocked != 0) {
    // It stopped serving earlier in this batch (a failure at the same instant applies first):
    // its clock was lost, and a lost clock is no event.
    --events_;
    return;
  }
  loss_cause_ = o.cause;
  if (first_loss_cause_ == kNone) first_loss_cause_ = loss_cause_;
  note(TraceEvent::kCrash, SourceKind::kComponent, c, instance);
  serving_down(c);
  --believed_up_[c];
  in.state = State::kCrashed;
  // Its pending failure is void: the instance slot now holds the end of the restart.
  schedule_instance(instance, now_ + overload_draw(o.restart, instance), kComeback);
  ++crashes_of_[c];
  ++crashed_count_;
  if (!cascade_open_) {
    cascade_open_ = true;
    ++cascade_number_;
    cascade_first_ = c;
    cascade_size_ = 0;
  }
  if (crashed_in_cascade_[c] != cascade_number_) {
    crashed_in_cascade_[c] = cascade_number_;
    ++cascade_size_;
  }
  loss_cause_ = kNone;
  // A crash of an active instance of a warm or cold pool starts a switchover at once.
  if (cc.standby != Standby::kHot) try_switchover(c);
}

void ReplicationSimulator::on_restart_end(std::uint32_t instance) {
  note(TraceEvent::kCrashRestart, SourceKind::kComponent, instances_[instance].component, instance);
  --crashed_count_;
  queue_.cancel(instance);      // an instance that never fails has nothing more to wait for
  return_to_service(instance);  // a fresh life: activate() draws its next failure
}

void ReplicationSimulator::watch_cascade() {
  if (cascade_open_ && crashed_count_ == 0 && overloaded_count_ == 0) close_cascade(false);
  cascade_was_open_ = cascade_open_;
  last_batch_end_ = now_;
}

void ReplicationSimulator::note_cascade_overlap(double until) {
  if (cascade_was_open_ && !system_up_ && until > last_batch_end_) outage_in_cascade_ = true;
}

void ReplicationSimulator::close_cascade(bool cut) {
  cascade_open_ = false;
  ++cascades_;
  cascades_cut_ += cut ? 1U : 0U;
  ++cascade_sizes_[cascade_size_];
  ++cascades_started_[cascade_first_];
  started_sizes_[cascade_first_] += cascade_size_;
}

void ReplicationSimulator::reset_cascades() {
  std::fill(crash_clock_.begin(), crash_clock_.end(), 0);
  std::fill(overload_draws_.begin(), overload_draws_.end(), 0U);
  std::fill(overloaded_.begin(), overloaded_.end(), 0);
  std::fill(crashes_of_.begin(), crashes_of_.end(), 0U);
  std::fill(crashed_in_cascade_.begin(), crashed_in_cascade_.end(), 0U);
  std::fill(cascade_sizes_.begin(), cascade_sizes_.end(), 0);
  std::fill(cascades_started_.begin(), cascades_started_.end(), 0);
  std::fill(started_sizes_.begin(), started_sizes_.end(), 0);
  crashed_count_ = 0;
  overloaded_count_ = 0;
  cascade_open_ = false;
  cascade_was_open_ = false;
  last_batch_end_ = 0.0;
  cascade_number_ = 0;
  cascades_ = 0;
  cascades_cut_ = 0;
  outage_in_cascade_ = false;
  outages_in_cascades_ = 0;
  downtime_in_cascades_ = 0.0;
}

void ReplicationSimulator::finish_cascades(RunTotals& totals, ReplicationOutcome& outcome) {
  if (cascade_open_) close_cascade(true);
  totals.cascades += cascades_;
  totals.cascades_cut_at_horizon += cascades_cut_;
  for (std::size_t k = 0; k < cascade_sizes_.size(); ++k) {
    totals.cascade_sizes[k] += cascade_sizes_[k];
  }
  for (std::size_t c = 0; c < crashes_of_.size(); ++c) {
    totals.overload_crashes[c] += crashes_of_[c];
    totals.cascades_started[c] += cascades_started_[c];
    totals.started_cascade_sizes[c] += started_sizes_[c];
  }
  totals.outages_in_cascades += outages_in_cascades_;
  totals.downtime_in_cascades.add(downtime_in_cascades_);
  outcome.cascades = cascades_;
}

}  // namespace nines::engine
