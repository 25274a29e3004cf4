// The open model, its undo stack and its validation by the loader's own rules.
#include "nines/gui/model_document.hpp"

#include <QFileInfo>
#include <algorithm>
#include <exception>

#include "nines/gui/model_edit_command.hpp"
#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui {
namespace {

/// The JSON pointer in a loader message "<file>: <pointer>: <problem>...", or "".
std::string pointer_of(const std::string& message, const std::string& file) {
  std::size_t at = 0;
  if (message.rfind(file + ": ", 0) == 0) at = file.size() + 2;
  if (at >= message.size() || message[at] != '/') return {};
  const std::size_t end = message.find(": ", at);
  return message.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

}  // namespace

ModelDocument::ModelDocument(QObject* parent) : QObject(parent) {
  connect(&undo_stack_, &QUndoStack::cleanChanged, this,
          [this](bool clean) { emit modified_changed(!clean); });
  revalidate();
}

QString ModelDocument::open(const QString& path) {
  try {
    // The loader validates; its message names the file as given, like `nines validate`.
    models::LoadedModel loaded = models::load_model(path.toStdString());
    original_ = models::read_model_document(path.toStdString());
    file_ = path;
    undo_stack_.clear();
    model_ = std::move(loaded.model);
    revalidate();
    emit changed();
    emit opened();
    emit modified_changed(false);
    return {};
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
}

void ModelDocument::reset(const models::Model& model, const QString& file) {
  file_ = file;
  original_.reset();
  undo_stack_.clear();
  model_ = model;
  revalidate();
  emit changed();
  emit opened();
  emit modified_changed(false);
}

QString ModelDocument::save(const QString& path) {
  try {
    if (original_) {
      models::save_model(model_, path.toStdString(), *original_);
      original_ = models::to_json_like(model_, *original_);
    } else {
      models::save_model(model_, path.toStdString());
    }
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  file_ = path;
  undo_stack_.setClean();
  revalidate();  // messages name the new file
  emit changed();
  return {};
}

void ModelDocument::edit(const models::Model& changed, const QString& text,
                         const std::string& merge_key) {
  if (changed == model_) return;
  undo_stack_.push(new ModelEditCommand(this, model_, changed, text, merge_key));
}

namespace {

/// Whether an override key ("db.instances") sets a key of component `id`: the key starts with
/// "id." and no other component's longer id (ids may hold dots, "db.eu") matches it better.
bool names_component(const models::Model& model, const std::string& key, const std::string& id) {
  if (key.size() <= id.size() || key.compare(0, id.size(), id) != 0 || key[id.size()] != '.') {
    return false;
  }
  for (const auto& other : model.components) {
    if (other.id.size() > id.size() && key.size() > other.id.size() &&
        key.compare(0, other.id.size(), other.id) == 0 && key[other.id.size()] == '.') {
      return false;
    }
  }
  return true;
}

}  // namespace

QString ModelDocument::rename_component(const std::string& from, const std::string& to) {
  if (from == to) return {};
  if (to.empty()) return tr("A component needs an id.");
  if (model_.find_component(to) != nullptr) {
    return tr("There is already a component \"%1\".").arg(QString::fromStdString(to));
  }
  models::Model changed = model_;
  models::Component* component = changed.find_component(from);
  if (component == nullptr) return tr("No component \"%1\".").arg(QString::fromStdString(from));
  component->id = to;
  if (changed.entry == from) changed.entry = to;
  for (auto& dependency : changed.dependencies) {
    if (dependency.from == from) dependency.from = to;
    std::replace(dependency.to.begin(), dependency.to.end(), from, to);
  }
  // Scenario keys name the component too ("db.instances"): they follow the new id.
  for (auto& scenario : changed.scenarios) {
    for (auto& setting : scenario.set) {
      if (names_component(changed, setting.key, from)) {
        setting.key = to + setting.key.substr(from.size());
      }
    }
  }
  edit(changed,
       tr("Rename %1 to %2").arg(QString::fromStdString(from), QString::fromStdString(to)));
  return {};
}

void ModelDocument::delete_component(const std::string& id) {
  models::Model changed = model_;
  std::erase_if(changed.components, [&](const auto& c) { return c.id == id; });
  for (auto& dependency : changed.dependencies) std::erase(dependency.to, id);
  // A dependency with nothing left to need, or from the deleted component, goes too; a list that
  // lost members keeps its min_up, which validation then checks against what is left.
  std::erase_if(changed.dependencies, [&](const auto& d) { return d.from == id || d.to.empty(); });
  if (changed.entry == id) changed.entry.clear();
  // Scenario settings of the deleted component go with it (undo brings them back); a scenario
  // left with nothing to set goes too.
  for (auto& scenario : changed.scenarios) {
    std::erase_if(scenario.set, [&](const auto& s) { return names_component(model_, s.key, id); });
  }
  std::erase_if(changed.scenarios, [](const auto& scenario) { return scenario.set.empty(); });
  edit(changed, tr("Delete %1").arg(QString::fromStdString(id)));
}

std::string ModelDocument::add_component() {
  std::string id;
  for (int n = static_cast<int>(model_.components.size()) + 1;; ++n) {
    id = "component-" + std::to_string(n);
    if (model_.find_component(id) == nullptr) break;
  }
  models::Model changed = model_;
  models::Component component;
  component.id = id;
  changed.components.push_back(component);
  edit(changed, tr("Add %1").arg(QString::fromStdString(id)));
  return id;
}

void ModelDocument::set_model(const models::Model& model) {
  model_ = model;
  revalidate();
  emit changed();
}

Validation ModelDocument::check(const models::Model& candidate) const {
  Validation validation;
  models::Model copy = candidate;
  const std::string file = file_.isEmpty() ? std::string("<model>") : file_.toStdString();
  try {
    validation.warnings = models::validate_model(copy, file);
  } catch (const std::exception& e) {
    validation.error = e.what();
    validation.error_pointer = pointer_of(validation.error, file);
  }
  return validation;
}

void ModelDocument::revalidate() {
  const std::string file = file_.isEmpty() ? std::string("<model>") : file_.toStdString();
  validation_ = {};
  runnable_.reset();
  models::Model copy = model_;
  try {
    validation_.warnings = models::validate_model(copy, file);
    runnable_ = std::move(copy);
  } catch (const std::exception& e) {
    validation_.error = e.what();
    validation_.error_pointer = pointer_of(validation_.error, file);
  }
}

}  // namespace nines::gui
