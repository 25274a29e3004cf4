// Finds a key that a JSON object names twice, and where a number too large for a double is.
// nlohmann keeps the last key silently (a second "mttr" in a component is a typo or a merge
// accident the user must hear about) and rejects 1e400 without saying where it is.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace nines::models::detail {

/// What the key pass found; empty strings when nothing.
struct KeyScan {
  /// The JSON pointer of the first key given twice in one object.
  std::string duplicate;
  /// The JSON pointer of the first number beyond the range of a double ("1e400"), and its text.
  std::string out_of_range;
  std::string out_of_range_text;
};

/// Parses `text` (throws json::parse_error as json::parse does) and returns the document, filling
/// `scan`. When `scan.out_of_range_text` is set the document is incomplete and must not be used
/// (`scan.out_of_range` is then "" for a number at the top level).
nlohmann::json parse_finding_duplicate_keys(const std::string& text, KeyScan& scan);

}  // namespace nines::models::detail
