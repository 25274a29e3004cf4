// The sweep charts on QPainter: the line chart through Qt Charts, the heat map painted directly
// (Qt Charts has none); one painter serves a PNG (QImage) and an SVG (QSvgGenerator) alike.
#include "nines/gui/charts/sweep_chart.hpp"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

#include "nines/gui/charts/chart_file.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/human_format.hpp"

namespace nines::gui::charts {
namespace {

const QColor kAvailability(31, 119, 180);
const QColor kCost(255, 127, 14);
const QColor kTarget(214, 39, 40);
const QColor kMiss(214, 39, 40);
const QColor kAbsent(235, 235, 235);

QString qs(const std::string& text) { return QString::fromStdString(text); }

QString title_of(const SweepPlot& plot, const QString& what) {
  QString title = plot.model.empty() ? what : qs(plot.model) + " - " + what;
  if (plot.cancelled) title += QObject::tr(" (cancelled: the points finished before Ctrl-C)");
  return title;
}

QString availability_text(double fraction) {
  return qs(report::format_percent(fraction, report::availability_decimals(fraction)));
}

/// A target as its file would say it: 0.9995 -> "99.95 %".
QString target_text(double fraction) { return QString::number(100.0 * fraction, 'g', 12) + " %"; }

QString cost_text(double amount, const SweepPlot& plot) {
  return qs(report::format_amount(amount) + " " + plot.currency);
}

QPen pen(const QColor& colour, qreal width, Qt::PenStyle style = Qt::SolidLine) {
  QPen p(colour);
  p.setWidthF(width);
  p.setStyle(style);
  return p;
}

/// Puts a value axis on the range and ticks of `axis` (ticks from the anchor by the step).
void apply(QValueAxis* qt_axis, const LineAxis& axis) {
  qt_axis->setTickType(QValueAxis::TicksDynamic);
  qt_axis->setTickAnchor(axis.ticks.lo);
  qt_axis->setTickInterval(axis.ticks.step);
  // Qt stops adding steps past the maximum: a rounding error above the last tick must not drop
  // it (see chart_widget.cpp).
  qt_axis->setRange(axis.lo, std::max(axis.hi, axis.ticks.hi + 1e-7 * axis.ticks.step));
  qt_axis->setLabelFormat(QString("%.%1f").arg(axis.ticks.decimals));
}

/// Only the first marker of each name in the legend (a gap splits a series into several).
void one_marker_per_name(QChart* chart) {
  QStringList seen;
  for (QLegendMarker* marker : chart->legend()->markers()) {
    const QString name = marker->series()->name();
    marker->setVisible(!seen.contains(name));
    seen << name;
  }
}

/// Renders the line chart of a one-key sweep into `painter` over `size`.
void paint_line(const SweepPlot& plot, QPainter& painter, QSize size) {
  const SweepAxis& key = plot.axes.front();
  const SweepLine line = sweep_line_of(plot);
  auto* chart = new QChart();
  chart->setTitle(title_of(plot, QObject::tr("availability and cost by %1").arg(qs(key.key))));
  chart->legend()->setAlignment(Qt::AlignBottom);
  QAbstractAxis* x = nullptr;
  if (key.numeric()) {
    auto* value_axis = new QValueAxis();
    apply(value_axis, line.x);
    x = value_axis;
  } else {
    auto* categories = new QCategoryAxis();
    categories->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (std::size_t i = 0; i < key.labels.size(); ++i) {
      categories->append(qs(key.labels[i]), static_cast<double>(i));
    }
    categories->setRange(line.x.lo, line.x.hi);
    x = categories;
  }
  x->setTitleText(qs(key.key));
  auto* y = new QValueAxis();
  y->setTitleText(QObject::tr("availability (%)"));
  apply(y, line.availability);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  QValueAxis* cost = nullptr;
  if (line.cost) {
    cost = new QValueAxis();
    cost->setTitleText(QObject::tr("cost per month (%1)").arg(qs(plot.currency)));
    apply(cost, *line.cost);
    // Its ticks need not fall on the availability grid: one grid only.
    cost->setGridLineVisible(false);
    cost->setLabelsColor(kCost.darker(130));
    chart->addAxis(cost, Qt::AlignRight);
  }
  auto attach = [&](QAbstractSeries* series, QAbstractAxis* vertical) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(vertical);
  };
  for (const std::vector<LinePoint>& segment : line.segments) {
    // QAreaSeries does not own its boundary lines: the chart does, as their QObject parent.
    auto* upper = new QLineSeries(chart);
    auto* lower = new QLineSeries(chart);
    auto* mean = new QLineSeries();
    for (const LinePoint& p : segment) {
      upper->append(p.x, p.hi_percent);
      lower->append(p.x, p.lo_percent);
      mean->append(p.x, p.mean_percent);
    }
    auto* band = new QAreaSeries(upper, lower);
    band->setName(QObject::tr("availability 95% CI"));
    band->setColor(QColor(kAvailability.red(), kAvailability.green(), kAvailability.blue(), 60));
    band->setBorderColor(QColor(0, 0, 0, 0));
    attach(band, y);
    mean->setName(QObject::tr("availability (mean)"));
    mean->setPen(pen(kAvailability, 2.0));
    mean->setPointsVisible(true);
    attach(mean, y);
    if (cost) {
      auto* costs = new QLineSeries();
      for (const LinePoint& p : segment) {
        if (p.cost_per_month) costs->append(p.x, *p.cost_per_month);
      }
      costs->setName(QObject::tr("cost per month"));
      costs->setPen(pen(kCost, 2.0, Qt::DashLine));
      costs->setPointsVisible(true);
      attach(costs, cost);
    }
  }
  if (line.target_percent) {
    auto* target = new QLineSeries();
    target->append(line.x.lo, *line.target_percent);
    target->append(line.x.hi, *line.target_percent);
    target->setName(QObject::tr("target %1").arg(target_text(*line.target_percent / 100.0)));
    target->setPen(pen(kTarget, 1.5, Qt::DotLine));
    attach(target, y);
  }
  one_marker_per_name(chart);
  QChartView view(chart);  // owns the chart
  view.setRenderHint(QPainter::Antialiasing);
  view.setFrameShape(QFrame::NoFrame);
  view.resize(size);
  chart->resize(size);
  view.setSceneRect(QRectF(QPointF(0, 0), size));
  // The chart lays itself out on posted events: let them run before painting.
  QCoreApplication::sendPostedEvents();
  view.render(&painter, QRectF(QPointF(0, 0), size), QRect(QPoint(0, 0), size));
}

/// Viridis at five stops, interpolated: dark for few nines, yellow for many; readable in grey
/// and by colour-blind readers.
QColor colour_of(double t) {
  static constexpr std::array<std::array<int, 3>, 5> kStops{
      {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};
  t = std::clamp(t, 0.0, 1.0) * (kStops.size() - 1);
  const auto i = std::min<std::size_t>(static_cast<std::size_t>(t), kStops.size() - 2);
  const double f = t - static_cast<double>(i);
  auto mix = [&](std::size_t c) {
    return static_cast<int>(std::lround(kStops[i][c] + f * (kStops[i + 1][c] - kStops[i][c])));
  };
  return {mix(0), mix(1), mix(2)};
}

QColor text_on(const QColor& background) {
  const double luminance =
      0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue();
  return luminance > 140 ? Qt::black : Qt::white;
}

QFont font_px(double pixels, bool bold = false) {
  QFont font;
  font.setPixelSize(std::max(8, static_cast<int>(std::lround(pixels))));
  font.setBold(bold);
  return font;
}

/// Paints the heat map of a two-key sweep over `size`.
void paint_heat_map(const SweepPlot& plot, QPainter& painter, QSize size) {
  const HeatMap map = heat_map_of(plot);
  const SweepAxis& rows = plot.axes[0];
  const SweepAxis& columns = plot.axes[1];
  const double w = size.width();
  const double h = size.height();
  const double unit = std::clamp(std::min(w, h) / 50.0, 10.0, 22.0);
  painter.fillRect(QRectF(0, 0, w, h), Qt::white);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);

  const QFont label_font = font_px(unit);
  const QFontMetricsF label_metrics(label_font, painter.device());
  double row_label_width = 0.0;
  for (const std::string& label : rows.labels) {
    row_label_width = std::max(row_label_width, label_metrics.horizontalAdvance(qs(label)));
  }
  const double line = label_metrics.height();
  const double margin = unit;
  const double scale_width = 5.5 * unit;
  const QRectF grid(margin + line + 0.5 * unit + row_label_width + 0.5 * unit,  // key, values
                    margin + 2.5 * unit,                                        // title
                    0.0, 0.0);
  const double right = w - margin - scale_width - unit;
  const double bottom = h - margin - 3.0 * line - unit;  // values, key, legend
  const QRectF area(grid.left(), grid.top(), std::max(1.0, right - grid.left()),
                    std::max(1.0, bottom - grid.top()));
  const double cell_w = area.width() / static_cast<double>(map.columns);
  const double cell_h = area.height() / static_cast<double>(map.rows);

  // The title, smaller until it fits across.
  const QString title =
      title_of(plot, QObject::tr("availability by %1 and %2").arg(qs(rows.key), qs(columns.key)));
  QFont title_font = font_px(1.25 * unit, true);
  while (title_font.pixelSize() > 8 &&
         QFontMetricsF(title_font, painter.device()).horizontalAdvance(title) > w - 2.0 * margin) {
    title_font.setPixelSize(title_font.pixelSize() - 1);
  }
  painter.setFont(title_font);
  painter.setPen(Qt::black);
  painter.drawText(QRectF(margin, margin * 0.5, w - 2.0 * margin, 2.0 * unit), Qt::AlignCenter,
                   title);

  // Cells: row 0 at the bottom, as on a value axis.
  auto cell_rect = [&](std::size_t row, std::size_t column) {
    return QRectF(area.left() + static_cast<double>(column) * cell_w,
                  area.bottom() - static_cast<double>(row + 1) * cell_h, cell_w, cell_h);
  };
  const double cell_font = std::clamp(std::min(cell_h / 4.5, cell_w / 9.0), 7.0, 1.2 * unit);
  const QFont value_font = font_px(cell_font, true);
  const QFont cost_font = font_px(0.9 * cell_font);
  const double span = map.nines.hi - map.nines.lo;
  const double outline = std::clamp(std::min(cell_w, cell_h) / 25.0, 2.0, 6.0);
  for (std::size_t r = 0; r < map.rows; ++r) {
    for (std::size_t c = 0; c < map.columns; ++c) {
      const QRectF rect = cell_rect(r, c);
      const auto index = map.at(r, c);
      if (!index) {
        painter.fillRect(rect, kAbsent);
        painter.setPen(Qt::gray);
        painter.setFont(cost_font);
        painter.drawText(rect, Qt::AlignCenter, QObject::tr("no result"));
        continue;
      }
      const SweepCell& cell = plot.cells[*index];
      const auto nines = cell_nines(cell);
      const QColor fill = colour_of(nines ? (*nines - map.nines.lo) / span : 1.0);
      painter.fillRect(rect, fill);
      painter.setPen(text_on(fill));
      const QRectF top(rect.left(), rect.top(), rect.width(), rect.height() / 2.0);
      const QRectF low(rect.left(), rect.center().y(), rect.width(), rect.height() / 2.0);
      painter.setFont(value_font);
      painter.drawText(top.adjusted(0, 0, 0, -0.1 * cell_font), Qt::AlignHCenter | Qt::AlignBottom,
                       nines ? availability_text(cell.availability) : QObject::tr("no downtime"));
      painter.setFont(cost_font);
      painter.drawText(
          low.adjusted(0, 0.1 * cell_font, 0, 0), Qt::AlignHCenter | Qt::AlignTop,
          cell.cost_per_month ? cost_text(*cell.cost_per_month, plot) : QObject::tr("no cost"));
    }
  }
  // Thin white lines between cells, then the outlines on top of them.
  painter.setPen(pen(Qt::white, 1.0));
  for (std::size_t c = 1; c < map.columns; ++c) {
    const double x = area.left() + static_cast<double>(c) * cell_w;
    painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
  }
  for (std::size_t r = 1; r < map.rows; ++r) {
    const double y = area.bottom() - static_cast<double>(r) * cell_h;
    painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
  }
  painter.setBrush(Qt::NoBrush);
  painter.setPen(pen(kMiss, outline));
  bool any_miss = false;
  std::optional<double> target;
  for (std::size_t r = 0; r < map.rows; ++r) {
    for (std::size_t c = 0; c < map.columns; ++c) {
      const auto index = map.at(r, c);
      if (!index) continue;
      const SweepCell& cell = plot.cells[*index];
      if (cell.target && !target) target = cell.target;
      if (!misses_target(cell)) continue;
      any_miss = true;
      const double inset = outline / 2.0 + 1.0;
      painter.drawRect(cell_rect(r, c).adjusted(inset, inset, -inset, -inset));
    }
  }

  // Axis labels: the values beside and under the grid, each key's name beyond them.
  painter.setPen(Qt::black);
  painter.setFont(label_font);
  for (std::size_t r = 0; r < map.rows; ++r) {
    const QRectF rect = cell_rect(r, 0);
    painter.drawText(QRectF(area.left() - 0.5 * unit - row_label_width, rect.top(), row_label_width,
                            rect.height()),
                     Qt::AlignRight | Qt::AlignVCenter, qs(rows.labels[r]));
  }
  for (std::size_t c = 0; c < map.columns; ++c) {
    const QRectF rect = cell_rect(0, c);
    painter.drawText(
        QRectF(rect.left(), area.bottom() + 0.3 * unit, rect.width(), line),
        Qt::AlignHCenter | Qt::AlignTop,
        label_metrics.elidedText(qs(columns.labels[c]), Qt::ElideMiddle, rect.width()));
  }
  painter.drawText(QRectF(area.left(), area.bottom() + 0.3 * unit + line, area.width(), line),
                   Qt::AlignCenter, qs(columns.key));
  painter.save();
  painter.translate(margin, area.center().y());
  painter.rotate(-90.0);
  painter.drawText(QRectF(-area.height() / 2.0, 0.0, area.height(), line), Qt::AlignCenter,
                   qs(rows.key));
  painter.restore();

  // The legend: what the outline means.
  if (any_miss || target) {
    const double y = area.bottom() + 0.6 * unit + 2.0 * line;
    const QRectF swatch(area.left(), y + 0.15 * line, 1.6 * unit, 0.7 * line);
    QString text;
    if (any_miss) {
      painter.setPen(pen(kMiss, std::min(outline, 3.0)));
      painter.drawRect(swatch);
      text = QObject::tr("95% lower bound of availability below the target %1")
                 .arg(target_text(*target));
    } else {
      text = QObject::tr("every 95% lower bound meets the target %1").arg(target_text(*target));
    }
    painter.setPen(Qt::black);
    painter.drawText(QRectF(swatch.right() + 0.5 * unit, y, area.width(), line),
                     Qt::AlignLeft | Qt::AlignVCenter, text);
  }

  // The colour scale: nines, low at the bottom.
  const QRectF bar(w - margin - scale_width, area.top() + 1.5 * line, 1.2 * unit,
                   area.height() - 1.5 * line);
  QLinearGradient gradient(bar.bottomLeft(), bar.topLeft());
  for (int i = 0; i <= 20; ++i) gradient.setColorAt(i / 20.0, colour_of(i / 20.0));
  painter.fillRect(bar, gradient);
  painter.setPen(pen(Qt::gray, 1.0));
  painter.drawRect(bar);
  painter.setPen(Qt::black);
  for (int i = 0; i < map.nines.count(); ++i) {
    const double value = map.nines.lo + i * map.nines.step;
    const double y = bar.bottom() - (value - map.nines.lo) / span * bar.height();
    painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 0.3 * unit, y));
    painter.drawText(QRectF(bar.right() + 0.4 * unit, y - line / 2.0, scale_width, line),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QString::number(value, 'f', map.nines.decimals));
  }
  painter.drawText(QRectF(bar.left(), area.top(), scale_width, line),
                   Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("nines"));
}

void paint(const SweepPlot& plot, QPainter& painter, QSize size) {
  if (plot.axes.size() == 1) {
    paint_line(plot, painter, size);
  } else {
    paint_heat_map(plot, painter, size);
  }
}

}  // namespace

bool write_sweep_chart(const SweepPlot& plot, const QString& path, QSize size) {
  return write_chart_file(path, size, QString::fromStdString(plot.model),
                          QObject::tr("nines sweep, drawn by nines-gui --plot"),
                          [&plot](QPainter& painter, QSize at) { paint(plot, painter, at); });
}

}  // namespace nines::gui::charts
