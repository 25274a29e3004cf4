// The component form: spin boxes, distribution pickers, standby and crew, tagged with pointers.
#include "nines/gui/component_form.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <algorithm>

#include "nines/gui/component_traffic_editor.hpp"
#include "nines/gui/deploys_editor.hpp"
#include "nines/gui/distribution_editor.hpp"
#include "nines/models/duration.hpp"

namespace nines::gui {
namespace {

/// What `undetected` starts at when the GUI states it: a missed failure found after a day.
const models::Distribution kDefaultUndetected = models::Exponential{24.0};

/// A bare number is hours; otherwise a duration with a unit.
std::optional<double> parse_hours(const QString& text) {
  bool ok = false;
  const double hours = text.trimmed().toDouble(&ok);
  if (ok) return hours;
  return models::parse_duration_text(text.toStdString());
}

}  // namespace

models::Component with_coverage(models::Component component, double coverage) {
  component.coverage = coverage;
  if (coverage < 1.0 && !component.undetected && !component.inspections) {
    component.undetected = kDefaultUndetected;
  }
  return component;
}

ComponentForm::ComponentForm(QWidget* parent) : QWidget(parent) {
  auto* form = new QFormLayout(this);
  description_ = new QLineEdit(this);
  instances_ = new QSpinBox(this);
  instances_->setRange(1, 1'000'000);
  instances_->setKeyboardTracking(false);
  min_up_ = new QSpinBox(this);
  // Wider than the rule allows on purpose: the loader's check says what is wrong.
  min_up_->setRange(1, 1'000'000);
  min_up_->setKeyboardTracking(false);
  failure_ = new DistributionEditor(this);
  failure_->set_never_allowed(true);
  detection_ = new DistributionEditor(this);
  repair_ = new DistributionEditor(this);
  standby_ = new QComboBox(this);
  standby_->addItems({"hot", "warm", "cold"});
  switchover_ = new DistributionEditor(this);
  switch_success_ = new QDoubleSpinBox(this);
  switch_success_->setRange(0.0, 1.0);
  switch_success_->setDecimals(4);
  switch_success_->setSingleStep(0.01);
  switch_success_->setKeyboardTracking(false);
  has_dormant_ = new QCheckBox(tr("idle instances fail (warm only)"), this);
  dormant_ = new DistributionEditor(this);
  crew_ = new QComboBox(this);
  form->addRow(tr("Description"), description_);
  form->addRow(tr("Instances"), instances_);
  form->addRow(tr("min_up"), min_up_);
  form->addRow(tr("Failure"), failure_);
  form->addRow(tr("Detection"), detection_);
  form->addRow(tr("Repair"), repair_);
  // Monitoring: how many failures are caught, and how the missed ones come to light.
  monitoring_ = new QGroupBox(tr("Monitoring"), this);
  auto* monitoring = new QFormLayout(monitoring_);
  coverage_ = new QDoubleSpinBox(monitoring_);
  coverage_->setRange(0.0, 1.0);
  coverage_->setDecimals(4);
  coverage_->setSingleStep(0.01);
  coverage_->setKeyboardTracking(false);
  missed_ = new QComboBox(monitoring_);
  missed_->addItems({tr("not stated (every failure caught)"), tr("after a law (undetected)"),
                     tr("at inspections every")});
  undetected_ = new DistributionEditor(monitoring_);
  undetected_->set_distribution(kDefaultUndetected);
  inspection_every_ = new QLineEdit(monitoring_);
  inspection_every_->setPlaceholderText(tr("e.g. 1d"));
  auto* coverage_label = new QLabel(tr("Coverage"), monitoring_);
  coverage_label->setToolTip(
      tr("Probability that a failure is caught (then detected after Detection)"));
  monitoring->addRow(coverage_label, coverage_);
  auto* missed_label = new QLabel(tr("Missed found"), monitoring_);
  missed_label->setToolTip(
      tr("How a failure the monitoring missed comes to light: after a draw "
         "of the undetected law, or at the next inspection"));
  monitoring->addRow(missed_label, missed_);
  monitoring->addRow(tr("Undetected"), undetected_);
  monitoring->addRow(tr("Inspections every"), inspection_every_);
  form->addRow(monitoring_);
  form->addRow(tr("Standby"), standby_);
  form->addRow(tr("Switchover"), switchover_);
  form->addRow(tr("switch_success"), switch_success_);
  form->addRow(tr("Dormant failure"), has_dormant_);
  form->addRow(QString(), dormant_);
  form->addRow(tr("Crew"), crew_);
  placement_mode_ = new QComboBox(this);
  placement_mode_->addItems({tr("none (outside every zone)"),
                             tr("round-robin over the checked zones"), tr("counts per zone")});
  placement_ = new QTableWidget(0, 2, this);
  placement_->setHorizontalHeaderLabels({tr("zone (round-robin)"), tr("count")});
  placement_->horizontalHeader()->setStretchLastSection(true);
  placement_->verticalHeader()->setVisible(false);
  placement_->setMinimumHeight(90);
  form->addRow(tr("Placement"), placement_mode_);
  form->addRow(QString(), placement_);
  deploys_ = new DeploysEditor(this);
  form->addRow(deploys_);
  traffic_ = new ComponentTrafficEditor(this);
  form->addRow(traffic_);
  connect(traffic_, &ComponentTrafficEditor::edited, this,
          [this](const ComponentTraffic& traffic, const QString& key) {
            component_.capacity_rps = traffic.capacity_rps;
            component_.overload = traffic.overload;
            component_.load_shedding = traffic.load_shedding;
            emit_edit(key);
          });
  connect(deploys_, &DeploysEditor::edited, this,
          [this](const std::optional<models::Deploys>& deploys, const QString& key) {
            component_.deploys = deploys;
            emit_edit(key);
          });
  connect(coverage_, &QDoubleSpinBox::valueChanged, this, [this](double c) {
    if (updating_) return;
    component_ = with_coverage(component_, c);
    show_monitoring();
    emit_edit("coverage");
  });
  connect(missed_, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (!updating_ && index >= 0) edit_missed(static_cast<Missed>(index));
  });
  connect(undetected_, &DistributionEditor::edited, this, [this](const models::Distribution& d) {
    if (updating_ || !component_.undetected) return;
    component_.undetected = d;
    emit_edit("undetected");
  });
  connect(inspection_every_, &QLineEdit::editingFinished, this, [this] {
    if (updating_ || !component_.inspections) return;
    const auto hours = parse_hours(inspection_every_->text());
    inspection_every_->setStyleSheet(hours ? QString() : QStringLiteral("background: #ffd6d6"));
    if (!hours) return;
    component_.inspections->every_hours = *hours;
    emit_edit("undetected.inspection_every");
  });
  connect(placement_mode_, &QComboBox::currentIndexChanged, this, [this] { edit_placement(); });
  connect(placement_, &QTableWidget::itemChanged, this, [this] { edit_placement(); });

  connect(description_, &QLineEdit::editingFinished, this, [this] {
    component_.description = description_->text().toStdString();
    emit_edit("description");
  });
  connect(instances_, &QSpinBox::valueChanged, this, [this](int v) {
    component_.instances = v;
    emit_edit("instances");
  });
  connect(min_up_, &QSpinBox::valueChanged, this, [this](int v) {
    component_.min_up = v;
    emit_edit("min_up");
  });
  auto bind = [this](DistributionEditor* editor, models::Distribution models::Component::*law,
                     const QString& key) {
    connect(editor, &DistributionEditor::edited, this,
            [this, law, key](const models::Distribution& d) {
              component_.*law = d;
              emit_edit(key);
            });
  };
  connect(failure_, &DistributionEditor::edited, this, [this](const models::Distribution& d) {
    component_.failure = d;
    if (models::is_never(d)) {
      // A component that never fails has none of the keys of failing; the loader says so of a
      // file that keeps them, so the form drops them rather than save an invalid model.
      const models::Component defaults;
      component_.repair = defaults.repair;
      component_.detection = defaults.detection;
      component_.standby = defaults.standby;
      component_.crew.clear();
      component_.coverage.reset();
      component_.undetected.reset();
      component_.inspections.reset();
      show_monitoring();
      const bool was_updating = updating_;
      updating_ = true;
      detection_->set_distribution(component_.detection);
      repair_->set_distribution(component_.repair);
      standby_->setCurrentIndex(static_cast<int>(component_.standby.mode));
      has_dormant_->setChecked(false);
      crew_->setCurrentIndex(0);
      updating_ = was_updating;
    }
    enable_failing_keys();
    emit_edit("failure");
  });
  bind(detection_, &models::Component::detection, "detection");
  bind(repair_, &models::Component::repair, "repair");
  connect(switchover_, &DistributionEditor::edited, this, [this](const models::Distribution& d) {
    component_.standby.switchover = d;
    emit_edit("standby.switchover");
  });
  connect(dormant_, &DistributionEditor::edited, this, [this](const models::Distribution& d) {
    component_.standby.dormant_failure = d;
    emit_edit("standby.dormant_failure");
  });
  connect(standby_, &QComboBox::currentIndexChanged, this, [this](int index) {
    component_.standby.mode = static_cast<models::StandbyMode>(index);
    emit_edit("standby.mode");
  });
  connect(switch_success_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
    component_.standby.switch_success = v;
    emit_edit("standby.switch_success");
  });
  connect(has_dormant_, &QCheckBox::toggled, this, [this](bool on) {
    if (on) {
      component_.standby.dormant_failure = dormant_->distribution();
    } else {
      component_.standby.dormant_failure.reset();
    }
    emit_edit("standby.dormant_failure");
  });
  connect(crew_, &QComboBox::currentIndexChanged, this, [this](int index) {
    component_.crew = index <= 0 ? std::string() : crew_->itemText(index).toStdString();
    emit_edit("crew");
  });
}

void ComponentForm::set_component(const models::Model& model, std::size_t index) {
  updating_ = true;
  component_ = model.components.at(index);
  const QString pointer = QStringLiteral("/components/%1/").arg(index);
  // Validation messages name JSON pointers; the editor highlights the widget holding one.
  auto tag = [&](QWidget* w, const char* key) { w->setProperty("pointer", pointer + key); };
  tag(description_, "description");
  tag(instances_, "instances");
  tag(min_up_, "min_up");
  tag(failure_, "failure");
  tag(detection_, "detection");
  tag(repair_, "repair");
  tag(standby_, "standby/mode");
  tag(switchover_, "standby/switchover");
  tag(switch_success_, "standby/switch_success");
  tag(dormant_, "standby/dormant_failure");
  tag(crew_, "crew");
  description_->setText(QString::fromStdString(component_.description));
  instances_->setValue(static_cast<int>(component_.instances));
  min_up_->setValue(static_cast<int>(component_.min_up));
  failure_->set_distribution(component_.failure);
  detection_->set_distribution(component_.detection);
  repair_->set_distribution(component_.repair);
  standby_->setCurrentIndex(static_cast<int>(component_.standby.mode));
  switchover_->set_distribution(component_.standby.switchover);
  switch_success_->setValue(component_.standby.switch_success);
  has_dormant_->setChecked(component_.standby.dormant_failure.has_value());
  dormant_->set_distribution(
      component_.standby.dormant_failure.value_or(models::Distribution{models::Exponential{}}));
  dormant_->setEnabled(component_.standby.dormant_failure.has_value());
  crew_->clear();
  crew_->addItem(tr("(none: repairs start at once)"));
  for (const auto& crew : model.crews) crew_->addItem(QString::fromStdString(crew.id));
  const int crew_index = crew_->findText(QString::fromStdString(component_.crew));
  crew_->setCurrentIndex(component_.crew.empty() || crew_index < 0 ? 0 : crew_index);
  enable_failing_keys();
  zone_ids_.clear();
  for (const auto& zone : model.zones) zone_ids_.push_back(zone.id);
  tag(placement_mode_, "placement");
  show_placement();
  tag(coverage_, "coverage");
  tag(undetected_, "undetected");
  tag(inspection_every_, "undetected/inspection_every");
  show_monitoring();
  deploys_->set_deploys(component_.deploys, QStringLiteral("/components/%1").arg(index));
  traffic_->set_traffic(traffic_of(component_), model.load.has_value(),
                        QStringLiteral("/components/%1").arg(index));
  updating_ = false;
}

void ComponentForm::show_placement() {
  const bool was_updating = updating_;
  updating_ = true;
  const Placement mode = !component_.placement.empty() ? Placement::kCounts
                         : !component_.zones.empty()   ? Placement::kRoundRobin
                                                       : Placement::kNone;
  placement_mode_->setCurrentIndex(static_cast<int>(mode));
  // Rows: the model's zones, then ids the component names that the model does not have (so an
  // unknown id stays visible until the loader's message is dealt with).
  std::vector<std::string> rows = zone_ids_;
  for (const auto& id : component_.zones) {
    if (std::find(rows.begin(), rows.end(), id) == rows.end()) rows.push_back(id);
  }
  for (const auto& entry : component_.placement) {
    if (std::find(rows.begin(), rows.end(), entry.first) == rows.end()) rows.push_back(entry.first);
  }
  placement_->setRowCount(static_cast<int>(rows.size()));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto* zone = new QTableWidgetItem(QString::fromStdString(rows[i]));
    zone->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    const bool used = std::find(component_.zones.begin(), component_.zones.end(), rows[i]) !=
                      component_.zones.end();
    zone->setCheckState(used ? Qt::Checked : Qt::Unchecked);
    std::int64_t count = 0;
    for (const auto& entry : component_.placement) {
      if (entry.first == rows[i]) count = entry.second;
    }
    placement_->setItem(static_cast<int>(i), 0, zone);
    placement_->setItem(static_cast<int>(i), 1, new QTableWidgetItem(QString::number(count)));
  }
  placement_->setEnabled(mode != Placement::kNone);
  placement_->setColumnHidden(1, mode != Placement::kCounts);
  placement_->setProperty("pointer",
                          placement_mode_->property("pointer").toString().replace(
                              "placement", mode == Placement::kCounts ? "placement" : "zones"));
  updating_ = was_updating;
}

void ComponentForm::edit_placement() {
  if (updating_) return;
  const auto mode = static_cast<Placement>(placement_mode_->currentIndex());
  const bool was_counts = !component_.placement.empty();
  const bool was_round_robin = !component_.zones.empty();
  std::vector<std::string> checked;
  std::vector<std::pair<std::string, std::int64_t>> counts;
  for (int row = 0; row < placement_->rowCount(); ++row) {
    const QTableWidgetItem* zone = placement_->item(row, 0);
    const QTableWidgetItem* count = placement_->item(row, 1);
    if (zone == nullptr) continue;
    const std::string id = zone->text().toStdString();
    if (zone->checkState() == Qt::Checked) checked.push_back(id);
    const std::int64_t n = count == nullptr ? 0 : count->text().toLongLong();
    if (n != 0) counts.emplace_back(id, n);
  }
  component_.zones.clear();
  component_.placement.clear();
  if (mode == Placement::kRoundRobin) {
    // Switching to round-robin starts from every zone the counts used, else every zone.
    if (checked.empty() || (!was_round_robin && was_counts)) {
      checked.clear();
      for (const auto& [id, n] : counts) checked.push_back(id);
    }
    if (checked.empty()) checked = zone_ids_;
    component_.zones = checked;
  } else if (mode == Placement::kCounts) {
    if (!was_counts) {
      // From round-robin (or nothing): the same instances per zone, counted.
      const std::vector<std::string> over = checked.empty() ? zone_ids_ : checked;
      counts.clear();
      for (std::size_t i = 0; i < over.size(); ++i) {
        const auto n = component_.instances / static_cast<std::int64_t>(over.size()) +
                       (static_cast<std::int64_t>(i) <
                                component_.instances % static_cast<std::int64_t>(over.size())
                            ? 1
                            : 0);
        if (n > 0) counts.emplace_back(over[i], n);
      }
    }
    std::sort(counts.begin(), counts.end());
    component_.placement = counts;
    // As in a model file, counts give the pool's size ("instances" follows "placement").
    std::int64_t sum = 0;
    for (const auto& entry : counts) sum += entry.second;
    if (sum > 0) {
      component_.instances = sum;
      const bool was_updating = updating_;
      updating_ = true;
      instances_->setValue(static_cast<int>(sum));
      updating_ = was_updating;
    }
  }
  show_placement();
  emit_edit("placement");
}

void ComponentForm::show_monitoring() {
  const bool was_updating = updating_;
  updating_ = true;
  coverage_->setValue(component_.coverage.value_or(1.0));
  const Missed mode = component_.inspections  ? Missed::kInspections
                      : component_.undetected ? Missed::kLaw
                                              : Missed::kNotStated;
  missed_->setCurrentIndex(static_cast<int>(mode));
  // Not stated: the law a switch to "after a law" would state.
  undetected_->set_distribution(component_.undetected.value_or(kDefaultUndetected));
  undetected_->setEnabled(mode == Missed::kLaw);
  inspection_every_->setText(
      component_.inspections
          ? QString::fromStdString(models::format_duration(component_.inspections->every_hours))
          : QString());
  inspection_every_->setStyleSheet({});
  inspection_every_->setEnabled(mode == Missed::kInspections);
  updating_ = was_updating;
}

void ComponentForm::edit_missed(Missed mode) {
  component_.undetected.reset();
  component_.inspections.reset();
  if (mode == Missed::kNotStated) {
    // Every failure caught: coverage goes too (below 1 alone the loader refuses it).
    component_.coverage.reset();
  } else {
    if (!component_.coverage) component_.coverage = coverage_->value();
    if (mode == Missed::kLaw) {
      component_.undetected = undetected_->distribution();
    } else {
      const auto every = parse_hours(inspection_every_->text());
      component_.inspections = models::Inspections{every.value_or(24.0)};
    }
  }
  show_monitoring();
  emit_edit("undetected");
}

void ComponentForm::enable_failing_keys() {
  const bool fails = !models::is_never(component_.failure);
  for (QWidget* w :
       std::initializer_list<QWidget*>{detection_, repair_, standby_, switchover_, switch_success_,
                                       has_dormant_, crew_, monitoring_}) {
    w->setEnabled(fails);
  }
  dormant_->setEnabled(fails && component_.standby.dormant_failure.has_value());
}

void ComponentForm::emit_edit(const QString& key) {
  if (updating_) return;
  emit edited(component_, key);
}

}  // namespace nines::gui
