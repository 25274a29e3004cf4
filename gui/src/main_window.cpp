// The main window: menus and shortcuts, docks, views, and the flow document -> run -> views.
#include "nines/gui/main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>
#include <algorithm>

#include "nines/gui/charts/chart_widget.hpp"
#include "nines/gui/comparison_panel.hpp"
#include "nines/gui/graph_view.hpp"
#include "nines/gui/model_editor.hpp"
#include "nines/gui/plan_view.hpp"
#include "nines/gui/scenario_panel.hpp"
#include "nines/gui/timeline_view.hpp"
#include "nines/gui/what_if_panel.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/human_format.hpp"
#include "nines/report/result_json.hpp"
#include "nines/report/text_report.hpp"

namespace nines::gui {
namespace {

/// "; Cost 3,470 EUR per month" after a run's summary, or "" when the model has no cost.
QString cost_suffix(const models::Model& model) {
  const std::string line = report::cost_line(report::design_cost(model));
  return line.empty() ? QString() : "; " + QString::fromStdString(line);
}

constexpr int kMaxRecent = 8;
const char* const kRecentKey = "recentFiles";

QString percent_text(double availability) {
  return QString::fromStdString(
      report::format_percent(availability, report::availability_decimals(availability)));
}

/// "; scenario "eu-b", with db.instances=3, api.mttr=30m" after a run's summary: the words of
/// `nines run`'s header; "" for the file's model as it is.
QString provenance_suffix(const std::string& scenario,
                          const std::optional<report::Provenance>& provenance) {
  QStringList parts;
  if (!scenario.empty()) {
    parts << QObject::tr("scenario %1")
                 .arg(QString::fromStdString(nlohmann::json(scenario).dump(
                     -1, ' ', false, nlohmann::json::error_handler_t::replace)));
  }
  if (!provenance) {
    parts << QObject::tr("with edits --set cannot express (save the model to trace them)");
  } else if (!provenance->overrides.empty()) {
    parts << QString::fromStdString(report::overrides_text(provenance->overrides));
  }
  return parts.isEmpty() ? QString() : "; " + parts.join(", ");
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setAcceptDrops(true);
  build_views();
  build_actions();
  connect(&document_, &ModelDocument::changed, this, &MainWindow::on_document_changed);
  connect(&document_, &ModelDocument::opened, this, [this] {
    points_.clear();
    last_.reset();
    last_provenance_.reset();
    refresh_file_reference();
    clear_baseline();
    selected_.clear();
    graph_->clear_results();
    graph_->set_model(document_.model());
    refresh_charts();
    if (auto_run_) run_now();
  });
  connect(&document_, &ModelDocument::modified_changed, this, [this] { refresh_title(); });
  connect(&runs_, &RunController::started, this, [this] {
    points_.clear();
    stop_action_->setEnabled(true);
    status_->setText(tr("Running..."));
  });
  connect(&runs_, &RunController::progress, this, &MainWindow::on_progress);
  connect(&runs_, &RunController::finished, this, &MainWindow::on_finished);
  connect(&runs_, &RunController::failed, this, [this](const QString& message) {
    stop_action_->setEnabled(false);
    status_->setText(tr("The run failed: %1").arg(message));
  });
  on_document_changed();
  refresh_charts();
  refresh_title();
}

void MainWindow::build_views() {
  views_ = new QTabWidget(this);
  graph_ = new GraphView(this);
  convergence_ = new charts::ChartWidget(this);
  histogram_ = new charts::ChartWidget(this);
  outages_ = new charts::ChartWidget(this);
  pareto_ = new charts::ChartWidget(this);
  comparison_ = new ComparisonPanel(this);
  scenarios_ = new ScenarioPanel(&document_, this);
  // Tab order is View's order, so show_view can index by it.
  views_->addTab(graph_, tr("Graph"));
  views_->addTab(convergence_, tr("Convergence"));
  // Short tab names (each chart's title says the rest), so that every tab is in sight beside
  // the docks at 1400 pixels.
  views_->addTab(histogram_, tr("Downtime"));
  views_->addTab(outages_, tr("Outages"));
  views_->addTab(pareto_, tr("Causes"));
  views_->addTab(comparison_, tr("Baseline vs variant"));
  // A view rather than a dock: the comparison table is as wide as the figures it compares. In a
  // scroll area so that its editor row never makes the window wider than a small screen.
  auto* scenarios_area = new QScrollArea(this);
  scenarios_area->setWidget(scenarios_);
  scenarios_area->setWidgetResizable(true);
  scenarios_area->setFrameShape(QFrame::NoFrame);
  views_->addTab(scenarios_area, tr("Scenarios"));
  timeline_ = new TimelineView(this);
  views_->addTab(timeline_, tr("Timeline"));
  plan_ = new PlanView(&document_, this);
  views_->addTab(plan_, tr("Plan"));
  setCentralWidget(views_);

  editor_ = new ModelEditor(&document_, this);
  auto* editor_dock = new QDockWidget(tr("Model"), this);
  editor_dock->setObjectName("modelDock");
  editor_dock->setWidget(editor_);
  addDockWidget(Qt::LeftDockWidgetArea, editor_dock);

  what_if_ = new WhatIfPanel(&document_, this);
  auto* what_if_dock = new QDockWidget(tr("What if"), this);
  what_if_dock->setObjectName("whatIfDock");
  // In a scroll area: its rows (deploys and coverage among them) must not make the window taller
  // than a small screen.
  auto* what_if_area = new QScrollArea(what_if_dock);
  what_if_area->setWidget(what_if_);
  what_if_area->setWidgetResizable(true);
  what_if_area->setFrameShape(QFrame::NoFrame);
  what_if_dock->setWidget(what_if_area);
  addDockWidget(Qt::RightDockWidgetArea, what_if_dock);

  problems_ = new QListWidget(this);
  auto* problems_dock = new QDockWidget(tr("Problems"), this);
  problems_dock->setObjectName("problemsDock");
  problems_dock->setWidget(problems_);
  addDockWidget(Qt::BottomDockWidgetArea, problems_dock);
  // Problems are one or two lines; the views get the height.
  resizeDocks({problems_dock}, {90}, Qt::Vertical);
  resizeDocks({editor_dock, what_if_dock}, {330, 330}, Qt::Horizontal);

  status_ = new QLabel(this);
  statusBar()->addWidget(status_, 1);

  connect(graph_, &GraphView::component_clicked, this,
          [this](const QString& id) { select_component(id.toStdString()); });
  connect(scenarios_, &ScenarioPanel::run_requested, this,
          [this](const models::Model& variant, const QString& name) {
            runs_.run_now(variant, name.toStdString());
            show_view(View::kConvergence);
            status_->setText(tr("Running scenario \"%1\"...").arg(name));
          });
  connect(editor_, &ModelEditor::component_selected, this,
          [this](const QString& id) { select_component(id.toStdString()); });
}

void MainWindow::build_actions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open..."), this, &MainWindow::open_dialog);
  open->setShortcut(QKeySequence::Open);
  recent_menu_ = file->addMenu(tr("Open &recent"));
  rebuild_recent_menu();
  QAction* save_action = file->addAction(tr("&Save"), this, [this] { save(); });
  save_action->setShortcut(QKeySequence::Save);
  QAction* save_as_action = file->addAction(tr("Save &as..."), this, [this] { save_as(); });
  save_as_action->setShortcut(QKeySequence::SaveAs);
  file->addSeparator();
  file->addAction(tr("&Export view..."), this, &MainWindow::export_current_view);
  file->addAction(tr("Export &results..."), this, &MainWindow::export_results_dialog);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = document_.undo_stack()->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = document_.undo_stack()->createRedoAction(this, tr("&Redo"));
  redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
  edit->addAction(undo);
  edit->addAction(redo);

  QMenu* run = menuBar()->addMenu(tr("&Run"));
  // On the Plan tab, F5 and Esc run and stop the plan.
  run_action_ = run->addAction(tr("&Run"), this, [this] {
    if (views_->currentWidget() == plan_) {
      plan_->run();
    } else {
      run_now();
    }
  });
  run_action_->setShortcut(Qt::Key_F5);
  stop_action_ = run->addAction(tr("&Stop"), this, [this] {
    runs_.stop();
    plan_->stop();
  });
  connect(plan_, &PlanView::started, this, [this] { stop_action_->setEnabled(true); });
  connect(plan_, &PlanView::finished, this, [this] { stop_action_->setEnabled(runs_.running()); });
  stop_action_->setShortcut(Qt::Key_Escape);
  stop_action_->setEnabled(false);
  run->addSeparator();
  QAction* pin = run->addAction(tr("&Pin as baseline"), this, &MainWindow::pin_baseline);
  pin->setShortcut(Qt::CTRL | Qt::Key_B);
  run->addAction(tr("&Clear baseline"), this, &MainWindow::clear_baseline);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addAction(tr("&Fit graph"), graph_, &GraphView::fit)->setShortcut(Qt::CTRL | Qt::Key_0);
  view->addAction(tr("Zoom &in"), graph_, [this] { graph_->zoom(1.25); })
      ->setShortcut(QKeySequence::ZoomIn);
  view->addAction(tr("Zoom &out"), graph_, [this] { graph_->zoom(0.8); })
      ->setShortcut(QKeySequence::ZoomOut);

  QToolBar* bar = addToolBar(tr("Run"));
  bar->setObjectName("runToolBar");
  bar->addAction(open);
  bar->addAction(save_action);
  bar->addSeparator();
  bar->addAction(undo);
  bar->addAction(redo);
  bar->addSeparator();
  bar->addAction(run_action_);
  bar->addAction(stop_action_);
  run_mode_ = new QComboBox(this);
  run_mode_->addItems({tr("to the model's replications"), tr("to a precision of")});
  bar->addWidget(run_mode_);
  precision_ = new QDoubleSpinBox(this);
  precision_->setRange(0.5, 50.0);
  precision_->setValue(5.0);
  precision_->setSuffix(tr(" % of unavailability"));
  precision_->setEnabled(false);
  bar->addWidget(precision_);
  auto update_target = [this] {
    RunTarget target;
    target.to_precision = run_mode_->currentIndex() == 1;
    target.relative_precision = precision_->value() / 100.0;
    precision_->setEnabled(target.to_precision);
    runs_.set_target(target);
  };
  connect(run_mode_, &QComboBox::currentIndexChanged, this, update_target);
  connect(precision_, &QDoubleSpinBox::valueChanged, this, update_target);
  bar->addSeparator();
  bar->addAction(pin);
}

QString MainWindow::open_file(const QString& path, bool quiet) {
  const QString error = document_.open(path);
  if (!error.isEmpty()) {
    if (!quiet) QMessageBox::warning(this, tr("Cannot open the model"), error);
    status_->setText(error);
    return error;
  }
  update_recent(path);
  return {};
}

bool MainWindow::run_now() {
  if (!document_.runnable()) {
    status_->setText(tr("The model has an error; fix it to run (see Problems)."));
    return false;
  }
  runs_.run_now(*document_.runnable());
  return true;
}

bool MainWindow::run_and_wait() {
  QEventLoop loop;
  connect(&runs_, &RunController::finished, &loop, &QEventLoop::quit);
  connect(&runs_, &RunController::failed, &loop, &QEventLoop::quit);
  if (!run_now()) return false;
  loop.exec();
  return true;
}

bool MainWindow::compare_scenarios_and_wait() {
  QEventLoop loop;
  ScenarioComparison* comparison = scenarios_->comparison();
  connect(comparison, &ScenarioComparison::finished, &loop, &QEventLoop::quit);
  connect(comparison, &ScenarioComparison::failed, &loop, &QEventLoop::quit);
  if (!scenarios_->compare_all()) return false;
  loop.exec();
  return true;
}

QString MainWindow::apply_what_if(const QStringList& overrides) {
  std::vector<std::string> sets;
  for (const QString& set : overrides) sets.push_back(set.toStdString());
  try {
    // The loader applies and checks overrides exactly as `nines run --set` does.
    const models::Model variant = models::load_model(document_.file().toStdString(), sets).model;
    // Before the edit, whose run may start at once: that run traces to the file and these.
    if (file_reference_) file_reference_->overrides = sets;
    document_.edit(variant, tr("What if %1").arg(overrides.join(", ")));
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

QString MainWindow::export_results(const QString& path) {
  if (!last_) return tr("Run the model first: there is no result to export.");
  if (last_->result.cancelled) {
    return tr(
        "The last run was stopped; as nines run, a stopped run writes no result. Run it "
        "to the end first.");
  }
  if (!last_provenance_) {
    return tr(
        "The model run has edits that --set cannot express (a component added, removed or "
        "renamed, a dependency changed): save the model and run it again, so the result "
        "names the file it came from.");
  }
  const std::optional<std::string> scenario =
      last_->scenario.empty() ? std::nullopt : std::optional<std::string>(last_->scenario);
  const std::string json = report::result_json_text(
      last_->result, last_->exact, scenario, *last_provenance_, report::design_cost(last_->model));
  // QSaveFile writes a temporary file and renames it over `path` on commit (after flushing it
  // to disk), as the CLI's AtomicFile: the file appears complete or not at all.
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) ||
      file.write(json.data(), static_cast<qint64>(json.size())) !=
          static_cast<qint64>(json.size()) ||
      !file.commit()) {
    return tr("%1: cannot write: %2").arg(path, file.errorString());
  }
  return {};
}

void MainWindow::export_results_dialog() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export the results"), QString(),
                                                    tr("Results (*.json)"));
  if (path.isEmpty()) return;
  const QString error = export_results(path);
  if (!error.isEmpty()) {
    QMessageBox::warning(this, tr("Export failed"), error);
    return;
  }
  status_->setText(tr("Exported the results to %1").arg(path));
}

void MainWindow::refresh_file_reference() {
  file_reference_.reset();
  if (!document_.file().isEmpty()) {
    file_reference_ = read_file_reference(document_.file().toStdString());
  }
}

void MainWindow::show_view(View view) {
  if (view == View::kRequests) {
    // The Timeline with its requests lane alone.
    timeline_->set_lanes(TimelineView::Lanes::kRequests);
    views_->setCurrentWidget(timeline_);
    return;
  }
  views_->setCurrentIndex(static_cast<int>(view));
}

void MainWindow::pin_baseline() {
  if (!last_ || last_->result.cancelled) {
    status_->setText(tr("Run the model to the end before pinning it as the baseline."));
    return;
  }
  baseline_ = last_;
  baseline_points_ = points_;
  refresh_charts();
  status_->setText(
      tr("Pinned as baseline: %1").arg(percent_text(baseline_->result.availability.mean)));
}

void MainWindow::clear_baseline() {
  baseline_.reset();
  baseline_points_.clear();
  refresh_charts();
}

void MainWindow::select_component(const std::string& id) {
  if (id == selected_) return;
  selected_ = id;
  editor_->select_component(id);
  what_if_->set_component(id);
  graph_->select(id);
}

void MainWindow::on_document_changed() {
  graph_->set_model(document_.model());
  timeline_->set_model(document_.runnable());
  if (last_) graph_->set_results(last_->result);
  refresh_problems();
  refresh_title();
  run_action_->setEnabled(document_.runnable().has_value());
  if (auto_run_ && document_.runnable()) runs_.request_run(*document_.runnable());
}

void MainWindow::on_progress(const ConvergencePoint& point, std::int64_t total, double elapsed,
                             std::uint64_t events) {
  points_.push_back(point);
  const double rate = elapsed > 0.0 ? static_cast<double>(events) / elapsed : 0.0;
  status_->setText(tr("%1 of %2 replications, %3 events/s, availability %4 +- %5")
                       .arg(QString::fromStdString(
                           report::format_count(static_cast<std::int64_t>(point.replications))))
                       .arg(QString::fromStdString(report::format_count(total)))
                       .arg(QString::fromStdString(report::format_si(rate)))
                       .arg(percent_text(point.availability))
                       .arg(QString::fromStdString(
                           report::format_percent((point.ci95_hi - point.ci95_lo) / 2.0, 6))));
  convergence_->show_convergence(convergence_data());
}

void MainWindow::on_finished(const RunOutcome& outcome) {
  stop_action_->setEnabled(false);
  last_ = outcome;
  // A file that could not be read again traces nothing; a model without a file has nothing to
  // trace (no overrides, no digest).
  if (!document_.file().isEmpty() && !file_reference_) {
    last_provenance_.reset();
  } else {
    last_provenance_ = run_provenance(file_reference_, outcome.model, last_->scenario);
  }
  const engine::RunResult& r = outcome.result;
  // A completed run redraws its convergence exactly, replication by replication: the live
  // points come every few hundredths of a second, which a fast run never gives.
  std::vector<charts::EstimatePoint> exact_curve;
  if (outcome.range && !r.cancelled) exact_curve = charts::convergence_of(*outcome.range);
  if (!exact_curve.empty()) {
    points_ = std::move(exact_curve);
  } else if (r.replications > 0) {
    points_.push_back({static_cast<double>(r.replications), r.availability.mean,
                       r.availability.ci95_lo, r.availability.ci95_hi});
  }
  graph_->set_results(r);
  refresh_charts();
  // The Timeline offers the history with most downtime (a run to a precision keeps no
  // per-replication figures: the box stays where it is).
  if (outcome.range && !r.cancelled && !outcome.range->unavailability.empty()) {
    const auto& u = outcome.range->unavailability;
    const auto worst = std::max_element(u.begin(), u.end()) - u.begin();
    timeline_->suggest_replication(
        static_cast<std::uint64_t>(outcome.range->first_replication + worst));
  }
  const double half = (r.availability.ci95_hi - r.availability.ci95_lo) / 2.0;
  // No outage seen is not certainty: the same words as the CLI instead of a zero-width interval.
  const QString spread =
      r.outages == 0 && r.replications > 0
          ? " (" + QString::fromStdString(report::no_outage_words(r)) + ")"
          : tr(" +- %1").arg(QString::fromStdString(report::format_percent(half, 6)));
  status_->setText(tr("%1%2 replications in %3 s, %4 events/s; availability %5%6")
                       .arg(r.cancelled ? tr("Stopped: ") : QString())
                       .arg(QString::fromStdString(report::format_count(r.replications)))
                       .arg(r.run_info.wall_seconds, 0, 'f', 2)
                       .arg(QString::fromStdString(report::format_si(r.run_info.events_per_second)))
                       .arg(percent_text(r.availability.mean))
                       .arg(spread) +
                   cost_suffix(outcome.model) +
                   provenance_suffix(last_->scenario, last_provenance_));
}

charts::ConvergenceData MainWindow::convergence_data() const {
  charts::ConvergenceData convergence;
  convergence.current = points_;
  convergence.baseline = baseline_points_;
  if (last_ && last_->exact) convergence.exact = last_->exact->availability;
  return convergence;
}

void MainWindow::refresh_charts() {
  convergence_->show_convergence(convergence_data());
  if (!last_) {
    const QString hint = tr("Run the model (F5) to see this chart");
    histogram_->show_message(hint);
    outages_->show_message(hint);
    pareto_->show_message(hint);
    comparison_->set_outcomes(nullptr, nullptr);
    return;
  }
  const engine::RunResult& r = last_->result;
  charts::HistogramData histogram;
  histogram.current = charts::histogram_of(r);
  if (baseline_) histogram.baseline = charts::histogram_of(baseline_->result);
  if (r.target) histogram.target_hours_per_year = (1.0 - *r.target) * models::kHoursPerYear;
  histogram_->show_histogram(histogram);
  charts::OutageData outages;
  if (last_->range) outages.current = charts::outage_cdf_of(*last_->range);
  if (baseline_ && baseline_->range) outages.baseline = charts::outage_cdf_of(*baseline_->range);
  outages_->show_outages(outages);
  pareto_->show_pareto(charts::pareto_of(r, baseline_ ? &baseline_->result : nullptr));
  comparison_->set_outcomes(baseline_ ? &*baseline_ : nullptr, &*last_);
}

void MainWindow::refresh_problems() {
  problems_->clear();
  const Validation& v = document_.validation();
  if (!v.ok()) {
    auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxCritical),
                                     QString::fromStdString(v.error));
    problems_->addItem(item);
  }
  for (const auto& warning : v.warnings) {
    problems_->addItem(new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxWarning),
                                           QString::fromStdString(warning)));
  }
  editor_->show_validation(v);
}

void MainWindow::refresh_title() {
  const QString name =
      document_.file().isEmpty() ? tr("untitled") : QFileInfo(document_.file()).fileName();
  setWindowTitle(QStringLiteral("%1%2 - nines").arg(name, document_.modified() ? "*" : ""));
  setWindowModified(document_.modified());
}

void MainWindow::update_recent(const QString& path) {
  QSettings settings;
  QStringList files = settings.value(kRecentKey).toStringList();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  files.removeAll(absolute);
  files.prepend(absolute);
  while (files.size() > kMaxRecent) files.removeLast();
  settings.setValue(kRecentKey, files);
  rebuild_recent_menu();
}

void MainWindow::rebuild_recent_menu() {
  recent_menu_->clear();
  const QStringList files = QSettings().value(kRecentKey).toStringList();
  for (const QString& path : files) {
    recent_menu_
        ->addAction(QFileInfo(path).fileName(), this,
                    [this, path] {
                      if (maybe_save()) open_file(path);
                    })
        ->setToolTip(path);
  }
  recent_menu_->setEnabled(!files.isEmpty());
}

bool MainWindow::maybe_save() {
  if (!document_.modified()) return true;
  const auto answer = QMessageBox::question(
      this, tr("Unsaved changes"), tr("The model has unsaved changes. Save them?"),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  if (answer == QMessageBox::Save) return save();
  return true;
}

bool MainWindow::save() {
  if (document_.file().isEmpty()) return save_as();
  const QString error = document_.save(document_.file());
  if (!error.isEmpty()) {
    QMessageBox::warning(this, tr("Cannot save the model"), error);
    return false;
  }
  refresh_file_reference();
  status_->setText(tr("Saved %1").arg(document_.file()));
  return true;
}

bool MainWindow::save_as() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Save the model"), document_.file(),
                                                    tr("Models (*.json)"));
  if (path.isEmpty()) return false;
  const QString error = document_.save(path);
  if (!error.isEmpty()) {
    QMessageBox::warning(this, tr("Cannot save the model"), error);
    return false;
  }
  refresh_file_reference();
  update_recent(path);
  return true;
}

void MainWindow::open_dialog() {
  if (!maybe_save()) return;
  const QString path = QFileDialog::getOpenFileName(this, tr("Open a model"), QString(),
                                                    tr("Models (*.json);;All files (*)"));
  if (!path.isEmpty()) open_file(path);
}

void MainWindow::export_current_view() {
  QWidget* current = views_->currentWidget();
  const bool is_graph = current == graph_;
  const QString filter =
      is_graph ? tr("PNG image (*.png);;SVG drawing (*.svg)") : tr("PNG image (*.png)");
  const QString path = QFileDialog::getSaveFileName(this, tr("Export the view"), QString(), filter);
  if (path.isEmpty()) return;
  bool ok = false;
  if (is_graph) {
    ok = path.endsWith(".svg", Qt::CaseInsensitive) ? graph_->export_svg(path)
                                                    : graph_->export_png(path);
  } else if (auto* chart = qobject_cast<charts::ChartWidget*>(current)) {
    ok = chart->save_png(path);
  } else {
    ok = current->grab().save(path, "PNG");
  }
  if (!ok) QMessageBox::warning(this, tr("Export failed"), tr("Cannot write %1").arg(path));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (maybe_save()) {
    runs_.stop();
    event->accept();
  } else {
    event->ignore();
  }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.isEmpty() || !urls.front().isLocalFile()) return;
  if (maybe_save()) open_file(urls.front().toLocalFile());
  event->acceptProposedAction();
}

}  // namespace nines::gui
