// Reads the traffic of a model file (`load` and its `profile`).
#pragma once

#include "json_node.hpp"
#include "nines/models/model.hpp"

namespace nines::models::detail {

/// The load at `node`: `rps` (required, > 0), `profile`, `limit_rps`, `outage_below`,
/// `degraded_below` (at least `outage_below`), `slo_basis` and `metastable_after`. Unknown keys,
/// and a profile type's keys beside another type, are errors with the loader's messages.
Load parse_load(const JsonNode& node);

}  // namespace nines::models::detail
