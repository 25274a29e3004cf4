// Applies command-line overrides ("KEY=VALUE", "ID.KEY=VALUE", "ID.KEY.SUB=VALUE") to a document.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "reporter.hpp"

namespace nines::models::detail {

/// Sets each override in `document` (a JSON object) and returns where each one wrote, so that
/// messages about those values can name the override. VALUE is JSON when it parses as JSON, else
/// a string. Throws UsageError for a malformed override or an unknown component or crew id.
std::vector<OverrideOrigin> apply_overrides(nlohmann::json& document,
                                            const std::vector<std::string>& overrides,
                                            std::string_view file);

}  // namespace nines::models::detail
