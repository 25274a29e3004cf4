// The traffic keys of one dependency row: calls, retries, mode and its keys, breaker, routing and
// each list target's own settings.
#pragma once

#include <QGroupBox>
#include <QString>
#include <map>
#include <optional>

#include "nines/models/model.hpp"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace nines::gui {

/// `row` switched to `mode`, as `FROM->TO.mode=M` does: the other modes' keys go. Keys the new
/// mode requires start, when missing, at a soft row's impact 0.5 and a cache's hit_ratio 0.9 and
/// stale_if_error 1h, so the switch alone leaves a valid row.
models::Dependency with_mode(models::Dependency row, models::DependencyMode mode);

/// The breaker a GUI check adds: threshold 0.5, open for 30 seconds (the model's defaults).
models::CircuitBreaker default_breaker();

/// Shows the traffic keys of the selected dependency row and reports each edit as the whole
/// changed row. Keys of another mode are hidden; `routing` and the per-target table show only
/// for lists. Optional keys left empty are not stated (the row's or the model's default). Text
/// that does not read is marked and not applied. Everything is disabled, with a line saying
/// why, while the model has no top-level load (the loader refuses the keys without one).
class DependencyTrafficEditor : public QGroupBox {
  Q_OBJECT

 public:
  explicit DependencyTrafficEditor(QWidget* parent = nullptr);

  /// Shows row `index` of `model` (nothing: no row selected).
  void set_row(const models::Model& model, std::optional<std::size_t> index);
  const std::optional<models::Dependency>& row() const { return row_; }

  /// The field of key `key` ("calls", "retries", "mode", "impact", "hit_ratio",
  /// "stale_if_error", "warmup", "stale_below", "circuit_breaker" (the checkable group),
  /// "circuit_breaker.threshold", "circuit_breaker.open_for", "routing", "targets"), or nullptr.
  QWidget* field(const QString& key) const;
  /// Whether the row of `key`'s field is shown (a mode's keys only for that mode).
  bool shows(const QString& key) const;
  /// Why the fields are off ("" when they are on).
  QString disabled_reason() const { return reason_; }

 signals:
  /// `key` is the key edited ("retries", "mode", "circuit_breaker.threshold", "targets"...).
  void edited(const nines::models::Dependency& row, const QString& key);

 private:
  void show_row();
  void emit_edit(const QString& key);
  void read_targets();
  QLineEdit* line(const QString& placeholder, const QString& tooltip);
  /// A number field: `optional` ones may be left empty (not stated); durations read units.
  void bind(QLineEdit* edit, const QString& key, bool duration,
            std::optional<double> models::Dependency::*member);

  std::optional<models::Dependency> row_;
  std::size_t index_ = 0;
  QString reason_;
  bool updating_ = false;
  QFormLayout* form_ = nullptr;
  QLabel* note_ = nullptr;
  QLineEdit* calls_ = nullptr;
  QLineEdit* retries_ = nullptr;
  QComboBox* mode_ = nullptr;
  QLineEdit* impact_ = nullptr;
  QLineEdit* hit_ratio_ = nullptr;
  QLineEdit* stale_if_error_ = nullptr;
  QLineEdit* warmup_ = nullptr;
  QLineEdit* stale_below_ = nullptr;
  QGroupBox* breaker_ = nullptr;
  QLineEdit* threshold_ = nullptr;
  QLineEdit* open_for_ = nullptr;
  QComboBox* routing_ = nullptr;
  QTableWidget* targets_ = nullptr;
  std::map<QString, QWidget*> fields_;
};

}  // namespace nines::gui
