// Look-ups on a model by component id and scenario name.
#include "nines/models/model.hpp"

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

const Scenario* Model::find_scenario(std::string_view scenario_name) const {
  for (const auto& scenario : scenarios) {
    if (scenario.name == scenario_name) return &scenario;
  }
  return nullptr;
}

}  // namespace nines::models
