// Reads, overrides and validates model files; writes models back as JSON.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::models {

/// A validated model and the warnings found while loading it (e.g. unreachable components).
struct LoadedModel {
  Model model;
  std::vector<std::string> warnings;
};

/// Reads `file`, applies `overrides` ("ID.KEY=VALUE", "KEY=VALUE", "ID.KEY.SUBKEY=VALUE"; VALUE is
/// JSON when it parses as JSON, else a string) and validates. A file with scenarios must be valid
/// as written, and each scenario is checked as the file with its keys set (without `overrides`).
/// With a non-empty `scenario`, returns that scenario's model: its keys set before `overrides`,
/// so `overrides` win. Throws ModelError (bad file, model or scenario) or UsageError (malformed
/// override, unknown scenario), each with a one-line message naming the file and the JSON pointer.
LoadedModel load_model(const std::filesystem::path& file,
                       const std::vector<std::string>& overrides = {},
                       std::string_view scenario = {});

/// Same, from JSON already in memory; `file` is only used in messages.
LoadedModel parse_model(const nlohmann::json& document, std::string_view file,
                        const std::vector<std::string>& overrides = {},
                        std::string_view scenario = {});

/// Checks a model built or changed in code (the GUI and the planner change models without JSON).
/// Throws ModelError with the JSON pointer the offending key would have in a file. Returns
/// warnings. Fills `entry` when it is empty and can be inferred. Scenarios are checked too, each
/// applied to `to_json(model)`.
std::vector<std::string> validate_model(Model& model, std::string_view file = "<model>");

/// The model as a JSON document that `parse_model` reads back to an equal model.
nlohmann::json to_json(const Model& model);

/// Writes `to_json(model)` to `file` atomically (temporary file + rename).
void save_model(const Model& model, const std::filesystem::path& file);

/// The model as JSON in the spelling of `original` (the document it was loaded from) wherever
/// the value is unchanged: a key, shorthand or unit the user wrote ("mtbf": "2w", "99.95%")
/// stays as written, in the file's key order; what changed is written as `to_json` writes it.
/// Falls back to `to_json`'s form when `original` is not a valid model.
nlohmann::ordered_json to_json_like(const Model& model, const nlohmann::ordered_json& original);

/// Writes `to_json_like(model, original)` to `file` atomically: what an editor saves.
void save_model(const Model& model, const std::filesystem::path& file,
                const nlohmann::ordered_json& original);

/// Reads a model file as JSON in its own key order (for `to_json_like`). Throws ModelError.
nlohmann::ordered_json read_model_document(const std::filesystem::path& file);

}  // namespace nines::models
