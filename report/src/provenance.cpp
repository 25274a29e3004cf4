// Canonical overrides and the model digest written into reports and result documents.
#include "nines/report/provenance.hpp"

#include "nines/report/sha256.hpp"

namespace nines::report {

std::string canonical_override(std::string_view text) {
  const auto equals = text.find('=');
  if (equals == std::string_view::npos) return std::string(text);
  const std::string value(text.substr(equals + 1));
  // The loader's reading: JSON when it parses, else the text as a string.
  nlohmann::json parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) parsed = value;
  const std::string canonical =
      parsed.is_string() ? parsed.get<std::string>()
                         : parsed.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return std::string(text.substr(0, equals)) + "=" + canonical;
}

std::vector<std::string> canonical_overrides(const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  out.reserve(texts.size());
  for (const auto& text : texts) out.push_back(canonical_override(text));
  return out;
}

Provenance provenance_of(const std::string& model_file, const std::vector<std::string>& overrides) {
  return {canonical_overrides(overrides), file_sha256_hex(model_file)};
}

std::string overrides_text(const std::vector<std::string>& overrides) {
  if (overrides.empty()) return {};
  std::string text = "with ";
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    if (i > 0) text += ", ";
    text += overrides[i];
  }
  return text;
}

void add_provenance(nlohmann::json& document, const Provenance& provenance) {
  document["overrides"] = provenance.overrides;
  document["model_sha256"] = provenance.model_sha256.empty()
                                 ? nlohmann::json(nullptr)
                                 : nlohmann::json(provenance.model_sha256);
}

}  // namespace nines::report
