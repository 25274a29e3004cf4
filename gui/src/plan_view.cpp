// The Plan tab: a form of `nines plan`'s flags, the plan on a worker, the front and the table of
// candidates filling in live, and "open this design" / "add as scenario" as undoable edits.
#include "nines/gui/plan_view.hpp"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEventLoop>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "nines/gui/charts/plan_chart.hpp"
#include "nines/gui/charts/plan_plot.hpp"
#include "nines/gui/model_document.hpp"
#include "nines/gui/scenario_settings.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/planner/vary.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/human_format.hpp"

namespace nines::gui {
namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }
QString qs(std::string_view text) { return QString::fromStdString(std::string(text)); }

/// The columns after one per varied key.
enum Column {
  kCost,
  kStatus,
  kReplications,
  kAvailability,
  kInterval,
  kScreening,
  kFront,
  kColumns
};
constexpr int kSortRole = Qt::UserRole;
constexpr int kCandidateRole = Qt::UserRole + 1;

/// A cell that sorts by the number kept under kSortRole (text otherwise).
class SortItem : public QTableWidgetItem {
 public:
  using QTableWidgetItem::QTableWidgetItem;
  bool operator<(const QTableWidgetItem& other) const override {
    const QVariant a = data(kSortRole);
    const QVariant b = other.data(kSortRole);
    if (a.isValid() && b.isValid()) return a.toDouble() < b.toDouble();
    if (a.isValid() != b.isValid()) return a.isValid();
    return text() < other.text();
  }
};

QString percent(double availability) {
  return qs(report::format_percent(availability, report::availability_decimals(availability)));
}

/// What the table says of a candidate while the plan runs and once it has ended.
QString status_text(const planner::Candidate& c, bool running) {
  if (running && c.status == planner::CandidateStatus::kUndecided) {
    return c.result ? QObject::tr("open") : QObject::tr("pending");
  }
  return qs(planner::status_name(c.status));
}

}  // namespace

PlanView::PlanView(ModelDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), runner_(this) {
  auto* content = new QWidget(this);
  auto* inputs = new QGroupBox(tr("Plan: the cheapest design meeting the objective"), content);
  auto* grid = new QGridLayout(inputs);

  // --vary rows: a settable key and a SPEC checked as typed.
  auto* vary_box = new QWidget(inputs);
  vary_rows_ = new QVBoxLayout(vary_box);
  vary_rows_->setContentsMargins(0, 0, 0, 0);
  auto* add_vary = new QPushButton(tr("Add --vary"), inputs);
  add_vary->setObjectName("addVary");
  connect(add_vary, &QPushButton::clicked, this, [this] { add_vary_row(); });
  grid->addWidget(new QLabel(tr("Vary (KEY = SPEC: 2..6, 1..9..2, 1h,2h or a JSON array)")), 0, 0);
  grid->addWidget(vary_box, 1, 0);
  grid->addWidget(add_vary, 2, 0, Qt::AlignLeft);

  auto* form = new QFormLayout();
  objective_ = new QComboBox(inputs);
  objective_->addItems({"availability", "sla", "window"});
  const auto line = [&](const QString& placeholder) {
    auto* edit = new QLineEdit(inputs);
    edit->setPlaceholderText(placeholder);
    return edit;
  };
  target_ = line(tr("the model's target"));
  probability_ = line(tr("with sla or window"));
  confidence_ = line("0.95");
  budget_ = line(tr("none"));
  window_ = line(tr("none (e.g. 30d)"));
  form->addRow(tr("Objective"), objective_);
  form->addRow(tr("Target"), target_);
  form->addRow(tr("Probability"), probability_);
  form->addRow(tr("Confidence"), confidence_);
  form->addRow(tr("Budget per month"), budget_);
  form->addRow(tr("SLA window"), window_);
  auto* form2 = new QFormLayout();
  pilot_ = line("1000");
  batch_ = line("1000");
  max_replications_ = line("1000000");
  max_time_ = line(tr("none (e.g. 10m)"));
  constraints_ = new QPlainTextEdit(inputs);
  constraints_->setPlaceholderText(tr("one per line: outage_duration_hours.p99 <= 4"));
  constraints_->setMaximumHeight(60);
  form2->addRow(tr("Pilot"), pilot_);
  form2->addRow(tr("Batch"), batch_);
  form2->addRow(tr("Max replications"), max_replications_);
  form2->addRow(tr("Max time"), max_time_);
  form2->addRow(tr("Constraints"), constraints_);
  grid->addLayout(form, 0, 1, 3, 1);
  grid->addLayout(form2, 0, 2, 3, 1);
  grid->setColumnStretch(0, 2);
  grid->setColumnStretch(1, 1);
  grid->setColumnStretch(2, 1);

  run_ = new QPushButton(tr("Run plan (F5)"), this);
  stop_ = new QPushButton(tr("Stop (Esc)"), this);
  stop_->setEnabled(false);
  open_ = new QPushButton(tr("Open this design"), this);
  scenario_ = new QPushButton(tr("Add as scenario..."), this);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  message_ = new QLabel(this);
  message_->setWordWrap(true);
  message_->setStyleSheet("color: #b00020");
  message_->hide();
  connect(run_, &QPushButton::clicked, this, [this] { run(); });
  connect(stop_, &QPushButton::clicked, this, &PlanView::stop);
  connect(open_, &QPushButton::clicked, this, &PlanView::open_selected);
  connect(scenario_, &QPushButton::clicked, this, &PlanView::add_selected_as_scenario);
  auto* buttons = new QHBoxLayout();
  buttons->addWidget(run_);
  buttons->addWidget(stop_);
  buttons->addWidget(status_, 1);
  buttons->addWidget(open_);
  buttons->addWidget(scenario_);

  chart_ = new QChartView(this);
  chart_->setRenderHint(QPainter::Antialiasing);
  chart_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(chart_, &QWidget::customContextMenuRequested, this,
          [this](const QPoint& at) { context_menu(chart_->mapToGlobal(at)); });
  table_ = new QTableWidget(0, kColumns, this);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setSortingEnabled(true);
  table_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(table_, &QWidget::customContextMenuRequested, this,
          [this](const QPoint& at) { context_menu(table_->viewport()->mapToGlobal(at)); });
  connect(table_, &QTableWidget::itemSelectionChanged, this, &PlanView::refresh_actions);
  connect(table_, &QTableWidget::cellDoubleClicked, this, [this] { open_selected(); });
  auto* results = new QSplitter(Qt::Horizontal, this);
  results->addWidget(chart_);
  results->addWidget(table_);
  results->setStretchFactor(0, 3);
  results->setStretchFactor(1, 2);

  auto* layout = new QVBoxLayout(content);
  layout->addWidget(inputs);
  layout->addLayout(buttons);
  layout->addWidget(message_);
  layout->addWidget(results, 1);
  // The tab scrolls rather than widen the window beside the docks (as the Scenarios tab).
  auto* area = new QScrollArea(this);
  area->setWidget(content);
  area->setWidgetResizable(true);
  area->setFrameShape(QFrame::NoFrame);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(area);

  refresh_ = new QTimer(this);
  refresh_->setSingleShot(true);
  refresh_->setInterval(150);  // live updates come per batch: redraw a few times a second
  connect(refresh_, &QTimer::timeout, this, [this] {
    refresh_table();
    refresh_chart();
  });

  connect(&runner_, &PlanRunner::started, this, [this] {
    run_->setEnabled(false);
    stop_->setEnabled(true);
    status_->setText(tr("Loading the candidates..."));
    show_message({});
    emit started();
  });
  connect(&runner_, &PlanRunner::loaded, this, [this] {
    status_->setText(
        tr("%n candidate(s); planning...", nullptr, static_cast<int>(runner_.candidates().size())));
    schedule_refresh();
  });
  connect(&runner_, &PlanRunner::candidate_changed, this, [this] { schedule_refresh(); });
  connect(&runner_, &PlanRunner::progress, this, [this](qint64 done, qint64 total) {
    status_->setText(tr("%1 of %2 replications")
                         .arg(qs(report::format_count(static_cast<std::int64_t>(done))),
                              qs(report::format_count(static_cast<std::int64_t>(total)))));
  });
  connect(&runner_, &PlanRunner::failed, this, [this](const QString& problem) {
    run_->setEnabled(true);
    stop_->setEnabled(false);
    status_->setText(tr("The plan did not run"));
    show_message(problem);
    emit finished();
  });
  connect(&runner_, &PlanRunner::finished, this, [this] {
    run_->setEnabled(true);
    stop_->setEnabled(false);
    refresh_->stop();
    refresh_table();
    refresh_chart();
    const auto report = runner_.report();
    const planner::PlanResult& plan = report->doc.plan;
    QString text = plan.cancelled ? tr("Stopped: no winner. ") : QString();
    text += tr("Outcome %1, %2 replications")
                .arg(qs(planner::outcome_name(plan.outcome)),
                     qs(report::format_count(plan.replications)));
    if (plan.best) {
      const auto& w = plan.candidates[*plan.best];
      text += tr("; winner %1 at %2 %3 per month (%4)")
                  .arg(qs(runner_.grid()->label(*plan.best)),
                       qs(report::format_amount(w.cost_per_month.value_or(0.0))),
                       qs(report->doc.currency),
                       plan.confirmed ? tr("confirmed") : tr("not confirmed"));
      select_candidate(*plan.best);
    }
    status_->setText(text);
    emit finished();
  });
  connect(document_, &ModelDocument::changed, this, &PlanView::refresh_keys);
  connect(document_, &ModelDocument::opened, this, [this] {
    runner_.stop();
    refresh_keys();
  });
  add_vary_row();
  refresh_keys();
  refresh_chart();
  refresh_actions();
}

QStringList PlanView::settable_keys(const models::Model& model) {
  QStringList keys;
  const nlohmann::json document = models::to_json(model);
  const auto scalar = [](const nlohmann::json& v) { return !v.is_object() && !v.is_array(); };
  for (const auto& [key, value] : document.items()) {
    if (scalar(value)) keys << qs(key);
  }
  for (const auto& [list, value] : document.items()) {
    if (!value.is_array() || list == "scenarios") continue;
    for (const auto& element : value) {
      if (!element.is_object() || !element.contains("id") || !element["id"].is_string()) continue;
      const std::string id = element["id"].get<std::string>();
      for (const auto& [key, v] : element.items()) {
        if (key == "id") continue;
        if (v.is_array()) continue;
        keys << qs(id + "." + key);
        if (!v.is_object()) continue;
        for (const auto& [sub, w] : v.items()) {
          if (scalar(w)) keys << qs(id + "." + key + "." + sub);
        }
      }
    }
  }
  keys.removeDuplicates();
  return keys;
}

void PlanView::refresh_keys() {
  const QStringList keys = settable_keys(document_->model());
  for (const VaryRow& row : varies_) {
    const QString current = row.key->currentText();
    const QSignalBlocker block(row.key);
    row.key->clear();
    row.key->addItems(keys);
    row.key->setCurrentText(current);
  }
}

void PlanView::add_vary_row(const QString& key, const QString& spec) {
  VaryRow row;
  row.row = new QWidget(this);
  auto* layout = new QHBoxLayout(row.row);
  layout->setContentsMargins(0, 0, 0, 0);
  row.key = new QComboBox(row.row);
  row.key->setEditable(true);
  row.key->addItems(settable_keys(document_->model()));
  row.key->setCurrentText(key);
  row.key->setMinimumContentsLength(16);
  row.spec = new QLineEdit(spec, row.row);
  row.spec->setPlaceholderText("2..6");
  row.check = new QLabel(row.row);
  // A long message is elided by the layout; its tooltip has it whole.
  row.check->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  auto* remove = new QToolButton(row.row);
  remove->setText(QStringLiteral("x"));
  remove->setToolTip(tr("Remove this --vary"));
  layout->addWidget(row.key, 2);
  layout->addWidget(new QLabel("=", row.row));
  layout->addWidget(row.spec, 1);
  layout->addWidget(row.check, 2);
  layout->addWidget(remove);
  vary_rows_->addWidget(row.row);
  varies_.push_back(row);
  QWidget* widget = row.row;
  const auto check = [this, widget] {
    for (const VaryRow& r : varies_) {
      if (r.row == widget) check_vary_row(r);
    }
  };
  connect(row.key, &QComboBox::currentTextChanged, this, check);
  connect(row.spec, &QLineEdit::textChanged, this, check);
  connect(remove, &QToolButton::clicked, this, [this, widget] {
    std::erase_if(varies_, [&](const VaryRow& r) { return r.row == widget; });
    widget->deleteLater();
  });
  check_vary_row(row);
}

void PlanView::check_vary_row(const VaryRow& row) {
  const QString key = row.key->currentText().trimmed();
  const QString spec = row.spec->text().trimmed();
  if (key.isEmpty() && spec.isEmpty()) {
    row.check->clear();
    row.spec->setStyleSheet({});
    return;
  }
  try {
    const planner::Vary vary = planner::parse_vary((key + "=" + spec).toStdString());
    row.check->setText(tr("%n value(s)", nullptr, static_cast<int>(vary.values.size())));
    row.check->setStyleSheet("color: #2c7a2c");
    row.check->setToolTip({});
    row.spec->setStyleSheet({});
  } catch (const std::invalid_argument& e) {
    row.check->setText(qs(std::string(e.what())));
    row.check->setToolTip(qs(std::string(e.what())));
    row.check->setStyleSheet("color: #b00020");
    row.spec->setStyleSheet("border: 1px solid #b00020");
  }
}

PlanInputs PlanView::inputs() const {
  PlanInputs in;
  for (const VaryRow& row : varies_) {
    const QString key = row.key->currentText().trimmed();
    const QString spec = row.spec->text().trimmed();
    if (key.isEmpty() && spec.isEmpty()) continue;
    in.vary << key + "=" + spec;
  }
  if (objective_->currentIndex() > 0) in.objective = objective_->currentText();
  in.target = target_->text();
  in.probability = probability_->text();
  in.confidence = confidence_->text();
  in.budget = budget_->text();
  in.window = window_->text();
  in.pilot = pilot_->text();
  in.batch = batch_->text();
  in.max_replications = max_replications_->text();
  in.max_time = max_time_->text();
  for (const QString& text : constraints_->toPlainText().split('\n')) {
    if (!text.trimmed().isEmpty()) in.constraints << text.trimmed();
  }
  return in;
}

void PlanView::set_inputs(const PlanInputs& in) {
  for (const VaryRow& row : varies_) row.row->deleteLater();
  varies_.clear();
  for (const QString& flag : in.vary) {
    const qsizetype eq = flag.indexOf('=');
    add_vary_row(eq < 0 ? flag : flag.left(eq), eq < 0 ? QString() : flag.mid(eq + 1));
  }
  if (in.vary.isEmpty()) add_vary_row();
  const int objective = objective_->findText(in.objective.trimmed());
  objective_->setCurrentIndex(std::max(objective, 0));
  if (objective < 0 && !in.objective.trimmed().isEmpty()) {
    objective_->setEditable(true);  // kept as given, so the run names the bad value
    objective_->setCurrentText(in.objective);
  }
  target_->setText(in.target);
  probability_->setText(in.probability);
  confidence_->setText(in.confidence);
  budget_->setText(in.budget);
  window_->setText(in.window);
  pilot_->setText(in.pilot);
  batch_->setText(in.batch);
  max_replications_->setText(in.max_replications);
  max_time_->setText(in.max_time);
  constraints_->setPlainText(in.constraints.join('\n'));
}

QString PlanView::run() {
  if (!document_->runnable()) {
    show_message(tr("The model has an error; fix it to plan (see Problems)."));
    return message_->text();
  }
  PlanInputs in = inputs();
  if (objective_->isEditable()) in.objective = objective_->currentText();
  QString problem;
  const std::optional<PlanRequest> request = plan_request_of(in, problem);
  if (!request) {
    show_message(problem);
    return problem;
  }
  PlanModel model;
  model.model = *document_->runnable();
  model.from_file = !document_->file().isEmpty() && !document_->modified();
  if (!document_->file().isEmpty()) model.file = document_->file().toStdString();
  table_->setRowCount(0);
  runner_.start(model, *request);
  return {};
}

QString PlanView::run_and_wait() {
  QEventLoop loop;
  QString problem;
  const auto c1 = connect(&runner_, &PlanRunner::finished, &loop, &QEventLoop::quit);
  const auto c2 = connect(&runner_, &PlanRunner::failed, &loop, [&](const QString& message) {
    problem = message;
    loop.quit();
  });
  problem = run();
  if (problem.isEmpty()) loop.exec();
  disconnect(c1);
  disconnect(c2);
  return problem;
}

void PlanView::stop() { runner_.stop(); }

void PlanView::show_message(const QString& text) {
  message_->setText(text);
  message_->setVisible(!text.isEmpty());
}

void PlanView::schedule_refresh() {
  if (!refresh_->isActive()) refresh_->start();
}

void PlanView::refresh_table() {
  const auto& candidates = runner_.candidates();
  const planner::PointGrid* grid = runner_.grid();
  const std::optional<std::size_t> selected = selected_candidate();
  const auto report = runner_.running() ? nullptr : runner_.report();
  const std::optional<std::size_t> best = report ? report->doc.plan.best : std::nullopt;
  const std::vector<std::size_t> front = planner::plan_front(candidates);
  const int keys = grid == nullptr ? 0 : static_cast<int>(grid->varies().size());
  table_->setSortingEnabled(false);
  if (grid != nullptr && table_->columnCount() != keys + kColumns) {
    // A column per varied key, then the figures; sorted by cost as `nines plan` orders them.
    QStringList headers;
    for (const auto& v : grid->varies()) headers << qs(v.key);
    headers << tr("Cost/month") << tr("Status") << tr("Replications") << tr("Availability")
            << tr("95% interval") << tr("Screening") << tr("Front");
    table_->setColumnCount(keys + kColumns);
    table_->setHorizontalHeaderLabels(headers);
    table_->horizontalHeader()->setSortIndicator(keys + kCost, Qt::AscendingOrder);
  }
  table_->setRowCount(grid == nullptr ? 0 : static_cast<int>(candidates.size()));
  for (std::size_t i = 0; grid != nullptr && i < candidates.size(); ++i) {
    const planner::Candidate& c = candidates[i];
    const int row = static_cast<int>(i);
    // `column`: a Column, or -1 - k for the k-th key.
    const auto set = [&](int column, const QString& text, const QVariant& sort = {}) {
      auto* item = new SortItem(text);
      if (sort.isValid()) item->setData(kSortRole, sort);
      item->setData(kCandidateRole, static_cast<qulonglong>(i));
      item->setToolTip(qs(grid->label(i)));
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      column = column < 0 ? -1 - column : keys + column;
      if (best && *best == i) {
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
      }
      table_->setItem(row, column, item);
    };
    const std::vector<std::size_t> at = grid->indices(i);
    for (std::size_t k = 0; k < at.size(); ++k) {
      const nlohmann::json& value = grid->varies()[k].values[at[k]];
      set(-1 - static_cast<int>(k), qs(planner::value_text(value)),
          value.is_number() ? value.get<double>() : static_cast<double>(at[k]));
    }
    set(kCost,
        c.cost_per_month ? qs(report::format_amount(*c.cost_per_month)) : QStringLiteral("-"),
        c.cost_per_month ? QVariant(*c.cost_per_month) : QVariant());
    QString status = status_text(c, runner_.running());
    if (best && *best == i) status += tr(" (winner)");
    set(kStatus, status);
    if (!c.message.empty()) table_->item(row, keys + kStatus)->setToolTip(qs(c.message));
    if (c.result) {
      const auto& a = c.result->availability;
      set(kReplications, qs(report::format_count(c.result->replications)),
          static_cast<double>(c.result->replications));
      set(kAvailability, percent(a.mean), a.mean);
      set(kInterval, percent(a.ci95_lo) + " .. " + percent(a.ci95_hi), a.ci95_lo);
    } else {
      set(kReplications, "-", 0.0);
      set(kAvailability, c.exact ? tr("exact %1").arg(percent(*c.exact)) : QStringLiteral("-"),
          c.exact ? QVariant(*c.exact) : QVariant());
      set(kInterval, "-");
    }
    set(kScreening, c.screening ? qs(planner::screening_name(*c.screening)) : QString());
    const bool on_front = std::find(front.begin(), front.end(), i) != front.end();
    set(kFront, on_front ? tr("yes") : QString(), on_front ? 1.0 : 0.0);
  }
  table_->setSortingEnabled(true);
  if (selected) select_candidate(*selected);
  refresh_actions();
}

void PlanView::refresh_chart() {
  charts::PlanPlot plot;
  plot.model = document_->model().name;
  plot.currency = runner_.currency().empty() ? document_->model().currency : runner_.currency();
  plot.target = runner_.target() > 0.0 ? runner_.target() : document_->model().target.value_or(0);
  const auto report = runner_.running() ? nullptr : runner_.report();
  plot.outcome = runner_.running()   ? std::string("running")
                 : report != nullptr ? std::string(planner::outcome_name(report->doc.plan.outcome))
                                     : std::string("not run");
  plot.cancelled = report != nullptr && report->doc.plan.cancelled;
  const auto& candidates = runner_.candidates();
  std::vector<std::optional<std::size_t>> point_of(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const planner::Candidate& c = candidates[i];
    if (!c.result || !c.cost_per_month) continue;
    point_of[i] = plot.points.size();
    const auto& a = c.result->availability;
    plot.points.push_back({*c.cost_per_month, a.mean, a.ci95_lo, a.ci95_hi,
                           std::string(planner::status_name(c.status)), i});
  }
  for (const std::size_t i : planner::plan_front(candidates)) {
    if (point_of[i]) plot.front.push_back(*point_of[i]);
  }
  if (report && report->doc.plan.best && *report->doc.plan.best < point_of.size()) {
    plot.winner = point_of[*report->doc.plan.best];
  }
  QChart* chart = charts::plan_chart_of(plot);
  // A click on a candidate's marker selects its row.
  const charts::NinesAxis axis = charts::nines_axis_of(plot);
  for (QAbstractSeries* series : chart->series()) {
    auto* scatter = qobject_cast<QScatterSeries*>(series);
    if (scatter == nullptr) continue;
    connect(scatter, &QScatterSeries::clicked, this, [this, plot, axis](const QPointF& at) {
      std::optional<std::size_t> nearest;
      double distance = std::numeric_limits<double>::infinity();
      for (const charts::PlanPoint& p : plot.points) {
        const double dx = p.cost_per_month - at.x();
        const double dy = charts::nines_at(p.availability, axis.cap) - at.y();
        const double d = dx * dx + dy * dy;
        if (d < distance) {
          distance = d;
          nearest = p.candidate;
        }
      }
      if (nearest) select_candidate(*nearest);
    });
  }
  QChart* old = chart_->chart();
  chart_->setChart(chart);
  delete old;
}

std::optional<std::size_t> PlanView::selected_candidate() const {
  const QList<QTableWidgetItem*> items = table_->selectedItems();
  if (items.isEmpty()) return std::nullopt;
  return static_cast<std::size_t>(items.front()->data(kCandidateRole).toULongLong());
}

void PlanView::select_candidate(std::size_t candidate) {
  for (int row = 0; row < table_->rowCount(); ++row) {
    const QTableWidgetItem* item = table_->item(row, 0);
    if (item != nullptr && item->data(kCandidateRole).toULongLong() == candidate) {
      table_->selectRow(row);
      table_->scrollToItem(item);
      return;
    }
  }
}

void PlanView::refresh_actions() {
  const bool any = selected_candidate().has_value() && runner_.grid() != nullptr;
  open_->setEnabled(any);
  scenario_->setEnabled(any);
}

std::vector<std::string> PlanView::design_overrides(std::size_t candidate) const {
  std::vector<std::string> keys = runner_.base_overrides();
  if (runner_.grid() == nullptr || candidate >= runner_.grid()->size()) return keys;
  for (auto& o : runner_.grid()->overrides(candidate)) keys.push_back(std::move(o));
  return keys;
}

QString PlanView::open_design(std::size_t candidate) {
  if (runner_.grid() == nullptr || candidate >= runner_.grid()->size()) {
    return tr("No such candidate.");
  }
  const std::vector<std::string> keys = design_overrides(candidate);
  const std::string file =
      document_->file().isEmpty() ? std::string("<model>") : document_->file().toStdString();
  try {
    // The loader applies the keys exactly as `nines run --set` (and the plan) did.
    models::Model changed =
        models::parse_model(models::to_json(document_->model()), file, keys).model;
    // The loader infers an entry the user left out; the document keeps the model as written.
    if (document_->model().entry.empty()) changed.entry.clear();
    document_->edit(changed, tr("Open design %1").arg(qs(runner_.grid()->label(candidate))));
  } catch (const std::exception& e) {
    return qs(std::string(e.what()));
  }
  return {};
}

QString PlanView::add_as_scenario(std::size_t candidate, const QString& name) {
  const QString trimmed = name.trimmed();
  if (trimmed.isEmpty()) return tr("A scenario needs a name.");
  if (runner_.grid() == nullptr || candidate >= runner_.grid()->size()) {
    return tr("No such candidate.");
  }
  models::Model changed = document_->model();
  for (const auto& s : changed.scenarios) {
    if (s.name == trimmed.toStdString()) {
      return tr("The model already has a scenario \"%1\" (choose another name).").arg(trimmed);
    }
  }
  models::Scenario scenario;
  scenario.name = trimmed.toStdString();
  for (const std::string& key : design_overrides(candidate)) {
    QString problem;
    auto setting = setting_from_line(qs(key), problem);
    if (!setting) return problem;
    scenario.set.push_back(std::move(*setting));
  }
  changed.scenarios.push_back(std::move(scenario));
  const Validation validation = document_->check(changed);
  if (!validation.ok() && document_->validation().ok()) return qs(validation.error);
  document_->edit(changed, tr("Add scenario %1").arg(trimmed));
  return {};
}

void PlanView::open_selected() {
  const auto c = selected_candidate();
  if (!c) return;
  const QString problem = open_design(*c);
  show_message(problem);
  if (problem.isEmpty())
    status_->setText(tr("Opened %1 (Ctrl+Z undoes it)").arg(qs(runner_.grid()->label(*c))));
}

void PlanView::add_selected_as_scenario() {
  const auto c = selected_candidate();
  if (!c) return;
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("Add as scenario"), tr("Scenario name:"),
                                             QLineEdit::Normal, QString(), &ok);
  if (!ok) return;
  const QString problem = add_as_scenario(*c, name);
  show_message(problem);
  if (problem.isEmpty()) status_->setText(tr("Added scenario \"%1\"").arg(name.trimmed()));
}

void PlanView::context_menu(const QPoint& global) {
  if (!selected_candidate()) return;
  QMenu menu(this);
  menu.addAction(tr("Open this design"), this, &PlanView::open_selected);
  menu.addAction(tr("Add as scenario..."), this, &PlanView::add_selected_as_scenario);
  menu.exec(global);
}

}  // namespace nines::gui
