// The Load group: rps, the profile (a type, its keys, its hourly values in a table), the limit,
// the thresholds that make a served share an outage or a degradation, the SLA basis.
#include "nines/gui/load_editor.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <array>
#include <cmath>

#include "nines/models/duration.hpp"

namespace nines::gui {
namespace {

const QString kBad = QStringLiteral("background: #ffd6d6");
constexpr int kHoursPerDay = 24;
constexpr std::array<const char*, 7> kDays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

using Type = models::LoadProfile::Type;

std::size_t values_of(Type type) {
  return type == Type::kHourly ? 24U : type == Type::kWeekly ? 168U : 0U;
}

std::optional<double> parse_number(const QString& text) {
  bool ok = false;
  const double x = text.trimmed().toDouble(&ok);
  return ok && std::isfinite(x) ? std::optional<double>(x) : std::nullopt;
}

/// A bare number is hours; otherwise a duration with a unit.
std::optional<double> parse_hours(const QString& text) {
  if (const auto x = parse_number(text)) return x;
  return models::parse_duration_text(text.toStdString());
}

QString number_text(double x) { return QString::number(x, 'g', 12); }

}  // namespace

models::Load with_profile_type(models::Load load, Type type) {
  models::LoadProfile& p = load.profile;
  if (p.type == type) return load;
  p.type = type;
  const std::size_t n = values_of(type);
  if (n == 0) {
    p.values.clear();
  } else if (p.values.size() != n) {
    p.values.assign(n, 1.0);
  }
  if (type != Type::kDiurnal) {
    p.peak_to_mean = 1.0;
    p.peak_at_hour = 14;
  } else if (p.peak_to_mean == 1.0) {
    p.peak_to_mean = 1.5;  // a day with a visible peak, as a start
  }
  return load;
}

LoadEditor::LoadEditor(QWidget* parent) : QGroupBox(tr("Load (traffic)"), parent) {
  setCheckable(true);
  setChecked(false);
  setToolTip(
      tr("The requests users send: availability is then also judged by the requests served "
         "(request availability), and an outage at the daily peak fails more of them than one "
         "at night"));
  auto* form = new QFormLayout(this);
  rps_ = new QDoubleSpinBox(this);
  rps_->setRange(1e-6, 1e12);
  rps_->setDecimals(3);
  rps_->setToolTip(tr("rps: mean requests per second, which the profile multiplies"));
  form->addRow(tr("Requests per second"), rps_);

  profile_type_ = new QComboBox(this);
  profile_type_->addItems({"constant", "diurnal", "hourly", "weekly"});
  profile_type_->setToolTip(
      tr("profile.type: constant; diurnal (a cosine day); hourly (24 values, hour of day) or "
         "weekly (168 values from Monday 00:00); the load changes only at whole hours"));
  form->addRow(tr("Profile"), profile_type_);
  peak_to_mean_ = new QDoubleSpinBox(this);
  peak_to_mean_->setRange(1.0, 2.0);
  peak_to_mean_->setDecimals(3);
  peak_to_mean_->setSingleStep(0.05);
  peak_to_mean_->setToolTip(
      tr("profile.peak_to_mean (diurnal, 1 to 2): the hour of day h gets 1 + (peak_to_mean - 1) "
         "cos(2 pi (h + 0.5 - peak) / 24); its highest hour is 1 + (peak_to_mean - 1) cos(pi/24)"));
  form->addRow(tr("Peak to mean"), peak_to_mean_);
  peak_at_ = new QComboBox(this);
  for (int h = 0; h < kHoursPerDay; ++h)
    peak_at_->addItem(QStringLiteral("%1:00").arg(h, 2, 10, QChar('0')));
  peak_at_->setToolTip(tr("profile.peak_at (diurnal): the hour the day peaks"));
  form->addRow(tr("Peak at"), peak_at_);
  values_ = new QTableWidget(0, kHoursPerDay, this);
  values_->setToolTip(
      tr("profile.values: the multiplier of each hour (hourly: hour of day; weekly: hour of "
         "week); finite, >= 0, at least one above 0, not normalised. Diurnal: shown, not "
         "edited"));
  values_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  values_->setMinimumHeight(80);
  form->addRow(tr("Hourly values"), values_);
  profile_note_ = new QLabel(this);
  profile_note_->setWordWrap(true);
  form->addRow(QString(), profile_note_);

  limit_rps_ = new QLineEdit(this);
  limit_rps_->setPlaceholderText(tr("none"));
  limit_rps_->setToolTip(
      tr("limit_rps: requests per second the entry admits; the rest is rejected and counts as "
         "failed (needs flow mode)"));
  form->addRow(tr("Rate limit (rps)"), limit_rps_);
  outage_below_ = new QLineEdit(this);
  outage_below_->setPlaceholderText(QStringLiteral("0.5"));
  outage_below_->setToolTip(
      tr("outage_below, in (0, 1]: the system is down while the share of requests served is "
         "below this"));
  form->addRow(tr("Down below"), outage_below_);
  degraded_below_ = new QLineEdit(this);
  degraded_below_->setPlaceholderText(tr("0.99 (or the outage threshold if higher)"));
  degraded_below_->setToolTip(
      tr("degraded_below, in [outage_below, 1]: degraded while the share served is below this"));
  form->addRow(tr("Degraded below"), degraded_below_);
  slo_basis_ = new QComboBox(this);
  slo_basis_->addItems({"time", "requests"});
  slo_basis_->setToolTip(
      tr("slo_basis: what the SLA, --window and --precision judge: the share of time up, or the "
         "share of requests served"));
  form->addRow(tr("SLA basis"), slo_basis_);
  metastable_after_ = new QLineEdit(this);
  metastable_after_->setPlaceholderText(QStringLiteral("1h"));
  metastable_after_->setToolTip(
      tr("metastable_after: an episode (an injection) whose recovery lasts longer than this is "
         "metastable"));
  form->addRow(tr("Metastable after"), metastable_after_);

  connect(this, &QGroupBox::toggled, this, [this](bool on) {
    if (updating_) return;
    if (on) {
      load_ = kept_;
    } else {
      if (load_) kept_ = *load_;
      load_.reset();
    }
    show_load();
    emit edited(load_, QStringLiteral("load"));
  });
  connect(rps_, &QDoubleSpinBox::valueChanged, this, [this](double rps) {
    if (updating_ || !load_) return;
    load_->rps = rps;
    emit_edit(QStringLiteral("load.rps"));
  });
  connect(profile_type_, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (updating_ || !load_) return;
    load_ = with_profile_type(*load_, static_cast<Type>(index));
    show_load();
    emit_edit(QStringLiteral("load.profile.type"));
  });
  connect(peak_to_mean_, &QDoubleSpinBox::valueChanged, this, [this](double x) {
    if (updating_ || !load_) return;
    load_->profile.peak_to_mean = x;
    show_load();
    emit_edit(QStringLiteral("load.profile.peak_to_mean"));
  });
  connect(peak_at_, &QComboBox::currentIndexChanged, this, [this](int hour) {
    if (updating_ || !load_) return;
    load_->profile.peak_at_hour = hour;
    show_load();
    emit_edit(QStringLiteral("load.profile.peak_at"));
  });
  connect(values_, &QTableWidget::cellChanged, this, [this] { read_values(); });
  bind_optional(limit_rps_, QStringLiteral("limit_rps"), &models::Load::limit_rps);
  bind_optional(degraded_below_, QStringLiteral("degraded_below"), &models::Load::degraded_below);
  connect(outage_below_, &QLineEdit::editingFinished, this, [this] {
    if (updating_ || !load_) return;
    const QString text = outage_below_->text().trimmed();
    const std::optional<double> x = text.isEmpty() ? 0.5 : parse_number(text);
    outage_below_->setStyleSheet(x ? QString() : kBad);
    if (!x) return;
    load_->outage_below = *x;
    emit_edit(QStringLiteral("load.outage_below"));
  });
  connect(slo_basis_, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (updating_ || !load_) return;
    load_->slo_basis = index == 1 ? models::SloBasis::kRequests : models::SloBasis::kTime;
    emit_edit(QStringLiteral("load.slo_basis"));
  });
  connect(metastable_after_, &QLineEdit::editingFinished, this, [this] {
    if (updating_ || !load_) return;
    const QString text = metastable_after_->text().trimmed();
    const std::optional<double> hours = text.isEmpty() ? 1.0 : parse_hours(text);
    metastable_after_->setStyleSheet(hours ? QString() : kBad);
    if (!hours) return;
    load_->metastable_after_hours = *hours;
    emit_edit(QStringLiteral("load.metastable_after"));
  });
  show_load();
}

void LoadEditor::bind_optional(QLineEdit* edit, const QString& key,
                               std::optional<double> models::Load::*member) {
  connect(edit, &QLineEdit::editingFinished, this, [this, edit, key, member] {
    if (updating_ || !load_) return;
    const QString text = edit->text().trimmed();
    if (text.isEmpty()) {
      edit->setStyleSheet(QString());
      (*load_).*member = std::nullopt;
    } else {
      const std::optional<double> x = parse_number(text);
      edit->setStyleSheet(x ? QString() : kBad);
      if (!x) return;
      (*load_).*member = *x;
    }
    emit_edit(QStringLiteral("load.") + key);
  });
}

void LoadEditor::set_load(const std::optional<models::Load>& load) {
  if (load) kept_ = *load;
  load_ = load;
  show_load();
}

QWidget* LoadEditor::field(const QString& key) const {
  if (key == "rps") return rps_;
  if (key == "profile.type") return profile_type_;
  if (key == "profile.peak_to_mean") return peak_to_mean_;
  if (key == "profile.peak_at") return peak_at_;
  if (key == "profile.values") return values_;
  if (key == "limit_rps") return limit_rps_;
  if (key == "outage_below") return outage_below_;
  if (key == "degraded_below") return degraded_below_;
  if (key == "slo_basis") return slo_basis_;
  if (key == "metastable_after") return metastable_after_;
  return nullptr;
}

void LoadEditor::show_load() {
  updating_ = true;
  const models::Load& l = load_ ? *load_ : kept_;
  setChecked(load_.has_value());
  rps_->setValue(l.rps);
  profile_type_->setCurrentIndex(static_cast<int>(l.profile.type));
  const bool diurnal = l.profile.type == Type::kDiurnal;
  peak_to_mean_->setEnabled(diurnal);
  peak_at_->setEnabled(diurnal);
  peak_to_mean_->setValue(l.profile.peak_to_mean);
  peak_at_->setCurrentIndex(static_cast<int>(l.profile.peak_at_hour));
  // The table: a row per day (weekly: seven), a column per hour; diurnal shows its multipliers.
  const std::vector<double> multipliers = l.profile.type == Type::kConstant
                                              ? std::vector<double>{}
                                              : models::profile_multipliers(l.profile);
  const int rows = static_cast<int>(multipliers.size()) / kHoursPerDay;
  values_->setRowCount(rows);
  values_->setVisible(rows > 0);
  QStringList days;
  for (int r = 0; r < rows; ++r) {
    days << (rows == 7 ? QString::fromLatin1(kDays.at(static_cast<std::size_t>(r))) : tr("day"));
    for (int h = 0; h < kHoursPerDay; ++h) {
      auto* item = new QTableWidgetItem(
          number_text(multipliers[static_cast<std::size_t>(r * kHoursPerDay + h)]));
      if (diurnal) item->setFlags(item->flags() & ~Qt::ItemIsEditable);
      values_->setItem(r, h, item);
    }
  }
  values_->setVerticalHeaderLabels(days);
  double peak = 0.0;
  double mean = 0.0;
  for (const double m : multipliers) {
    peak = std::max(peak, m);
    mean += m / static_cast<double>(multipliers.size());
  }
  profile_note_->setText(
      multipliers.empty()
          ? tr("%1 requests per second at every hour").arg(number_text(l.rps))
          : tr("mean %1 rps, peak hour %2 rps (multiplier %3)")
                .arg(number_text(l.rps * mean), number_text(l.rps * peak), number_text(peak)));
  limit_rps_->setText(l.limit_rps ? number_text(*l.limit_rps) : QString());
  outage_below_->setText(number_text(l.outage_below));
  degraded_below_->setText(l.degraded_below ? number_text(*l.degraded_below) : QString());
  slo_basis_->setCurrentIndex(l.slo_basis == models::SloBasis::kRequests ? 1 : 0);
  metastable_after_->setText(
      QString::fromStdString(models::format_duration(l.metastable_after_hours)));
  for (QLineEdit* e : {limit_rps_, outage_below_, degraded_below_, metastable_after_}) {
    e->setStyleSheet(QString());
  }
  updating_ = false;
}

void LoadEditor::read_values() {
  if (updating_ || !load_) return;
  models::LoadProfile& p = load_->profile;
  if (p.type != Type::kHourly && p.type != Type::kWeekly) return;
  bool all_read = true;
  for (int r = 0; r < values_->rowCount(); ++r) {
    for (int h = 0; h < kHoursPerDay; ++h) {
      QTableWidgetItem* item = values_->item(r, h);
      const auto k = static_cast<std::size_t>(r * kHoursPerDay + h);
      const std::optional<double> x = item != nullptr ? parse_number(item->text()) : std::nullopt;
      if (item != nullptr) {
        const QSignalBlocker quiet(values_);
        item->setBackground(x ? QBrush() : QBrush(QColor(255, 214, 214)));
      }
      if (x && k < p.values.size()) {
        p.values[k] = *x;
      } else {
        all_read = false;
      }
    }
  }
  if (!all_read) return;  // marked; applied once every cell reads
  emit_edit(QStringLiteral("load.profile.values"));
}

void LoadEditor::emit_edit(const QString& key) { emit edited(load_, key); }

}  // namespace nines::gui
