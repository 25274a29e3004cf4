// Reads zones and regions (failure domains) from a model file.
#pragma once

#include "json_node.hpp"
#include "nines/models/model.hpp"

namespace nines::models::detail {

/// The region at `node`: id, description, and one failure and one repair law.
Region parse_region(const JsonNode& node);

/// The zone at `node`: id, optional region, description, and one failure and one repair law.
Zone parse_zone(const JsonNode& node);

}  // namespace nines::models::detail
