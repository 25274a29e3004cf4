// Scheduled deploys (docs/engine.md, "Deploys"): a controller per component that starts deploy
// k at its due time unless the previous one still runs, reaches instances in batches (waves),
// restarts each instance it reaches and, when the deploy is bad, breaks them until the rollback
// that follows the verdict. Restarting and broken instances are blocked: their own life goes on.
#include <stdexcept>
#include <string>

#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

namespace {

/// When batch `j` of a deploy due at `due` comes: rolling batches every batch_interval from the
/// due time; a canary's rest from due + bake. Products, so ties with other schedules are exact.
double batch_time(const CompiledDeploys& cd, double due, std::uint32_t j) {
  if (cd.strategy == models::DeployStrategy::kCanary) {
    return due + cd.bake_hours + static_cast<double>(j - 1) * cd.batch_interval_hours;
  }
  return due + static_cast<double>(j) * cd.batch_interval_hours;
}

}  // namespace

double ReplicationSimulator::deploy_draw(const CompiledLaw& law, const CompiledDeploys& deploys,
                                         Purpose purpose, std::uint32_t index, std::uint32_t k) {
  if (law.kind == LawKind::kZero) return 0.0;
  const std::uint32_t first = k << kDeployDrawBits;
  RandomStream stream(replication_key_, deploys.stream_source, purpose, index, first);
  const double x = sample_law(law, stream, model_.law_table.data());
  if (stream.next_draw() - first >= (1U << kDeployDrawBits)) [[unlikely]] {
    throw std::logic_error("internal error: one deploy draw used more than 4096 random numbers");
  }
  return x;
}

void ReplicationSimulator::handle_deploy(std::uint32_t slot) {
  const std::uint32_t d = model_.deploy_slot_owner[slot - model_.first_deploy_slot];
  const std::uint32_t role = slot - model_.deploys[d].first_slot;
  switch (role) {
    case CompiledDeploys::kDueSlot:
      deploy_due(d);
      return;
    case CompiledDeploys::kBatchSlot:
      deploy_batch(d);
      return;
    case CompiledDeploys::kVerdictSlot:
      deploy_verdict(d);
      return;
    case CompiledDeploys::kRollbackSlot:
      rollback_end(d);
      return;
    default:
      restart_end(d, role - CompiledDeploys::kFirstRestartSlot);
      return;
  }
}

void ReplicationSimulator::deploy_due(std::uint32_t d) {
  const CompiledDeploys& cd = model_.deploys[d];
  DeployState& s = deploys_[d];
  const std::uint32_t k = s.next_k++;
  const std::uint32_t due_slot = cd.first_slot + CompiledDeploys::kDueSlot;
  // Due times are products, so a deploy due with another schedule's event ties exactly.
  const double next_due = cd.first_at_hours + static_cast<double>(s.next_k) * cd.period_hours;
  if (next_due < model_.horizon_hours && s.next_k < kMaxDeploys) {
    queue_.schedule(due_slot, next_due, kLoss, due_slot);
  } else {
    queue_.cancel(due_slot);
  }
  if (s.running) {
    ++s.skipped;
    note(TraceEvent::kDeploySkipped, SourceKind::kDeploy, cd.component, kNone);
    return;
  }
  s.running = true;
  s.k = k;
  s.due = now_;
  s.cursor = 0;
  s.next_batch = 0;
  s.batches_over = false;
  s.restarting = 0;
  note(TraceEvent::kDeployStart, SourceKind::kDeploy, cd.component, kNone);
  s.bad = false;
  if (cd.bad_probability > 0.0) {
    RandomStream coin(replication_key_, cd.stream_source, Purpose::kDeployBad, 0,
                      k << kDeployDrawBits);
    s.bad = coin.uniform_open() < cd.bad_probability;
  }
  s.rollback_over = !s.bad;
  if (s.bad) {
    ++s.bad_deploys;
    s.verdict = now_ + deploy_draw(cd.detection, cd, Purpose::kDeployDetection, 0, k);
    const std::uint32_t slot = cd.first_slot + CompiledDeploys::kVerdictSlot;
    queue_.schedule(slot, s.verdict, kDetection, slot);
  }
  deploy_batch(d);
}

void ReplicationSimulator::deploy_batch(std::uint32_t d) {
  const CompiledDeploys& cd = model_.deploys[d];
  DeployState& s = deploys_[d];
  const std::uint32_t batch_slot = cd.first_slot + CompiledDeploys::kBatchSlot;
  // A verdict at this instant comes first (detections before losses), so it stops this batch.
  // At the due time the verdict's event may still be pending (a zero detection): its time,
  // known since the deploy started, decides.
  if (s.bad && s.verdict <= now_) {
    s.batches_over = true;
    queue_.cancel(batch_slot);
    return;
  }
  const CompiledComponent& cc = model_.components[cd.component];
  const std::uint32_t size = s.next_batch == 0 ? cd.first_batch : cd.batch;
  loss_cause_ = cd.cause;
  if (first_loss_cause_ == kNone) first_loss_cause_ = loss_cause_;
  note(TraceEvent::kDeployBatch, SourceKind::kDeploy, cd.component, kNone);
  // The next eligible instances in index order: neither failed nor blocked (idle standby ones
  // count); an instance passed over is not reached.
  for (std::uint32_t reached = 0; reached < size && s.cursor < cc.instance_count;) {
    const std::uint32_t i = cc.first_instance + s.cursor++;
    const Instance& in = instances_[i];
    const bool failed = in.state == State::kFailedUndetected || in.state == State::kWaitingCrew ||
                        in.state == State::kInRepair || in.state == State::kCrashed;
    if (failed || in.blocked != 0) continue;
    reach(d, i);
    ++reached;
  }
  loss_cause_ = kNone;
  ++s.next_batch;
  if (s.cursor >= cc.instance_count) {
    s.batches_over = true;
    queue_.cancel(batch_slot);
    end_deploy_if_over(d);
    return;
  }
  queue_.schedule(batch_slot, batch_time(cd, s.due, s.next_batch), kLoss, batch_slot);
}

void ReplicationSimulator::reach(std::uint32_t d, std::uint32_t instance) {
  const CompiledDeploys& cd = model_.deploys[d];
  DeployState& s = deploys_[d];
  const std::uint32_t index = instance - model_.components[cd.component].first_instance;
  ++s.restarts;
  note(TraceEvent::kRestart, SourceKind::kDeploy, cd.component, instance);
  const double restart = deploy_draw(cd.restart, cd, Purpose::kRestart, index, s.k);
  if (restart > 0.0) {
    block(instance);
    ++s.restarting;
    const std::uint32_t slot = cd.first_slot + CompiledDeploys::kFirstRestartSlot + index;
    queue_.schedule(slot, now_ + restart, kComeback, slot);
  } else {
    note(TraceEvent::kRestartEnd, SourceKind::kDeploy, cd.component, instance);
  }
  if (s.bad) {
    instances_[instance].broken = 1;
    note(TraceEvent::kBroken, SourceKind::kDeploy, cd.component, instance);
    block(instance);
  }
}

void ReplicationSimulator::restart_end(std::uint32_t d, std::uint32_t index) {
  const CompiledDeploys& cd = model_.deploys[d];
  const std::uint32_t instance = model_.components[cd.component].first_instance + index;
  queue_.cancel(cd.first_slot + CompiledDeploys::kFirstRestartSlot + index);
  note(TraceEvent::kRestartEnd, SourceKind::kDeploy, cd.component, instance);
  unblock(instance);
  --deploys_[d].restarting;
  end_deploy_if_over(d);
}

void ReplicationSimulator::deploy_verdict(std::uint32_t d) {
  const CompiledDeploys& cd = model_.deploys[d];
  DeployState& s = deploys_[d];
  queue_.cancel(cd.first_slot + CompiledDeploys::kVerdictSlot);
  note(TraceEvent::kDeployBad, SourceKind::kDeploy, cd.component, kNone);
  // No batch follows the verdict.
  s.batches_over = true;
  queue_.cancel(cd.first_slot + CompiledDeploys::kBatchSlot);
  const std::uint32_t slot = cd.first_slot + CompiledDeploys::kRollbackSlot;
  queue_.schedule(slot, now_ + deploy_draw(cd.rollback, cd, Purpose::kDeployRollback, 0, s.k),
                  kComeback, slot);
}

void ReplicationSimulator::rollback_end(std::uint32_t d) {
  const CompiledDeploys& cd = model_.deploys[d];
  queue_.cancel(cd.first_slot + CompiledDeploys::kRollbackSlot);
  note(TraceEvent::kRollbackEnd, SourceKind::kDeploy, cd.component, kNone);
  // Every broken instance comes back at once.
  const CompiledComponent& cc = model_.components[cd.component];
  for (std::uint32_t k = 0; k < cc.instance_count; ++k) {
    if (instances_[cc.first_instance + k].broken != 0) unbreak(cc.first_instance + k);
  }
  deploys_[d].rollback_over = true;
  end_deploy_if_over(d);
}

void ReplicationSimulator::unbreak(std::uint32_t instance) {
  instances_[instance].broken = 0;
  const std::uint32_t c = instances_[instance].component;
  note(TraceEvent::kUnbroken, SourceKind::kDeploy, c, instance);
  unblock(instance);
}

void ReplicationSimulator::end_deploy_if_over(std::uint32_t d) {
  DeployState& s = deploys_[d];
  if (!s.running || !s.batches_over || s.restarting != 0 || !s.rollback_over) return;
  s.running = false;
  note(TraceEvent::kDeployEnd, SourceKind::kDeploy, model_.deploys[d].component, kNone);
}

}  // namespace nines::engine
