// Finds a key that a JSON object names twice. nlohmann keeps the last one silently, and a
// second "mttr" in a component is a typo or a merge accident the user must hear about.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace nines::models::detail {

/// Parses `text` (throws json::parse_error as json::parse does) and returns the document; sets
/// `duplicate` to the JSON pointer of the first key given twice in one object, or leaves it
/// empty when there is none.
nlohmann::json parse_finding_duplicate_keys(const std::string& text, std::string& duplicate);

}  // namespace nines::models::detail
