// Snapshot undo commands for the model document.
#include "nines/gui/model_edit_command.hpp"

#include <utility>

#include "nines/gui/model_document.hpp"

namespace nines::gui {
namespace {
/// Commands with a merge key share this id; Qt only calls mergeWith for equal ids.
constexpr int kMergeableId = 1;
}  // namespace

ModelEditCommand::ModelEditCommand(ModelDocument* document, models::Model before,
                                   models::Model after, const QString& text, std::string merge_key)
    : QUndoCommand(text),
      document_(document),
      before_(std::move(before)),
      after_(std::move(after)),
      merge_key_(std::move(merge_key)) {}

void ModelEditCommand::undo() { document_->set_model(before_); }

void ModelEditCommand::redo() { document_->set_model(after_); }

int ModelEditCommand::id() const { return merge_key_.empty() ? -1 : kMergeableId; }

bool ModelEditCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = dynamic_cast<const ModelEditCommand*>(other);
  if (next == nullptr || next->merge_key_ != merge_key_) return false;
  after_ = next->after_;
  return true;
}

}  // namespace nines::gui
