// The distribution picker: type combo plus one or two text fields in the model file's terms.
#include "nines/gui/distribution_editor.hpp"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <cmath>
#include <optional>

#include "nines/models/duration.hpp"

namespace nines::gui {
namespace {

const QStringList kTypes{"exponential", "weibull", "lognormal", "normal",
                         "gamma",       "uniform", "fixed",     "empirical"};

QString duration_text(double hours) {
  return std::isfinite(hours) ? QString::fromStdString(models::format_duration(hours))
                              : QString::number(hours);
}

/// A bare number is hours; otherwise a duration with a unit.
std::optional<double> parse_duration(const QString& text) {
  bool ok = false;
  const double hours = text.trimmed().toDouble(&ok);
  if (ok) return hours;
  return models::parse_duration_text(text.toStdString());
}

std::optional<double> parse_number(const QString& text) {
  bool ok = false;
  const double value = text.trimmed().toDouble(&ok);
  if (!ok) return std::nullopt;
  return value;
}

/// Field names and texts of a law, as in model files.
struct Fields {
  QString first_label;
  QString first;
  QString second_label;
  QString second;
};

Fields fields_of(const models::Distribution& law) {
  using namespace models;
  if (const auto* d = std::get_if<Exponential>(&law))
    return {"mean", duration_text(d->mean_hours), {}, {}};
  if (const auto* d = std::get_if<Weibull>(&law)) {
    return {"shape", QString::number(d->shape), "scale", duration_text(d->scale_hours)};
  }
  if (const auto* d = std::get_if<Lognormal>(&law)) {
    return {"median", duration_text(std::exp(d->mu_log_hours)), "sigma", QString::number(d->sigma)};
  }
  if (const auto* d = std::get_if<Normal>(&law)) {
    return {"mean", duration_text(d->mean_hours), "stddev", duration_text(d->stddev_hours)};
  }
  if (const auto* d = std::get_if<Gamma>(&law)) {
    return {"shape", QString::number(d->shape), "scale", duration_text(d->scale_hours)};
  }
  if (const auto* d = std::get_if<Uniform>(&law)) {
    return {"min", duration_text(d->min_hours), "max", duration_text(d->max_hours)};
  }
  if (const auto* d = std::get_if<Fixed>(&law))
    return {"value", duration_text(d->value_hours), {}, {}};
  if (std::holds_alternative<Never>(law)) return {};
  QStringList samples;
  for (double s : std::get<Empirical>(law).samples_hours) samples << duration_text(s);
  return {"samples", samples.join(", "), {}, {}};
}

}  // namespace

DistributionEditor::DistributionEditor(QWidget* parent) : QWidget(parent) {
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  type_ = new QComboBox(this);
  type_->addItems(kTypes);
  first_label_ = new QLabel(this);
  first_ = new QLineEdit(this);
  second_label_ = new QLabel(this);
  second_ = new QLineEdit(this);
  grid->addWidget(type_, 0, 0, 1, 2);
  grid->addWidget(first_label_, 1, 0);
  grid->addWidget(first_, 1, 1);
  grid->addWidget(second_label_, 2, 0);
  grid->addWidget(second_, 2, 1);
  connect(type_, &QComboBox::currentIndexChanged, this, &DistributionEditor::change_type);
  connect(first_, &QLineEdit::editingFinished, this, &DistributionEditor::apply_text);
  connect(second_, &QLineEdit::editingFinished, this, &DistributionEditor::apply_text);
  show_fields();
}

void DistributionEditor::set_never_allowed(bool allowed) {
  const bool shown = type_->count() > kTypes.size();
  if (allowed == shown) return;
  updating_ = true;
  // The combo's index is the law's index in models::Distribution, where Never comes last.
  if (allowed) {
    type_->addItem(QStringLiteral("never"));
  } else {
    type_->removeItem(static_cast<int>(kTypes.size()));
  }
  updating_ = false;
}

void DistributionEditor::set_distribution(const models::Distribution& law) {
  law_ = law;
  show_fields();
}

void DistributionEditor::show_fields() {
  updating_ = true;
  type_->setCurrentIndex(static_cast<int>(law_.index()));
  const Fields f = fields_of(law_);
  first_label_->setText(f.first_label);
  first_label_->setVisible(!f.first_label.isEmpty());
  first_->setVisible(!f.first_label.isEmpty());
  first_->setText(f.first);
  first_->setStyleSheet({});
  second_label_->setText(f.second_label);
  second_->setText(f.second);
  second_->setStyleSheet({});
  second_label_->setVisible(!f.second_label.isEmpty());
  second_->setVisible(!f.second_label.isEmpty());
  updating_ = false;
}

void DistributionEditor::change_type(int index) {
  if (updating_) return;
  using namespace models;
  // The new law keeps the old mean where it has one, so a type change is not a jump.
  double mean = mean_hours(law_);
  if (!(mean > 0.0) || !std::isfinite(mean)) mean = 1.0;
  switch (index) {
    case 0:
      law_ = Exponential{mean};
      break;
    case 1:
      law_ = Weibull{1.0, mean};
      break;
    case 2:
      law_ = Lognormal{std::log(mean) - 0.5, 1.0};
      break;
    case 3:
      law_ = Normal{mean, mean / 4.0};
      break;
    case 4:
      law_ = Gamma{1.0, mean};
      break;
    case 5:
      law_ = Uniform{0.0, 2.0 * mean};
      break;
    case 6:
      law_ = Fixed{mean};
      break;
    case 7:
      law_ = Empirical{{mean}};
      break;
    default:
      law_ = Never{};
      break;
  }
  show_fields();
  emit edited(law_);
}

void DistributionEditor::apply_text() {
  // editingFinished also fires on leaving an untouched field; re-reading shown text (a lognormal
  // median, say) must not become an edit.
  if (updating_ || (!first_->isModified() && !second_->isModified())) return;
  first_->setModified(false);
  second_->setModified(false);
  using namespace models;
  const QString bad = QStringLiteral("background: #ffd6d6");
  auto duration = [&](QLineEdit* edit) {
    auto v = parse_duration(edit->text());
    edit->setStyleSheet(v ? QString() : bad);
    edit->setToolTip(v ? QString()
                       : tr("Not a duration: write hours or a number with a unit "
                            "(s, m, h, d, w, y), e.g. \"45m\""));
    return v;
  };
  auto number = [&](QLineEdit* edit) {
    auto v = parse_number(edit->text());
    edit->setStyleSheet(v ? QString() : bad);
    return v;
  };
  std::optional<Distribution> next;
  switch (law_.index()) {
    case 0:
      if (auto m = duration(first_)) next = Exponential{*m};
      break;
    case 1:
      if (auto k = number(first_), s = duration(second_); k && s) next = Weibull{*k, *s};
      break;
    case 2:
      if (auto m = duration(first_), s = number(second_); m && s) {
        next = Lognormal{std::log(*m), *s};
      }
      break;
    case 3:
      if (auto m = duration(first_), s = duration(second_); m && s) next = Normal{*m, *s};
      break;
    case 4:
      if (auto k = number(first_), s = duration(second_); k && s) next = Gamma{*k, *s};
      break;
    case 5:
      if (auto a = duration(first_), b = duration(second_); a && b) next = Uniform{*a, *b};
      break;
    case 6:
      if (auto v = duration(first_)) next = Fixed{*v};
      break;
    case 8:
      return;  // "never" has no field
    default: {
      Empirical e;
      bool ok = true;
      for (const QString& part : first_->text().split(',', Qt::SkipEmptyParts)) {
        auto v = parse_duration(part);
        if (!v) ok = false;
        if (v) e.samples_hours.push_back(*v);
      }
      first_->setStyleSheet(ok ? QString() : bad);
      if (ok) next = e;
    }
  }
  if (next && !(*next == law_)) {
    law_ = *next;
    emit edited(law_);
  }
}

}  // namespace nines::gui
