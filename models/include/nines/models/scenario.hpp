// Named scenarios of a model: their `--set` form and the validated model each one describes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::models {

/// The scenario's keys as `--set` overrides ("db.instances=3", "db.mttr=\"2h\""), in the order
/// they apply.
std::vector<std::string> scenario_overrides(const Scenario& scenario);

/// `no scenario "x" in shop.json (did you mean "y"?); scenarios: "a", "b"`, or `...; the model
/// has no scenarios`: the problem text for a name that `model` does not define.
std::string unknown_scenario_problem(const Model& model, std::string_view name,
                                     std::string_view file);

/// The model with scenario `name` applied (as `--set` would apply its keys) and validated; it
/// keeps the list of scenarios. `file` is only used in messages. Throws UsageError for an unknown
/// name (the message lists the known ones) and ModelError when the result breaks a rule.
Model apply_scenario(const Model& model, std::string_view name, std::string_view file = "<model>");

}  // namespace nines::models
