// The "Deploys" group of the component form: a component's scheduled deploys, every key.
#pragma once

#include <QGroupBox>
#include <QString>
#include <map>
#include <optional>

#include "nines/models/model.hpp"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;

namespace nines::gui {

class DistributionEditor;

/// What a key a strategy needs starts at when the GUI switches to that strategy and the model
/// does not state it (the example: a batch every 5 minutes, a canary of a tenth baked for
/// 30 minutes). Keys already stated are kept.
models::Deploys with_strategy(models::Deploys deploys, models::DeployStrategy strategy);
/// `deploys` with `bad_probability`; above 0, a deploy `detection` (exponential, mean 10 min) and
/// `rollback` (exponential, mean 15 min) are stated when missing, as the loader needs them.
models::Deploys with_bad_probability(models::Deploys deploys, double bad_probability);
/// Whether `strategy` uses deploy key `key` ("batch", "batch_interval", "canary_fraction",
/// "bake"); every other key is used by every strategy.
bool strategy_uses(models::DeployStrategy strategy, const QString& key);

/// A checkable group: unchecked, the component has no deploys (the keys last shown come back
/// when it is checked again); checked, a field per key of docs/model-format.md#deploys. Keys the
/// strategy does not use stay, greyed out. Durations are typed with units ("1w", "5m"); an
/// optional key left empty is not stated. Text that does not read is marked and not applied.
class DeploysEditor : public QGroupBox {
  Q_OBJECT

 public:
  explicit DeploysEditor(QWidget* parent = nullptr);

  /// Shows `deploys` (nothing: unchecked); `pointer` is the component's JSON pointer
  /// ("/components/1"), so validation messages mark the right field.
  void set_deploys(const std::optional<models::Deploys>& deploys, const QString& pointer);
  const std::optional<models::Deploys>& deploys() const { return deploys_; }

  /// The field of key `key` ("period", "first_at", "bad_probability", "strategy", "batch",
  /// "batch_interval", "canary_fraction", "bake", "detection", "rollback", "restart"), or nullptr.
  QWidget* field(const QString& key) const;
  /// The check boxes stating the optional laws `detection` and `rollback`.
  QCheckBox* states(const QString& key) const;

 signals:
  /// The deploys changed (nothing: the group was unchecked); `key` is the key edited
  /// ("deploys.period", ...), for undo merging.
  void edited(const std::optional<nines::models::Deploys>& deploys, const QString& key);

 private:
  void show_deploys();
  void grey_unused_keys();
  void emit_edit(const QString& key);
  /// A duration field: `optional` ones may be left empty (not stated).
  QLineEdit* duration_field(const QString& placeholder);
  void bind_duration(QLineEdit* edit, const QString& key, bool optional,
                     std::optional<double> models::Deploys::*member);

  std::optional<models::Deploys> deploys_;
  /// Shown while unchecked and restored when checked again (the defaults for a component that
  /// had none).
  models::Deploys kept_;
  bool updating_ = false;
  QFormLayout* form_ = nullptr;
  QLineEdit* period_ = nullptr;
  QLineEdit* first_at_ = nullptr;
  QDoubleSpinBox* bad_probability_ = nullptr;
  QComboBox* strategy_ = nullptr;
  QSpinBox* batch_ = nullptr;
  QLineEdit* batch_interval_ = nullptr;
  QLineEdit* canary_fraction_ = nullptr;
  QLineEdit* bake_ = nullptr;
  QCheckBox* has_detection_ = nullptr;
  DistributionEditor* detection_ = nullptr;
  QCheckBox* has_rollback_ = nullptr;
  DistributionEditor* rollback_ = nullptr;
  DistributionEditor* restart_ = nullptr;
  std::map<QString, QWidget*> fields_;
};

}  // namespace nines::gui
