// Flow mode (docs/traffic.md, "Flow mode"): with a capacity or a rate limit, shares are partial.
// After every batch the batch's serving changes and load step go into the incremental flow
// evaluator, the system's served share sigma decides up, down and degraded, and requests are
// integrated between batches, where the offered load and sigma are constant (load steps are
// events at every whole hour whose multiplier changes).
#include <algorithm>
#include <cmath>

#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

void ReplicationSimulator::reset_flow() {
  FlowEvaluator& flow = *flow_;
  for (std::uint32_t c = 0; c < active_up_.size(); ++c) {
    flow.set_serving(c, static_cast<int>(active_up_[c]));
    flow_dirty_[c] = 0;
  }
  flow_changed_.clear();
  for (const std::uint32_t k : load_->breakers) flow.set_breaker(k, false);
  for (const std::uint32_t r : load_->caches) flow.set_cache_valid(r, true);  // caches start valid
  set_failover_routes();
  std::fill(cache_clock_.begin(), cache_clock_.end(), 0);
  std::fill(cache_expiries_.begin(), cache_expiries_.end(), 0);
  std::fill(cache_expired_hours_.begin(), cache_expired_hours_.end(), 0.0);
  flow.reset();
  hour_multiplier_ = load_->multipliers[0];
  std::fill(spike_running_.begin(), spike_running_.end(), 0);
  std::fill(spike_gap_draws_.begin(), spike_gap_draws_.end(), 0U);
  std::fill(spike_duration_draws_.begin(), spike_duration_draws_.end(), 0U);
  batch_spike_cause_ = kNone;
  set_offered_load();
  flow_since_ = 0.0;
  batch_load_step_ = false;
  rejected_load_hours_ = 0.0;
  offered_load_hours_ = 0.0;
  std::fill(journey_failed_.begin(), journey_failed_.end(), 0.0);
  if (!load_->spikes.empty()) std::fill(year_offered_.begin(), year_offered_.end(), 0.0);
  std::fill(window_offered_.begin(), window_offered_.end(), 0.0);
  shed_rps_ = 0.0;
  std::fill(shed_rps_of_.begin(), shed_rps_of_.end(), 0.0);
  shed_load_hours_ = 0.0;
  flow_evaluations_ = 0;
  flow_not_converged_ = 0;
  std::fill(flow_components_.begin(), flow_components_.end(), FlowComponent{});
  evaluate_flow();
  if (!load_->breakers.empty()) scan_breakers();
  if (!load_->caches.empty()) reconcile_cache_clocks();
  if (crashes_) {
    for (const std::uint32_t c : batch_touched_) reconcile_crash_clocks(c);
  }
  for (const std::uint32_t c : batch_touched_) in_batch_touched_[c] = 0;
  batch_touched_.clear();
  if (sigma_ < load_->outage_below) {
    // Down from the start: too little capacity, or too low a limit, for the first hour's load.
    system_up_ = false;
    down_since_ = 0.0;
    outage_cause_ = load_->cause;
  }
  for (std::uint32_t source = 0; source < load_->spikes.size(); ++source) {
    const CompiledSpikes& s = load_->spikes[source];
    for (std::uint32_t k = 0; k < s.slot_count; ++k) {
      const std::uint32_t slot = s.first_slot + k;
      const double start = s.scheduled ? s.at_hours[k] : spike_draw(s.gap, source, true);
      queue_.schedule(slot, start, kLoadChange, slot);
    }
  }
  const std::uint32_t first_step = load_->next_change[0];
  if (first_step > 0) {
    queue_.schedule(model_.load_step_slot, first_step, kLoadChange, load_step_rank());
  }
}

void ReplicationSimulator::handle_load_step() {
  // What was offered up to now is integrated at the old rate before the rate changes.
  integrate_flow(now_);
  // Steps are at whole hours, exactly (sums of whole numbers of hours).
  const auto hour = static_cast<std::uint64_t>(now_);
  const std::size_t k = hour % load_->multipliers.size();
  hour_multiplier_ = load_->multipliers[k];
  set_offered_load();
  batch_load_step_ = true;
  note(TraceEvent::kLoadStep, SourceKind::kLoad, 0, kNone);
  queue_.schedule(model_.load_step_slot, now_ + load_->next_change[k], kLoadChange,
                  load_step_rank());
}

void ReplicationSimulator::set_offered_load() {
  // Overlapping spikes multiply, from one source or several; the product is taken afresh so
  // that it returns exactly to 1 when none runs.
  double spikes = 1.0;
  for (std::size_t slot = 0; slot < spike_running_.size(); ++slot) {
    if (spike_running_[slot] != 0) {
      spikes *= load_->spikes[load_->spike_slot_source[slot]].multiplier;
    }
  }
  offered_rps_ = load_->rps * hour_multiplier_ * spikes;
  admitted_rps_ = std::min(offered_rps_, load_->limit_rps);
  flow_->set_admitted(admitted_rps_);
}

double ReplicationSimulator::spike_draw(const CompiledLaw& law, std::uint32_t source, bool gap) {
  return keyed_draw(law, load_->spikes[source].stream_source,
                    gap ? Purpose::kSpikeGap : Purpose::kSpikeDuration, 0,
                    gap ? spike_gap_draws_[source] : spike_duration_draws_[source]);
}

void ReplicationSimulator::handle_spike(std::uint32_t slot) {
  const std::uint32_t k = slot - load_->first_spike_slot;
  const std::uint32_t source = load_->spike_slot_source[k];
  const CompiledSpikes& s = load_->spikes[source];
  // What was offered up to now is integrated at the old rate before the rate changes.
  integrate_flow(now_);
  const bool starting = spike_running_[k] == 0;
  spike_running_[k] = starting ? 1 : 0;
  set_offered_load();
  const std::uint32_t trigger = static_cast<std::uint32_t>(model_.injections.size()) + k;
  if (starting) {
    note(TraceEvent::kSpikeStart, SourceKind::kSpike, source, kNone);
    if (batch_spike_cause_ == kNone) batch_spike_cause_ = s.cause;
    if (episodes_) trigger_started(trigger);
    queue_.schedule(slot, now_ + spike_draw(s.duration, source, false), kComeback, slot);
    return;
  }
  note(TraceEvent::kSpikeEnd, SourceKind::kSpike, source, kNone);
  if (episodes_) trigger_ended(trigger);
  if (s.scheduled) {
    queue_.cancel(slot);
  } else {
    queue_.schedule(slot, now_ + spike_draw(s.gap, source, true), kLoadChange, slot);
  }
}

void ReplicationSimulator::handle_breaker_close(std::uint32_t breaker) {
  note(TraceEvent::kBreakerClose, SourceKind::kBreaker, breaker, kNone);
  flow_->set_breaker(load_->breakers[breaker], false);
  queue_.cancel(load_->first_breaker_slot + breaker);
}

void ReplicationSimulator::scan_breakers() {
  const FlowGraph& graph = flow_->graph();
  for (bool opened = true; opened;) {
    opened = false;
    for (std::uint32_t b = 0; b < load_->breakers.size(); ++b) {
      const std::uint32_t k = load_->breakers[b];
      if (flow_->breaker_open(k)) continue;
      const FlowTarget& target = graph.targets[k];
      if (!(flow_->success(target.component) < target.breaker_threshold)) continue;
      // Opening is no event; its closing is.
      note(TraceEvent::kBreakerOpen, SourceKind::kBreaker, b, kNone);
      flow_->set_breaker(k, true);
      const std::uint32_t slot = load_->first_breaker_slot + b;
      queue_.schedule(slot, now_ + target.breaker_open_for_hours, kComeback, slot);
      evaluate_flow();
      opened = true;
      break;
    }
  }
}

void ReplicationSimulator::set_failover_routes() {
  // The failovers' state follows the targets' service (Boolean, as without a load); the flow
  // sends each row's calls to its target in use and fails them while a failover runs.
  for (std::uint32_t f = 0; f < failovers_.size(); ++f) {
    flow_->set_route(load_->failover_rows[f], failovers_[f].in_use, failovers_[f].running);
  }
}

void ReplicationSimulator::handle_cache_clock(std::uint32_t cache) {
  const std::uint32_t r = load_->caches[cache];
  const bool valid = flow_->cache_valid(r);
  note(valid ? TraceEvent::kCacheExpiry : TraceEvent::kCacheWarmupEnd, SourceKind::kCache, cache,
       kNone);
  flow_->set_cache_valid(r, !valid);
  if (valid) {
    ++cache_expiries_[cache];
    cache_expired_since_[cache] = now_;
  } else {
    cache_expired_hours_[cache] += now_ - cache_expired_since_[cache];
  }
  cache_clock_[cache] = 0;
  queue_.cancel(load_->first_cache_slot + cache);
}

void ReplicationSimulator::reconcile_cache_clocks() {
  const FlowGraph& graph = flow_->graph();
  for (std::uint32_t cache = 0; cache < load_->caches.size(); ++cache) {
    const std::uint32_t r = load_->caches[cache];
    const FlowRow& row = graph.rows[r];
    const bool healthy = flow_->row_target_success(r) >= row.stale_below;
    const bool valid = flow_->cache_valid(r);
    const std::uint8_t running = valid != healthy ? 1 : 0;
    if (running == cache_clock_[cache]) continue;
    cache_clock_[cache] = running;
    const std::uint32_t slot = load_->first_cache_slot + cache;
    if (running == 0) {
      queue_.cancel(slot);  // a clock that stops starts afresh when it runs again
    } else if (valid) {
      queue_.schedule(slot, now_ + row.stale_if_error_hours, kLoadChange, slot);  // expiry
    } else {
      queue_.schedule(slot, now_ + row.warmup_hours, kComeback, slot);  // warm-up end
    }
  }
}

bool ReplicationSimulator::close_flow_batch() {
  integrate_flow(now_);
  if (crashes_) note_cascade_overlap(now_);
  for (const std::uint32_t c : flow_changed_) {
    flow_->set_serving(c, static_cast<int>(active_up_[c]));
  }
  if (!failovers_.empty()) set_failover_routes();
  evaluate_flow();
  if (!load_->breakers.empty()) scan_breakers();
  if (!load_->caches.empty()) reconcile_cache_clocks();
  if (crashes_) {
    // Crash clocks follow the final flow of the batch: components whose serving instances
    // changed (even if their count did not) and those any evaluation recomputed.
    for (const std::uint32_t c : flow_changed_) reconcile_crash_clocks(c);
    for (const std::uint32_t c : batch_touched_) reconcile_crash_clocks(c);
    watch_cascade();
  }
  for (const std::uint32_t c : batch_touched_) in_batch_touched_[c] = 0;
  batch_touched_.clear();
  for (const std::uint32_t c : flow_changed_) flow_dirty_[c] = 0;
  flow_changed_.clear();
  return sigma_ >= load_->outage_below;
}

void ReplicationSimulator::evaluate_flow() {
  FlowEvaluator& flow = *flow_;
  ++flow_evaluations_;
  if (!flow.evaluate()) ++flow_not_converged_;
  for (const std::uint32_t c : flow.touched()) {
    if (in_batch_touched_[c] == 0) {
      in_batch_touched_[c] = 1;
      batch_touched_.push_back(c);
    }
    FlowComponent& fc = flow_components_[c];
    const int n = flow.serving(c);
    const double capacity = flow.capacity(c);
    const double utilisation =
        n > 0 && std::isfinite(capacity) ? std::min(1.0, flow.demand(c) / capacity) : 0.0;
    const bool serving = n > 0;
    const bool up = flow.success(c) >= load_->outage_below;
    if (load_->sheds && load_->overload[c].shedding) {
      // Shedding: the calls above capacity are rejected at once (while it serves at all).
      const double shed = n >= flow.min_up(c) ? std::max(0.0, flow.demand(c) - capacity) : 0.0;
      shed_rps_ += shed - shed_rps_of_[c];
      shed_rps_of_[c] = shed;
    }
    if (utilisation == fc.utilisation && serving == fc.serving && up == fc.up) continue;
    const double hours = now_ - fc.since;
    fc.utilisation_hours += fc.utilisation * hours;
    fc.serving_hours += fc.serving ? hours : 0.0;
    fc.up_hours += fc.up ? hours : 0.0;
    fc.utilisation = utilisation;
    fc.serving = serving;
    fc.up = up;
    fc.since = now_;
  }
  const double s = flow.entry_success();
  sigma_ = offered_rps_ > 0.0 ? s * admitted_rps_ / offered_rps_ : s;
}

void ReplicationSimulator::integrate_flow(double until) {
  const double hours = until - flow_since_;
  if (!(hours > 0.0)) return;
  // Load-hours are hours at the profile's largest multiplier (RequestIntegral).
  const double level = offered_rps_ / (load_->rps * load_->integral.largest());
  const double failed_share = 1.0 - sigma_;
  offered_load_hours_ += level * hours;
  if (!journey_failed_.empty()) {
    // Journey j is offered its share of the load and served s_entry(j) x admitted / offered.
    const FlowGraph& graph = flow_->graph();
    const double admitted = offered_rps_ > 0.0 ? admitted_rps_ / offered_rps_ : 1.0;
    for (std::size_t j = 0; j < journey_failed_.size(); ++j) {
      const double served = flow_->success(graph.entries[j]) * admitted;
      journey_failed_[j] += (1.0 - served) * graph.entry_shares[j] * level * hours;
    }
  }
  if (!load_->spikes.empty() && !year_offered_.empty()) {
    add_window_rate(year_offered_, models::kHoursPerYear, flow_since_, until, level);
  }
  if (!window_offered_.empty()) {
    add_window_rate(window_offered_, window_hours_, flow_since_, until, level);
  }
  if (failed_share > 0.0) {
    const double failed = failed_share * level;
    failed_load_hours_ += failed * hours;
    if (!window_failed_.empty()) {
      add_window_rate(window_failed_, window_hours_, flow_since_, until, failed);
    }
    if (!year_failed_.empty()) {
      add_window_rate(year_failed_, models::kHoursPerYear, flow_since_, until, failed);
    }
  }
  if (admitted_rps_ < offered_rps_) {
    rejected_load_hours_ += (1.0 - admitted_rps_ / offered_rps_) * level * hours;
  }
  if (shed_rps_ > 0.0)
    shed_load_hours_ += shed_rps_ * hours / (load_->rps * load_->integral.largest());
  if (sigma_ < load_->degraded_below) degraded_hours_ += hours;
  flow_since_ = until;
}

void ReplicationSimulator::finish_flow(RunTotals& totals) {
  const double horizon = model_.horizon_hours;
  integrate_flow(horizon);
  for (std::size_t c = 0; c < flow_components_.size(); ++c) {
    FlowComponent& fc = flow_components_[c];
    const double hours = horizon - fc.since;
    fc.utilisation_hours += fc.utilisation * hours;
    fc.serving_hours += fc.serving ? hours : 0.0;
    fc.up_hours += fc.up ? hours : 0.0;
    totals.utilisation_hours[c].add(fc.utilisation_hours);
    totals.serving_hours[c].add(fc.serving_hours);
  }
  for (std::uint32_t cache = 0; cache < load_->caches.size(); ++cache) {
    if (!flow_->cache_valid(load_->caches[cache])) {
      cache_expired_hours_[cache] += horizon - cache_expired_since_[cache];  // cut there
    }
    totals.cache_expiries[cache] += cache_expiries_[cache];
    totals.cache_expired_hours[cache].add(cache_expired_hours_[cache]);
  }
  totals.rejected_load_hours.add(rejected_load_hours_);
  totals.shed_load_hours.add(shed_load_hours_);
  totals.flow_evaluations += flow_evaluations_;
  totals.flow_not_converged += flow_not_converged_;
}

}  // namespace nines::engine
