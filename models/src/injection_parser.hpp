// Reads the scheduled faults of a model file (`inject`).
#pragma once

#include "json_node.hpp"
#include "nines/models/model.hpp"

namespace nines::models::detail {

/// The injection at `node`: `at`, exactly one of `component`/`zone`/`region`, `instances` (with
/// `component` only) and an optional `for`. Ids are checked against the model by the validator.
Injection parse_injection(const JsonNode& node);

}  // namespace nines::models::detail
