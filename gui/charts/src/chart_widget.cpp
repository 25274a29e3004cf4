// ChartWidget on Qt Charts: the only file that includes the chart library.
#include "nines/gui/charts/chart_widget.hpp"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "nines/gui/charts/nice_ticks.hpp"

namespace nines::gui::charts {
namespace {

const QColor kCurrent(31, 119, 180);
const QColor kBaseline(150, 150, 150);
const QColor kExact(214, 39, 40);
/// Bars of deploy causes ("web (deploys)"): changes, not failures.
const QColor kDeploy(230, 140, 20);

enum class Kind { kNone, kConvergence, kHistogram, kOutages, kPareto };

QString percent(double fraction, int decimals) {
  return QString::number(100.0 * fraction, 'f', decimals) + " %";
}

// At most this many ticks on a linear axis: room for their labels at the sizes the views are
// used at (a 1400 x 900 window and up), 0/10/.../100 across a chart and 0/20/.../100 up it.
constexpr int kHorizontalTicks = 11;
constexpr int kVerticalTicks = 8;

/// Puts `axis` on `ticks`: the range and a tick on every multiple of the step, each labelled
/// with the decimals the step needs (Qt's default is five ticks wherever they fall).
void set_ticks(QValueAxis* axis, const NiceTicks& ticks) {
  axis->setTickType(QValueAxis::TicksDynamic);
  axis->setTickAnchor(ticks.lo);
  axis->setTickInterval(ticks.step);
  // Qt Charts places the ticks by adding the interval to the anchor and stops past the maximum:
  // the sum's rounding (99.9994 + 6 x 0.0001 is 100.00000000000001) would drop the last tick and
  // its label. A ten-millionth of a step more is no pixel.
  axis->setRange(ticks.lo, ticks.hi + 1e-7 * ticks.step);
  axis->setLabelFormat(QString("%.%1f").arg(ticks.decimals));
}

/// Shows `text` at the mouse while the series is hovered.
void add_tooltip(QXYSeries* series, const std::function<QString(const QPointF&)>& text) {
  QObject::connect(series, &QXYSeries::hovered, series, [text](const QPointF& point, bool state) {
    if (state) {
      QToolTip::showText(QCursor::pos(), text(point));
    } else {
      QToolTip::hideText();
    }
  });
}

QPen pen(const QColor& colour, qreal width, Qt::PenStyle style = Qt::SolidLine) {
  QPen p(colour);
  p.setWidthF(width);
  p.setStyle(style);
  return p;
}

}  // namespace

struct ChartWidget::Impl {
  QChartView* view = nullptr;
  Kind kind = Kind::kNone;
  // The convergence chart is updated in place as progress arrives (rebuilding it 25 times a
  // second would flicker and cost far more).
  QLineSeries* mean = nullptr;
  QLineSeries* upper = nullptr;
  QLineSeries* lower = nullptr;
  QLineSeries* exact = nullptr;
  QLineSeries* base_mean = nullptr;
  QLineSeries* base_upper = nullptr;
  QLineSeries* base_lower = nullptr;
  QValueAxis* x = nullptr;
  QValueAxis* y = nullptr;

  /// A fresh chart in the view (the view deletes the old one).
  QChart* fresh(Kind k, const QString& title) {
    auto* chart = new QChart();
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
    kind = k;
    mean = upper = lower = exact = base_mean = base_upper = base_lower = nullptr;
    x = y = nullptr;
    return chart;
  }

  void build_convergence() {
    QChart* chart = fresh(Kind::kConvergence, QObject::tr("Convergence of the availability"));
    x = new QValueAxis();
    x->setTitleText(QObject::tr("replications"));
    y = new QValueAxis();
    y->setTitleText(QObject::tr("availability (%)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto attach = [&](QAbstractSeries* s) {
      chart->addSeries(s);
      s->attachAxis(x);
      s->attachAxis(y);
    };
    // QAreaSeries does not own its boundary lines: the chart does, as their QObject parent.
    base_upper = new QLineSeries(chart);
    base_lower = new QLineSeries(chart);
    auto* base_band = new QAreaSeries(base_upper, base_lower);
    base_band->setName(QObject::tr("baseline 95% CI"));
    base_band->setColor(QColor(200, 200, 200, 90));
    base_band->setBorderColor(QColor(200, 200, 200, 0));
    attach(base_band);
    base_mean = new QLineSeries();
    base_mean->setName(QObject::tr("baseline"));
    base_mean->setPen(pen(kBaseline, 1.5, Qt::DashLine));
    attach(base_mean);
    upper = new QLineSeries(chart);
    lower = new QLineSeries(chart);
    auto* band = new QAreaSeries(upper, lower);
    band->setName(QObject::tr("95% CI"));
    band->setColor(QColor(kCurrent.red(), kCurrent.green(), kCurrent.blue(), 60));
    band->setBorderColor(QColor(0, 0, 0, 0));
    attach(band);
    mean = new QLineSeries();
    mean->setName(QObject::tr("estimate"));
    mean->setPen(pen(kCurrent, 2.0));
    attach(mean);
    exact = new QLineSeries();
    exact->setName(QObject::tr("exact"));
    exact->setPen(pen(kExact, 1.5, Qt::DotLine));
    attach(exact);
    for (QLineSeries* s : {mean, base_mean}) {
      add_tooltip(s, [](const QPointF& p) {
        return QObject::tr("%1 replications: %2").arg(p.x(), 0, 'f', 0).arg(p.y(), 0, 'f', 6) +
               " %";
      });
    }
    add_tooltip(exact, [](const QPointF& p) {
      return QObject::tr("exact: %1").arg(p.y(), 0, 'f', 6) + " %";
    });
  }
};

ChartWidget::ChartWidget(QWidget* parent) : QWidget(parent), impl_(std::make_unique<Impl>()) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  impl_->view = new QChartView(new QChart(), this);
  impl_->view->setRenderHint(QPainter::Antialiasing);
  layout->addWidget(impl_->view);
}

ChartWidget::~ChartWidget() = default;

void ChartWidget::show_convergence(const ConvergenceData& input) {
  Impl& d = *impl_;
  if (d.kind != Kind::kConvergence) d.build_convergence();
  auto fill = [](const std::vector<EstimatePoint>& points, QLineSeries* m, QLineSeries* hi,
                 QLineSeries* lo) {
    QList<QPointF> mp;
    QList<QPointF> hp;
    QList<QPointF> lp;
    for (const auto& p : points) {
      mp.append({p.replications, 100.0 * p.availability});
      hp.append({p.replications, 100.0 * p.ci95_hi});
      lp.append({p.replications, 100.0 * p.ci95_lo});
    }
    m->replace(mp);
    hi->replace(hp);
    lo->replace(lp);
  };
  fill(input.current, d.mean, d.upper, d.lower);
  fill(input.baseline, d.base_mean, d.base_upper, d.base_lower);
  // Legend entries only for what is drawn.
  QChart* chart = d.view->chart();
  for (QLegendMarker* marker : chart->legend()->markers()) {
    const QAbstractSeries* s = marker->series();
    bool empty = false;
    if (const auto* area = qobject_cast<const QAreaSeries*>(s)) {
      empty = area->upperSeries()->count() == 0;
    } else if (const auto* line = qobject_cast<const QXYSeries*>(s)) {
      empty = line->count() == 0;
    }
    marker->setVisible(!empty);
  }
  // Replications are whole: at least 10 on the axis keeps its step at 1 or more.
  double x_max = 10.0;
  double lo = 1.0;
  double hi = 0.0;
  auto scan = [&](const std::vector<EstimatePoint>& points) {
    if (points.empty()) return;
    x_max = std::max(x_max, points.back().replications);
    // The first tenth of a run has wide, noisy intervals: leave it out of the y range.
    for (std::size_t i = points.size() / 10; i < points.size(); ++i) {
      lo = std::min(lo, points[i].ci95_lo);
      hi = std::max(hi, points[i].ci95_hi);
    }
  };
  scan(input.current);
  scan(input.baseline);
  const NiceTicks x_ticks = nice_ticks(0.0, x_max, kHorizontalTicks);
  QList<QPointF> exact;
  if (input.exact) {
    exact = {{0.0, 100.0 * *input.exact}, {x_ticks.hi, 100.0 * *input.exact}};
    lo = std::min(lo, *input.exact);
    hi = std::max(hi, *input.exact);
  }
  d.exact->replace(exact);
  if (hi < lo) {
    lo = 0.99;
    hi = 1.0;
  }
  const double span = std::max(hi - lo, 1e-9);
  set_ticks(d.x, x_ticks);
  // A margin so that the band does not touch the frame, then out to round ticks (0 and 100 are
  // multiples of every step, so the axis stays within 0..100 %).
  set_ticks(d.y, nice_ticks(100.0 * std::max(0.0, lo - 0.08 * span),
                            100.0 * std::min(1.0, hi + 0.08 * span), kVerticalTicks));
}

void ChartWidget::show_histogram(const HistogramData& input) {
  QChart* chart = impl_->fresh(Kind::kHistogram, tr("Downtime per replication"));
  auto* x = new QLogValueAxis();
  x->setTitleText(tr("downtime (hours per year, log scale)"));
  x->setLabelFormat("%g");
  x->setMinorTickCount(-1);
  auto* y = new QValueAxis();
  y->setTitleText(tr("share of replications (%)"));
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  double x_lo = 1e300;
  double x_hi = 0.0;
  double y_hi = 1.0;
  auto steps = [&](const Histogram& h, const QString& name, const QColor& colour, bool filled) {
    if (h.bins.empty()) return;
    // Owned by the chart (a QAreaSeries does not own its line; a plain series is re-owned).
    auto* line = new QLineSeries(chart);
    for (const auto& bin : h.bins) {
      line->append(bin.lo_hours_per_year, 100.0 * bin.share);
      line->append(bin.hi_hours_per_year, 100.0 * bin.share);
      x_lo = std::min(x_lo, bin.lo_hours_per_year);
      x_hi = std::max(x_hi, bin.hi_hours_per_year);
      y_hi = std::max(y_hi, 100.0 * bin.share);
    }
    const QString label = name + tr(" (%1 with no downtime)").arg(percent(h.zero_share, 1));
    QXYSeries* shown = line;
    if (filled) {
      auto* area = new QAreaSeries(line);
      area->setColor(QColor(colour.red(), colour.green(), colour.blue(), 120));
      area->setBorderColor(colour);
      area->setName(label);
      chart->addSeries(area);
      area->attachAxis(x);
      area->attachAxis(y);
    } else {
      line->setPen(pen(colour, 2.0, Qt::DashLine));
      line->setName(label);
      chart->addSeries(line);
      line->attachAxis(x);
      line->attachAxis(y);
    }
    add_tooltip(shown, [](const QPointF& p) {
      return tr("%1 h/y: %2 % of replications").arg(p.x(), 0, 'g', 3).arg(p.y(), 0, 'f', 2);
    });
  };
  if (input.baseline) steps(*input.baseline, tr("baseline"), kBaseline, false);
  steps(input.current, tr("current"), kCurrent, true);
  const NiceTicks y_ticks = nice_ticks(0.0, y_hi * 1.1, kVerticalTicks);
  if (input.target_hours_per_year && *input.target_hours_per_year > 0.0) {
    const double t = *input.target_hours_per_year;
    x_lo = std::min(x_lo, t);
    x_hi = std::max(x_hi, t);
    auto* target = new QLineSeries();
    target->setName(tr("target: %1 h/y").arg(t, 0, 'g', 3));
    target->setPen(pen(kExact, 2.0));
    target->append(t, 0.0);
    target->append(t, y_ticks.hi);
    chart->addSeries(target);
    target->attachAxis(x);
    target->attachAxis(y);
  }
  if (x_hi <= 0.0) {
    x_lo = 0.01;
    x_hi = 1.0;
  }
  x->setRange(x_lo / 1.5, x_hi * 1.5);
  set_ticks(y, y_ticks);
}

void ChartWidget::show_outages(const OutageData& input) {
  QChart* chart = impl_->fresh(Kind::kOutages, tr("Outage durations"));
  auto* x = new QLogValueAxis();
  x->setTitleText(tr("outage duration (hours, log scale)"));
  x->setLabelFormat("%g");
  x->setMinorTickCount(-1);
  auto* y = new QValueAxis();
  y->setTitleText(tr("outages at most this long (%)"));
  set_ticks(y, nice_ticks(0.0, 100.0, kVerticalTicks));
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  double x_lo = 1e300;
  double x_hi = 0.0;
  auto curve = [&](const std::vector<CdfPoint>& points, const QString& name, const QPen& p) {
    if (points.empty()) return;
    auto* line = new QLineSeries();
    line->setName(name);
    line->setPen(p);
    for (const auto& point : points) {
      const double hours = std::max(point.hours, 1e-6);
      line->append(hours, 100.0 * point.share);
      x_lo = std::min(x_lo, hours);
      x_hi = std::max(x_hi, hours);
    }
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    add_tooltip(line, [](const QPointF& q) {
      return tr("%1 % of outages last at most %2 h").arg(q.y(), 0, 'f', 0).arg(q.x(), 0, 'g', 3);
    });
  };
  curve(input.baseline, tr("baseline"), pen(kBaseline, 2.0, Qt::DashLine));
  curve(input.current, tr("current"), pen(kCurrent, 2.0));
  if (x_hi <= 0.0) {
    chart->setTitle(tr("Outage durations: no outage was seen"));
    x_lo = 0.01;
    x_hi = 10.0;
  }
  x->setRange(x_lo / 1.5, x_hi * 1.5);
}

void ChartWidget::show_pareto(const ParetoData& input) {
  QChart* chart = impl_->fresh(Kind::kPareto, tr("Share of system downtime by root cause"));
  auto* x = new QValueAxis();
  x->setTitleText(tr("share of system downtime (%)"));
  set_ticks(x, nice_ticks(0.0, 100.0, kHorizontalTicks));
  chart->addAxis(x, Qt::AlignBottom);
  if (input.bars.empty()) {
    // No cause to rank. A category axis without categories has no labels to place its title
    // beside, and Qt Charts draws that title in the view's top-left corner, outside the chart:
    // the chart keeps its share axis only and says why it is empty.
    chart->setTitle(tr("Share of system downtime: no downtime was seen"));
    chart->legend()->hide();
    return;
  }
  // Horizontal bars, the largest cause on top: causes ("db", "zone eu-a") read in full on the
  // vertical axis however many there are (a slanted category axis elides them to nothing).
  auto* series = new QHorizontalBarSeries();
  auto* current = new QBarSet(tr("current"));
  current->setColor(kCurrent);
  QBarSet* baseline = nullptr;
  if (input.has_baseline) {
    baseline = new QBarSet(tr("baseline"));
    baseline->setColor(kBaseline);
  }
  const auto n = static_cast<qsizetype>(input.bars.size());
  QStringList categories;  // bottom to top: the last bar first
  QList<int> deploy_bars;
  for (qsizetype k = n - 1; k >= 0; --k) {
    const ParetoBar& bar = input.bars[static_cast<std::size_t>(k)];
    if (bar.kind == "deploy") deploy_bars << static_cast<int>(categories.size());
    categories << QString::fromStdString(bar.id);
    *current << 100.0 * bar.share;
    if (baseline != nullptr) {
      *baseline << (std::isnan(bar.baseline_share) ? 0.0 : 100.0 * bar.baseline_share);
    }
  }
  auto* cumulative = new QLineSeries();
  cumulative->setName(tr("cumulative (current)"));
  cumulative->setPen(pen(kExact, 2.0));
  double sum = 0.0;
  for (qsizetype i = 0; i < n; ++i) {
    sum += input.bars[static_cast<std::size_t>(i)].share;
    cumulative->append(100.0 * sum, static_cast<double>(n - 1 - i));  // through the i-th bar
  }
  // Deploy causes in a colour of their own (a bar set has one colour: its selected bars take
  // another), with a legend entry of their own: a series with no point.
  QScatterSeries* deploy_key = nullptr;
  if (!deploy_bars.isEmpty()) {
    current->setSelectedColor(kDeploy);
    current->selectBars(deploy_bars);
    if (baseline != nullptr) {
      baseline->setSelectedColor(kDeploy.lighter(150));
      baseline->selectBars(deploy_bars);
    }
    deploy_key = new QScatterSeries();
    deploy_key->setName(tr("deploys (root cause)"));
    deploy_key->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    deploy_key->setColor(kDeploy);
    deploy_key->setBorderColor(kDeploy);
  }
  if (baseline != nullptr) series->append(baseline);
  series->append(current);
  chart->addSeries(series);
  chart->addSeries(cumulative);
  if (deploy_key != nullptr) chart->addSeries(deploy_key);
  auto* y = new QBarCategoryAxis();
  y->append(categories);
  y->setTitleText(tr("root cause of the outage"));
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(x);
  series->attachAxis(y);
  cumulative->attachAxis(x);
  cumulative->attachAxis(y);
  if (deploy_key != nullptr) {
    deploy_key->attachAxis(x);
    deploy_key->attachAxis(y);
  }
  QObject::connect(series, &QHorizontalBarSeries::hovered, series,
                   [categories](bool state, int index, QBarSet* set) {
                     if (!state || index < 0 || index >= categories.size()) {
                       QToolTip::hideText();
                       return;
                     }
                     QToolTip::showText(QCursor::pos(), tr("%1 (%2): %3 % of downtime")
                                                            .arg(categories[index], set->label())
                                                            .arg(set->at(index), 0, 'f', 1));
                   });
  add_tooltip(cumulative, [n](const QPointF& p) {
    return tr("top %1: %2 % of downtime")
        .arg(static_cast<double>(n) - p.y(), 0, 'f', 0)
        .arg(p.x(), 0, 'f', 1);
  });
}

void ChartWidget::show_message(const QString& text) { impl_->fresh(Kind::kNone, text); }

bool ChartWidget::save_png(const QString& path) const {
  return impl_->view->grab().save(path, "PNG");
}

}  // namespace nines::gui::charts
