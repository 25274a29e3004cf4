// Sets a scenario's keys in a model document, reporting problems at the scenario's own keys.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nines/models/model.hpp"
#include "reporter.hpp"

namespace nines::models::detail {

/// Where the scenario at `index` is in a file, for messages: {name, "/scenarios/<index>"}.
ScenarioLabel scenario_label(const Scenario& scenario, std::size_t index);

/// Sets each key of `scenario` (at `index` in the file) in `document` as `--set` would and
/// returns where each one wrote, latest first, for a Reporter. Throws ModelError at
/// `/scenarios/<index>/set/<key>` when a key cannot be set (an unknown component id, a nested
/// key under a value that is not an object).
std::vector<OverrideOrigin> apply_scenario_keys(nlohmann::json& document, const Scenario& scenario,
                                                std::size_t index, const std::string& file);

}  // namespace nines::models::detail
