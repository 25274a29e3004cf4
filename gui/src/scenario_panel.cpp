// The scenarios view: list, KEY=VALUE editor, run one, compare all in a sortable table.
#include "nines/gui/scenario_panel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>

#include "nines/engine/paired_difference.hpp"
#include "nines/gui/scenario_settings.hpp"
#include "nines/gui/traffic_figures.hpp"
#include "nines/models/scenario.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/human_format.hpp"

namespace nines::gui {
namespace {

/// Sorts by the number in Qt::UserRole when both cells have one (the text is formatted, "1 h 5
/// min", and would sort as text); a cell without a number ("-") sorts first.
class SortableItem : public QTableWidgetItem {
 public:
  SortableItem(const QString& text, std::optional<double> value) : QTableWidgetItem(text) {
    if (value) setData(Qt::UserRole, *value);
    setFlags(flags() & ~Qt::ItemIsEditable);
  }
  bool operator<(const QTableWidgetItem& other) const override {
    const QVariant a = data(Qt::UserRole);
    const QVariant b = other.data(Qt::UserRole);
    if (a.isValid() && b.isValid()) return a.toDouble() < b.toDouble();
    if (a.isValid() != b.isValid()) return !a.isValid();  // no value ("-") sorts first
    return QTableWidgetItem::operator<(other);
  }
};

QString qs(const std::string& text) { return QString::fromStdString(text); }

enum Column {
  kName,
  kAvailability,
  kInterval,
  kNines,
  kDowntime,
  kOutages,
  kSla,
  kCost,
  kDeltaAvailability,
  kDeltaDowntime,
  kPairing,
  kCommonCause,
  kDomainShare,
  kDeployShare,
  kUndetected,
  kRequests,
  kDeltaRequests,
  kFailedRequests,
  kDeltaFailed,
  kCascades,
  kDeltaCascades,
  kColumns
};

/// A paired difference as the table writes it: "+1.2k (-0.3k .. +2.7k)".
QString signed_text(double v, const std::function<std::string(double)>& print) {
  return QString::fromStdString((v >= 0.0 ? "+" : "-") + print(std::abs(v)));
}

QString difference_text(const engine::Estimate& d,
                        const std::function<std::string(double)>& print) {
  return QStringLiteral("%1 (%2 .. %3)")
      .arg(signed_text(d.mean, print), signed_text(d.ci95_lo, print),
           signed_text(d.ci95_hi, print));
}

}  // namespace

ScenarioPanel::ScenarioPanel(ModelDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
  // The comparison on top at full width (it has ten columns); the list and the selected
  // scenario's editor side by side below it.
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(4, 4, 4, 4);
  auto* compare_bar = new QHBoxLayout();
  compare_ = new QPushButton(tr("Compare all"), this);
  compare_->setToolTip(
      tr("Run the base model and every scenario with the same seed (as nines run "
         "--all-scenarios)"));
  stop_ = new QPushButton(tr("Stop"), this);
  stop_->setEnabled(false);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  compare_bar->addWidget(compare_);
  compare_bar->addWidget(stop_);
  compare_bar->addWidget(status_, 1);
  outer->addLayout(compare_bar);
  auto* splitter = new QSplitter(Qt::Vertical, this);
  outer->addWidget(splitter, 1);

  auto* top = new QWidget(splitter);
  auto* top_layout = new QVBoxLayout(top);
  top_layout->setContentsMargins(0, 0, 0, 0);
  table_ = new QTableWidget(0, kColumns, top);
  table_->setHorizontalHeaderLabels({tr("scenario"),
                                     tr("availability"),
                                     tr("95% CI"),
                                     tr("nines"),
                                     tr("downtime/year"),
                                     tr("outages/year"),
                                     tr("SLA met"),
                                     tr("cost/month"),
                                     tr("Δ availability (paired 95% CI)"),
                                     tr("Δ downtime/year (paired 95% CI)"),
                                     tr("pairing"),
                                     tr("common-cause/year"),
                                     tr("zone+region share"),
                                     tr("deploy share"),
                                     tr("undetected/year"),
                                     tr("request availability"),
                                     tr("Δ request availability (paired 95% CI)"),
                                     tr("failed requests/year"),
                                     tr("Δ failed requests/year (paired 95% CI)"),
                                     tr("cascades/year"),
                                     tr("Δ cascades/year (paired 95% CI)")});
  table_->horizontalHeaderItem(kRequests)->setToolTip(
      tr("Requests served / offered; shown when a run has a load"));
  table_->horizontalHeaderItem(kCascades)->setToolTip(
      tr("Overload cascades per year; shown when a run has overload crashes"));
  table_->horizontalHeaderItem(kDeployShare)
      ->setToolTip(tr("Share of downtime whose root cause was a deploy, summed over components "
                      "(hover a cell for each); shown when a run has deploys"));
  table_->horizontalHeaderItem(kUndetected)
      ->setToolTip(tr("Failures the monitoring missed per year, summed over components; shown "
                      "when a run has coverage below 1"));
  table_->horizontalHeaderItem(kCommonCause)
      ->setToolTip(tr("Outages per year whose first instant took two or more pools down"));
  table_->horizontalHeaderItem(kDomainShare)
      ->setToolTip(tr("Share of downtime caused by zones and regions (hover a cell for each)"));
  table_->verticalHeader()->setVisible(false);
  table_->horizontalHeader()->setStretchLastSection(true);
  // What a comparison is read by comes first, so that it is in sight without scrolling beside
  // the docks (1400 pixels wide): each row's availability, its paired difference from the base
  // (with * where significant) and what pairing gained; the rest of the figures follow.
  QHeaderView* header = table_->horizontalHeader();
  int to = header->visualIndex(kAvailability);
  for (int column : {kDeltaAvailability, kPairing, kDeltaDowntime}) {
    header->moveSection(header->visualIndex(column), ++to);
  }
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  // Qt's default indicator is descending; ascending by the first column is the file's order.
  table_->horizontalHeader()->setSortIndicator(kName, Qt::AscendingOrder);
  top_layout->addWidget(table_, 1);
  note_ = new QLabel(top);
  note_->setWordWrap(true);
  top_layout->addWidget(note_);

  auto* bottom = new QWidget(splitter);
  auto* bottom_layout = new QHBoxLayout(bottom);
  bottom_layout->setContentsMargins(0, 0, 0, 0);
  auto* left_layout = new QVBoxLayout();
  bottom_layout->addLayout(left_layout, 2);
  list_ = new QListWidget(bottom);
  list_->setToolTip(tr("Double-click a name to rename the scenario"));
  left_layout->addWidget(list_, 1);
  auto* list_buttons = new QHBoxLayout();
  auto* add = new QPushButton(tr("New"), bottom);
  delete_ = new QPushButton(tr("Delete"), bottom);
  run_ = new QPushButton(tr("Run"), bottom);
  run_->setToolTip(tr("Run this scenario's model (as nines run --scenario NAME)"));
  list_buttons->addWidget(add);
  list_buttons->addWidget(delete_);
  list_buttons->addWidget(run_);
  left_layout->addLayout(list_buttons);
  auto* right_layout = new QVBoxLayout();
  bottom_layout->addLayout(right_layout, 3);
  auto* name_row = new QHBoxLayout();
  name_row->addWidget(new QLabel(tr("Name"), bottom));
  name_ = new QLineEdit(bottom);
  name_row->addWidget(name_, 1);
  right_layout->addLayout(name_row);
  auto* settings_label =
      new QLabel(tr("Settings, one KEY=VALUE per line (as nines run --set)"), bottom);
  // Wrapping labels and a scrolling table keep the view's minimum width small, so the window
  // still fits narrow screens (and the 900-pixel screenshots) beside its docks.
  settings_label->setWordWrap(true);
  right_layout->addWidget(settings_label);
  settings_ = new QPlainTextEdit(bottom);
  settings_->setPlaceholderText(QStringLiteral("db.instances=3\ndb.mttr=2h"));
  right_layout->addWidget(settings_, 1);
  message_ = new QLabel(bottom);
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  message_->setStyleSheet(QStringLiteral("color: #b00020"));
  message_->setVisible(false);
  right_layout->addWidget(message_);
  auto* apply = new QPushButton(tr("Apply"), bottom);
  right_layout->addWidget(apply, 0, Qt::AlignRight);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);

  connect(list_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
    if (refreshing_) return;
    select_scenario(item != nullptr ? item->data(Qt::UserRole).toString() : QString());
  });
  connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    if (refreshing_) return;
    const QString from = item->data(Qt::UserRole).toString();
    if (!rename_scenario(from, item->text()).isEmpty()) refresh();  // refused: old name back
  });
  connect(add, &QPushButton::clicked, this, [this] {
    editor_filled_ = false;  // a fresh form even when a new one was being typed
    select_scenario({});
    name_->setFocus();
  });
  connect(delete_, &QPushButton::clicked, this, [this] {
    if (!selected_.isEmpty()) delete_scenario(selected_);
  });
  connect(run_, &QPushButton::clicked, this, [this] {
    if (!selected_.isEmpty()) run_scenario(selected_);
  });
  connect(apply, &QPushButton::clicked, this, &ScenarioPanel::apply_editor);
  connect(compare_, &QPushButton::clicked, this, [this] { compare_all(); });
  connect(stop_, &QPushButton::clicked, this, &ScenarioPanel::stop_comparison);
  connect(&comparison_, &ScenarioComparison::run_started, this,
          [this](int index, int total, const QString& label) {
            status_->setText(tr("Running %1 of %2: %3").arg(index + 1).arg(total).arg(label));
          });
  connect(
      &comparison_, &ScenarioComparison::finished, this,
      [this](std::vector<report::ScenarioRun> runs) {
        // A run stopped before its first replication has no figures to show.
        std::erase_if(runs, [](const auto& run) { return run.result.replications == 0; });
        stop_->setEnabled(false);
        compare_->setEnabled(document_->runnable().has_value());
        if (runs.empty()) {
          status_->setText(tr("Stopped before the first replication"));
          return;
        }
        compared_ = std::move(runs);
        status_->setText(
            compared_.back().result.cancelled
                ? tr("Stopped (%1 runs)").arg(compared_.size())
                : tr("%1 runs, seed %2").arg(compared_.size()).arg(compared_.front().result.seed));
        show_comparison();
      });
  connect(&comparison_, &ScenarioComparison::failed, this, [this](const QString& problem) {
    stop_->setEnabled(false);
    compare_->setEnabled(document_->runnable().has_value());
    status_->setText(tr("The comparison failed"));
    show_problem(problem);
  });
  connect(document_, &ModelDocument::changed, this, &ScenarioPanel::refresh);
  connect(document_, &ModelDocument::opened, this, [this] {
    comparison_.stop();
    compared_.clear();
    compared_model_.reset();
    // The first scenario is shown, so the editor says what a scenario looks like.
    selected_ = document_->model().scenarios.empty()
                    ? QString()
                    : qs(document_->model().scenarios.front().name);
    status_->clear();
    show_comparison();
    refresh();
  });
  refresh();
  show_comparison();
}

QString ScenarioPanel::show_problem(const QString& problem) {
  message_->setText(problem);
  message_->setVisible(!problem.isEmpty());
  return problem;
}

QString ScenarioPanel::commit(const models::Model& changed, const QString& text) {
  // Only an edit that breaks a valid model is refused; when the model already has an error the
  // edit cannot be judged on its own, so it goes in and the problems list speaks.
  const Validation validation = document_->check(changed);
  if (!validation.ok() && document_->validation().ok()) return show_problem(qs(validation.error));
  show_problem({});
  document_->edit(changed, text);
  return {};
}

QString ScenarioPanel::create_scenario(const QString& name, const QString& settings) {
  QString problem;
  auto set = settings_from_text(settings, problem);
  if (!set) return show_problem(problem);
  models::Model changed = document_->model();
  changed.scenarios.push_back({name.trimmed().toStdString(), std::move(*set)});
  const QString error = commit(changed, tr("Add scenario %1").arg(name.trimmed()));
  if (error.isEmpty()) select_scenario(name.trimmed());
  return error;
}

QString ScenarioPanel::change_scenario(const QString& name, const QString& new_name,
                                       const QString& settings) {
  QString problem;
  auto set = settings_from_text(settings, problem);
  if (!set) return show_problem(problem);
  models::Model changed = document_->model();
  const auto it = std::find_if(changed.scenarios.begin(), changed.scenarios.end(),
                               [&](const auto& s) { return s.name == name.toStdString(); });
  if (it == changed.scenarios.end()) return show_problem(tr("No scenario \"%1\".").arg(name));
  it->name = new_name.trimmed().toStdString();
  it->set = std::move(*set);
  const QString error = commit(changed, tr("Edit scenario %1").arg(new_name.trimmed()));
  if (error.isEmpty()) select_scenario(new_name.trimmed());
  return error;
}

QString ScenarioPanel::rename_scenario(const QString& from, const QString& to) {
  if (from == to.trimmed()) return {};
  models::Model changed = document_->model();
  const auto it = std::find_if(changed.scenarios.begin(), changed.scenarios.end(),
                               [&](const auto& s) { return s.name == from.toStdString(); });
  if (it == changed.scenarios.end()) return show_problem(tr("No scenario \"%1\".").arg(from));
  it->name = to.trimmed().toStdString();
  const QString error = commit(changed, tr("Rename scenario %1 to %2").arg(from, to.trimmed()));
  if (error.isEmpty() && selected_ == from) select_scenario(to.trimmed());
  return error;
}

void ScenarioPanel::delete_scenario(const QString& name) {
  models::Model changed = document_->model();
  std::erase_if(changed.scenarios, [&](const auto& s) { return s.name == name.toStdString(); });
  if (selected_ == name) selected_.clear();
  show_problem({});
  document_->edit(changed, tr("Delete scenario %1").arg(name));
}

QString ScenarioPanel::run_scenario(const QString& name) {
  if (!document_->runnable()) {
    return show_problem(tr("The model has an error; fix it to run (see Problems)."));
  }
  try {
    const std::string file =
        document_->file().isEmpty() ? std::string("<model>") : document_->file().toStdString();
    // The same function `nines run --scenario` reaches through the loader.
    const models::Model variant =
        models::apply_scenario(*document_->runnable(), name.toStdString(), file);
    show_problem({});
    emit run_requested(variant, name);
    return {};
  } catch (const std::exception& e) {
    return show_problem(qs(e.what()));
  }
}

bool ScenarioPanel::compare_all() {
  if (!document_->runnable()) {
    show_problem(tr("The model has an error; fix it to run (see Problems)."));
    return false;
  }
  if (document_->runnable()->scenarios.empty()) {
    show_problem(tr("The model has no scenarios: add one (New) to compare it with the base."));
    return false;
  }
  show_problem({});
  compared_model_ = *document_->runnable();
  comparison_.start(*document_->runnable(), document_->file());
  compare_->setEnabled(false);
  stop_->setEnabled(true);
  return true;
}

void ScenarioPanel::stop_comparison() { comparison_.stop(); }

void ScenarioPanel::select_scenario(const QString& name) {
  selected_ = name;
  refresh();
}

void ScenarioPanel::apply_editor() {
  if (selected_.isEmpty()) {
    create_scenario(name_->text(), settings_->toPlainText());
  } else {
    change_scenario(selected_, name_->text(), settings_->toPlainText());
  }
}

void ScenarioPanel::refresh() {
  const models::Model& model = document_->model();
  const models::Scenario* current = model.find_scenario(selected_.toStdString());
  if (current == nullptr) selected_.clear();
  refreshing_ = true;
  list_->clear();
  for (const auto& scenario : model.scenarios) {
    auto* item = new QListWidgetItem(qs(scenario.name), list_);
    item->setData(Qt::UserRole, qs(scenario.name));
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    if (current == &scenario) list_->setCurrentItem(item);
  }
  refreshing_ = false;
  show_editor(current);
  const bool runnable = document_->runnable().has_value();
  run_->setEnabled(runnable && current != nullptr);
  delete_->setEnabled(current != nullptr);
  compare_->setEnabled(runnable && !model.scenarios.empty() && !comparison_.running());
  refresh_note();
}

void ScenarioPanel::show_editor(const models::Scenario* scenario) {
  std::optional<models::Scenario> now;
  if (scenario != nullptr) now = *scenario;
  // Another edit of the model (a what-if slider, undo elsewhere) must not wipe what the user is
  // typing: the editor is rewritten only when the scenario it shows changed.
  if (editor_filled_ && now == shown_) return;
  editor_filled_ = true;
  shown_ = now;
  if (scenario == nullptr) {
    name_->setText(tr("scenario %1").arg(document_->model().scenarios.size() + 1));
    settings_->clear();
    return;
  }
  name_->setText(qs(scenario->name));
  settings_->setPlainText(setting_lines(*scenario).join('\n'));
}

void ScenarioPanel::show_comparison() {
  table_->setSortingEnabled(false);
  table_->setRowCount(0);
  // Shown only when a run has what they count, as in the CLI's table.
  table_->setColumnHidden(kDeployShare, true);
  table_->setColumnHidden(kUndetected, true);
  for (int column :
       {kRequests, kDeltaRequests, kFailedRequests, kDeltaFailed, kCascades, kDeltaCascades}) {
    table_->setColumnHidden(column, true);
  }
  if (compared_.empty()) {
    note_->setText(tr("Compare all runs the base model and every scenario with the same seed."));
    return;
  }
  const auto rows = report::scenario_rows(compared_);
  const auto& target = compared_.front().result.target;
  table_->horizontalHeaderItem(kSla)->setText(
      target ? tr("SLA %1 met")
                   .arg(qs(report::format_percent(
                       *target, std::max(2, report::availability_decimals(*target) - 2))))
             : tr("SLA met"));
  // One number of decimals for every row, as in the CLI's table, so the figures line up.
  int decimals = 2;
  for (const auto& row : rows) {
    decimals = std::max(decimals, report::availability_decimals(row.availability.mean));
  }
  table_->setRowCount(static_cast<int>(rows.size()));
  bool any_deploys = false;
  bool any_undetected = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const report::ScenarioRow& row = rows[i];
    const auto& a = row.availability;
    const int r = static_cast<int>(i);
    const bool is_base = i == 0;
    // Sorting by this column gives back the file's order, base first.
    auto* name = new SortableItem(qs(row.label) + (row.cancelled ? tr(" (cancelled)") : ""),
                                  static_cast<double>(i));
    name->setToolTip(name->text());
    if (is_base) {
      QFont bold = name->font();
      bold.setBold(true);
      name->setFont(bold);
    }
    table_->setItem(r, kName, name);
    table_->setItem(r, kAvailability,
                    new SortableItem(qs(report::format_percent(a.mean, decimals)), a.mean));
    table_->setItem(
        r, kInterval,
        new SortableItem(
            qs(!row.no_outage.empty()
                   ? row.no_outage
                   : report::format_fixed(100.0 * std::max(a.ci95_lo, 0.0), decimals) + " .. " +
                         report::format_percent(std::min(a.ci95_hi, 1.0), decimals)),
            a.ci95_lo));
    table_->setItem(
        r, kNines,
        new SortableItem(row.nines ? qs(report::format_fixed(*row.nines, 2)) : tr("no downtime"),
                         row.nines.value_or(std::numeric_limits<double>::infinity())));
    const auto& d = row.downtime_hours_per_year;
    auto* downtime = new SortableItem(qs(report::format_hours_minutes(d.mean)), d.mean);
    // The interval in the estimate's unit, as the CLI writes it.
    const report::DurationStyle unit = report::hours_minutes_style(d.mean);
    downtime->setToolTip(
        !row.no_outage.empty()
            ? qs(row.no_outage)
            : tr("95% CI %1 .. %2")
                  .arg(qs(report::format_duration_as(std::max(d.ci95_lo, 0.0), unit)))
                  .arg(qs(report::format_duration_as(std::max(d.ci95_hi, 0.0), unit))));
    table_->setItem(r, kDowntime, downtime);
    const double o = row.outages_per_year.mean;
    table_->setItem(r, kOutages, new SortableItem(qs(report::format_number(o, 3)), o));
    table_->setItem(r, kSla,
                    new SortableItem(row.sla_met ? qs(report::format_percent(*row.sla_met, 1))
                                                 : QStringLiteral("-"),
                                     row.sla_met));
    table_->setItem(r, kCost,
                    new SortableItem(qs(report::cost_text(row.cost)), row.cost.per_month));
    // As the CLI's table: paired differences against the base, `*` where availability's
    // interval excludes 0.
    const auto& difference = row.difference;
    table_->setItem(
        r, kDeltaAvailability,
        new SortableItem(difference
                             ? qs(report::availability_difference_text(difference->availability)) +
                                   (difference->significant ? " *" : "")
                             : QStringLiteral("-"),
                         difference ? std::optional(difference->availability.mean) : std::nullopt));
    table_->setItem(
        r, kDeltaDowntime,
        new SortableItem(
            difference ? qs(report::downtime_difference_text(difference->downtime_hours_per_year))
                       : QStringLiteral("-"),
            difference ? std::optional(difference->downtime_hours_per_year.mean) : std::nullopt));
    table_->setItem(r, kPairing,
                    new SortableItem(qs(report::pairing_text(difference ? difference->variance_ratio
                                                                        : std::nullopt)),
                                     difference ? difference->variance_ratio : std::nullopt));
    const engine::RunResult& result = compared_[i].result;
    const engine::Estimate& common = result.common_cause_outages_per_year;
    auto* common_item = new SortableItem(qs(report::format_number(common.mean, 3)), common.mean);
    common_item->setToolTip(tr("95% CI %1 .. %2")
                                .arg(qs(report::format_number(common.ci95_lo, 3)))
                                .arg(qs(report::format_number(common.ci95_hi, 3))));
    table_->setItem(r, kCommonCause, common_item);
    double domain_share = 0.0;
    QStringList each;
    for (const auto& [kind, list] :
         {std::pair{"zone", &result.zones}, {"region", &result.regions}}) {
      for (const engine::DomainResult& domain : *list) {
        domain_share += domain.downtime_share;
        each << QStringLiteral("%1 %2: %3")
                    .arg(QString::fromLatin1(kind), qs(domain.id),
                         qs(report::format_percent(domain.downtime_share, 1)));
      }
    }
    auto* domain_item = new SortableItem(
        each.isEmpty() ? QStringLiteral("-") : qs(report::format_percent(domain_share, 1)),
        domain_share);
    domain_item->setToolTip(each.join('\n'));
    table_->setItem(r, kDomainShare, domain_item);
    // As the CLI's table: the deploy causes' shares summed, and the missed failures summed, "-"
    // in a row without deploys (or with coverage 1).
    std::optional<double> deploy_share;
    std::optional<double> missed;
    QStringList deploys;
    for (const engine::ComponentResult& c : result.components) {
      if (c.deploy_downtime_share) {
        deploy_share = deploy_share.value_or(0.0) + *c.deploy_downtime_share;
        deploys << QStringLiteral("%1: %2").arg(
            qs(c.id), qs(report::format_percent(*c.deploy_downtime_share, 1)));
      }
      if (c.undetected_failures_per_year) {
        missed = missed.value_or(0.0) + *c.undetected_failures_per_year;
      }
    }
    any_deploys = any_deploys || deploy_share.has_value();
    any_undetected = any_undetected || missed.has_value();
    auto* deploy_item = new SortableItem(
        deploy_share ? qs(report::format_percent(*deploy_share, 1)) : QStringLiteral("-"),
        deploy_share);
    deploy_item->setToolTip(deploys.join('\n'));
    table_->setItem(r, kDeployShare, deploy_item);
    table_->setItem(
        r, kUndetected,
        new SortableItem(missed ? qs(report::format_number(*missed, 3)) : QStringLiteral("-"),
                         missed));
  }
  table_->setColumnHidden(kDeployShare, !any_deploys);
  table_->setColumnHidden(kUndetected, !any_undetected);
  const bool any_load = show_traffic(rows);
  const bool any_cascades =
      std::any_of(compared_.begin(), compared_.end(),
                  [](const report::ScenarioRun& run) { return run.result.cascades.has_value(); });
  for (int column : {kRequests, kDeltaRequests, kFailedRequests, kDeltaFailed}) {
    table_->setColumnHidden(column, !any_load);
  }
  table_->setColumnHidden(kCascades, !any_cascades);
  table_->setColumnHidden(kDeltaCascades, !any_cascades);
  table_->resizeColumnsToContents();
  // A long scenario name is elided (its tooltip has it whole) rather than pushing the figures out
  // of sight.
  const int name_width = 24 * table_->fontMetrics().averageCharWidth();
  if (table_->columnWidth(kName) > name_width) table_->setColumnWidth(kName, name_width);
  table_->setSortingEnabled(true);
  refresh_note();
}

bool ScenarioPanel::show_traffic(const std::vector<report::ScenarioRow>& rows) {
  bool any_load = false;
  const report::ScenarioRun& base = compared_.front();
  int decimals = 2;
  for (const auto& run : compared_) {
    if (run.result.requests) {
      decimals =
          std::max(decimals, report::availability_decimals(run.result.requests->availability.mean));
    }
  }
  // The paired difference of a per-replication figure against the base's, when both have it.
  const auto paired = [&](std::size_t i, auto values) -> std::optional<engine::Estimate> {
    const report::ScenarioRun& run = compared_[i];
    if (i == 0 || !base.range || !run.range || base.result.seed != run.result.seed) {
      return std::nullopt;
    }
    const std::vector<double> before = values(base.result, *base.range);
    const std::vector<double> after = values(run.result, *run.range);
    if (before.empty() || after.empty()) return std::nullopt;
    return engine::paired_difference(before, after).paired;
  };
  const auto dash = [] { return new SortableItem(QStringLiteral("-"), std::nullopt); };
  for (std::size_t i = 0; i < compared_.size() && i < rows.size(); ++i) {
    const engine::RunResult& result = compared_[i].result;
    const int r = static_cast<int>(i);
    if (!result.requests) {
      for (int column : {kRequests, kDeltaRequests, kFailedRequests, kDeltaFailed}) {
        table_->setItem(r, column, dash());
      }
    } else {
      any_load = true;
      const engine::Estimate& a = result.requests->availability;
      auto* requests = new SortableItem(qs(report::format_percent(a.mean, decimals)), a.mean);
      requests->setToolTip(tr("95% CI %1 .. %2")
                               .arg(qs(report::format_percent(a.ci95_lo, decimals)))
                               .arg(qs(report::format_percent(a.ci95_hi, decimals))));
      table_->setItem(r, kRequests, requests);
      const auto& difference = rows[i].difference;
      const bool has_delta = difference && difference->requests_availability;
      table_->setItem(r, kDeltaRequests,
                      has_delta ? new SortableItem(qs(report::availability_difference_text(
                                                       *difference->requests_availability)),
                                                   difference->requests_availability->mean)
                                : dash());
      const double failed = result.requests->failed_per_year;
      table_->setItem(r, kFailedRequests, new SortableItem(qs(report::format_si(failed)), failed));
      const auto d = paired(i, failed_requests_per_year);
      table_->setItem(
          r, kDeltaFailed,
          d ? new SortableItem(difference_text(*d, report::format_si), d->mean) : dash());
    }
    if (!result.cascades) {
      table_->setItem(r, kCascades, dash());
      table_->setItem(r, kDeltaCascades, dash());
    } else {
      const engine::Estimate& c = result.cascades->per_year;
      auto* cascades = new SortableItem(qs(report::format_number(c.mean, 3)), c.mean);
      cascades->setToolTip(tr("95% CI %1 .. %2; mean size %3, largest %4")
                               .arg(qs(report::format_number(c.ci95_lo, 3)))
                               .arg(qs(report::format_number(c.ci95_hi, 3)))
                               .arg(qs(report::format_number(result.cascades->size_mean, 3)))
                               .arg(result.cascades->size_max));
      table_->setItem(r, kCascades, cascades);
      const auto d = paired(i, cascades_per_year);
      table_->setItem(
          r, kDeltaCascades,
          d ? new SortableItem(
                  difference_text(*d, [](double v) { return report::format_number(v, 3); }),
                  d->mean)
            : dash());
    }
  }
  return any_load;
}

void ScenarioPanel::refresh_note() {
  if (!compared_model_ || compared_.empty()) return;
  note_->setText(*compared_model_ == document_->runnable().value_or(models::Model{})
                     ? tr("Same seed for every row (common random numbers): the differences "
                          "between rows are less noisy than each row's interval. Click a column "
                          "to sort.")
                     : tr("The model changed since this comparison: Compare all again."));
}

}  // namespace nines::gui
