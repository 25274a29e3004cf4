// Baseline against variant: the headline figures side by side with paired differences, and every
// component's availability and downtime share in a sortable table.
#pragma once

#include <QWidget>

#include "nines/gui/run_outcome.hpp"

class QTableWidget;
class QLabel;

namespace nines::gui {

class ComparisonPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ComparisonPanel(QWidget* parent = nullptr);

  /// Shows `current` against `baseline` (either may be null: then only what there is).
  void set_outcomes(const RunOutcome* baseline, const RunOutcome* current);

  QTableWidget* figures() { return figures_; }
  QTableWidget* components() { return components_; }
  /// The line above the tables: how the differences are computed.
  QLabel* note() { return note_; }

 private:
  QLabel* note_ = nullptr;
  QTableWidget* figures_ = nullptr;
  QTableWidget* components_ = nullptr;
};

}  // namespace nines::gui
