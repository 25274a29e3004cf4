// The model editor: top-level settings, components, dependencies and crews, bound to the document.
#pragma once

#include <QWidget>
#include <string>

#include "nines/gui/model_document.hpp"

class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QComboBox;
class QTableWidget;
class QTabWidget;
class QPlainTextEdit;

namespace nines::gui {

class ComponentForm;
class DependencyTrafficEditor;
class DistributionEditor;
class LoadEditor;

/// Every edit goes through the document (undoable); the editor redraws from the document on
/// every change, so undo/redo and the what-if panel keep it current. The loader's first error is
/// shown above the tabs and its field is highlighted (widgets carry their JSON pointer).
class ModelEditor : public QWidget {
  Q_OBJECT

 public:
  explicit ModelEditor(ModelDocument* document, QWidget* parent = nullptr);

  void select_component(const std::string& id);
  /// Shows the loader's message and marks the widget whose pointer it names.
  void show_validation(const Validation& validation);

  /// Renames the selected component (dependencies follow); "" or why not.
  QString rename_selected(const QString& to);
  QLineEdit* name_field() { return name_; }
  QListWidget* component_list() { return components_; }
  QTableWidget* dependency_table() { return dependencies_; }
  /// The traffic keys of the dependency row selected in the table.
  DependencyTrafficEditor* dependency_traffic() { return dependency_traffic_; }
  /// The Zones tab: regions (id, description) and zones (id, region, description); an id edited
  /// there renames (placements, injections and scenario keys follow).
  QTableWidget* region_table() { return regions_; }
  QTableWidget* zone_table() { return zones_; }
  /// The laws of the zone or region selected in the Zones tab.
  DistributionEditor* domain_failure() { return domain_failure_; }
  DistributionEditor* domain_repair() { return domain_repair_; }
  /// The Inject tab: at, target (component, zone or region), id, instances, for.
  QTableWidget* inject_table() { return inject_; }
  ComponentForm* component_form() { return form_; }
  /// The Load tab: the model's traffic (docs/traffic.md).
  LoadEditor* load_editor() { return load_; }

 signals:
  void component_selected(const QString& id);

 private:
  void refresh();
  void edit_settings(const char* key);
  void edit_dependencies();
  void show_dependency_traffic();
  void edit_crews();
  void edit_domain(bool region, int row, int column);
  void edit_domain_law(bool failure, const models::Distribution& law);
  void select_domain(bool region, int row);
  void edit_injections();

  ModelDocument* document_;
  bool updating_ = false;
  std::string selected_;
  QLabel* error_ = nullptr;
  QTabWidget* tabs_ = nullptr;
  QLineEdit* name_ = nullptr;
  QLineEdit* description_ = nullptr;
  QLineEdit* horizon_ = nullptr;
  QSpinBox* replications_ = nullptr;
  QLineEdit* seed_ = nullptr;
  QLineEdit* target_ = nullptr;
  QComboBox* entry_ = nullptr;
  QListWidget* components_ = nullptr;
  ComponentForm* form_ = nullptr;
  QTableWidget* dependencies_ = nullptr;
  DependencyTrafficEditor* dependency_traffic_ = nullptr;
  /// The row of the dependency table whose traffic keys are shown (-1: none).
  int selected_dependency_ = -1;
  QTableWidget* crews_ = nullptr;
  QTableWidget* regions_ = nullptr;
  QTableWidget* zones_ = nullptr;
  QLabel* domain_title_ = nullptr;
  DistributionEditor* domain_failure_ = nullptr;
  DistributionEditor* domain_repair_ = nullptr;
  /// The zone or region whose laws are shown: (is a region, id).
  bool domain_is_region_ = false;
  std::string domain_id_;
  QTableWidget* inject_ = nullptr;
  LoadEditor* load_ = nullptr;
};

}  // namespace nines::gui
