// The load's part of compiling a model (docs/engine.md, "Flow mode"): whether it needs the flow,
// the flow graph, the profile's hourly steps, overload, spikes, breakers and journeys, and the
// mechanisms flow mode refuses for now.
#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

#include "compile_steps.hpp"
#include "nines/engine/compiled_model.hpp"
#include "nines/engine/event_queue.hpp"
#include "nines/engine/flow_graph_builder.hpp"
#include "nines/models/error.hpp"

namespace nines::engine {

namespace {

/// Whether the load needs the flow: a capacity, a rate limit, a partial row (soft, cache, a
/// breaker), spikes or journeys make shares partial.
bool needs_flow(const models::Model& model) {
  const models::Load& load = *model.load;
  if (load.limit_rps || !load.spikes.empty() || !load.journeys.empty()) return true;
  const bool partial_row =
      std::any_of(model.dependencies.begin(), model.dependencies.end(), [](const auto& d) {
        if (d.mode_or_default() != models::DependencyMode::kHard || d.circuit_breaker) return true;
        return std::any_of(d.target_traffic.begin(), d.target_traffic.end(),
                           [](const auto& t) { return t.circuit_breaker.has_value(); });
      });
  return partial_row ||
         std::any_of(model.components.begin(), model.components.end(),
                     [](const models::Component& c) { return c.capacity_rps.has_value(); });
}

/// Per hour of the period: whole hours until the multiplier next differs (0: never).
std::vector<std::uint32_t> hours_to_next_change(const std::vector<double>& multipliers) {
  const auto period = static_cast<std::uint32_t>(multipliers.size());
  std::vector<std::uint32_t> next(period, 0);
  for (std::uint32_t h = 0; h < period; ++h) {
    for (std::uint32_t k = 1; k <= period; ++k) {
      if (multipliers[(h + k) % period] != multipliers[h]) {
        next[h] = k;
        break;
      }
    }
  }
  return next;
}

/// Inserts a cause of `kind` just before `other` (which stays last) and returns its index.
std::uint32_t add_cause_before_other(CompiledModel& out, CauseKind kind, std::string id) {
  const std::uint32_t index = out.other_cause;
  out.cause_kinds.insert(out.cause_kinds.begin() + index, kind);
  out.cause_ids.insert(out.cause_ids.begin() + index, std::move(id));
  ++out.other_cause;
  return index;
}

/// Per component (compiled order): `overload` and `load_shedding`, and an `overload` cause for
/// each component that crashes, in id order.
void compile_overload(const models::Model& model, CompiledModel& out, CompiledLoad& cl) {
  cl.overload.assign(out.components.size(), CompiledOverload{});
  for (std::size_t m = 0; m < model.components.size(); ++m) {
    const models::Component& c = model.components[m];
    CompiledOverload& o = cl.overload[out.component_of_model[m]];
    o.shedding = c.load_shedding.value_or(false);
    cl.sheds = cl.sheds || o.shedding;
    if (!c.overload) continue;
    o.crashes = true;
    o.crash_after = compile_law(c.overload->crash_after, out.law_table);
    o.restart = compile_law(c.overload->restart, out.law_table);
    cl.crashes = true;
  }
  for (std::size_t c = 0; c < out.components.size(); ++c) {
    if (!cl.overload[c].crashes) continue;
    cl.overload[c].cause = add_cause_before_other(out, CauseKind::kOverload, out.component_ids[c]);
    out.components[c].plain = false;  // crashes take the general handlers
  }
}

/// Spike sources, sorted by their ids (#N for the N-th source without one), each with its
/// `load` cause and its slots.
void compile_spikes(const models::Model& model, CompiledModel& out, CompiledLoad& cl) {
  const std::vector<models::Spike>& spikes = model.load->spikes;
  std::vector<std::string> ids;
  for (std::size_t n = 0; n < spikes.size(); ++n) {
    ids.push_back(spikes[n].id.empty() ? "#" + std::to_string(n) : spikes[n].id);
  }
  std::vector<const std::string*> id_pointers;
  for (const auto& id : ids) id_pointers.push_back(&id);
  cl.first_spike_slot = out.slot_count;
  for (const std::uint32_t n : detail::order_by_id(id_pointers)) {
    const models::Spike& spike = spikes[n];
    CompiledSpikes s;
    s.stream_source = source_hash(SourceKind::kSpike, ids[n]);
    s.scheduled = !spike.gap.has_value();
    if (spike.gap) s.gap = compile_law(*spike.gap, out.law_table);
    s.duration = compile_law(spike.duration, out.law_table);
    s.multiplier = spike.multiplier;
    for (const double at : spike.at_hours) {
      if (at < out.horizon_hours) s.at_hours.push_back(at);
    }
    std::sort(s.at_hours.begin(), s.at_hours.end());
    s.first_slot = out.slot_count;
    s.slot_count = s.scheduled ? static_cast<std::uint32_t>(s.at_hours.size()) : 1U;
    out.slot_count += s.slot_count;
    cl.spike_slot_source.insert(cl.spike_slot_source.end(), s.slot_count,
                                static_cast<std::uint32_t>(cl.spikes.size()));
    s.cause = add_cause_before_other(out, CauseKind::kLoad, ids[n]);
    cl.spikes.push_back(std::move(s));
    cl.spike_ids.push_back(ids[n]);
  }
}

/// Circuit breakers in the scan order of docs/traffic.md: (from id, target id), which is the
/// order of (caller index, target index) since components are indexed by id.
void compile_breakers(CompiledModel& out, CompiledLoad& cl) {
  const FlowGraph& g = cl.graph;
  std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t>> order;
  for (const FlowRow& row : g.rows) {
    for (std::uint32_t i = 0; i < row.target_count; ++i) {
      const std::uint32_t k = row.first_target + i;
      if (g.targets[k].breaker_open_for_hours > 0.0) {
        order.push_back({{row.from, g.targets[k].component}, k});
      }
    }
  }
  std::sort(order.begin(), order.end());
  cl.first_breaker_slot = out.slot_count;
  for (const auto& [pair, k] : order) {
    cl.breakers.push_back(k);
    cl.breaker_ids.push_back(out.component_ids[pair.first] + "->" + out.component_ids[pair.second]);
    ++out.slot_count;
  }
}

/// Caches in row order, which is (from id, target ids): one clock slot each.
void compile_caches(CompiledModel& out, CompiledLoad& cl) {
  const FlowGraph& g = cl.graph;
  cl.first_cache_slot = out.slot_count;
  for (std::uint32_t r = 0; r < g.rows.size(); ++r) {
    const FlowRow& row = g.rows[r];
    if (row.mode != FlowMode::kCache) continue;
    std::string id = out.component_ids[row.from] + "->";
    for (std::uint32_t i = 0; i < row.target_count; ++i) {
      if (i > 0) id += ",";
      id += out.component_ids[g.targets[row.first_target + i].component];
    }
    cl.caches.push_back(r);
    cl.cache_ids.push_back(std::move(id));
    ++out.slot_count;
  }
}

/// Each timed failover's graph row: the row from its gate's owner whose targets are the
/// gate's children (with a load two components are joined by at most one row).
void compile_failover_rows(const CompiledModel& out, CompiledLoad& cl) {
  const FlowGraph& g = cl.graph;
  for (const CompiledFailover& f : out.failovers) {
    const Gate& gate = out.gates[f.gate];
    const std::uint32_t first = out.gate_children[gate.first_child];
    const auto it = std::find_if(g.rows.begin(), g.rows.end(), [&](const FlowRow& row) {
      return row.from == gate.owner && g.targets[row.first_target].component == first;
    });
    if (it == g.rows.end()) throw std::logic_error("internal error: a failover without its row");
    cl.failover_rows.push_back(static_cast<std::uint32_t>(it - g.rows.begin()));
  }
}

}  // namespace

void detail::compile_load(const models::Model& model, CompiledModel& out) {
  if (!model.load) return;
  const models::Load& load = *model.load;
  CompiledLoad cl{.integral = RequestIntegral(models::profile_multipliers(load.profile))};
  cl.requests_per_load_hour = load.rps * cl.integral.largest() * 3600.0;
  cl.offered_load_hours = cl.integral.integral(0.0, out.horizon_hours);
  cl.requests_basis = load.slo_basis == models::SloBasis::kRequests;
  cl.episodes = !model.inject.empty() || !load.spikes.empty();
  cl.metastable_after_hours = load.metastable_after_hours;
  cl.rps = load.rps;
  cl.multipliers = models::profile_multipliers(load.profile);
  if (needs_flow(model)) {
    cl.flow = true;
    cl.graph = build_flow_graph(model);
    cl.next_change = hours_to_next_change(cl.multipliers);
    cl.limit_rps = load.limit_rps.value_or(std::numeric_limits<double>::infinity());
    cl.outage_below = load.outage_below;
    cl.degraded_below = load.degraded_threshold();
    compile_overload(model, out, cl);
    // The `load` cause sits before `other`, which stays last.
    cl.cause = add_cause_before_other(out, CauseKind::kLoad, std::string());
    out.load_step_slot = out.slot_count++;
    cl.first_crash_slot = out.slot_count;
    for (std::size_t c = 0; c < out.components.size(); ++c) {
      if (!cl.overload[c].crashes) continue;
      cl.overload[c].first_crash_slot = out.slot_count;
      out.slot_count += out.components[c].instance_count;
      for (std::uint32_t k = 0; k < out.components[c].instance_count; ++k) {
        cl.crash_slot_instance.push_back(out.components[c].first_instance + k);
      }
    }
    cl.crash_slot_count = out.slot_count - cl.first_crash_slot;
    compile_spikes(model, out, cl);
    compile_breakers(out, cl);
    compile_caches(out, cl);
    compile_failover_rows(out, cl);
    cl.journeys = !load.journeys.empty();
    for (const models::Journey& journey : load.journeys)
      cl.journey_entries.push_back(journey.entry);
    if (out.slot_count > EventQueue::kMaxSlots) {
      detail::refuse_model("",
                           "too many event sources with crash clocks and spikes (at most " +
                               std::to_string(EventQueue::kMaxSlots) + ")",
                           std::to_string(out.slot_count));
    }
  }
  out.load = std::move(cl);
}

}  // namespace nines::engine
