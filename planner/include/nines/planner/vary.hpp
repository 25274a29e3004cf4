// One `--vary KEY=SPEC` flag: a settable key (as `--set` takes it) and the values it runs over.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace nines::planner {

struct Vary {
  /// A `--set` key: "db.instances", "oncall.size", "catalog->db-eu.min_up".
  std::string key;
  /// The values in SPEC order, as the model loader reads a `--set` value (JSON, or a string).
  std::vector<nlohmann::json> values;
};

/// Parses "KEY=SPEC". SPEC is `A..B` (integers, inclusive), `A..B..STEP` (STEP > 0), a JSON array
/// of values, or `v1,v2,...` (split on commas only when SPEC is not valid JSON; each piece is
/// JSON when it parses, else a string; one value alone is a list of one). Throws
/// std::invalid_argument with the problem, e.g. `empty range 3..1 (the first bound is above the
/// second)`; the caller names the flag.
Vary parse_vary(std::string_view flag);

/// "KEY=VALUE" as `--set` takes it: a string written bare unless it would read as other JSON
/// ("3" stays "\"3\""), anything else as compact JSON.
std::string set_text(const std::string& key, const nlohmann::json& value);

/// The value as the tables show it: a string bare, anything else as compact JSON.
std::string value_text(const nlohmann::json& value);

}  // namespace nines::planner
