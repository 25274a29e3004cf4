// What a result was computed from, so a figure can be traced to its input: the --set overrides
// and the model file's SHA-256.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace nines::report {

struct Provenance {
  /// The --set overrides in command-line order, each as `canonical_override` writes it.
  std::vector<std::string> overrides;
  /// SHA-256 of the model file's bytes (64 hex digits); empty when there is no file.
  std::string model_sha256;
};

/// "KEY=VALUE" with VALUE canonical: compact JSON, a string written bare, as the model loader
/// reads it (" 3" -> "3", "30m" -> "30m", "{ \"a\": 1 }" -> "{\"a\":1}"). Text without '=' is
/// returned as it is.
std::string canonical_override(std::string_view text);

/// `canonical_override` of each, in order.
std::vector<std::string> canonical_overrides(const std::vector<std::string>& texts);

/// The --set overrides and the model file's digest of a command. Throws std::runtime_error when
/// the file cannot be read.
Provenance provenance_of(const std::string& model_file, const std::vector<std::string>& overrides);

/// "with db.instances=3, api.mttr=30m", or "" without overrides.
std::string overrides_text(const std::vector<std::string>& overrides);

/// The "overrides" array and the "model_sha256" string (null when unknown) of a result document.
void add_provenance(nlohmann::json& document, const Provenance& provenance);

}  // namespace nines::report
