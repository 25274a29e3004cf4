// Reads the traffic of a model file (`load`, its `profile`, spikes and journeys).
#pragma once

#include "json_node.hpp"
#include "nines/models/model.hpp"

namespace nines::models::detail {

/// How far the shares of the journeys may sum from 1.
inline constexpr double kJourneyShareTolerance = 1e-9;

/// The load at `node`: `rps` (required, > 0), `profile`, `limit_rps`, `outage_below`,
/// `degraded_below` (at least `outage_below`), `slo_basis`, `metastable_after`, `spikes`
/// (each with exactly one of `gap` and `at`; ids unique) and `journeys` (entries unique, shares
/// summing to 1). Unknown keys, and a profile type's keys beside another type, are errors with
/// the loader's messages; journeys' entries are checked against the components by validation.
Load parse_load(const JsonNode& node);

}  // namespace nines::models::detail
