// Compilation of a validated model into the engine's dense arrays, in a canonical order that does
// not depend on the file's.
#include "nines/engine/compiled_model.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>

#include "compile_steps.hpp"
#include "nines/engine/event_queue.hpp"
#include "nines/engine/flow_graph_builder.hpp"
#include "nines/engine/range_result.hpp"
#include "nines/models/error.hpp"

namespace nines::engine {

namespace {

Standby compile_standby(models::StandbyMode mode) {
  switch (mode) {
    case models::StandbyMode::kWarm:
      return Standby::kWarm;
    case models::StandbyMode::kCold:
      return Standby::kCold;
    case models::StandbyMode::kHot:
      break;
  }
  return Standby::kHot;
}

[[noreturn]] void refuse(const std::string& pointer, const std::string& problem,
                         const std::string& found) {
  throw ModelError(format_error("<model>", pointer, problem, found));
}

/// The index of a validated model's id; a model that skipped validation gets a clear error.
std::uint32_t index_or_throw(const std::unordered_map<std::string, std::uint32_t>& index_of,
                             const std::string& key, const char* pointer) {
  const auto it = index_of.find(key);
  if (it == index_of.end()) {
    refuse(pointer, "unknown id (was the model validated?)", "\"" + key + "\"");
  }
  return it->second;
}

/// Positions of `ids` sorted bytewise: result[k] is the file position of the k-th smallest.
std::vector<std::uint32_t> sorted_order(const std::vector<const std::string*>& ids) {
  std::vector<std::uint32_t> order(ids.size());
  std::iota(order.begin(), order.end(), 0U);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return *ids[a] < *ids[b]; });
  return order;
}

std::vector<std::uint32_t> inverse(const std::vector<std::uint32_t>& order) {
  std::vector<std::uint32_t> result(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) result[order[k]] = static_cast<std::uint32_t>(k);
  return result;
}

/// Refuses two sources whose stream keys would coincide (a 64-bit hash collision of their ids).
void check_stream_sources(const CompiledModel& out) {
  std::unordered_map<std::uint64_t, std::string> seen;
  const auto add = [&](std::uint64_t hash, const std::string& what) {
    const auto [it, inserted] = seen.emplace(hash, what);
    if (!inserted) {
      refuse("", "ids " + it->second + " and " + what + " hash alike; rename one", what);
    }
  };
  for (std::size_t c = 0; c < out.components.size(); ++c) {
    add(out.components[c].stream_source, "component \"" + out.component_ids[c] + "\"");
  }
  for (std::size_t z = 0; z < out.zones.size(); ++z) {
    add(out.zones[z].stream_source, "zone \"" + out.zone_ids[z] + "\"");
  }
  for (std::size_t r = 0; r < out.regions.size(); ++r) {
    add(out.regions[r].stream_source, "region \"" + out.region_ids[r] + "\"");
  }
  for (std::size_t f = 0; f < out.failovers.size(); ++f) {
    add(out.failovers[f].stream_source, "failover \"" + out.failover_ids[f] + "\"");
  }
  for (const CompiledDeploys& d : out.deploys) {
    add(d.stream_source, "deploys of \"" + out.component_ids[d.component] + "\"");
  }
}

void check_limits(const models::Model& model) {
  // validate_model checks all of this with file positions; the engine only refuses what would
  // break its own invariants when handed an unvalidated model.
  if (!(model.horizon_hours > 0.0) || !std::isfinite(model.horizon_hours)) {
    refuse("/horizon", "must be a positive duration", std::to_string(model.horizon_hours));
  }
  if (model.components.empty()) refuse("/components", "must be a non-empty list", "[]");
  std::uint64_t instances = 0;
  for (std::size_t i = 0; i < model.components.size(); ++i) {
    const auto& c = model.components[i];
    if (c.instances < 1 || c.min_up < 1 || c.min_up > c.instances) {
      refuse("/components/" + std::to_string(i) + "/min_up",
             "must be from 1 to \"instances\" (" + std::to_string(c.instances) + ")",
             std::to_string(c.min_up));
    }
    instances += static_cast<std::uint64_t>(c.instances);
    // Warm and cold pools have a second clock per instance.
    if (c.standby.mode != models::StandbyMode::kHot) {
      instances += static_cast<std::uint64_t>(c.instances);
    }
    // Deploys: four slots and a restart clock per instance.
    if (c.deploys) instances += 4U + static_cast<std::uint64_t>(c.instances);
  }
  const std::uint64_t slots = instances + model.zones.size() + model.regions.size() +
                              model.inject.size() + model.dependencies.size();
  if (slots > EventQueue::kMaxSlots) {
    refuse("/components",
           "too many instances in total for the engine (at most " +
               std::to_string(EventQueue::kMaxSlots) + " event sources)",
           std::to_string(slots));
  }
}

CompiledComponent compile_component(const models::Component& c, CompiledModel& out) {
  CompiledComponent cc;
  cc.instance_count = static_cast<std::uint32_t>(c.instances);
  cc.min_up = static_cast<std::uint32_t>(c.min_up);
  cc.standby = compile_standby(c.standby.mode);
  cc.failure = compile_law(c.failure, out.law_table);
  if (c.standby.dormant_failure) {
    cc.dormant_failure = compile_law(*c.standby.dormant_failure, out.law_table);
  }
  cc.detection = compile_law(c.detection, out.law_table);
  cc.repair = compile_law(c.repair, out.law_table);
  cc.switchover = compile_law(c.standby.switchover, out.law_table);
  cc.switch_success = c.standby.switch_success;
  cc.coverage = c.coverage.value_or(1.0);
  if (c.undetected) cc.undetected = compile_law(*c.undetected, out.law_table);
  if (c.inspections) cc.inspection_every_hours = c.inspections->every_hours;
  cc.stream_source = source_hash(SourceKind::kComponent, c.id);
  return cc;
}

void compile_gates(const models::Model& model,
                   const std::unordered_map<std::string, std::uint32_t>& index_of,
                   CompiledModel& out) {
  // Gates grouped by owner (in compiled order; rows of one owner by their sorted targets, so the
  // file's row order does not matter), then the reverse index by child.
  const std::size_t n = out.components.size();
  std::vector<std::vector<std::uint32_t>> gates_by_owner(n);
  std::vector<Gate> rows;
  std::vector<std::vector<std::uint32_t>> row_children;
  std::vector<const models::Dependency*> row_dependency;
  for (const auto& d : model.dependencies) {
    row_dependency.push_back(&d);
    std::vector<std::uint32_t> children;
    for (const auto& to : d.to)
      children.push_back(index_or_throw(index_of, to, "/dependencies/to"));
    const std::uint32_t owner = index_or_throw(index_of, d.from, "/dependencies/from");
    gates_by_owner[owner].push_back(static_cast<std::uint32_t>(rows.size()));
    rows.push_back(Gate{owner, static_cast<std::uint32_t>(d.min_up), 0, 0});
    row_children.push_back(std::move(children));
  }
  for (auto& list : gates_by_owner) {
    std::stable_sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (row_children[a] != row_children[b]) return row_children[a] < row_children[b];
      return rows[a].need < rows[b].need;
    });
  }
  std::vector<std::vector<std::uint32_t>> parents_of(n);
  for (std::size_t owner = 0; owner < n; ++owner) {
    out.components[owner].first_gate = static_cast<std::uint32_t>(out.gates.size());
    out.components[owner].gate_count = static_cast<std::uint32_t>(gates_by_owner[owner].size());
    for (const std::uint32_t row : gates_by_owner[owner]) {
      Gate gate = rows[row];
      gate.first_child = static_cast<std::uint32_t>(out.gate_children.size());
      gate.child_count = static_cast<std::uint32_t>(row_children[row].size());
      for (const std::uint32_t child : row_children[row]) {
        out.gate_children.push_back(child);
        parents_of[child].push_back(static_cast<std::uint32_t>(out.gates.size()));
      }
      out.gates.push_back(gate);
      if (row_dependency[row]->failover) {
        const models::Dependency& d = *row_dependency[row];
        CompiledFailover f;
        f.gate = static_cast<std::uint32_t>(out.gates.size() - 1);
        f.time = compile_law(d.failover->time, out.law_table);
        f.success = d.failover->success;
        f.automatic_failback = d.failover->failback == models::Failback::kAutomatic;
        const std::string id = d.from + "->" + d.to.front();
        f.stream_source = source_hash(SourceKind::kFailover, id);
        out.failovers.push_back(f);
        out.failover_ids.push_back(id);
      }
    }
  }
  {
    // Failovers in id byte order: their slots' order is their same-instant order.
    std::vector<const std::string*> ids;
    for (const auto& id : out.failover_ids) ids.push_back(&id);
    const std::vector<std::uint32_t> order = sorted_order(ids);
    std::vector<CompiledFailover> failovers;
    std::vector<std::string> failover_ids;
    for (const std::uint32_t k : order) {
      failovers.push_back(out.failovers[k]);
      failover_ids.push_back(out.failover_ids[k]);
      out.gates[failovers.back().gate].failover = static_cast<std::int32_t>(failovers.size() - 1);
    }
    out.failovers = std::move(failovers);
    out.failover_ids = std::move(failover_ids);
  }
  for (std::size_t child = 0; child < n; ++child) {
    CompiledComponent& cc = out.components[child];
    cc.first_direct_parent = static_cast<std::uint32_t>(out.direct_parents.size());
    cc.first_parent_link = static_cast<std::uint32_t>(out.parent_links.size());
    for (const std::uint32_t g : parents_of[child]) {
      const Gate& gate = out.gates[g];
      if (gate.child_count == 1 && gate.need == 1 && gate.failover < 0) {
        out.direct_parents.push_back(gate.owner);
      } else {
        out.parent_links.push_back(ParentLink{gate.owner, g});
      }
    }
    cc.direct_parent_count =
        static_cast<std::uint32_t>(out.direct_parents.size()) - cc.first_direct_parent;
    cc.parent_link_count =
        static_cast<std::uint32_t>(out.parent_links.size()) - cc.first_parent_link;
  }
}

template <typename Domain>
CompiledDomain compile_domain(const Domain& domain, SourceKind kind, CompiledModel& out) {
  CompiledDomain d;
  d.failure = compile_law(domain.failure, out.law_table);
  d.repair = compile_law(domain.repair, out.law_table);
  d.stream_source = source_hash(kind, domain.id);
  return d;
}

void compile_domains(const models::Model& model, CompiledModel& out) {
  std::vector<const std::string*> zone_ids;
  for (const auto& z : model.zones) zone_ids.push_back(&z.id);
  std::vector<const std::string*> region_ids;
  for (const auto& r : model.regions) region_ids.push_back(&r.id);
  const std::vector<std::uint32_t> zone_order = sorted_order(zone_ids);
  const std::vector<std::uint32_t> region_order = sorted_order(region_ids);
  out.zone_of_model = inverse(zone_order);
  out.region_of_model = inverse(region_order);
  for (const std::uint32_t r : region_order) {
    out.regions.push_back(compile_domain(model.regions[r], SourceKind::kRegion, out));
    out.region_ids.push_back(model.regions[r].id);
  }
  for (const std::uint32_t z : zone_order) {
    CompiledDomain d = compile_domain(model.zones[z], SourceKind::kZone, out);
    const std::int64_t region = model.region_index(model.zones[z].region);
    d.region =
        region < 0
            ? -1
            : static_cast<std::int32_t>(out.region_of_model[static_cast<std::size_t>(region)]);
    out.zones.push_back(d);
    out.zone_ids.push_back(model.zones[z].id);
  }
  // Zones per region, in compiled order (instances per zone: once they are remapped).
  for (std::size_t r = 0; r < out.regions.size(); ++r) {
    out.regions[r].first_member = static_cast<std::uint32_t>(out.region_zones.size());
    for (std::size_t z = 0; z < out.zones.size(); ++z) {
      if (out.zones[z].region == static_cast<std::int32_t>(r)) {
        out.region_zones.push_back(static_cast<std::uint32_t>(z));
      }
    }
    out.regions[r].member_count =
        static_cast<std::uint32_t>(out.region_zones.size()) - out.regions[r].first_member;
  }
}

void compile_injections(const models::Model& model,
                        const std::unordered_map<std::string, std::uint32_t>& index_of,
                        CompiledModel& out) {
  std::vector<const std::string*> target_ids;
  for (const auto& j : model.inject) target_ids.push_back(&j.id);
  // Sorted by target id, then list order (a stable sort keeps it).
  const std::vector<std::uint32_t> order = sorted_order(target_ids);
  std::unordered_map<std::string, std::uint32_t> cause_of_target;
  for (const std::uint32_t k : order) {
    const models::Injection& j = model.inject[k];
    CompiledInjection ci;
    ci.at_hours = j.at_hours;
    ci.for_hours = j.for_hours.value_or(0.0);
    switch (j.target) {
      case models::Injection::Target::kComponent:
        ci.target = CompiledInjection::Target::kComponent;
        ci.index = index_or_throw(index_of, j.id, "/inject/component");
        ci.instances = static_cast<std::uint32_t>(
            std::clamp<std::int64_t>(j.instances, 0, out.components[ci.index].instance_count));
        ci.first_held = out.held_instances;
        out.held_instances += ci.instances;
        break;
      case models::Injection::Target::kZone: {
        ci.target = CompiledInjection::Target::kZone;
        const std::int64_t z = model.zone_index(j.id);
        if (z < 0) refuse("/inject", "unknown zone (was the model validated?)", j.id);
        ci.index = out.zone_of_model[static_cast<std::size_t>(z)];
        break;
      }
      case models::Injection::Target::kRegion: {
        ci.target = CompiledInjection::Target::kRegion;
        const std::int64_t r = model.region_index(j.id);
        if (r < 0) refuse("/inject", "unknown region (was the model validated?)", j.id);
        ci.index = out.region_of_model[static_cast<std::size_t>(r)];
        break;
      }
    }
    const auto [it, inserted] =
        cause_of_target.emplace(j.id, static_cast<std::uint32_t>(out.cause_kinds.size()));
    if (inserted) {
      out.cause_kinds.push_back(CauseKind::kInject);
      out.cause_ids.push_back(j.id);
    }
    ci.cause = it->second;
    out.injections.push_back(ci);
  }
}

/// The instances a canary batch reaches: ceil(fraction x instances), where a product within 1e-9
/// of an integer counts as that integer.
std::uint32_t canary_instances(double fraction, std::uint32_t instances) {
  const double product = fraction * static_cast<double>(instances);
  const double nearest = std::round(product);
  const double count = std::abs(product - nearest) <= 1e-9 ? nearest : std::ceil(product);
  return static_cast<std::uint32_t>(std::clamp(count, 1.0, static_cast<double>(instances)));
}

/// Deploy schedules in component order, each with its cause (after the injection targets).
void compile_deploys(const models::Model& model, CompiledModel& out) {
  std::vector<std::size_t> model_index(out.components.size());
  for (std::size_t m = 0; m < model.components.size(); ++m) {
    model_index[out.component_of_model[m]] = m;
  }
  for (std::uint32_t c = 0; c < out.components.size(); ++c) {
    const models::Component& mc = model.components[model_index[c]];
    if (!mc.deploys) continue;
    const models::Deploys& d = *mc.deploys;
    const std::string pointer = "/components/" + std::to_string(model_index[c]) + "/deploys/period";
    if (!(d.period_hours > 0.0)) refuse(pointer, "must be a positive duration", "");
    const double first = d.first_due_hours();
    if (first < model.horizon_hours &&
        (model.horizon_hours - first) / d.period_hours >= static_cast<double>(kMaxDeploys)) {
      refuse(pointer,
             "gives more than " + std::to_string(kMaxDeploys) +
                 " deploys over the horizon, the engine's limit per history",
             std::to_string(d.period_hours) + " h");
    }
    CompiledDeploys cd;
    cd.component = c;
    cd.strategy = d.strategy;
    cd.period_hours = d.period_hours;
    cd.first_at_hours = first;
    cd.bad_probability = d.bad_probability;
    const std::uint32_t n = out.components[c].instance_count;
    cd.batch = static_cast<std::uint32_t>(std::clamp<std::int64_t>(d.batch, 1, n));
    cd.batch_interval_hours = d.batch_interval_hours.value_or(0.0);
    cd.bake_hours = d.bake_hours.value_or(0.0);
    switch (d.strategy) {
      case models::DeployStrategy::kAllAtOnce:
        cd.first_batch = n;
        break;
      case models::DeployStrategy::kRolling:
        cd.first_batch = cd.batch;
        break;
      case models::DeployStrategy::kCanary:
        cd.first_batch = canary_instances(d.canary_fraction.value_or(1.0), n);
        break;
    }
    if (d.detection) cd.detection = compile_law(*d.detection, out.law_table);
    if (d.rollback) cd.rollback = compile_law(*d.rollback, out.law_table);
    cd.restart = compile_law(d.restart, out.law_table);
    cd.stream_source = source_hash(SourceKind::kDeploy, mc.id);
    cd.cause = static_cast<std::uint32_t>(out.cause_kinds.size());
    out.cause_kinds.push_back(CauseKind::kDeploy);
    out.cause_ids.push_back(mc.id);
    out.components[c].deploys = static_cast<std::int32_t>(out.deploys.size());
    out.deploys.push_back(cd);
  }
}

}  // namespace

namespace detail {

void refuse_model(const std::string& pointer, const std::string& problem,
                  const std::string& found) {
  refuse(pointer, problem, found);
}

std::vector<std::uint32_t> order_by_id(const std::vector<const std::string*>& ids) {
  return sorted_order(ids);
}

}  // namespace detail

const char* cause_kind_name(CauseKind kind) {
  switch (kind) {
    case CauseKind::kComponent:
      return "component";
    case CauseKind::kZone:
      return "zone";
    case CauseKind::kRegion:
      return "region";
    case CauseKind::kInject:
      return "inject";
    case CauseKind::kDeploy:
      return "deploy";
    case CauseKind::kOverload:
      return "overload";
    case CauseKind::kLoad:
      return "load";
    case CauseKind::kOther:
      break;
  }
  return "other";
}

RunTotals totals_for(const CompiledModel& model) {
  RunTotals totals(model.components.size(), model.cause_kinds.size(), model.zones.size(),
                   model.regions.size());
  if (model.load) {
    totals.cache_expiries.assign(model.load->caches.size(), 0);
    totals.cache_expired_hours.assign(model.load->caches.size(), ExactSum{});
  }
  return totals;
}

CompiledModel compile(const models::Model& model) {
  check_limits(model);
  CompiledModel out;
  out.horizon_hours = model.horizon_hours;
  out.seed = model.seed;
  out.target = model.target;

  std::unordered_map<std::string, std::uint32_t> index_of;
  {
    std::vector<const std::string*> crew_ids;
    for (const auto& crew : model.crews) crew_ids.push_back(&crew.id);
    for (const std::uint32_t k : sorted_order(crew_ids)) {
      index_of.emplace("crew:" + model.crews[k].id,
                       static_cast<std::uint32_t>(out.crew_sizes.size()));
      out.crew_sizes.push_back(static_cast<std::uint32_t>(model.crews[k].size));
    }
  }

  std::vector<const std::string*> ids;
  for (const auto& c : model.components) ids.push_back(&c.id);
  const std::vector<std::uint32_t> order = sorted_order(ids);
  out.component_of_model = inverse(order);
  for (const std::uint32_t m : order) {
    const models::Component& c = model.components[m];
    const auto index = static_cast<std::uint32_t>(out.components.size());
    index_of.emplace(c.id, index);
    CompiledComponent cc = compile_component(c, out);
    cc.first_instance = out.instance_count;
    cc.crew = c.crew.empty() ? -1
                             : static_cast<std::int32_t>(
                                   index_or_throw(index_of, "crew:" + c.crew, "/components/crew"));
    out.components.push_back(cc);
    out.component_ids.push_back(c.id);
    out.instance_component.insert(out.instance_component.end(), cc.instance_count, index);
    for (const std::int64_t zone : model.instance_zones(c)) {
      out.instance_zone.push_back(zone < 0 ? -1 : static_cast<std::int32_t>(zone));
    }
    out.instance_count += cc.instance_count;
  }
  out.entry = index_or_throw(index_of, model.entry, "/entry");
  compile_gates(model, index_of, out);
  compile_domains(model, out);
  // instance_zone held model zone indices until the zones were sorted.
  for (auto& zone : out.instance_zone) {
    if (zone >= 0)
      zone = static_cast<std::int32_t>(out.zone_of_model[static_cast<std::size_t>(zone)]);
  }
  {
    // compile_domains grouped members by model zone index: regroup by compiled index.
    out.zone_instances.clear();
    std::vector<std::vector<std::uint32_t>> members(out.zones.size());
    for (std::uint32_t i = 0; i < out.instance_count; ++i) {
      if (out.instance_zone[i] >= 0)
        members[static_cast<std::size_t>(out.instance_zone[i])].push_back(i);
    }
    for (std::size_t z = 0; z < out.zones.size(); ++z) {
      out.zones[z].first_member = static_cast<std::uint32_t>(out.zone_instances.size());
      out.zones[z].member_count = static_cast<std::uint32_t>(members[z].size());
      out.zone_instances.insert(out.zone_instances.end(), members[z].begin(), members[z].end());
    }
  }

  // The cause registry: components, zones, regions, injection targets, deploys, then other.
  for (const auto& id : out.component_ids) {
    out.cause_kinds.push_back(CauseKind::kComponent);
    out.cause_ids.push_back(id);
  }
  out.first_zone_cause = static_cast<std::uint32_t>(out.cause_kinds.size());
  for (const auto& id : out.zone_ids) {
    out.cause_kinds.push_back(CauseKind::kZone);
    out.cause_ids.push_back(id);
  }
  out.first_region_cause = static_cast<std::uint32_t>(out.cause_kinds.size());
  for (const auto& id : out.region_ids) {
    out.cause_kinds.push_back(CauseKind::kRegion);
    out.cause_ids.push_back(id);
  }
  compile_injections(model, index_of, out);
  compile_deploys(model, out);
  out.other_cause = static_cast<std::uint32_t>(out.cause_kinds.size());
  out.cause_kinds.push_back(CauseKind::kOther);
  out.cause_ids.emplace_back();

  // Slots, in kind order.
  out.first_zone_slot = out.instance_count;
  out.first_region_slot = out.first_zone_slot + static_cast<std::uint32_t>(out.zones.size());
  out.first_injection_slot = out.first_region_slot + static_cast<std::uint32_t>(out.regions.size());
  out.first_deploy_slot =
      out.first_injection_slot + static_cast<std::uint32_t>(out.injections.size());
  out.first_failover_slot = out.first_deploy_slot;
  for (std::uint32_t d = 0; d < out.deploys.size(); ++d) {
    CompiledDeploys& cd = out.deploys[d];
    cd.first_slot = out.first_failover_slot;
    const std::uint32_t slots =
        CompiledDeploys::kFirstRestartSlot + out.components[cd.component].instance_count;
    out.deploy_slot_owner.insert(out.deploy_slot_owner.end(), slots, d);
    out.first_failover_slot += slots;
  }
  out.first_block_slot = out.first_failover_slot + static_cast<std::uint32_t>(out.failovers.size());
  out.slot_count = out.first_block_slot;
  for (auto& cc : out.components) {
    if (cc.standby == Standby::kHot) continue;
    cc.first_block_slot = out.slot_count;
    out.slot_count += cc.instance_count;
    for (std::uint32_t k = 0; k < cc.instance_count; ++k) {
      out.block_slot_instance.push_back(cc.first_instance + k);
    }
  }
  for (auto& cc : out.components) {
    cc.plain = cc.standby == Standby::kHot && cc.crew < 0 && cc.deploys < 0 && cc.coverage >= 1.0 &&
               cc.detection.kind == LawKind::kZero && cc.failure.kind != LawKind::kNever;
  }
  check_stream_sources(out);
  detail::compile_load(model, out);
  return out;
}

}  // namespace nines::engine
