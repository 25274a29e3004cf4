// Timed failover of a list dependency: it uses one target at a time and is satisfied while that
// target is up. An attempt runs while the target in use is down and another listed target is
// up, and is abandoned as soon as either stops being true; at its end it succeeds with the
// row's probability (the first up target in list order becomes the one in use) or starts again.
#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

bool ReplicationSimulator::failover_child_flipped(std::uint32_t gate) {
  const Gate& g = model_.gates[gate];
  const std::uint32_t index = gates_[gate].failover;
  FailoverState& f = failovers_[index];
  const std::uint32_t* const children = model_.gate_children.data() + g.first_child;
  if (model_.failovers[index].automatic_failback && nodes_[children[f.in_use]].service_up != 0) {
    // Automatic failback: while the target in use is up, an earlier up target takes over at
    // once, without interruption (the gate stays satisfied).
    for (std::uint32_t k = 0; k < f.in_use; ++k) {
      if (nodes_[children[k]].service_up != 0) {
        f.in_use = k;
        break;
      }
    }
  }
  // The gate follows its target in use. A flag read here may belong to a node the cascade has
  // flagged but not visited yet, so the flip is taken when first seen, once: the cascade is
  // monotone, so it goes the cascade's way.
  const bool satisfied = nodes_[children[f.in_use]].service_up != 0;
  const bool flips = satisfied != f.satisfied;
  f.satisfied = satisfied;
  update_failover(index);
  return flips;
}

void ReplicationSimulator::update_failover(std::uint32_t failover) {
  FailoverState& f = failovers_[failover];
  const CompiledFailover& cf = model_.failovers[failover];
  const Gate& g = model_.gates[cf.gate];
  const bool in_use_up = nodes_[model_.gate_children[g.first_child + f.in_use]].service_up != 0;
  const bool other_up = gates_[cf.gate].up_children > (in_use_up ? 1U : 0U);
  const bool should_run = !in_use_up && other_up;
  if (should_run == f.running) return;
  if (should_run) {
    start_failover(failover);
  } else {
    f.running = false;
    queue_.cancel(model_.first_failover_slot + failover);
    note(TraceEvent::kFailoverAbandoned, SourceKind::kFailover, failover, kNone);
  }
}

void ReplicationSimulator::start_failover(std::uint32_t failover) {
  FailoverState& f = failovers_[failover];
  const CompiledFailover& cf = model_.failovers[failover];
  f.running = true;
  note(TraceEvent::kFailoverStart, SourceKind::kFailover, failover, kNone);
  RandomStream stream(replication_key_, cf.stream_source, Purpose::kSwitchover, 0, f.time_draws);
  const double duration = sample_law(cf.time, stream, model_.law_table.data());
  f.time_draws = stream.next_draw();
  const std::uint32_t slot = model_.first_failover_slot + failover;
  queue_.schedule(slot, now_ + duration, kDetection, slot);
}

void ReplicationSimulator::handle_failover(std::uint32_t failover) {
  FailoverState& f = failovers_[failover];
  const CompiledFailover& cf = model_.failovers[failover];
  bool success = cf.success >= 1.0;
  if (!success) {
    RandomStream stream(replication_key_, cf.stream_source, Purpose::kSwitchSuccess, 0,
                        f.success_draws);
    success = stream.uniform_open() < cf.success;
    f.success_draws = stream.next_draw();
  }
  if (!success) {
    note(TraceEvent::kFailoverFailed, SourceKind::kFailover, failover, kNone);
    start_failover(failover);  // a failed attempt is followed by another at once
    return;
  }
  note(TraceEvent::kFailoverOk, SourceKind::kFailover, failover, kNone);
  f.running = false;
  queue_.cancel(model_.first_failover_slot + failover);
  const Gate& g = model_.gates[cf.gate];
  const std::uint32_t* const children = model_.gate_children.data() + g.first_child;
  // An attempt only runs while some other target is up, so one is found.
  for (std::uint32_t k = 0; k < g.child_count; ++k) {
    if (nodes_[children[k]].service_up != 0) {
      f.in_use = k;
      break;
    }
  }
  f.satisfied = true;
  --nodes_[g.owner].unsatisfied_gates;
  propagate(g.owner, true);
}

}  // namespace nines::engine
