// Applies a scenario's keys with the override rules; a key that cannot be set is a model error
// at the key, since the scenario is part of the file, not of the command line.
#include "scenario_applier.hpp"

#include "overrides.hpp"

namespace nines::models::detail {

ScenarioLabel scenario_label(const Scenario& scenario, std::size_t index) {
  return {scenario.name, "/scenarios/" + std::to_string(index)};
}

std::vector<OverrideOrigin> apply_scenario_keys(nlohmann::json& document, const Scenario& scenario,
                                                std::size_t index, const std::string& file) {
  const ScenarioLabel label = scenario_label(scenario, index);
  const Reporter reporter(file, {}, label);
  std::vector<OverrideOrigin> origins;
  for (const auto& setting : scenario.set) {
    const std::string key_pointer = label.pointer + "/set/" + pointer_token(setting.key);
    nlohmann::json value = nlohmann::json::parse(setting.value_json, nullptr, false);
    if (value.is_discarded()) reporter.fail(key_pointer, "must be a JSON value");
    try {
      std::string written = apply_setting(document, setting.key, std::move(value));
      origins.push_back({std::move(written), setting.key + "=" + setting.value_json, key_pointer});
    } catch (const OverrideProblem& problem) {
      reporter.fail(key_pointer, problem.what());
    }
  }
  return {origins.rbegin(), origins.rend()};
}

}  // namespace nines::models::detail
