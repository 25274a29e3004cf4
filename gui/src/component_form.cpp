// The component form: spin boxes, distribution pickers, standby and crew, tagged with pointers.
#include "nines/gui/component_form.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

#include "nines/gui/distribution_editor.hpp"

namespace nines::gui {

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
  form->addRow(tr("Standby"), standby_);
  form->addRow(tr("Switchover"), switchover_);
  form->addRow(tr("switch_success"), switch_success_);
  form->addRow(tr("Dormant failure"), has_dormant_);
  form->addRow(QString(), dormant_);
  form->addRow(tr("Crew"), crew_);

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
  bind(failure_, &models::Component::failure, "failure");
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
  updating_ = false;
}

void ComponentForm::emit_edit(const QString& key) {
  if (updating_) return;
  emit edited(component_, key);
}

}  // namespace nines::gui
