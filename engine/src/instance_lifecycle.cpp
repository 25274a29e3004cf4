// The life of an instance: failure, detection, repair (with crews), standby and switchover.
// Every handler leaves the instance's own slot either rescheduled or cancelled.
#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

[[gnu::flatten]] void ReplicationSimulator::handle(std::uint32_t instance) {
  switch (instances_[instance].state) {
    case State::kActive:
      loss_cause_ = instances_[instance].component;
      if (first_loss_cause_ == kNone) first_loss_cause_ = loss_cause_;
      on_active_failure(instance);
      loss_cause_ = kNone;
      return;
    case State::kIdle:
      loss_cause_ = instances_[instance].component;
      if (first_loss_cause_ == kNone) first_loss_cause_ = loss_cause_;
      on_dormant_failure(instance);
      loss_cause_ = kNone;
      return;
    case State::kFailedUndetected:
      on_detected(instance);
      return;
    case State::kInRepair:
      on_repair_end(instance);
      return;
    case State::kSwitching:
      on_switch_end(instance);
      return;
    case State::kCrashed:
      on_restart_end(instance);
      return;
    case State::kWaitingCrew:
      break;
  }
  // Left unhandled, the slot check in run() reports it as an internal error.
}

// on_active_failure, after_failure, on_detected, begin_repair and start_repair_work for a plain
// instance: no trace, no block slot, no counted_failed (warm and cold pools only), no coverage
// coin, no detection delay (so the mean time to detect gains exactly 0 and is left as it is), no
// crew, no switchover.
[[gnu::noinline]] void ReplicationSimulator::plain_failure(std::uint32_t instance) {
  Instance& in = instances_[instance];
  const std::uint32_t c = in.component;
  loss_cause_ = c;
  if (first_loss_cause_ == kNone) first_loss_cause_ = c;
  if (in.blocked == 0) serving_down(c);
  loss_cause_ = kNone;
  --believed_up_[c];
  ++monitoring_[c].detections;
  in.since = now_;
  in.state = State::kInRepair;
  const CompiledComponent& cc = model_.components[c];
  const double duration =
      cc.repair.kind == LawKind::kZero ? 0.0 : draw(cc.repair, instance, Purpose::kRepair);
  schedule_instance(instance, now_ + duration, kComeback);
}

// on_repair_end, return_to_service and activate for a plain instance: no trace, no crew, never
// broken (no deploys), always back to work (hot), a failure to come.
[[gnu::noinline]] void ReplicationSimulator::plain_repair_end(std::uint32_t instance) {
  Instance& in = instances_[instance];
  const std::uint32_t c = in.component;
  Monitoring& m = monitoring_[c];
  m.repair_hours += now_ - in.since;
  ++m.repairs;
  in.state = State::kActive;
  const CompiledComponent& cc = model_.components[c];
  schedule_instance(instance, now_ + draw(cc.failure, instance, Purpose::kFailure), kLoss);
  ++believed_up_[c];
  if (in.blocked == 0) serving_up(c);
}

void ReplicationSimulator::on_active_failure(std::uint32_t instance) {
  Instance& in = instances_[instance];
  const std::uint32_t c = in.component;
  const CompiledComponent& cc = model_.components[c];
  note(TraceEvent::kFailure, SourceKind::kComponent, c, instance);
  if (in.blocked == 0) serving_down(c);
  if (in.counted_failed != 0) {
    in.counted_failed = 0;  // already not believed up
  } else {
    --believed_up_[c];
  }
  if (cc.standby != Standby::kHot)
    queue_.cancel(cc.first_block_slot + (instance - cc.first_instance));
  after_failure(instance);
}

void ReplicationSimulator::on_dormant_failure(std::uint32_t instance) {
  note(TraceEvent::kDormantFailure, SourceKind::kComponent, instances_[instance].component,
       instance);
  unlink(idle_[instances_[instance].component], instance);
  after_failure(instance);
}

void ReplicationSimulator::after_failure(std::uint32_t instance) {
  const CompiledComponent& cc = model_.components[instances_[instance].component];
  instances_[instance].state = State::kFailedUndetected;
  instances_[instance].since = now_;
  if (cc.coverage < 1.0) [[unlikely]] {
    detect_with_coverage(instance);
  } else if (cc.detection.kind == LawKind::kZero) {
    on_detected(instance);
  } else {
    schedule_instance(instance, now_ + draw(cc.detection, instance, Purpose::kDetection),
                      kDetection);
  }
}

void ReplicationSimulator::on_detected(std::uint32_t instance) {
  const std::uint32_t c = instances_[instance].component;
  note(TraceEvent::kDetection, SourceKind::kComponent, c, instance);
  Monitoring& m = monitoring_[c];
  m.detect_hours += now_ - instances_[instance].since;
  ++m.detections;
  instances_[instance].since = now_;
  begin_repair(instance);
  // A hot pool has no idle instances: every repaired one goes straight back to work.
  if (model_.components[c].standby != Standby::kHot) try_switchover(c);
}

void ReplicationSimulator::begin_repair(std::uint32_t instance) {
  const CompiledComponent& cc = model_.components[instances_[instance].component];
  if (cc.crew >= 0) {
    const auto crew = static_cast<std::uint32_t>(cc.crew);
    if (crew_free_[crew] == 0) {
      instances_[instance].state = State::kWaitingCrew;
      push_back(crew_queue_[crew], instance);
      queue_.cancel(instance);
      return;
    }
    --crew_free_[crew];
  }
  start_repair_work(instance);
}

void ReplicationSimulator::start_repair_work(std::uint32_t instance) {
  const CompiledComponent& cc = model_.components[instances_[instance].component];
  instances_[instance].state = State::kInRepair;
  note(TraceEvent::kRepairStart, SourceKind::kComponent, instances_[instance].component, instance);
  // A zero repair still passes through the queue (at the same instant) so crews stay simple.
  const double duration =
      cc.repair.kind == LawKind::kZero ? 0.0 : draw(cc.repair, instance, Purpose::kRepair);
  schedule_instance(instance, now_ + duration, kComeback);
}

void ReplicationSimulator::on_repair_end(std::uint32_t instance) {
  const CompiledComponent& cc = model_.components[instances_[instance].component];
  note(TraceEvent::kRepairEnd, SourceKind::kComponent, instances_[instance].component, instance);
  Monitoring& m = monitoring_[instances_[instance].component];
  m.repair_hours += now_ - instances_[instance].since;
  ++m.repairs;
  if (cc.crew >= 0) {
    const auto crew = static_cast<std::uint32_t>(cc.crew);
    const std::uint32_t next = pop_front(crew_queue_[crew]);
    if (next == kNone) {
      ++crew_free_[crew];
    } else {
      start_repair_work(next);  // the member goes straight to the longest-waiting repair
    }
  }
  // A broken instance that failed comes back unbroken from its repair.
  if (instances_[instance].broken != 0) [[unlikely]]
    unbreak(instance);
  return_to_service(instance);
}

void ReplicationSimulator::return_to_service(std::uint32_t instance) {
  const std::uint32_t c = instances_[instance].component;
  const CompiledComponent& cc = model_.components[c];
  if (cc.standby == Standby::kHot || believed_up_[c] < cc.min_up) {
    activate(instance);
  } else {
    make_idle(instance);
  }
}

void ReplicationSimulator::activate(std::uint32_t instance) {
  Instance& in = instances_[instance];
  const std::uint32_t c = in.component;
  const CompiledComponent& cc = model_.components[c];
  in.state = State::kActive;
  if (cc.failure.kind != LawKind::kNever) {
    schedule_instance(instance, now_ + draw(cc.failure, instance, Purpose::kFailure), kLoss);
  }
  ++believed_up_[c];
  if (in.blocked == 0) {
    serving_up(c);
  } else if (cc.standby != Standby::kHot) {
    // Active but blocked: the block is detected after a draw of `detection` (standby rule 2).
    if (cc.detection.kind == LawKind::kZero) {
      on_block_detected(instance);
    } else {
      const std::uint32_t slot = cc.first_block_slot + (instance - cc.first_instance);
      queue_.schedule(slot, now_ + draw(cc.detection, instance, Purpose::kBlockDetection),
                      kDetection, instance);
    }
  }
}

void ReplicationSimulator::make_idle(std::uint32_t instance) {
  const std::uint32_t c = instances_[instance].component;
  const CompiledComponent& cc = model_.components[c];
  instances_[instance].state = State::kIdle;
  note(TraceEvent::kStandby, SourceKind::kComponent, c, instance);
  push_back(idle_[c], instance);
  if (cc.standby == Standby::kWarm) {
    schedule_instance(instance, now_ + draw(cc.dormant_failure, instance, Purpose::kDormantFailure),
                      kLoss);
  } else {
    queue_.cancel(instance);
  }
}

std::uint32_t ReplicationSimulator::pop_unblocked_idle(std::uint32_t component) {
  // A blocked idle instance is skipped and keeps its place in the FIFO.
  for (std::uint32_t i = idle_[component].head; i != kNone; i = next_[i]) {
    if (instances_[i].blocked == 0) {
      unlink(idle_[component], i);
      return i;
    }
  }
  return kNone;
}

void ReplicationSimulator::try_switchover(std::uint32_t component) {
  const CompiledComponent& cc = model_.components[component];
  while (believed_up_[component] + switching_[component] < cc.min_up) {
    const std::uint32_t candidate = pop_unblocked_idle(component);
    if (candidate == kNone) return;
    ++switching_[component];
    instances_[candidate].state = State::kSwitching;
    note(TraceEvent::kSwitchoverStart, SourceKind::kComponent, component, candidate);
    if (cc.switchover.kind == LawKind::kZero) {
      resolve_switch(candidate);
    } else {
      schedule_instance(candidate, now_ + draw(cc.switchover, candidate, Purpose::kSwitchover),
                        kDetection);
    }
  }
}

void ReplicationSimulator::on_switch_end(std::uint32_t instance) {
  resolve_switch(instance);
  try_switchover(instances_[instance].component);
}

void ReplicationSimulator::resolve_switch(std::uint32_t instance) {
  const std::uint32_t c = instances_[instance].component;
  const CompiledComponent& cc = model_.components[c];
  --switching_[c];
  const bool success = cc.switch_success >= 1.0 || draw_success(instance, cc.switch_success);
  if (!success) {
    note(TraceEvent::kSwitchoverFailed, SourceKind::kComponent, c, instance);
    instances_[instance].since = now_;
    begin_repair(instance);  // the failed attempt is known at its end: straight to repair
  } else if (believed_up_[c] < cc.min_up) {
    note(TraceEvent::kSwitchoverOk, SourceKind::kComponent, c, instance);
    activate(instance);
  } else {
    note(TraceEvent::kSwitchoverOk, SourceKind::kComponent, c, instance);
    make_idle(instance);  // a repair finished meanwhile and filled the gap
  }
}

void ReplicationSimulator::push_back(List& list, std::uint32_t instance) {
  next_[instance] = kNone;
  prev_[instance] = list.tail;
  if (list.tail == kNone) {
    list.head = instance;
  } else {
    next_[list.tail] = instance;
  }
  list.tail = instance;
}

std::uint32_t ReplicationSimulator::pop_front(List& list) {
  const std::uint32_t instance = list.head;
  if (instance != kNone) unlink(list, instance);
  return instance;
}

void ReplicationSimulator::unlink(List& list, std::uint32_t instance) {
  const std::uint32_t prev = prev_[instance];
  const std::uint32_t next = next_[instance];
  if (prev == kNone) {
    list.head = next;
  } else {
    next_[prev] = next;
  }
  if (next == kNone) {
    list.tail = prev;
  } else {
    prev_[next] = prev;
  }
}

}  // namespace nines::engine
