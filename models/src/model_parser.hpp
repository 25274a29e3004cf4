// Builds a Model from a JSON document (keys, types and value ranges; no cross-checks).
#pragma once

#include "json_node.hpp"
#include "nines/models/model.hpp"

namespace nines::models::detail {

/// Upper bound on `replications`.
inline constexpr std::int64_t kMaxReplications = 1'000'000'000;

/// The model at `root` (the whole document), before validate_model's semantic checks.
Model build_model(const JsonNode& root);

/// A target from a number (a fraction) or a string like "99.95%"; fails unless in (0, 1].
double parse_target(const JsonNode& node);

}  // namespace nines::models::detail
