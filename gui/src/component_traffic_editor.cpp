// The component's traffic group: capacity_rps, overload (two law pickers) and load_shedding.
#include "nines/gui/component_traffic_editor.hpp"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <cmath>

#include "nines/gui/distribution_editor.hpp"

namespace nines::gui {
namespace {

const QString kBad = QStringLiteral("background: #ffd6d6");

}  // namespace

ComponentTraffic traffic_of(const models::Component& component) {
  return {component.capacity_rps, component.overload, component.load_shedding};
}

ComponentTrafficEditor::ComponentTrafficEditor(QWidget* parent) : QGroupBox(tr("Traffic"), parent) {
  setToolTip(
      tr("How much load one instance carries and what happens above it (docs/traffic.md); "
         "needs a top-level load"));
  auto* form = new QFormLayout(this);
  note_ = new QLabel(this);
  note_->setWordWrap(true);
  form->addRow(note_);
  capacity_ = new QLineEdit(this);
  capacity_->setPlaceholderText(tr("unlimited"));
  capacity_->setToolTip(
      tr("capacity_rps: requests per second one serving instance processes (> 0); empty: "
         "unlimited"));
  auto* capacity_label = new QLabel(tr("Capacity (rps)"), this);
  capacity_label->setToolTip(capacity_->toolTip());
  form->addRow(capacity_label, capacity_);
  shedding_ = new QCheckBox(tr("load shedding"), this);
  shedding_->setToolTip(
      tr("load_shedding: reject the demand above capacity instead of being overloaded (needs "
         "capacity_rps; wins over overload)"));
  form->addRow(QString(), shedding_);
  overload_ = new QGroupBox(tr("Overload crashes"), this);
  overload_->setCheckable(true);
  overload_->setChecked(false);
  overload_->setToolTip(
      tr("overload: while demand exceeds capacity each serving instance crashes after a draw of "
         "crash_after and restarts after a draw of restart (needs capacity_rps); unchecked, the "
         "component saturates and never crashes"));
  auto* laws = new QFormLayout(overload_);
  crash_after_ = new DistributionEditor(overload_);
  restart_ = new DistributionEditor(overload_);
  laws->addRow(tr("Crash after"), crash_after_);
  laws->addRow(tr("Restart"), restart_);
  form->addRow(overload_);

  connect(capacity_, &QLineEdit::editingFinished, this, [this] {
    if (updating_) return;
    const QString text = capacity_->text().trimmed();
    bool ok = true;
    const double rps = text.isEmpty() ? 0.0 : text.toDouble(&ok);
    ok = ok && std::isfinite(rps);
    capacity_->setStyleSheet(ok ? QString() : kBad);
    if (!ok) return;
    traffic_.capacity_rps = text.isEmpty() ? std::nullopt : std::optional<double>(rps);
    emit_edit(QStringLiteral("capacity_rps"));
  });
  connect(shedding_, &QCheckBox::toggled, this, [this](bool on) {
    if (updating_) return;
    // Unchecked is "not stated" (false), as a file without the key.
    traffic_.load_shedding = on ? std::optional<bool>(true) : std::nullopt;
    emit_edit(QStringLiteral("load_shedding"));
  });
  connect(overload_, &QGroupBox::toggled, this, [this](bool on) {
    if (updating_) return;
    if (on) {
      traffic_.overload = kept_overload_;
    } else {
      if (traffic_.overload) kept_overload_ = *traffic_.overload;
      traffic_.overload.reset();
    }
    show_traffic();
    emit_edit(QStringLiteral("overload"));
  });
  const auto bind_law = [this](DistributionEditor* editor,
                               models::Distribution models::Overload::*law, const QString& key) {
    connect(editor, &DistributionEditor::edited, this, [=, this](const models::Distribution& d) {
      if (updating_ || !traffic_.overload) return;
      (*traffic_.overload).*law = d;
      emit_edit(key);
    });
  };
  bind_law(crash_after_, &models::Overload::crash_after, QStringLiteral("overload.crash_after"));
  bind_law(restart_, &models::Overload::restart, QStringLiteral("overload.restart"));
  show_traffic();
}

void ComponentTrafficEditor::set_traffic(const ComponentTraffic& traffic, bool has_load,
                                         const QString& pointer) {
  // Another component: what a check of "Overload" starts from is its own, else the defaults.
  if (pointer != pointer_) kept_overload_ = models::Overload{};
  pointer_ = pointer;
  if (traffic.overload) kept_overload_ = *traffic.overload;
  traffic_ = traffic;
  has_load_ = has_load;
  capacity_->setProperty("pointer", pointer + "/capacity_rps");
  shedding_->setProperty("pointer", pointer + "/load_shedding");
  overload_->setProperty("pointer", pointer + "/overload");
  crash_after_->setProperty("pointer", pointer + "/overload/crash_after");
  restart_->setProperty("pointer", pointer + "/overload/restart");
  show_traffic();
}

QString ComponentTrafficEditor::disabled_reason() const {
  return has_load_ ? QString()
                   : tr("Traffic keys need a top-level load: check \"Load (traffic)\" in the "
                        "Load tab first.");
}

void ComponentTrafficEditor::show_traffic() {
  const bool was_updating = updating_;
  updating_ = true;
  note_->setText(disabled_reason());
  note_->setVisible(!has_load_);
  capacity_->setText(traffic_.capacity_rps ? QString::number(*traffic_.capacity_rps, 'g', 12)
                                           : QString());
  capacity_->setStyleSheet({});
  shedding_->setChecked(traffic_.load_shedding.value_or(false));
  overload_->setChecked(traffic_.overload.has_value());
  const models::Overload& shown = traffic_.overload ? *traffic_.overload : kept_overload_;
  crash_after_->set_distribution(shown.crash_after);
  restart_->set_distribution(shown.restart);
  for (QWidget* w : std::initializer_list<QWidget*>{capacity_, shedding_, overload_}) {
    w->setEnabled(has_load_);
  }
  // A checkable group disables its children while unchecked; the laws follow it.
  crash_after_->setEnabled(has_load_ && traffic_.overload.has_value());
  restart_->setEnabled(has_load_ && traffic_.overload.has_value());
  updating_ = was_updating;
}

void ComponentTrafficEditor::emit_edit(const QString& key) {
  if (updating_) return;
  emit edited(traffic_, key);
}

}  // namespace nines::gui
