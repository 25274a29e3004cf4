// The life of an instance: failure, detection, repair (with crews), standby and switchover.
// Every handler leaves the instance's own slot either rescheduled or cancelled.
#include <cassert>

#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

[[gnu::flatten]] void ReplicationSimulator::handle(std::uint32_t instance) {
  switch (instances_[instance].state) {
    case State::kActive:
      on_active_failure(instance);
      return;
    case State::kIdle:
      on_dormant_failure(instance);
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
    case State::kWaitingCrew:
      break;
  }
  assert(false && "an instance waiting for a crew has no pending event");
}

void ReplicationSimulator::on_active_failure(std::uint32_t instance) {
  const std::uint32_t c = instances_[instance].component;
  const std::uint32_t before = active_up_[c]--;
  if (before == model_.components[c].min_up) set_pool_up(c, false);
  after_failure(instance);
}

void ReplicationSimulator::on_dormant_failure(std::uint32_t instance) {
  unlink(idle_[instances_[instance].component], instance);
  after_failure(instance);
}

void ReplicationSimulator::after_failure(std::uint32_t instance) {
  const CompiledComponent& cc = model_.components[instances_[instance].component];
  instances_[instance].state = State::kFailedUndetected;
  if (cc.detection.kind == LawKind::kZero) {
    on_detected(instance);
  } else {
    queue_.schedule(instance, now_ + draw(cc.detection, instance));
  }
}

void ReplicationSimulator::on_detected(std::uint32_t instance) {
  begin_repair(instance);
  const std::uint32_t c = instances_[instance].component;
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
  instances_[instance].state = State::kInRepair;
  // A zero repair still passes through the queue (at the same instant) so crews stay simple.
  const double duration = cc.repair.kind == LawKind::kZero ? 0.0 : draw(cc.repair, instance);
  queue_.schedule(instance, now_ + duration);
}

void ReplicationSimulator::on_repair_end(std::uint32_t instance) {
  const CompiledComponent& cc = model_.components[instances_[instance].component];
  if (cc.crew >= 0) {
    const auto crew = static_cast<std::uint32_t>(cc.crew);
    const std::uint32_t next = pop_front(crew_queue_[crew]);
    if (next == kNone) {
      ++crew_free_[crew];
    } else {
      // The member goes straight to the longest-waiting repair.
      const CompiledComponent& nc = model_.components[instances_[next].component];
      instances_[next].state = State::kInRepair;
      const double duration = nc.repair.kind == LawKind::kZero ? 0.0 : draw(nc.repair, next);
      queue_.schedule(next, now_ + duration);
    }
  }
  return_to_service(instance);
}

void ReplicationSimulator::return_to_service(std::uint32_t instance) {
  const std::uint32_t c = instances_[instance].component;
  const CompiledComponent& cc = model_.components[c];
  if (cc.standby == Standby::kHot || active_up_[c] < cc.min_up) {
    activate(instance);
  } else {
    make_idle(instance);
  }
}

void ReplicationSimulator::activate(std::uint32_t instance) {
  const std::uint32_t c = instances_[instance].component;
  const CompiledComponent& cc = model_.components[c];
  instances_[instance].state = State::kActive;
  instances_[instance].life_start_hours = now_;
  queue_.schedule(instance, now_ + draw(cc.failure, instance));
  if (++active_up_[c] == cc.min_up) set_pool_up(c, true);
}

void ReplicationSimulator::make_idle(std::uint32_t instance) {
  const std::uint32_t c = instances_[instance].component;
  const CompiledComponent& cc = model_.components[c];
  instances_[instance].state = State::kIdle;
  push_back(idle_[c], instance);
  if (cc.standby == Standby::kWarm) {
    instances_[instance].life_start_hours = now_;
    queue_.schedule(instance, now_ + draw(cc.dormant_failure, instance));
  } else {
    queue_.cancel(instance);
  }
}

void ReplicationSimulator::try_switchover(std::uint32_t component) {
  const CompiledComponent& cc = model_.components[component];
  while (active_up_[component] + switching_[component] < cc.min_up) {
    const std::uint32_t candidate = pop_front(idle_[component]);
    if (candidate == kNone) return;
    ++switching_[component];
    instances_[candidate].state = State::kSwitching;
    if (cc.switchover.kind == LawKind::kZero) {
      resolve_switch(candidate);
    } else {
      queue_.schedule(candidate, now_ + draw(cc.switchover, candidate));
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
  const bool success =
      cc.switch_success >= 1.0 || instances_[instance].rng.uniform_open() < cc.switch_success;
  if (!success) {
    begin_repair(instance);  // the failed attempt is known at its end: straight to repair
  } else if (active_up_[c] < cc.min_up) {
    activate(instance);
  } else {
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
