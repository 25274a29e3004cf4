// The form of one component: every key of the model format for a pool.
#pragma once

#include <QWidget>
#include <string>
#include <vector>

#include "nines/models/model.hpp"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace nines::gui {

class ComponentTrafficEditor;
class DeploysEditor;
class DistributionEditor;

/// `component` with monitoring coverage `coverage`; below 1, a component whose missed failures
/// have no way to light (no `undetected`, no inspections) gets `undetected` exponential with a
/// mean of a day, as the loader refuses coverage below 1 alone.
models::Component with_coverage(models::Component component, double coverage);

/// Shows a component and reports edits as a whole changed component plus the key edited (for
/// undo merging). The id is renamed through the editor (dependencies must follow), not here.
class ComponentForm : public QWidget {
  Q_OBJECT

 public:
  explicit ComponentForm(QWidget* parent = nullptr);

  /// Shows `component` of `model` (crews come from the model); `index` is its position, for the
  /// JSON pointers that validation messages name.
  void set_component(const models::Model& model, std::size_t index);

  /// How the instances are placed in zones.
  enum class Placement { kNone, kRoundRobin, kCounts };
  /// The placement editor: the mode, and a row per zone of the model (a check box: used by
  /// round-robin; a count: instances there).
  QComboBox* placement_mode() { return placement_mode_; }
  QTableWidget* placement_table() { return placement_; }
  /// The checkable "Deploys" group (unchecked: no deploys).
  DeploysEditor* deploys_editor() { return deploys_; }
  /// The "Traffic" group: capacity_rps, overload and load_shedding (needs a model load).
  ComponentTrafficEditor* traffic_editor() { return traffic_; }
  /// How missed failures come to light: not stated (every failure caught), after a law
  /// (`undetected`), or at inspections every D.
  enum class Missed { kNotStated, kLaw, kInspections };
  /// Monitoring: coverage (1 while not stated), how missed failures come to light, the law and
  /// the inspection period.
  QDoubleSpinBox* coverage() { return coverage_; }
  QComboBox* missed_mode() { return missed_; }
  DistributionEditor* undetected() { return undetected_; }
  QLineEdit* inspection_every() { return inspection_every_; }

 signals:
  void edited(const nines::models::Component& component, const QString& key);

 private:
  void emit_edit(const QString& key);
  /// Disables the keys of failing (detection, repair, standby, crew) of a component that never
  /// fails.
  void enable_failing_keys();
  void show_placement();
  void edit_placement();
  void show_monitoring();
  void edit_missed(Missed mode);

  models::Component component_;
  bool updating_ = false;
  QLineEdit* description_ = nullptr;
  QSpinBox* instances_ = nullptr;
  QSpinBox* min_up_ = nullptr;
  DistributionEditor* failure_ = nullptr;
  DistributionEditor* detection_ = nullptr;
  DistributionEditor* repair_ = nullptr;
  QComboBox* standby_ = nullptr;
  DistributionEditor* switchover_ = nullptr;
  QDoubleSpinBox* switch_success_ = nullptr;
  QCheckBox* has_dormant_ = nullptr;
  DistributionEditor* dormant_ = nullptr;
  QComboBox* crew_ = nullptr;
  QComboBox* placement_mode_ = nullptr;
  QTableWidget* placement_ = nullptr;
  DeploysEditor* deploys_ = nullptr;
  ComponentTrafficEditor* traffic_ = nullptr;
  QGroupBox* monitoring_ = nullptr;
  QDoubleSpinBox* coverage_ = nullptr;
  QComboBox* missed_ = nullptr;
  DistributionEditor* undetected_ = nullptr;
  QLineEdit* inspection_every_ = nullptr;
  /// The model's zone ids, in its order (the rows of the placement table).
  std::vector<std::string> zone_ids_;
};

}  // namespace nines::gui
