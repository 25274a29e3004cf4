// Reads one component (a pool of identical instances) from a model file.
#pragma once

#include "json_node.hpp"
#include "nines/models/model.hpp"

namespace nines::models::detail {

/// Upper bound on `instances` (and on crew sizes): beyond this a model is a typo.
inline constexpr std::int64_t kMaxInstances = 1'000'000;

/// The component at `node`: its keys, types and per-value ranges. Cross-checks (min_up against
/// instances, crews, ids) are left to the validator so that models built in code get them too.
Component parse_component(const JsonNode& node);

/// A law given either in full (`law_key`, a distribution) or as an exponential mean
/// (`shorthand`); fails when both or neither are given. Components, zones and regions use it.
Distribution parse_law_or_shorthand(const JsonNode& node, std::string_view law_key,
                                    std::string_view shorthand);

}  // namespace nines::models::detail
