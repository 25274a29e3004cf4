// The selected dependency row's traffic keys, each mode's keys shown only for that mode.
#include "nines/gui/dependency_traffic_editor.hpp"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTableWidget>
#include <cmath>

#include "nines/models/duration.hpp"

namespace nines::gui {
namespace {

const QString kBad = QStringLiteral("background: #ffd6d6");
using Mode = models::DependencyMode;

/// The per-target table's columns.
enum TargetColumn { kTarget, kCalls, kRetries, kThreshold, kOpenFor, kTargetColumns };

std::optional<double> parse_number(const QString& text) {
  bool ok = false;
  const double x = text.trimmed().toDouble(&ok);
  return ok && std::isfinite(x) ? std::optional<double>(x) : std::nullopt;
}

/// A bare number is hours; otherwise a duration with a unit.
std::optional<double> parse_hours(const QString& text) {
  if (const auto x = parse_number(text)) return x;
  return models::parse_duration_text(text.trimmed().toStdString());
}

std::optional<std::int64_t> parse_integer(const QString& text) {
  bool ok = false;
  const qlonglong n = text.trimmed().toLongLong(&ok);
  return ok ? std::optional<std::int64_t>(n) : std::nullopt;
}

QString number_text(const std::optional<double>& x) {
  return x ? QString::number(*x, 'g', 12) : QString();
}

QString hours_text(const std::optional<double>& hours) {
  if (!hours) return {};
  return std::isfinite(*hours) ? QString::fromStdString(models::format_duration(*hours))
                               : QString::number(*hours);
}

}  // namespace

models::Dependency with_mode(models::Dependency row, models::DependencyMode mode) {
  row.mode = mode;
  if (mode != Mode::kSoft) row.impact.reset();
  if (mode != Mode::kCache) {
    row.hit_ratio.reset();
    row.stale_if_error_hours.reset();
    row.warmup_hours.reset();
    row.stale_below.reset();
  }
  if (mode == Mode::kSoft && !row.impact) row.impact = 0.5;
  if (mode == Mode::kCache) {
    if (!row.hit_ratio) row.hit_ratio = 0.9;
    if (!row.stale_if_error_hours) row.stale_if_error_hours = 1.0;
  }
  return row;
}

models::CircuitBreaker default_breaker() { return models::CircuitBreaker{}; }

QLineEdit* DependencyTrafficEditor::line(const QString& placeholder, const QString& tooltip) {
  auto* edit = new QLineEdit(this);
  edit->setPlaceholderText(placeholder);
  edit->setToolTip(tooltip);
  return edit;
}

DependencyTrafficEditor::DependencyTrafficEditor(QWidget* parent)
    : QGroupBox(tr("Traffic of the selected row"), parent) {
  setToolTip(tr("How requests flow along the selected dependency row (docs/traffic.md)"));
  form_ = new QFormLayout(this);
  note_ = new QLabel(this);
  note_->setWordWrap(true);
  form_->addRow(note_);
  calls_ = line(QStringLiteral("1"),
                tr("calls: calls to the target per request the caller processes (> 0); it scales "
                   "demand only"));
  retries_ = line(QStringLiteral("0"), tr("retries: retries of a failed call (0 to 100)"));
  mode_ = new QComboBox(this);
  mode_->addItems({"hard", "soft", "cache"});
  mode_->setToolTip(
      tr("mode: hard (the caller fails with the row), soft (only `impact` of the row's failures "
         "fail the caller) or cache (a share of calls answered while the cache is valid); "
         "switching removes the other modes' keys"));
  impact_ = line(tr("required, e.g. 0.5"),
                 tr("impact (soft): the share of the row's failures that fail the caller, in "
                    "[0, 1]"));
  hit_ratio_ = line(tr("required, e.g. 0.9"),
                    tr("hit_ratio (cache): the share of calls the cache answers while valid, in "
                       "[0, 1)"));
  stale_if_error_ = line(tr("required, e.g. 1h"),
                         tr("stale_if_error (cache): how long the cache outlives a failing target "
                            "(fixed, >= 0)"));
  warmup_ = line(QStringLiteral("10m"),
                 tr("warmup (cache): how long the target must stay healthy to refill an expired "
                    "cache (fixed, >= 0)"));
  stale_below_ = line(tr("load's outage_below"),
                      tr("stale_below (cache): the target success below which the stale clock "
                         "runs, in (0, 1]"));
  breaker_ = new QGroupBox(tr("Circuit breaker"), this);
  breaker_->setCheckable(true);
  breaker_->setChecked(false);
  breaker_->setToolTip(
      tr("circuit_breaker: opens when the target's success falls below threshold and closes "
         "after open_for; a list target's own breaker wins"));
  auto* breaker_form = new QFormLayout(breaker_);
  threshold_ = new QLineEdit(breaker_);
  threshold_->setToolTip(tr("threshold, in (0, 1]"));
  open_for_ = new QLineEdit(breaker_);
  open_for_->setToolTip(tr("open_for: fixed, > 0 (e.g. 30s)"));
  breaker_form->addRow(tr("Threshold"), threshold_);
  breaker_form->addRow(tr("Open for"), open_for_);
  routing_ = new QComboBox(this);
  routing_->addItems({tr("not stated"), "failover", "all"});
  routing_->setToolTip(
      tr("routing (lists): failover tries the targets in list order (min_up 1), all calls every "
         "target and needs min_up successes; not stated: failover when min_up is 1, else all"));
  targets_ = new QTableWidget(0, kTargetColumns, this);
  targets_->setHorizontalHeaderLabels(
      {tr("target"), tr("calls"), tr("retries"), tr("breaker threshold"), tr("breaker open_for")});
  targets_->setToolTip(
      tr("A list target's own calls, retries and circuit breaker; empty cells take the row's"));
  targets_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  targets_->verticalHeader()->setVisible(false);
  targets_->setMinimumHeight(80);
  const auto row = [this](const QString& text, QWidget* field) {
    auto* label = new QLabel(text, this);
    label->setToolTip(field->toolTip());
    form_->addRow(label, field);
  };
  row(tr("Calls"), calls_);
  row(tr("Retries"), retries_);
  row(tr("Mode"), mode_);
  row(tr("Impact"), impact_);
  row(tr("Hit ratio"), hit_ratio_);
  row(tr("Stale if error"), stale_if_error_);
  row(tr("Warmup"), warmup_);
  row(tr("Stale below"), stale_below_);
  form_->addRow(breaker_);
  row(tr("Routing"), routing_);
  row(tr("Per target"), targets_);
  fields_ = {{"calls", calls_},
             {"retries", retries_},
             {"mode", mode_},
             {"impact", impact_},
             {"hit_ratio", hit_ratio_},
             {"stale_if_error", stale_if_error_},
             {"warmup", warmup_},
             {"stale_below", stale_below_},
             {"circuit_breaker", breaker_},
             {"circuit_breaker.threshold", threshold_},
             {"circuit_breaker.open_for", open_for_},
             {"routing", routing_},
             {"targets", targets_}};

  bind(calls_, QStringLiteral("calls"), false, &models::Dependency::calls);
  bind(impact_, QStringLiteral("impact"), false, &models::Dependency::impact);
  bind(hit_ratio_, QStringLiteral("hit_ratio"), false, &models::Dependency::hit_ratio);
  bind(stale_if_error_, QStringLiteral("stale_if_error"), true,
       &models::Dependency::stale_if_error_hours);
  bind(warmup_, QStringLiteral("warmup"), true, &models::Dependency::warmup_hours);
  bind(stale_below_, QStringLiteral("stale_below"), false, &models::Dependency::stale_below);
  connect(retries_, &QLineEdit::editingFinished, this, [this] {
    if (updating_ || !row_) return;
    const QString text = retries_->text().trimmed();
    const auto n = text.isEmpty() ? std::nullopt : parse_integer(text);
    const bool ok = n.has_value() || text.isEmpty();
    retries_->setStyleSheet(ok ? QString() : kBad);
    if (!ok) return;
    row_->retries = n;
    emit_edit(QStringLiteral("retries"));
  });
  connect(mode_, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (updating_ || !row_ || index < 0) return;
    row_ = with_mode(*row_, static_cast<Mode>(index));
    show_row();
    emit_edit(QStringLiteral("mode"));
  });
  connect(breaker_, &QGroupBox::toggled, this, [this](bool on) {
    if (updating_ || !row_) return;
    row_->circuit_breaker = on ? std::optional(default_breaker()) : std::nullopt;
    show_row();
    emit_edit(QStringLiteral("circuit_breaker"));
  });
  connect(threshold_, &QLineEdit::editingFinished, this, [this] {
    if (updating_ || !row_ || !row_->circuit_breaker) return;
    const auto x = parse_number(threshold_->text());
    threshold_->setStyleSheet(x ? QString() : kBad);
    if (!x) return;
    row_->circuit_breaker->threshold = *x;
    emit_edit(QStringLiteral("circuit_breaker.threshold"));
  });
  connect(open_for_, &QLineEdit::editingFinished, this, [this] {
    if (updating_ || !row_ || !row_->circuit_breaker) return;
    const auto hours = parse_hours(open_for_->text());
    open_for_->setStyleSheet(hours ? QString() : kBad);
    if (!hours) return;
    row_->circuit_breaker->open_for_hours = *hours;
    emit_edit(QStringLiteral("circuit_breaker.open_for"));
  });
  connect(routing_, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (updating_ || !row_ || index < 0) return;
    row_->routing = index == 0   ? std::nullopt
                    : index == 1 ? std::optional(models::Routing::kFailover)
                                 : std::optional(models::Routing::kAll);
    emit_edit(QStringLiteral("routing"));
  });
  connect(targets_, &QTableWidget::cellChanged, this, [this] { read_targets(); });
  set_row(models::Model{}, std::nullopt);
}

void DependencyTrafficEditor::bind(QLineEdit* edit, const QString& key, bool duration,
                                   std::optional<double> models::Dependency::*member) {
  connect(edit, &QLineEdit::editingFinished, this, [=, this] {
    if (updating_ || !row_) return;
    const QString text = edit->text().trimmed();
    const auto x = text.isEmpty() ? std::nullopt
                   : duration     ? parse_hours(text)
                                  : parse_number(text);
    const bool ok = x.has_value() || text.isEmpty();
    edit->setStyleSheet(ok ? QString() : kBad);
    if (!ok) return;
    (*row_).*member = x;
    emit_edit(key);
  });
}

void DependencyTrafficEditor::set_row(const models::Model& model,
                                      std::optional<std::size_t> index) {
  row_.reset();
  if (index && *index < model.dependencies.size()) {
    row_ = model.dependencies[*index];
    index_ = *index;
  }
  reason_ = !model.load ? tr("Traffic keys need a top-level load: check \"Load (traffic)\" in "
                             "the Load tab first.")
            : !row_     ? tr("Select a row to edit its traffic keys.")
                        : QString();
  const QString at = QStringLiteral("/dependencies/%1/").arg(index_);
  for (const auto& [key, widget] : fields_) {
    QString pointer = key;
    widget->setProperty("pointer", row_ ? at + pointer.replace('.', '/') : QString());
  }
  targets_->setProperty("pointer", row_ ? at + "to" : QString());
  show_row();
}

QWidget* DependencyTrafficEditor::field(const QString& key) const {
  const auto it = fields_.find(key);
  return it == fields_.end() ? nullptr : it->second;
}

bool DependencyTrafficEditor::shows(const QString& key) const {
  const models::Dependency shown = row_.value_or(models::Dependency{});
  const Mode mode = shown.mode_or_default();
  if (key == "impact") return mode == Mode::kSoft;
  if (key == "hit_ratio" || key == "stale_if_error" || key == "warmup" || key == "stale_below") {
    return mode == Mode::kCache;
  }
  if (key == "routing" || key == "targets") return shown.is_list;
  return field(key) != nullptr;
}

void DependencyTrafficEditor::show_row() {
  const bool was_updating = updating_;
  updating_ = true;
  const models::Dependency d = row_.value_or(models::Dependency{});
  note_->setText(reason_);
  note_->setVisible(!reason_.isEmpty());
  setTitle(row_ ? tr("Traffic of %1 -> %2")
                      .arg(QString::fromStdString(d.from),
                           QString::fromStdString(d.to.empty() ? std::string() : d.to.front()) +
                               (d.to.size() > 1 ? QStringLiteral(", ...") : QString()))
                : tr("Traffic of the selected row"));
  calls_->setText(number_text(d.calls));
  retries_->setText(d.retries ? QString::number(*d.retries) : QString());
  mode_->setCurrentIndex(static_cast<int>(d.mode_or_default()));
  impact_->setText(number_text(d.impact));
  hit_ratio_->setText(number_text(d.hit_ratio));
  stale_if_error_->setText(hours_text(d.stale_if_error_hours));
  warmup_->setText(hours_text(d.warmup_hours));
  stale_below_->setText(number_text(d.stale_below));
  breaker_->setChecked(d.circuit_breaker.has_value());
  const models::CircuitBreaker breaker = d.circuit_breaker.value_or(default_breaker());
  threshold_->setText(number_text(breaker.threshold));
  open_for_->setText(hours_text(breaker.open_for_hours));
  routing_->setCurrentIndex(!d.routing ? 0 : d.routing == models::Routing::kFailover ? 1 : 2);
  {
    const QSignalBlocker quiet(targets_);
    targets_->setRowCount(d.is_list ? static_cast<int>(d.to.size()) : 0);
    for (std::size_t i = 0; d.is_list && i < d.to.size(); ++i) {
      const models::TargetTraffic own =
          i < d.target_traffic.size() ? d.target_traffic[i] : models::TargetTraffic{};
      const int r = static_cast<int>(i);
      auto* target = new QTableWidgetItem(QString::fromStdString(d.to[i]));
      target->setFlags(target->flags() & ~Qt::ItemIsEditable);
      targets_->setItem(r, kTarget, target);
      targets_->setItem(r, kCalls, new QTableWidgetItem(number_text(own.calls)));
      targets_->setItem(
          r, kRetries,
          new QTableWidgetItem(own.retries ? QString::number(*own.retries) : QString()));
      targets_->setItem(
          r, kThreshold,
          new QTableWidgetItem(own.circuit_breaker ? number_text(own.circuit_breaker->threshold)
                                                   : QString()));
      targets_->setItem(
          r, kOpenFor,
          new QTableWidgetItem(own.circuit_breaker ? hours_text(own.circuit_breaker->open_for_hours)
                                                   : QString()));
    }
  }
  for (const auto& [key, widget] : fields_) {
    if (widget == threshold_ || widget == open_for_) continue;
    form_->setRowVisible(widget, shows(key));
  }
  for (QWidget* w : {calls_, retries_, impact_, hit_ratio_, stale_if_error_, warmup_, stale_below_,
                     threshold_, open_for_}) {
    w->setStyleSheet({});
  }
  const bool on = reason_.isEmpty();
  for (const auto& [key, widget] : fields_) widget->setEnabled(on);
  threshold_->setEnabled(on && d.circuit_breaker.has_value());
  open_for_->setEnabled(on && d.circuit_breaker.has_value());
  updating_ = was_updating;
}

void DependencyTrafficEditor::read_targets() {
  if (updating_ || !row_ || !row_->is_list) return;
  std::vector<models::TargetTraffic> own(row_->to.size());
  bool all_read = true;
  bool any = false;
  for (int r = 0; r < targets_->rowCount() && r < static_cast<int>(own.size()); ++r) {
    auto text = [&](int column) {
      const QTableWidgetItem* item = targets_->item(r, column);
      return item == nullptr ? QString() : item->text().trimmed();
    };
    auto mark = [&](int column, bool ok) {
      if (QTableWidgetItem* item = targets_->item(r, column)) {
        const QSignalBlocker quiet(targets_);
        item->setBackground(ok ? QBrush() : QBrush(QColor(255, 214, 214)));
      }
      all_read = all_read && ok;
      return ok;
    };
    models::TargetTraffic& t = own[static_cast<std::size_t>(r)];
    if (!text(kCalls).isEmpty()) {
      const auto calls = parse_number(text(kCalls));
      if (mark(kCalls, calls.has_value())) t.calls = calls;
    } else {
      mark(kCalls, true);
    }
    if (!text(kRetries).isEmpty()) {
      const auto retries = parse_integer(text(kRetries));
      if (mark(kRetries, retries.has_value())) t.retries = retries;
    } else {
      mark(kRetries, true);
    }
    // A breaker of its own when either cell is filled; the other starts at the default.
    if (!text(kThreshold).isEmpty() || !text(kOpenFor).isEmpty()) {
      models::CircuitBreaker breaker = default_breaker();
      if (!text(kThreshold).isEmpty()) {
        const auto x = parse_number(text(kThreshold));
        if (mark(kThreshold, x.has_value())) breaker.threshold = *x;
      }
      if (!text(kOpenFor).isEmpty()) {
        const auto hours = parse_hours(text(kOpenFor));
        if (mark(kOpenFor, hours.has_value())) breaker.open_for_hours = *hours;
      }
      t.circuit_breaker = breaker;
    }
    any = any || !t.empty();
  }
  if (!all_read) return;  // marked; applied once every cell reads
  row_->target_traffic = any ? std::move(own) : std::vector<models::TargetTraffic>{};
  show_row();
  emit_edit(QStringLiteral("targets"));
}

void DependencyTrafficEditor::emit_edit(const QString& key) {
  if (updating_) return;
  emit edited(*row_, key);
}

}  // namespace nines::gui
