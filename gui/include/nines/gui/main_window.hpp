// The main window: the document, the runs and every view, wired together.
#pragma once

#include <QMainWindow>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

#include "nines/gui/command_line.hpp"
#include "nines/gui/model_document.hpp"
#include "nines/gui/run_controller.hpp"
#include "nines/gui/run_outcome.hpp"
#include "nines/gui/run_provenance.hpp"
#include "nines/report/provenance.hpp"

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QTabWidget;
class QComboBox;
class QDoubleSpinBox;

namespace nines::gui {

namespace charts {
class ChartWidget;
}
class ComparisonPanel;
class GraphView;
class ModelEditor;
class PlanView;
class ScenarioPanel;
class TimelineView;
class WhatIfPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);

  ModelDocument* document() { return &document_; }
  RunController* runs() { return &runs_; }
  ModelEditor* editor() { return editor_; }
  WhatIfPanel* what_if() { return what_if_; }
  GraphView* graph() { return graph_; }
  ComparisonPanel* comparison() { return comparison_; }
  ScenarioPanel* scenarios() { return scenarios_; }
  TimelineView* timeline() { return timeline_; }
  PlanView* plan() { return plan_; }
  const std::optional<RunOutcome>& last_outcome() const { return last_; }
  const std::optional<RunOutcome>& baseline() const { return baseline_; }
  /// What the last run traces to: the model file's digest and the --set overrides that turn the
  /// file into the model run (see run_provenance). Nothing when no overrides do (a component
  /// added or a dependency changed since the file was opened or saved): save to trace it.
  const std::optional<report::Provenance>& last_provenance() const { return last_provenance_; }

  /// Opens a model file; on failure shows the loader's message (a dialog unless `quiet`), keeps
  /// the open model and returns the message.
  QString open_file(const QString& path, bool quiet = false);
  /// Whether edits and opening start runs by themselves (off for headless use and tests).
  void set_auto_run(bool on) { auto_run_ = on; }
  /// Runs the current model now; false when it does not validate.
  bool run_now();
  /// Runs now and waits (processing events) until the run ends. False when nothing ran.
  bool run_and_wait();
  /// Compares base and every scenario and waits (processing events) until it ends. False when
  /// nothing ran (an error in the model, or no scenarios).
  bool compare_scenarios_and_wait();
  void show_view(View view);
  /// Keeps the current model and results as the baseline of every later run.
  void pin_baseline();
  void clear_baseline();
  /// The selected component (editor, what-if panel and graph follow it).
  void select_component(const std::string& id);
  /// nines-gui --what-if: the open file with `overrides` applied exactly as `nines run --set`
  /// does, as one undoable edit; the overrides then head the provenance of later runs. Returns
  /// "" or the loader's message (the model is then unchanged).
  QString apply_what_if(const QStringList& overrides);
  /// Writes the last run's result to `path` as `nines run --json` writes it (with the scenario,
  /// the overrides and the model file's digest of last_provenance), atomically. Returns "" or
  /// why not: no finished run, a stopped run (nines run writes none either), a model that
  /// --set cannot describe, or a file that cannot be written.
  QString export_results(const QString& path);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void build_actions();
  void build_views();
  void on_document_changed();
  void on_progress(const ConvergencePoint& point, std::int64_t total, double elapsed,
                   std::uint64_t events);
  void on_finished(const RunOutcome& outcome);
  void refresh_charts();
  void refresh_problems();
  void refresh_title();
  void update_recent(const QString& path);
  void rebuild_recent_menu();
  bool maybe_save();
  bool save();
  bool save_as();
  void open_dialog();
  void export_current_view();
  void export_results_dialog();
  void refresh_file_reference();
  charts::ConvergenceData convergence_data() const;

  ModelDocument document_;
  RunController runs_;
  QTabWidget* views_ = nullptr;
  GraphView* graph_ = nullptr;
  charts::ChartWidget* convergence_ = nullptr;
  charts::ChartWidget* histogram_ = nullptr;
  charts::ChartWidget* outages_ = nullptr;
  charts::ChartWidget* pareto_ = nullptr;
  ComparisonPanel* comparison_ = nullptr;
  ScenarioPanel* scenarios_ = nullptr;
  TimelineView* timeline_ = nullptr;
  PlanView* plan_ = nullptr;
  ModelEditor* editor_ = nullptr;
  WhatIfPanel* what_if_ = nullptr;
  QListWidget* problems_ = nullptr;
  QLabel* status_ = nullptr;
  QMenu* recent_menu_ = nullptr;
  QComboBox* run_mode_ = nullptr;
  QDoubleSpinBox* precision_ = nullptr;
  QAction* run_action_ = nullptr;
  QAction* stop_action_ = nullptr;

  bool auto_run_ = true;
  std::vector<ConvergencePoint> points_;
  std::vector<ConvergencePoint> baseline_points_;
  std::optional<RunOutcome> last_;
  std::optional<RunOutcome> baseline_;
  /// The model file as opened or last saved, with nines-gui's --what-if overrides; empty for a
  /// model without a file or one that could not be read again.
  std::optional<ModelFileReference> file_reference_;
  std::optional<report::Provenance> last_provenance_;
  std::string selected_;
};

}  // namespace nines::gui
