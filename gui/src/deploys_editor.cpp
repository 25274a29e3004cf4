// The Deploys group: a field per deploy key, greyed out where the strategy does not use it.
#include "nines/gui/deploys_editor.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <cmath>

#include "nines/gui/distribution_editor.hpp"
#include "nines/models/duration.hpp"

namespace nines::gui {
namespace {

const QString kBad = QStringLiteral("background: #ffd6d6");

/// A bare number is hours; otherwise a duration with a unit.
std::optional<double> parse_hours(const QString& text) {
  bool ok = false;
  const double hours = text.trimmed().toDouble(&ok);
  if (ok) return hours;
  return models::parse_duration_text(text.toStdString());
}

QString hours_text(const std::optional<double>& hours) {
  if (!hours) return {};
  return std::isfinite(*hours) ? QString::fromStdString(models::format_duration(*hours))
                               : QString::number(*hours);
}

/// The laws a deploy's detection and rollback start at when the GUI states them.
const models::Distribution kDefaultDetection = models::Exponential{10.0 / 60.0};
const models::Distribution kDefaultRollback = models::Exponential{15.0 / 60.0};

}  // namespace

models::Deploys with_strategy(models::Deploys deploys, models::DeployStrategy strategy) {
  deploys.strategy = strategy;
  if (strategy != models::DeployStrategy::kAllAtOnce && !deploys.batch_interval_hours) {
    deploys.batch_interval_hours = 5.0 / 60.0;
  }
  if (strategy == models::DeployStrategy::kCanary) {
    if (!deploys.canary_fraction) deploys.canary_fraction = 0.1;
    if (!deploys.bake_hours) deploys.bake_hours = 0.5;
  }
  return deploys;
}

models::Deploys with_bad_probability(models::Deploys deploys, double bad_probability) {
  deploys.bad_probability = bad_probability;
  if (bad_probability > 0.0) {
    if (!deploys.detection) deploys.detection = kDefaultDetection;
    if (!deploys.rollback) deploys.rollback = kDefaultRollback;
  }
  return deploys;
}

bool strategy_uses(models::DeployStrategy strategy, const QString& key) {
  using S = models::DeployStrategy;
  if (key == "batch" || key == "batch_interval") return strategy != S::kAllAtOnce;
  if (key == "canary_fraction" || key == "bake") return strategy == S::kCanary;
  return true;
}

DeploysEditor::DeploysEditor(QWidget* parent) : QGroupBox(tr("Deploys"), parent) {
  setCheckable(true);
  setChecked(false);
  setToolTip(
      tr("Scheduled deploys (or maintenance windows: deploys that are never bad): each "
         "restarts the instances it reaches and, when bad, breaks them until its "
         "rollback ends"));
  form_ = new QFormLayout(this);
  period_ = duration_field(tr("e.g. 1w"));
  period_->setToolTip(tr("Time between deploys (fixed)"));
  first_at_ = duration_field(tr("period (not stated)"));
  first_at_->setToolTip(tr("When the first deploy is due (fixed; empty: one period in)"));
  bad_probability_ = new QDoubleSpinBox(this);
  bad_probability_->setRange(0.0, 1.0);
  bad_probability_->setDecimals(4);
  bad_probability_->setSingleStep(0.01);
  bad_probability_->setKeyboardTracking(false);
  bad_probability_->setToolTip(tr("Probability that a deploy is bad"));
  strategy_ = new QComboBox(this);
  strategy_->addItems({"all-at-once", "rolling", "canary"});
  strategy_->setToolTip(
      tr("How a deploy reaches the instances; keys it does not use are greyed "
         "out and kept"));
  batch_ = new QSpinBox(this);
  batch_->setRange(1, 1'000'000);
  batch_->setKeyboardTracking(false);
  batch_->setToolTip(tr("Instances per batch (rolling, and canary after its bake)"));
  batch_interval_ = duration_field(tr("needed by rolling and canary"));
  batch_interval_->setToolTip(tr("Time between batches (fixed)"));
  canary_fraction_ = new QLineEdit(this);
  canary_fraction_->setPlaceholderText(tr("needed by canary, e.g. 0.1"));
  canary_fraction_->setToolTip(tr("Share of the instances in the canary batch, in (0, 1]"));
  bake_ = duration_field(tr("needed by canary, e.g. 30m"));
  bake_->setToolTip(tr("From the canary batch to the first batch of the rest (fixed)"));
  has_detection_ = new QCheckBox(tr("Detection"), this);
  has_detection_->setToolTip(
      tr("From the due time to the verdict \"bad\" (needed when bad_probability > 0)"));
  detection_ = new DistributionEditor(this);
  detection_->set_distribution(kDefaultDetection);
  has_rollback_ = new QCheckBox(tr("Rollback"), this);
  has_rollback_->setToolTip(
      tr("From the verdict to the rollback's end (needed when bad_probability > 0)"));
  rollback_ = new DistributionEditor(this);
  rollback_->set_distribution(kDefaultRollback);
  restart_ = new DistributionEditor(this);
  restart_->setToolTip(tr("How long each instance reached is out, good deploy or bad"));
  // Tooltips on the labels: validation messages take over the fields' own tooltips.
  const auto row = [this](const QString& text, QWidget* field) {
    auto* label = new QLabel(text, this);
    label->setToolTip(field->toolTip());
    form_->addRow(label, field);
  };
  row(tr("Period"), period_);
  row(tr("first_at"), first_at_);
  row(tr("bad_probability"), bad_probability_);
  row(tr("Strategy"), strategy_);
  row(tr("Batch"), batch_);
  row(tr("batch_interval"), batch_interval_);
  row(tr("canary_fraction"), canary_fraction_);
  row(tr("Bake"), bake_);
  form_->addRow(has_detection_, detection_);
  form_->addRow(has_rollback_, rollback_);
  row(tr("Restart"), restart_);
  fields_ = {{"period", period_},
             {"first_at", first_at_},
             {"bad_probability", bad_probability_},
             {"strategy", strategy_},
             {"batch", batch_},
             {"batch_interval", batch_interval_},
             {"canary_fraction", canary_fraction_},
             {"bake", bake_},
             {"detection", detection_},
             {"rollback", rollback_},
             {"restart", restart_}};

  connect(this, &QGroupBox::toggled, this, [this](bool on) {
    if (updating_) return;
    if (on) {
      deploys_ = kept_;
    } else {
      if (deploys_) kept_ = *deploys_;
      deploys_.reset();
    }
    grey_unused_keys();
    emit_edit("deploys");
  });
  connect(period_, &QLineEdit::editingFinished, this, [this] {
    if (updating_ || !deploys_) return;
    const auto hours = parse_hours(period_->text());
    period_->setStyleSheet(hours ? QString() : kBad);
    if (!hours) return;
    deploys_->period_hours = *hours;
    emit_edit("deploys.period");
  });
  bind_duration(first_at_, "deploys.first_at", true, &models::Deploys::first_at_hours);
  bind_duration(batch_interval_, "deploys.batch_interval", true,
                &models::Deploys::batch_interval_hours);
  bind_duration(bake_, "deploys.bake", true, &models::Deploys::bake_hours);
  connect(bad_probability_, &QDoubleSpinBox::valueChanged, this, [this](double p) {
    if (updating_ || !deploys_) return;
    deploys_ = with_bad_probability(*deploys_, p);
    show_deploys();
    emit_edit("deploys.bad_probability");
  });
  connect(strategy_, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (updating_ || !deploys_ || index < 0) return;
    deploys_ = with_strategy(*deploys_, static_cast<models::DeployStrategy>(index));
    show_deploys();
    emit_edit("deploys.strategy");
  });
  connect(batch_, &QSpinBox::valueChanged, this, [this](int n) {
    if (updating_ || !deploys_) return;
    deploys_->batch = n;
    emit_edit("deploys.batch");
  });
  connect(canary_fraction_, &QLineEdit::editingFinished, this, [this] {
    if (updating_ || !deploys_) return;
    const QString text = canary_fraction_->text().trimmed();
    bool ok = true;
    const double fraction = text.isEmpty() ? 0.0 : text.toDouble(&ok);
    canary_fraction_->setStyleSheet(ok ? QString() : kBad);
    if (!ok) return;
    deploys_->canary_fraction = text.isEmpty() ? std::nullopt : std::optional<double>(fraction);
    emit_edit("deploys.canary_fraction");
  });
  const auto bind_law = [this](QCheckBox* states, DistributionEditor* editor,
                               std::optional<models::Distribution> models::Deploys::*member,
                               const QString& key) {
    connect(states, &QCheckBox::toggled, this, [=, this](bool on) {
      if (updating_ || !deploys_) return;
      (*deploys_).*member =
          on ? std::optional<models::Distribution>(editor->distribution()) : std::nullopt;
      editor->setEnabled(on);
      emit_edit(key);
    });
    connect(editor, &DistributionEditor::edited, this, [=, this](const models::Distribution& law) {
      if (updating_ || !deploys_) return;
      (*deploys_).*member = law;
      emit_edit(key);
    });
  };
  bind_law(has_detection_, detection_, &models::Deploys::detection, "deploys.detection");
  bind_law(has_rollback_, rollback_, &models::Deploys::rollback, "deploys.rollback");
  connect(restart_, &DistributionEditor::edited, this, [this](const models::Distribution& law) {
    if (updating_ || !deploys_) return;
    deploys_->restart = law;
    emit_edit("deploys.restart");
  });
  show_deploys();
}

QLineEdit* DeploysEditor::duration_field(const QString& placeholder) {
  auto* edit = new QLineEdit(this);
  edit->setPlaceholderText(placeholder);
  return edit;
}

void DeploysEditor::bind_duration(QLineEdit* edit, const QString& key, bool optional,
                                  std::optional<double> models::Deploys::*member) {
  connect(edit, &QLineEdit::editingFinished, this, [=, this] {
    if (updating_ || !deploys_) return;
    const QString text = edit->text().trimmed();
    const auto hours = text.isEmpty() ? std::nullopt : parse_hours(text);
    const bool ok = hours.has_value() || (optional && text.isEmpty());
    edit->setStyleSheet(ok ? QString() : kBad);
    edit->setToolTip(ok ? QString()
                        : tr("Not a duration: write hours or a number with a unit "
                             "(s, m, h, d, w, y), e.g. \"5m\""));
    if (!ok) return;
    (*deploys_).*member = hours;
    emit_edit(key);
  });
}

void DeploysEditor::set_deploys(const std::optional<models::Deploys>& deploys,
                                const QString& pointer) {
  const QString at = pointer + "/deploys";
  // Another component: what a check starts from is its own deploys, else the defaults (never the
  // last component's).
  if (at != property("pointer").toString()) kept_ = models::Deploys{};
  deploys_ = deploys;
  if (deploys_) kept_ = *deploys_;
  setProperty("pointer", at);
  for (const auto& [key, widget] : fields_) widget->setProperty("pointer", at + "/" + key);
  show_deploys();
}

QWidget* DeploysEditor::field(const QString& key) const {
  const auto it = fields_.find(key);
  return it == fields_.end() ? nullptr : it->second;
}

QCheckBox* DeploysEditor::states(const QString& key) const {
  if (key == "detection") return has_detection_;
  if (key == "rollback") return has_rollback_;
  return nullptr;
}

void DeploysEditor::show_deploys() {
  const bool was_updating = updating_;
  updating_ = true;
  setChecked(deploys_.has_value());
  const models::Deploys& d = deploys_ ? *deploys_ : kept_;
  period_->setText(hours_text(d.period_hours));
  first_at_->setText(hours_text(d.first_at_hours));
  bad_probability_->setValue(d.bad_probability);
  strategy_->setCurrentIndex(static_cast<int>(d.strategy));
  batch_->setValue(static_cast<int>(std::min<std::int64_t>(d.batch, batch_->maximum())));
  batch_interval_->setText(hours_text(d.batch_interval_hours));
  canary_fraction_->setText(d.canary_fraction ? QString::number(*d.canary_fraction, 'g', 12)
                                              : QString());
  bake_->setText(hours_text(d.bake_hours));
  has_detection_->setChecked(d.detection.has_value());
  // Not stated: the law checking the box would state.
  detection_->set_distribution(d.detection.value_or(kDefaultDetection));
  has_rollback_->setChecked(d.rollback.has_value());
  rollback_->set_distribution(d.rollback.value_or(kDefaultRollback));
  restart_->set_distribution(d.restart);
  for (QLineEdit* edit : {period_, first_at_, batch_interval_, canary_fraction_, bake_}) {
    edit->setStyleSheet({});
  }
  grey_unused_keys();
  updating_ = was_updating;
}

void DeploysEditor::grey_unused_keys() {
  // Unchecked, everything is disabled (as QGroupBox does); checked, the strategy decides.
  const bool on = deploys_.has_value();
  const models::Deploys& d = on ? *deploys_ : kept_;
  for (const auto& [key, widget] : fields_) {
    const bool used = strategy_uses(d.strategy, key);
    widget->setEnabled(on && used);
    if (QWidget* label = form_->labelForField(widget)) label->setEnabled(on && used);
  }
  has_detection_->setEnabled(on);
  has_rollback_->setEnabled(on);
  detection_->setEnabled(on && d.detection.has_value());
  rollback_->setEnabled(on && d.rollback.has_value());
}

void DeploysEditor::emit_edit(const QString& key) {
  if (updating_) return;
  emit edited(deploys_, key);
}

}  // namespace nines::gui
