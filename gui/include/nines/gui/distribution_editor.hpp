// A distribution picker: the law's type and the fields of that type, durations with units.
#pragma once

#include <QWidget>

#include "nines/models/distribution.hpp"

class QComboBox;
class QLabel;
class QLineEdit;

namespace nines::gui {

/// Shows and edits one Distribution. Durations are typed with units ("45m", "2.5h", "3d"; a bare
/// number is hours, as in model files). Text that is not a number or duration is marked and not
/// applied; values of the right form are applied even when out of range, so the loader's own
/// validation reports them with its message.
class DistributionEditor : public QWidget {
  Q_OBJECT

 public:
  explicit DistributionEditor(QWidget* parent = nullptr);

  /// Offers "never" (no failure at all) as a last type: only for a component's failure law.
  void set_never_allowed(bool allowed);
  void set_distribution(const models::Distribution& law);
  const models::Distribution& distribution() const { return law_; }

 signals:
  void edited(const nines::models::Distribution& law);

 private:
  void show_fields();
  void apply_text();
  void change_type(int index);

  models::Distribution law_;
  bool updating_ = false;
  QComboBox* type_ = nullptr;
  QLabel* first_label_ = nullptr;
  QLineEdit* first_ = nullptr;
  QLabel* second_label_ = nullptr;
  QLineEdit* second_ = nullptr;
};

}  // namespace nines::gui
