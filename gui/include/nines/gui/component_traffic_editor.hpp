// The "Traffic" group of the component form: capacity, overload crashes and load shedding.
#pragma once

#include <QGroupBox>
#include <QString>
#include <optional>

#include "nines/models/model.hpp"

class QCheckBox;
class QLabel;
class QLineEdit;

namespace nines::gui {

class DistributionEditor;

/// A component's traffic keys (docs/traffic.md), as the editor reports them.
struct ComponentTraffic {
  std::optional<double> capacity_rps;
  std::optional<models::Overload> overload;
  std::optional<bool> load_shedding;

  friend bool operator==(const ComponentTraffic&, const ComponentTraffic&) = default;
};

/// The traffic keys of `component`.
ComponentTraffic traffic_of(const models::Component& component);

/// Capacity in requests per second per serving instance (empty: unlimited), a checkable
/// "Overload" group with its two laws (unchecked: it saturates and never crashes; checked again,
/// the laws last shown come back) and a "load shedding" box. Every field is disabled, with a line
/// saying why, while the model has no top-level load: the loader refuses the keys without one.
class ComponentTrafficEditor : public QGroupBox {
  Q_OBJECT

 public:
  explicit ComponentTrafficEditor(QWidget* parent = nullptr);

  /// Shows `traffic`; `has_load` says whether the model has a load; `pointer` is the
  /// component's JSON pointer ("/components/1") for validation messages.
  void set_traffic(const ComponentTraffic& traffic, bool has_load, const QString& pointer);
  const ComponentTraffic& traffic() const { return traffic_; }

  QLineEdit* capacity() { return capacity_; }
  QGroupBox* overload() { return overload_; }
  DistributionEditor* crash_after() { return crash_after_; }
  DistributionEditor* restart() { return restart_; }
  QCheckBox* load_shedding() { return shedding_; }
  /// Why the fields are off ("" while the model has a load).
  QString disabled_reason() const;

 signals:
  /// `key` is the key edited ("capacity_rps", "overload", "overload.crash_after", ...).
  void edited(const nines::gui::ComponentTraffic& traffic, const QString& key);

 private:
  void show_traffic();
  void emit_edit(const QString& key);

  ComponentTraffic traffic_;
  /// Shown while the overload group is unchecked and restored when it is checked again.
  models::Overload kept_overload_;
  /// The component's JSON pointer ("/components/1").
  QString pointer_;
  bool has_load_ = false;
  bool updating_ = false;
  QLabel* note_ = nullptr;
  QLineEdit* capacity_ = nullptr;
  QGroupBox* overload_ = nullptr;
  DistributionEditor* crash_after_ = nullptr;
  DistributionEditor* restart_ = nullptr;
  QCheckBox* shedding_ = nullptr;
};

}  // namespace nines::gui
