// Zones, regions and fault injections: event sources that block instances. Blocking never
// touches an instance's own life (its pending failure, detection, repair and crew place go on);
// it only takes the instance out of service while it lasts.
#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

void ReplicationSimulator::schedule_domain(std::uint32_t slot, const CompiledDomain& domain,
                                           bool up, std::uint32_t& failure_draws,
                                           std::uint32_t& repair_draws) {
  if (up) {
    queue_.schedule(slot,
                    now_ + keyed_draw(domain.failure, domain.stream_source, Purpose::kFailure, 0,
                                      failure_draws),
                    kLoss, slot);
  } else {
    queue_.schedule(
        slot,
        now_ + keyed_draw(domain.repair, domain.stream_source, Purpose::kRepair, 0, repair_draws),
        kComeback, slot);
  }
}

void ReplicationSimulator::handle_zone(std::uint32_t zone) {
  DomainState& d = zone_down_[zone];
  const bool failing = d.own_down == 0;
  if (failing) {
    loss_cause_ = model_.first_zone_cause + zone;
    if (first_loss_cause_ == kNone) first_loss_cause_ = loss_cause_;
  }
  note(failing ? TraceEvent::kZoneDown : TraceEvent::kZoneUp, SourceKind::kZone, zone, kNone);
  set_zone_down(zone, failing, 0);
  schedule_domain(model_.first_zone_slot + zone, model_.zones[zone], !failing, d.failure_draws,
                  d.repair_draws);
  loss_cause_ = kNone;
}

void ReplicationSimulator::handle_region(std::uint32_t region) {
  DomainState& d = region_down_[region];
  const bool failing = d.own_down == 0;
  if (failing) {
    loss_cause_ = model_.first_region_cause + region;
    if (first_loss_cause_ == kNone) first_loss_cause_ = loss_cause_;
  }
  note(failing ? TraceEvent::kRegionDown : TraceEvent::kRegionUp, SourceKind::kRegion, region,
       kNone);
  set_region_down(region, failing, 0);
  schedule_domain(model_.first_region_slot + region, model_.regions[region], !failing,
                  d.failure_draws, d.repair_draws);
  loss_cause_ = kNone;
}

void ReplicationSimulator::set_zone_down(std::uint32_t zone, bool own, int holds_delta) {
  DomainState& d = zone_down_[zone];
  const bool was_down = d.down();
  d.own_down = own ? 1 : 0;
  d.holds = static_cast<std::uint32_t>(static_cast<int>(d.holds) + holds_delta);
  if (d.down() != was_down) d.up_hours += was_down ? -now_ : now_;
  zone_effective_change(zone);
}

void ReplicationSimulator::set_region_down(std::uint32_t region, bool own, int holds_delta) {
  DomainState& d = region_down_[region];
  const bool was_down = d.down();
  d.own_down = own ? 1 : 0;
  d.holds = static_cast<std::uint32_t>(static_cast<int>(d.holds) + holds_delta);
  if (d.down() == was_down) return;
  d.up_hours += was_down ? -now_ : now_;
  const CompiledDomain& r = model_.regions[region];
  for (std::uint32_t k = 0; k < r.member_count; ++k) {
    zone_effective_change(model_.region_zones[r.first_member + k]);
  }
}

void ReplicationSimulator::zone_effective_change(std::uint32_t zone) {
  const std::uint8_t blocking = domain_blocks(zone) ? 1 : 0;
  if (blocking == zone_blocking_[zone]) return;
  zone_blocking_[zone] = blocking;
  const CompiledDomain& z = model_.zones[zone];
  for (std::uint32_t k = 0; k < z.member_count; ++k) {
    const std::uint32_t instance = model_.zone_instances[z.first_member + k];
    if (blocking != 0) {
      block(instance);
    } else {
      unblock(instance);
    }
  }
}

void ReplicationSimulator::block(std::uint32_t instance) {
  Instance& in = instances_[instance];
  if (in.blocked++ != 0) return;
  const std::uint32_t c = in.component;
  note(TraceEvent::kBlock, SourceKind::kComponent, c, instance);
  if (in.state != State::kActive) return;
  serving_down(c);
  const CompiledComponent& cc = model_.components[c];
  if (cc.standby == Standby::kHot) return;
  // The block is noticed after a draw of the component's detection law (standby rule 2).
  if (cc.detection.kind == LawKind::kZero) {
    on_block_detected(instance);
    return;
  }
  queue_.schedule(cc.first_block_slot + (instance - cc.first_instance),
                  now_ + draw(cc.detection, instance, Purpose::kBlockDetection), kDetection,
                  instance);
}

void ReplicationSimulator::unblock(std::uint32_t instance) {
  Instance& in = instances_[instance];
  if (--in.blocked != 0) return;
  const std::uint32_t c = in.component;
  const CompiledComponent& cc = model_.components[c];
  note(TraceEvent::kUnblock, SourceKind::kComponent, c, instance);
  if (cc.standby != Standby::kHot)
    queue_.cancel(cc.first_block_slot + (instance - cc.first_instance));
  if (in.state != State::kActive) return;
  if (in.counted_failed == 0) {
    serving_up(c);
    return;
  }
  // Counted as failed but never failed itself: it keeps its life if it is needed (rule 5).
  in.counted_failed = 0;
  if (active_up_[c] < cc.min_up) {
    ++believed_up_[c];
    serving_up(c);
  } else {
    make_idle(instance);
  }
}

void ReplicationSimulator::on_block_detected(std::uint32_t instance) {
  Instance& in = instances_[instance];
  const std::uint32_t c = in.component;
  note(TraceEvent::kBlockDetection, SourceKind::kComponent, c, instance);
  const CompiledComponent& cc = model_.components[c];
  queue_.cancel(cc.first_block_slot + (instance - cc.first_instance));
  in.counted_failed = 1;
  --believed_up_[c];
  try_switchover(c);
}

void ReplicationSimulator::handle_injection(std::uint32_t injection) {
  const CompiledInjection& j = model_.injections[injection];
  const std::uint32_t slot = model_.first_injection_slot + injection;
  std::uint8_t& phase = injection_phase_[injection];
  if (phase == 0) {
    loss_cause_ = j.cause;
    if (first_loss_cause_ == kNone) first_loss_cause_ = loss_cause_;
    note(TraceEvent::kInjectStart, SourceKind::kInject, injection, kNone);
    const bool held = j.for_hours > 0.0;
    switch (j.target) {
      case CompiledInjection::Target::kComponent: {
        // The lowest-indexed serving active instances (never idle standby ones).
        const CompiledComponent& cc = model_.components[j.index];
        std::uint32_t taken = 0;
        for (std::uint32_t k = 0; k < cc.instance_count && taken < j.instances; ++k) {
          const std::uint32_t i = cc.first_instance + k;
          if (instances_[i].state != State::kActive || instances_[i].blocked != 0) continue;
          held_[j.first_held + taken++] = i;
        }
        held_count_[injection] = taken;
        for (std::uint32_t k = 0; k < taken; ++k) {
          const std::uint32_t i = held_[j.first_held + k];
          if (held) {
            block(i);
          } else {
            on_active_failure(i);
          }
        }
        break;
      }
      case CompiledInjection::Target::kZone: {
        DomainState& d = zone_down_[j.index];
        if (held) {
          set_zone_down(j.index, d.own_down != 0, +1);
        } else if (d.own_down == 0) {
          note(TraceEvent::kZoneDown, SourceKind::kZone, j.index, kNone);
          set_zone_down(j.index, true, 0);
          schedule_domain(model_.first_zone_slot + j.index, model_.zones[j.index], false,
                          d.failure_draws, d.repair_draws);
        }
        break;
      }
      case CompiledInjection::Target::kRegion: {
        DomainState& d = region_down_[j.index];
        if (held) {
          set_region_down(j.index, d.own_down != 0, +1);
        } else if (d.own_down == 0) {
          note(TraceEvent::kRegionDown, SourceKind::kRegion, j.index, kNone);
          set_region_down(j.index, true, 0);
          schedule_domain(model_.first_region_slot + j.index, model_.regions[j.index], false,
                          d.failure_draws, d.repair_draws);
        }
        break;
      }
    }
    loss_cause_ = kNone;
    if (episodes_) trigger_started(injection);
    if (held) {
      phase = 1;
      queue_.schedule(slot, j.at_hours + j.for_hours, kComeback, slot);
    } else {
      phase = 2;
      queue_.cancel(slot);
    }
    return;
  }
  // The end of a `for`.
  note(TraceEvent::kInjectEnd, SourceKind::kInject, injection, kNone);
  if (episodes_) trigger_ended(injection);
  switch (j.target) {
    case CompiledInjection::Target::kComponent:
      for (std::uint32_t k = 0; k < held_count_[injection]; ++k) unblock(held_[j.first_held + k]);
      break;
    case CompiledInjection::Target::kZone:
      set_zone_down(j.index, zone_down_[j.index].own_down != 0, -1);
      break;
    case CompiledInjection::Target::kRegion:
      set_region_down(j.index, region_down_[j.index].own_down != 0, -1);
      break;
  }
  phase = 2;
  queue_.cancel(slot);
}

}  // namespace nines::engine
