// The public face of scenarios: their --set form, the unknown-name message, apply_scenario.
#include "nines/models/scenario.hpp"

#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"
#include "reporter.hpp"

namespace nines::models {

std::vector<std::string> scenario_overrides(const Scenario& scenario) {
  std::vector<std::string> overrides;
  overrides.reserve(scenario.set.size());
  // The value stays JSON text, which --set parses as JSON: "2h" keeps its quotes and so stays a
  // string, exactly as in the file.
  for (const auto& setting : scenario.set)
    overrides.push_back(setting.key + "=" + setting.value_json);
  return overrides;
}

std::string unknown_scenario_problem(const Model& model, std::string_view name,
                                     std::string_view file) {
  std::string problem = "no scenario " + detail::quote(name) + " in " + std::string(file);
  if (model.scenarios.empty()) return problem + "; the model has no scenarios";
  std::vector<std::string> names;
  std::vector<std::string> quoted;
  for (const auto& scenario : model.scenarios) {
    names.push_back(scenario.name);
    quoted.push_back(detail::quote(scenario.name));
  }
  const std::string nearest = detail::nearest_name(name, names);
  if (!nearest.empty()) problem += " (did you mean " + detail::quote(nearest) + "?)";
  return problem + "; scenarios: " + detail::list_names(quoted);
}

Model apply_scenario(const Model& model, std::string_view name, std::string_view file) {
  if (model.find_scenario(name) == nullptr) {
    throw UsageError(unknown_scenario_problem(model, name, file));
  }
  // Through the file form, so that a scenario means the same in code as on the command line.
  return parse_model(to_json(model), file, {}, name).model;
}

}  // namespace nines::models
