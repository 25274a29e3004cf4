// Where a GUI run came from: the model file's digest and the --set overrides that turn the file
// into the model that was run, so an exported result traces to its input as `nines run --json`.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "nines/models/model.hpp"
#include "nines/report/provenance.hpp"

namespace nines::gui {

/// The model file as the GUI opened (or last saved) it.
struct ModelFileReference {
  /// The path, for messages.
  std::string file;
  /// The file's JSON as read.
  nlohmann::json document;
  /// SHA-256 of the file's bytes.
  std::string sha256;
  /// nines-gui's --what-if overrides (as written), applied to the file before the GUI's edits.
  std::vector<std::string> overrides;
};

/// Reads `file` for `ModelFileReference` (no overrides). Nothing when it cannot be read or parsed.
std::optional<ModelFileReference> read_file_reference(const std::string& file);

/// `--set` overrides (ID.KEY=VALUE, ID.KEY.SUBKEY=VALUE, KEY=VALUE, as `nines run --set` reads
/// them) that turn `from` into `to`, scenarios aside. Nothing when a difference has no such
/// override: a component, crew, zone or region added, removed or renamed, a key removed, or
/// a dependency or injection changed.
std::optional<std::vector<std::string>> overrides_between(const models::Model& from,
                                                          const models::Model& to);

/// The provenance of a run of `run_model`: the file's digest and its --what-if overrides followed
/// by those of the GUI's edits since (overrides_between), each canonical as in `nines run --json`.
/// `scenario` is the model's scenario that was run ("" for the base); it counts as
/// `nines run --scenario` when the file has it, else its settings are among the overrides and
/// `scenario` is cleared. Checked: the file with these overrides (and scenario) loads to exactly
/// `run_model` (scenarios aside). Nothing when no overrides do that; without a file
/// (`reference` empty), no overrides and no digest.
std::optional<report::Provenance> run_provenance(const std::optional<ModelFileReference>& reference,
                                                 const models::Model& run_model,
                                                 std::string& scenario);

}  // namespace nines::gui
