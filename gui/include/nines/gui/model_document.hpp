// The open model: its file, its edits (undo stack), and what the loader's validation says of it.
#pragma once

#include <QObject>
#include <QString>
#include <QUndoStack>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::gui {

/// What validate_model says of the model being edited: the first error (the loader stops at
/// it) and the warnings. `error_pointer` is the JSON pointer of the offending key.
struct Validation {
  std::string error;
  std::string error_pointer;
  std::vector<std::string> warnings;
  bool ok() const { return error.empty(); }
};

/// Owns the model the user edits. The model is kept exactly as edited, even when it does not
/// validate: validation runs on a copy, so nothing is lost or silently changed (an inferred
/// entry is not written in). Every change goes through edit() and so onto the undo stack.
class ModelDocument : public QObject {
  Q_OBJECT

 public:
  explicit ModelDocument(QObject* parent = nullptr);

  const models::Model& model() const { return model_; }
  /// The validated copy to run (entry filled in), or nothing while the model has an error.
  const std::optional<models::Model>& runnable() const { return runnable_; }
  const Validation& validation() const { return validation_; }
  const QString& file() const { return file_; }
  bool modified() const { return !undo_stack_.isClean(); }
  QUndoStack* undo_stack() { return &undo_stack_; }

  /// Loads `path` with the loader. On failure returns the loader's one-line message (file, JSON
  /// pointer, problem) and leaves the open model as it was; on success returns "".
  QString open(const QString& path);
  /// Starts an empty document holding `model` (tests and "new").
  void reset(const models::Model& model, const QString& file = {});
  /// Saves atomically (models::save_model). Returns "" or the error message.
  QString save(const QString& path);

  /// Replaces the model by `changed` as one undoable step named `text`; consecutive edits with
  /// the same non-empty `merge_key` become one step. Does nothing when nothing changed.
  void edit(const models::Model& changed, const QString& text, const std::string& merge_key = {});
  /// Renames a component and every dependency, entry and reference to it, as one step.
  /// Returns "" or why not (empty id, id in use).
  QString rename_component(const std::string& from, const std::string& to);
  /// Removes a component and the dependencies that name it, as one step.
  void delete_component(const std::string& id);
  /// Adds a component with a fresh id ("component-N") and returns that id.
  std::string add_component();

  /// Renames a zone and every placement (round-robin lists and counts), injection and scenario
  /// key or value naming it, as one step. Returns "" or why not (empty id, id in use).
  QString rename_zone(const std::string& from, const std::string& to);
  /// Renames a region and the zones in it, its injections and scenario keys, as one step.
  QString rename_region(const std::string& from, const std::string& to);
  /// Removes a zone, as one step: placements leave it (counts too, which validation then checks
  /// against `instances`), its injections and scenario keys go.
  void delete_zone(const std::string& id);
  /// Removes a region, as one step: its zones are left in no region, its injections go.
  void delete_region(const std::string& id);
  /// Adds a zone ("zone-N") or a region ("region-N") with default laws; returns its id.
  std::string add_zone();
  std::string add_region();

  /// What the loader's rules say of `candidate` (messages name this document's file), without
  /// changing anything: for editors that refuse an edit that would break the model.
  Validation check(const models::Model& candidate) const;

  /// Used by ModelEditCommand only: sets the model without touching the undo stack.
  void set_model(const models::Model& model);

 signals:
  /// The model changed (edit, undo, redo, open).
  void changed();
  /// A different file was opened (or the document reset): views should start afresh.
  void opened();
  void modified_changed(bool modified);

 private:
  void revalidate();

  models::Model model_;
  std::optional<models::Model> runnable_;
  Validation validation_;
  QString file_;
  /// The document as the user wrote it, so a save keeps their keys, shorthands and units.
  std::optional<nlohmann::ordered_json> original_;
  QUndoStack undo_stack_;
};

}  // namespace nines::gui
