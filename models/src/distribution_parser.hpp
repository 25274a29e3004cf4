// Reads a distribution (a bare duration or an object with "type") from a model file.
#pragma once

#include "json_node.hpp"
#include "nines/models/distribution.hpp"

namespace nines::models::detail {

/// The law at `node`. A bare duration is an exponential law with that mean (a bare 0, where
/// `zero` allows it, is Fixed{0}). With Zero::kForbidden the law's mean must be positive.
Distribution parse_distribution(const JsonNode& node, Zero zero);

}  // namespace nines::models::detail
