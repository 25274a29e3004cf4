// One undoable edit of the model: the whole model before and after (models are small to copy).
#pragma once

#include <QString>
#include <QUndoCommand>
#include <string>

#include "nines/models/model.hpp"

namespace nines::gui {

class ModelDocument;

/// Swaps the document's model between `before` and `after`. Snapshots instead of per-field
/// commands keep every kind of edit (rename with its dependencies, delete, a slider drag) one
/// class; edits of the same `merge_key` in a row merge, so a slider drag is one undo step.
class ModelEditCommand : public QUndoCommand {
 public:
  ModelEditCommand(ModelDocument* document, models::Model before, models::Model after,
                   const QString& text, std::string merge_key);

  void undo() override;
  void redo() override;
  int id() const override;
  bool mergeWith(const QUndoCommand* other) override;

 private:
  ModelDocument* document_;
  models::Model before_;
  models::Model after_;
  std::string merge_key_;
};

}  // namespace nines::gui
