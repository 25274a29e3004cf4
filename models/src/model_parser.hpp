// Builds a Model from a JSON document (keys, types and value ranges; no cross-checks).
#pragma once

#include <array>
#include <string_view>

#include "json_node.hpp"
#include "nines/models/model.hpp"

namespace nines::models::detail {

/// Upper bound on `replications`.
inline constexpr std::int64_t kMaxReplications = 1'000'000'000;

/// Upper bound on `horizon`: 1000 years. Beyond it a model is a typo (and times lose precision).
inline constexpr double kMaxHorizonHours = 1000.0 * kHoursPerYear;
inline constexpr std::string_view kHorizonRule =
    R"(must be a positive duration of at most 1000 years ("1000y"))";

inline constexpr std::string_view kSchemaRule =
    R"(must be a string naming the JSON Schema of model files (written by "nines schema"), )"
    R"(like "./nines-model.schema.json")";

/// Names reserved for later top-level keys. No component, crew, zone or region may take one,
/// nor the name of a top-level key (kModelKeys), as its id: `TOP.SUB=VALUE` overrides must stay
/// unambiguous.
inline constexpr std::array<std::string_view, 1> kReservedTopLevelNames{"load"};

/// The model at `root` (the whole document), before validate_model's semantic checks.
Model build_model(const JsonNode& root);

/// A target from a number (a fraction) or a string like "99.95%"; fails unless in (0, 1].
double parse_target(const JsonNode& node);

}  // namespace nines::models::detail
