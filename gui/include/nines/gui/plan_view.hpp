// The Plan tab: the inputs of `nines plan`, the run on a worker, the front and the candidates
// filling in live, and the chosen design opened or kept as a scenario (issue 12, part 5).
#pragma once

#include <QString>
#include <QWidget>
#include <optional>
#include <string>
#include <vector>

#include "nines/gui/plan_inputs.hpp"
#include "nines/gui/plan_runner.hpp"

class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTimer;
class QVBoxLayout;

namespace nines::gui {

class ModelDocument;

/// Presents the planner library exactly as `nines plan` does: the same inputs give the same
/// candidates, figures and winner (the worker builds the report library's plan document).
class PlanView : public QWidget {
  Q_OBJECT

 public:
  explicit PlanView(ModelDocument* document, QWidget* parent = nullptr);

  /// The form as `nines plan` flags would give it.
  PlanInputs inputs() const;
  /// Fills the form (nines-gui --view plan --vary ...).
  void set_inputs(const PlanInputs& inputs);

  /// Starts the plan of the open model; "" or why not (a bad input, a model with an error).
  QString run();
  /// Runs and waits (processing events) until the plan ends; "" or the problem.
  QString run_and_wait();
  void stop();
  bool running() const { return runner_.running(); }

  PlanRunner* runner() { return &runner_; }
  QTableWidget* table() { return table_; }
  QChartView* chart() { return chart_; }
  /// The candidate shown in the table's selected row, if any.
  std::optional<std::size_t> selected_candidate() const;
  void select_candidate(std::size_t candidate);

  /// The keys candidate `candidate` applies (the --target override, then its values), as --set
  /// strings.
  std::vector<std::string> design_overrides(std::size_t candidate) const;
  /// Applies the candidate's keys to the open model as one undoable edit; "" or the problem.
  QString open_design(std::size_t candidate);
  /// Adds the candidate's keys as scenario `name`, one undoable edit; "" or the problem (an
  /// empty or existing name, a model the keys break).
  QString add_as_scenario(std::size_t candidate, const QString& name);

  /// The settable keys offered for --vary: top-level values and every id.key and id.key.sub of
  /// the model's components, crews, zones and regions (as `--set` takes them).
  static QStringList settable_keys(const models::Model& model);

 signals:
  void started();
  void finished();

 private:
  struct VaryRow {
    QWidget* row = nullptr;
    QComboBox* key = nullptr;
    QLineEdit* spec = nullptr;
    QLabel* check = nullptr;
  };
  void add_vary_row(const QString& key = {}, const QString& spec = {});
  void check_vary_row(const VaryRow& row);
  void refresh_keys();
  void refresh_table();
  void refresh_chart();
  void schedule_refresh();
  void refresh_actions();
  void show_message(const QString& text);
  void context_menu(const QPoint& global);
  void open_selected();
  void add_selected_as_scenario();

  ModelDocument* document_;
  PlanRunner runner_;
  QVBoxLayout* vary_rows_ = nullptr;
  std::vector<VaryRow> varies_;
  QComboBox* objective_ = nullptr;
  QLineEdit* target_ = nullptr;
  QLineEdit* probability_ = nullptr;
  QLineEdit* confidence_ = nullptr;
  QLineEdit* budget_ = nullptr;
  QLineEdit* window_ = nullptr;
  QLineEdit* pilot_ = nullptr;
  QLineEdit* batch_ = nullptr;
  QLineEdit* max_replications_ = nullptr;
  QLineEdit* max_time_ = nullptr;
  QPlainTextEdit* constraints_ = nullptr;
  QPushButton* run_ = nullptr;
  QPushButton* stop_ = nullptr;
  QPushButton* open_ = nullptr;
  QPushButton* scenario_ = nullptr;
  QLabel* status_ = nullptr;
  QLabel* message_ = nullptr;
  QChartView* chart_ = nullptr;
  QTableWidget* table_ = nullptr;
  QTimer* refresh_ = nullptr;
};

}  // namespace nines::gui
