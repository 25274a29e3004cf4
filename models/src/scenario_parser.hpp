// Reads the `scenarios` list of a model file (names and override keys; applying them is apart).
#pragma once

#include <vector>

#include "json_node.hpp"
#include "nines/models/model.hpp"

namespace nines::models::detail {

/// The scenarios at `node`: types only; the rules on names and keys are the validator's, so that
/// models built in code get them too.
std::vector<Scenario> parse_scenarios(const JsonNode& node);

}  // namespace nines::models::detail
