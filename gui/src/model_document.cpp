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

/// Every id an override key may start with (components, zones, regions).
std::vector<std::string> all_ids(const models::Model& model) {
  std::vector<std::string> ids;
  for (const auto& c : model.components) ids.push_back(c.id);
  for (const auto& z : model.zones) ids.push_back(z.id);
  for (const auto& r : model.regions) ids.push_back(r.id);
  return ids;
}

/// Whether override key `key` sets a key of `id` (as names_component, over every kind of id).
bool names_id(const std::vector<std::string>& ids, const std::string& key, const std::string& id) {
  if (key.size() <= id.size() || key.compare(0, id.size(), id) != 0 || key[id.size()] != '.') {
    return false;
  }
  return std::none_of(ids.begin(), ids.end(), [&](const std::string& other) {
    return other.size() > id.size() && key.size() > other.size() &&
           key.compare(0, other.size(), other) == 0 && key[other.size()] == '.';
  });
}

/// A scenario's placement value ("web.zones" = ["a","b"], "db.placement" = {"a":2}) with zone
/// `from` renamed `to` (or left out when `to` is empty); other values unchanged.
void rename_in_placement_value(models::ScenarioSetting& setting, const std::string& from,
                               const std::string& to) {
  const bool zones = setting.key.ends_with(".zones");
  const bool placement = setting.key.ends_with(".placement");
  if (!zones && !placement) return;
  nlohmann::ordered_json value = nlohmann::ordered_json::parse(setting.value_json, nullptr, false);
  if (value.is_discarded()) return;
  bool changed = false;
  if (zones && value.is_array()) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& item : value) {
      if (item.is_string() && item.get<std::string>() == from) {
        changed = true;
        if (!to.empty()) out.push_back(to);
      } else {
        out.push_back(item);
      }
    }
    value = std::move(out);
  } else if (placement && value.is_object() && value.contains(from)) {
    changed = true;
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [key, count] : value.items()) out[key == from ? to : key] = count;
    if (to.empty()) out.erase("");
    value = std::move(out);
  }
  if (changed) setting.value_json = value.dump();
}

/// Placements with zone `from` renamed `to` (left out when `to` is empty), counts kept sorted by
/// zone id as the loader keeps them.
void rename_in_placements(models::Model& model, const std::string& from, const std::string& to) {
  for (auto& c : model.components) {
    if (to.empty()) {
      std::erase(c.zones, from);
    } else {
      std::replace(c.zones.begin(), c.zones.end(), from, to);
    }
    for (auto& entry : c.placement) {
      if (entry.first == from) entry.first = to;
    }
    std::erase_if(c.placement, [](const auto& entry) { return entry.first.empty(); });
    std::sort(c.placement.begin(), c.placement.end());
  }
}

/// Renames (or with `to` empty, drops) the scenario keys and placement values naming `from`.
void rename_in_scenarios(models::Model& model, const std::vector<std::string>& ids,
                         const std::string& from, const std::string& to, bool is_zone) {
  for (auto& scenario : model.scenarios) {
    std::erase_if(scenario.set, [&](const auto& setting) {
      return to.empty() && names_id(ids, setting.key, from);
    });
    for (auto& setting : scenario.set) {
      if (names_id(ids, setting.key, from)) setting.key = to + setting.key.substr(from.size());
      if (is_zone) rename_in_placement_value(setting, from, to);
    }
  }
  std::erase_if(model.scenarios, [](const auto& scenario) { return scenario.set.empty(); });
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
  for (auto& injection : changed.inject) {
    if (injection.target == models::Injection::Target::kComponent && injection.id == from) {
      injection.id = to;
    }
  }
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
  std::erase_if(changed.inject, [&](const auto& injection) {
    return injection.target == models::Injection::Target::kComponent && injection.id == id;
  });
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

QString ModelDocument::rename_zone(const std::string& from, const std::string& to) {
  if (from == to) return {};
  if (to.empty()) return tr("A zone needs an id.");
  if (model_.zone_index(to) >= 0) {
    return tr("There is already a zone \"%1\".").arg(QString::fromStdString(to));
  }
  const std::int64_t index = model_.zone_index(from);
  if (index < 0) return tr("No zone \"%1\".").arg(QString::fromStdString(from));
  models::Model changed = model_;
  const std::vector<std::string> ids = all_ids(model_);
  changed.zones[static_cast<std::size_t>(index)].id = to;
  rename_in_placements(changed, from, to);
  for (auto& injection : changed.inject) {
    if (injection.target == models::Injection::Target::kZone && injection.id == from) {
      injection.id = to;
    }
  }
  rename_in_scenarios(changed, ids, from, to, true);
  edit(changed,
       tr("Rename zone %1 to %2").arg(QString::fromStdString(from), QString::fromStdString(to)));
  return {};
}

QString ModelDocument::rename_region(const std::string& from, const std::string& to) {
  if (from == to) return {};
  if (to.empty()) return tr("A region needs an id.");
  if (model_.region_index(to) >= 0) {
    return tr("There is already a region \"%1\".").arg(QString::fromStdString(to));
  }
  const std::int64_t index = model_.region_index(from);
  if (index < 0) return tr("No region \"%1\".").arg(QString::fromStdString(from));
  models::Model changed = model_;
  const std::vector<std::string> ids = all_ids(model_);
  changed.regions[static_cast<std::size_t>(index)].id = to;
  for (auto& zone : changed.zones) {
    if (zone.region == from) zone.region = to;
  }
  for (auto& injection : changed.inject) {
    if (injection.target == models::Injection::Target::kRegion && injection.id == from) {
      injection.id = to;
    }
  }
  rename_in_scenarios(changed, ids, from, to, false);
  edit(changed,
       tr("Rename region %1 to %2").arg(QString::fromStdString(from), QString::fromStdString(to)));
  return {};
}

void ModelDocument::delete_zone(const std::string& id) {
  models::Model changed = model_;
  const std::vector<std::string> ids = all_ids(model_);
  std::erase_if(changed.zones, [&](const auto& zone) { return zone.id == id; });
  rename_in_placements(changed, id, {});
  std::erase_if(changed.inject, [&](const auto& injection) {
    return injection.target == models::Injection::Target::kZone && injection.id == id;
  });
  rename_in_scenarios(changed, ids, id, {}, true);
  edit(changed, tr("Delete zone %1").arg(QString::fromStdString(id)));
}

void ModelDocument::delete_region(const std::string& id) {
  models::Model changed = model_;
  const std::vector<std::string> ids = all_ids(model_);
  std::erase_if(changed.regions, [&](const auto& region) { return region.id == id; });
  for (auto& zone : changed.zones) {
    if (zone.region == id) zone.region.clear();
  }
  std::erase_if(changed.inject, [&](const auto& injection) {
    return injection.target == models::Injection::Target::kRegion && injection.id == id;
  });
  rename_in_scenarios(changed, ids, id, {}, false);
  edit(changed, tr("Delete region %1").arg(QString::fromStdString(id)));
}

std::string ModelDocument::add_zone() {
  std::string id;
  for (int n = static_cast<int>(model_.zones.size()) + 1;; ++n) {
    id = "zone-" + std::to_string(n);
    if (model_.zone_index(id) < 0) break;
  }
  models::Model changed = model_;
  models::Zone zone;
  zone.id = id;
  changed.zones.push_back(zone);
  edit(changed, tr("Add zone %1").arg(QString::fromStdString(id)));
  return id;
}

std::string ModelDocument::add_region() {
  std::string id;
  for (int n = static_cast<int>(model_.regions.size()) + 1;; ++n) {
    id = "region-" + std::to_string(n);
    if (model_.region_index(id) < 0) break;
  }
  models::Model changed = model_;
  models::Region region;
  region.id = id;
  changed.regions.push_back(region);
  edit(changed, tr("Add region %1").arg(QString::fromStdString(id)));
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
