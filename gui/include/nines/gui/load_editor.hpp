// The Load tab of the model editor: the traffic users send (docs/traffic.md), every key of the
// top-level `load`, with the profile's 24 or 168 hourly values in an editable table.
#pragma once

#include <QGroupBox>
#include <QString>
#include <optional>

#include "nines/models/model.hpp"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace nines::gui {

/// `load` with its profile switched to `type`: the values a type needs start flat (all 1, so
/// the mean load is unchanged) unless the profile already has as many; diurnal keeps its
/// peak_to_mean and peak hour. The other types' keys go, as `load.profile.type=` does.
models::Load with_profile_type(models::Load load, models::LoadProfile::Type type);

/// A checkable group: unchecked, the model has no load (the keys last shown come back when it is
/// checked again); checked, a field per key of docs/model-format.md#load. Optional keys left
/// empty are not stated. Text that does not read is marked and not applied.
class LoadEditor : public QGroupBox {
  Q_OBJECT

 public:
  explicit LoadEditor(QWidget* parent = nullptr);

  /// Shows `load` (nothing: unchecked).
  void set_load(const std::optional<models::Load>& load);
  const std::optional<models::Load>& load() const { return load_; }

  /// The field of key `key` ("rps", "profile.type", "profile.peak_to_mean", "profile.peak_at",
  /// "profile.values", "limit_rps", "outage_below", "degraded_below", "slo_basis",
  /// "metastable_after"), or nullptr.
  QWidget* field(const QString& key) const;

 signals:
  /// The load changed (nothing: the group was unchecked); `key` is the key edited
  /// ("load.rps", ...), for undo merging.
  void edited(const std::optional<nines::models::Load>& load, const QString& key);

 private:
  void show_load();
  void emit_edit(const QString& key);
  void read_values();
  /// An optional number field: empty is "not stated".
  void bind_optional(QLineEdit* edit, const QString& key,
                     std::optional<double> models::Load::*member);

  std::optional<models::Load> load_;
  /// Shown while unchecked and restored when checked again.
  models::Load kept_;
  bool updating_ = false;
  QDoubleSpinBox* rps_ = nullptr;
  QComboBox* profile_type_ = nullptr;
  QDoubleSpinBox* peak_to_mean_ = nullptr;
  QComboBox* peak_at_ = nullptr;
  QTableWidget* values_ = nullptr;
  QLabel* profile_note_ = nullptr;
  QLineEdit* limit_rps_ = nullptr;
  QLineEdit* outage_below_ = nullptr;
  QLineEdit* degraded_below_ = nullptr;
  QComboBox* slo_basis_ = nullptr;
  QLineEdit* metastable_after_ = nullptr;
};

}  // namespace nines::gui
