// Look-ups on a model by component id and scenario name.
#include "nines/models/model.hpp"

#include <algorithm>

namespace nines::models {

const Component* Model::find_component(std::string_view id) const {
  for (const auto& component : components) {
    if (component.id == id) return &component;
  }
  return nullptr;
}

Component* Model::find_component(std::string_view id) {
  for (auto& component : components) {
    if (component.id == id) return &component;
  }
  return nullptr;
}

std::int64_t Model::component_index(std::string_view id) const {
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (components[i].id == id) return static_cast<std::int64_t>(i);
  }
  return -1;
}

const Zone* Model::find_zone(std::string_view id) const {
  for (const auto& zone : zones) {
    if (zone.id == id) return &zone;
  }
  return nullptr;
}

std::int64_t Model::zone_index(std::string_view id) const {
  for (std::size_t i = 0; i < zones.size(); ++i) {
    if (zones[i].id == id) return static_cast<std::int64_t>(i);
  }
  return -1;
}

std::int64_t Model::region_index(std::string_view id) const {
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (regions[i].id == id) return static_cast<std::int64_t>(i);
  }
  return -1;
}

std::vector<std::int64_t> Model::instance_zones(const Component& component) const {
  const auto count = static_cast<std::size_t>(std::max<std::int64_t>(component.instances, 0));
  std::vector<std::int64_t> result(count, -1);
  if (!component.zones.empty()) {
    for (std::size_t i = 0; i < count; ++i) {
      result[i] = zone_index(component.zones[i % component.zones.size()]);
    }
    return result;
  }
  if (component.placement.empty()) return result;
  // Counted placement: indices go to zones in the order of the top-level list.
  std::size_t next = 0;
  for (std::size_t z = 0; z < zones.size(); ++z) {
    for (const auto& [zone_id, zone_count] : component.placement) {
      if (zone_id != zones[z].id) continue;
      for (std::int64_t k = 0; k < zone_count && next < count; ++k) {
        result[next++] = static_cast<std::int64_t>(z);
      }
    }
  }
  return result;
}

const Scenario* Model::find_scenario(std::string_view scenario_name) const {
  for (const auto& scenario : scenarios) {
    if (scenario.name == scenario_name) return &scenario;
  }
  return nullptr;
}

std::optional<double> Model::cost_per_month() const {
  bool stated = false;
  double sum = 0.0;
  const auto add = [&](const std::optional<double>& cost, double count) {
    if (!cost) return;
    stated = true;
    sum += *cost * count;
  };
  for (const auto& c : components) {
    const bool keeps_idle = c.standby.mode != StandbyMode::kHot;
    const auto idle = static_cast<double>(c.instances - c.min_up);
    if (keeps_idle && c.idle_cost) {
      add(c.cost, static_cast<double>(c.min_up));
      add(c.idle_cost, idle);
    } else {
      add(c.cost, static_cast<double>(c.instances));
      // Stated but unused (a hot pool, or no idle instance): still a design with costs.
      stated = stated || c.idle_cost.has_value();
    }
  }
  for (const auto& crew : crews) add(crew.cost, static_cast<double>(crew.size));
  for (const auto& zone : zones) add(zone.cost, 1.0);
  for (const auto& region : regions) add(region.cost, 1.0);
  if (!stated) return std::nullopt;
  return sum;
}

Model canonical_order(Model model) {
  const auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::stable_sort(model.components.begin(), model.components.end(), by_id);
  std::stable_sort(model.crews.begin(), model.crews.end(), by_id);
  std::stable_sort(model.zones.begin(), model.zones.end(), by_id);
  std::stable_sort(model.regions.begin(), model.regions.end(), by_id);
  std::stable_sort(model.dependencies.begin(), model.dependencies.end(),
                   [](const Dependency& a, const Dependency& b) {
                     if (a.from != b.from) return a.from < b.from;
                     if (a.to != b.to) return a.to < b.to;
                     return a.min_up < b.min_up;
                   });
  return model;
}

}  // namespace nines::models
