// The plan chart on Qt Charts: one painter serves a PNG (QImage) and an SVG (QSvgGenerator).
#include "nines/gui/charts/plan_chart.hpp"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>

#include "nines/gui/charts/chart_file.hpp"
#include "nines/gui/charts/nice_ticks.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/human_format.hpp"

namespace nines::gui::charts {
namespace {

const QColor kMeets(31, 119, 180);
const QColor kOther(150, 150, 150);
const QColor kFront(44, 160, 44);
const QColor kTarget(214, 39, 40);

QString qs(const std::string& text) { return QString::fromStdString(text); }

QPen pen(const QColor& colour, qreal width, Qt::PenStyle style = Qt::SolidLine) {
  QPen p(colour);
  p.setWidthF(width);
  p.setStyle(style);
  return p;
}

}  // namespace

QChart* plan_chart_of(const PlanPlot& plot) {
  const NinesAxis nines = nines_axis_of(plot);
  auto* chart = new QChart();
  QString title = plot.model.empty() ? QObject::tr("plan") : qs(plot.model) + " - plan";
  title += QObject::tr(": cost against availability (%1)").arg(qs(plot.outcome));
  if (plot.cancelled) title += QObject::tr(" (cancelled)");
  chart->setTitle(title);
  chart->legend()->setAlignment(Qt::AlignBottom);

  double cost_lo = 0.0;
  double cost_hi = 1.0;
  if (!plot.points.empty()) {
    const auto [lo, hi] = std::minmax_element(
        plot.points.begin(), plot.points.end(),
        [](const PlanPoint& a, const PlanPoint& b) { return a.cost_per_month < b.cost_per_month; });
    cost_lo = lo->cost_per_month;
    cost_hi = hi->cost_per_month;
  }
  const NiceTicks ticks = nice_ticks(cost_lo, cost_hi, 10);
  const double pad = 0.03 * std::max(ticks.hi - ticks.lo, 1.0);
  auto* x = new QValueAxis();
  x->setTitleText(QObject::tr("cost per month (%1)").arg(qs(plot.currency)));
  x->setTickType(QValueAxis::TicksDynamic);
  x->setTickAnchor(ticks.lo);
  x->setTickInterval(ticks.step);
  x->setRange(ticks.lo - pad, ticks.hi + pad);
  x->setLabelFormat(QString("%.%1f").arg(ticks.decimals));
  auto* y = new QCategoryAxis();
  y->setTitleText(QObject::tr("availability (scale of nines)"));
  y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  for (const auto& [value, label] : nines.ticks) y->append(qs(label), value);
  if (nines.cap < nines.hi) y->append(QObject::tr("no downtime"), nines.cap);
  y->setRange(nines.lo, nines.hi);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  const auto attach = [&](QAbstractSeries* series) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
  };

  // Interval bars first, under the points.
  for (const PlanPoint& p : plot.points) {
    auto* bar = new QLineSeries();
    bar->append(p.cost_per_month, nines_at(p.ci95_lo, nines.cap));
    bar->append(p.cost_per_month, nines_at(p.ci95_hi, nines.cap));
    bar->setName(QObject::tr("95% interval"));
    bar->setPen(pen(p.status == "meets" ? kMeets.lighter(150) : kOther.lighter(120), 1.0));
    attach(bar);
  }
  auto* meets = new QScatterSeries();
  meets->setName(QObject::tr("meets"));
  meets->setColor(kMeets);
  meets->setBorderColor(kMeets.darker(130));
  meets->setMarkerSize(8.0);
  auto* other = new QScatterSeries();
  other->setName(QObject::tr("fails, screened out or undecided"));
  other->setColor(Qt::white);
  other->setBorderColor(kOther.darker(130));
  other->setMarkerSize(8.0);
  for (const PlanPoint& p : plot.points) {
    (p.status == "meets" ? meets : other)
        ->append(p.cost_per_month, nines_at(p.availability, nines.cap));
  }
  auto* front = new QLineSeries();
  front->setName(QObject::tr("front"));
  front->setPen(pen(kFront, 2.0));
  for (const auto& [cost, availability] : front_steps(plot)) {
    front->append(cost, nines_at(availability, nines.cap));
  }
  attach(front);
  attach(other);
  attach(meets);
  auto* target = new QLineSeries();
  target->append(ticks.lo - pad, nines_at(plot.target, nines.cap));
  target->append(ticks.hi + pad, nines_at(plot.target, nines.cap));
  target->setName(QObject::tr("target %1 %").arg(QString::number(100.0 * plot.target, 'g', 12)));
  target->setPen(pen(kTarget, 1.5, Qt::DotLine));
  attach(target);
  if (plot.winner) {
    const PlanPoint& w = plot.points[*plot.winner];
    auto* winner = new QScatterSeries();
    winner->setName(QObject::tr("winner: %1 %2 per month")
                        .arg(qs(report::format_amount(w.cost_per_month)), qs(plot.currency)));
    winner->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    winner->setMarkerSize(15.0);
    winner->setColor(QColor(kTarget.red(), kTarget.green(), kTarget.blue(), 60));
    winner->setBorderColor(kTarget);
    winner->setPen(pen(kTarget, 2.5));
    winner->append(w.cost_per_month, nines_at(w.availability, nines.cap));
    attach(winner);
  }
  // One legend marker per name: every interval bar is its own series.
  QStringList seen;
  for (QLegendMarker* marker : chart->legend()->markers()) {
    const QString name = marker->series()->name();
    marker->setVisible(!seen.contains(name));
    seen << name;
  }
  return chart;
}

namespace {

void paint(const PlanPlot& plot, QPainter& painter, QSize size) {
  QChart* chart = plan_chart_of(plot);
  QChartView view(chart);  // owns the chart
  view.setRenderHint(QPainter::Antialiasing);
  view.setFrameShape(QFrame::NoFrame);
  view.resize(size);
  chart->resize(size);
  view.setSceneRect(QRectF(QPointF(0, 0), size));
  QCoreApplication::sendPostedEvents();  // the chart lays itself out on posted events
  view.render(&painter, QRectF(QPointF(0, 0), size), QRect(QPoint(0, 0), size));
}

}  // namespace

bool write_plan_chart(const PlanPlot& plot, const QString& path, QSize size) {
  return write_chart_file(path, size, QString::fromStdString(plot.model),
                          QObject::tr("nines plan, drawn by nines-gui --plot"),
                          [&plot](QPainter& painter, QSize at) { paint(plot, painter, at); });
}

}  // namespace nines::gui::charts
