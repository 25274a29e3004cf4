// Compilation of a validated model into the engine's dense arrays.
#include "nines/engine/compiled_model.hpp"

#include <cmath>
#include <string>
#include <unordered_map>

#include "nines/engine/event_queue.hpp"
#include "nines/engine/random_stream.hpp"
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

/// The index of a validated model's id; a model that skipped validation gets a clear error.
std::uint32_t index_or_throw(const std::unordered_map<std::string, std::uint32_t>& index_of,
                             const std::string& key, const char* pointer) {
  const auto it = index_of.find(key);
  if (it == index_of.end()) {
    throw ModelError(format_error("<model>", pointer, "unknown id (was the model validated?)",
                                  "\"" + key + "\""));
  }
  return it->second;
}

}  // namespace

CompiledModel compile(const models::Model& model) {
  CompiledModel out;
  out.horizon_hours = model.horizon_hours;
  out.seed = model.seed;

  std::unordered_map<std::string, std::uint32_t> index_of;
  for (const auto& crew : model.crews) {
    index_of.emplace("crew:" + crew.id, static_cast<std::uint32_t>(out.crew_sizes.size()));
    out.crew_sizes.push_back(static_cast<std::uint32_t>(crew.size));
  }

  // validate_model checks all of this with file positions; the engine only refuses what would
  // break its own invariants when handed an unvalidated model.
  if (!(model.horizon_hours > 0.0) || !std::isfinite(model.horizon_hours)) {
    throw ModelError(format_error("<model>", "/horizon", "must be a positive duration",
                                  std::to_string(model.horizon_hours)));
  }
  std::uint64_t instances = 0;
  for (std::size_t i = 0; i < model.components.size(); ++i) {
    const auto& c = model.components[i];
    if (c.instances < 1 || c.min_up < 1 || c.min_up > c.instances) {
      throw ModelError(
          format_error("<model>", "/components/" + std::to_string(i) + "/min_up",
                       "must be from 1 to \"instances\" (" + std::to_string(c.instances) + ")",
                       std::to_string(c.min_up)));
    }
    instances += static_cast<std::uint64_t>(c.instances);
  }
  if (model.components.empty()) {
    throw ModelError(format_error("<model>", "/components", "must be a non-empty list", "[]"));
  }
  if (instances > EventQueue::kMaxSlots) {
    throw ModelError(format_error("<model>", "/components",
                                  "too many instances in total for the engine (at most " +
                                      std::to_string(EventQueue::kMaxSlots) + ")",
                                  std::to_string(instances)));
  }

  for (std::size_t i = 0; i < model.components.size(); ++i) {
    const auto& c = model.components[i];
    index_of.emplace(c.id, static_cast<std::uint32_t>(i));
    CompiledComponent cc;
    cc.first_instance = out.instance_count;
    cc.instance_count = static_cast<std::uint32_t>(c.instances);
    cc.min_up = static_cast<std::uint32_t>(c.min_up);
    cc.crew = c.crew.empty() ? -1
                             : static_cast<std::int32_t>(
                                   index_or_throw(index_of, "crew:" + c.crew, "/components/crew"));
    cc.standby = compile_standby(c.standby.mode);
    cc.failure = compile_law(c.failure, out.law_table);
    if (c.standby.dormant_failure) {
      cc.dormant_failure = compile_law(*c.standby.dormant_failure, out.law_table);
    }
    cc.detection = compile_law(c.detection, out.law_table);
    cc.repair = compile_law(c.repair, out.law_table);
    cc.switchover = compile_law(c.standby.switchover, out.law_table);
    cc.switch_success = c.standby.switch_success;
    out.components.push_back(cc);
    out.component_hashes.push_back(hash_id(c.id));
    out.component_ids.push_back(c.id);
    out.instance_component.insert(out.instance_component.end(), cc.instance_count,
                                  static_cast<std::uint32_t>(i));
    out.instance_count += cc.instance_count;
  }
  out.entry = index_or_throw(index_of, model.entry, "/entry");

  // Gates grouped by owner (dependency rows in file order), then the reverse index by child.
  const std::size_t n = model.components.size();
  std::vector<std::vector<std::uint32_t>> gates_by_owner(n);
  std::vector<Gate> rows;
  std::vector<std::vector<std::uint32_t>> row_children;
  for (const auto& d : model.dependencies) {
    std::vector<std::uint32_t> children;
    for (const auto& to : d.to)
      children.push_back(index_or_throw(index_of, to, "/dependencies/to"));
    const std::uint32_t owner = index_or_throw(index_of, d.from, "/dependencies/from");
    gates_by_owner[owner].push_back(static_cast<std::uint32_t>(rows.size()));
    rows.push_back(Gate{owner, static_cast<std::uint32_t>(d.min_up), 0, 0});
    row_children.push_back(std::move(children));
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
    }
  }
  for (std::size_t child = 0; child < n; ++child) {
    CompiledComponent& cc = out.components[child];
    cc.first_direct_parent = static_cast<std::uint32_t>(out.direct_parents.size());
    cc.first_parent_link = static_cast<std::uint32_t>(out.parent_links.size());
    for (const std::uint32_t g : parents_of[child]) {
      const Gate& gate = out.gates[g];
      if (gate.child_count == 1 && gate.need == 1) {
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
  return out;
}

}  // namespace nines::engine
