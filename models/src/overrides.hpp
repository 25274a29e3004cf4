// Applies command-line overrides ("KEY=VALUE", "ID.KEY=VALUE", "ID.KEY.SUB=VALUE") to a document.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "reporter.hpp"

namespace nines::models::detail {

/// A key that cannot be set (an unknown id, a nested key under a value that is not an object).
/// `what()` is the problem alone; the caller says where it was written.
class OverrideProblem : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Sets `path` to `value` in `document` with the rules of `--set` and returns the JSON pointer it
/// wrote. `path` resolves in this order: `TOP.SUB...` inside a top-level object; `ID.KEY...` of
/// a component, crew, zone or region (the longest id wins, then that order); `FROM->TO.KEY...`
/// of the one dependency row from FROM whose `to` is or lists TO (on a list, TO's own `calls`,
/// `retries` and `circuit_breaker`); a top-level `KEY`. Keys that exclude each other replace each
/// other (mttr/repair, mtbf/failure, zones/placement, a profile type's keys, a dependency mode's
/// keys, `entry` and `load.journeys`; a placement removes `instances`). Throws OverrideProblem
/// (unknown id, edge, nested key under a value that is not an object).
std::string apply_setting(nlohmann::json& document, std::string_view path, nlohmann::json value);

/// Sets each override in `document` (a JSON object) and returns where each one wrote, so that
/// messages about those values can name the override. VALUE is JSON when it parses as JSON, else
/// a string. Throws UsageError for a malformed override or an unknown id or dependency.
std::vector<OverrideOrigin> apply_overrides(nlohmann::json& document,
                                            const std::vector<std::string>& overrides,
                                            std::string_view file);

}  // namespace nines::models::detail
