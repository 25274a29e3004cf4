// Drawing of the requests lane (requests_lane.hpp): paths per pixel column, shading, hover text.
#include "requests_lane.hpp"

#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSceneHoverEvent>
#include <QPainterPath>
#include <QPen>
#include <algorithm>
#include <cmath>
#include <utility>

namespace nines::gui::timeline {
namespace {

const QColor kOffered(50, 60, 90);
const QColor kServed(40, 150, 70);
const QColor kLost(240, 190, 185);
const QColor kServedFill(200, 232, 205);

QColor interval_colour(Interval::Kind kind) {
  switch (kind) {
    case Interval::Kind::kSpike:
      return QColor(170, 120, 220, 60);
    case Interval::Kind::kBreaker:
      return QColor(240, 170, 60, 70);
    case Interval::Kind::kOutage:
      return QColor(220, 80, 70, 45);
  }
  return {};
}

/// The lane's background: its tooltip is the values at the pointer's instant.
class HoverArea : public QGraphicsRectItem {
 public:
  HoverArea(const QRectF& rect, const RequestSeries& series, std::function<double(double)> hours_of)
      : QGraphicsRectItem(rect), series_(series), hours_of_(std::move(hours_of)) {
    setAcceptHoverEvents(true);
  }

 protected:
  void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override {
    setToolTip(requests_text_at(series_, hours_of_(event->pos().x())));
    QGraphicsRectItem::hoverMoveEvent(event);
  }

 private:
  RequestSeries series_;  // a copy: the item may outlive the view's series until a redraw
  std::function<double(double)> hours_of_;
};

/// How a pixel column holding several steps is drawn: a stroke from its lowest to its highest
/// value (a line), or a bar a pixel wide at its highest (the top of an area, so that a peak
/// of a few minutes in a year still shows in the fill).
enum class Bunch { kStroke, kPeak };

/// A step function as a path from the horizon's start to its end. Steps closer than a pixel
/// are drawn as one `bunch`, so the path has at most a few vertices per pixel column whatever
/// the number of steps.
QPainterPath step_path(const std::vector<Step>& steps, double horizon,
                       const std::function<double(double)>& x_of,
                       const std::function<double(double)>& y_of, Bunch bunch) {
  QPainterPath path;
  if (steps.empty()) return path;
  double y = y_of(steps.front().value);
  path.moveTo(x_of(steps.front().time_hours), y);
  double column = std::floor(path.currentPosition().x());
  double column_x = path.currentPosition().x();
  double low = y;  // in scene y: low is the highest value
  double high = y;
  bool bunched = false;
  const auto flush = [&] {
    if (!bunched) return;
    if (bunch == Bunch::kStroke) {
      path.lineTo(column_x, low);
      path.lineTo(column_x, high);
      path.lineTo(column_x, y);
    } else {
      path.lineTo(column_x, low);
      path.lineTo(column_x + 1.0, low);
      path.lineTo(column_x + 1.0, y);
    }
  };
  for (std::size_t i = 1; i < steps.size(); ++i) {
    const double nx = x_of(steps[i].time_hours);
    const double ny = y_of(steps[i].value);
    if (std::floor(nx) == column) {
      low = std::min(low, ny);
      high = std::max(high, ny);
      y = ny;
      bunched = true;
      continue;
    }
    flush();
    // The previous value holds until this step (a peak's bar may reach past it: it is a pixel).
    path.lineTo(std::max(nx, path.currentPosition().x()), y);
    path.lineTo(path.currentPosition().x(), ny);
    y = ny;
    column = std::floor(nx);
    column_x = nx;
    low = high = ny;
    bunched = false;
  }
  flush();
  path.lineTo(std::max(x_of(horizon), path.currentPosition().x()), y);
  return path;
}

/// The area under a step path, down to `bottom`.
QPainterPath area_under(QPainterPath path, double bottom) {
  if (path.isEmpty()) return path;
  const QPointF start = path.elementAt(0);
  path.lineTo(path.currentPosition().x(), bottom);
  path.lineTo(start.x(), bottom);
  path.closeSubpath();
  path.setFillRule(Qt::WindingFill);
  return path;
}

}  // namespace

int draw_requests_lane(QGraphicsScene& scene, const RequestSeries& series, const LaneGeometry& lane,
                       bool markers) {
  const QRectF& plot = lane.plot;
  const double horizon = std::max(series.horizon_hours, 1e-9);
  const double peak = series.peak_rps > 0.0 ? series.peak_rps : 1.0;
  const auto y_of = [&](double rps) {
    return plot.bottom() - (plot.height() - 6.0) * std::clamp(rps / peak, 0.0, 1.0);
  };
  // Hours from a scene x, by inverting x_of over the horizon (it is linear).
  const double x0 = lane.x_of(0.0);
  const double x1 = lane.x_of(horizon);
  auto hours_of = [x0, x1, horizon](double x) {
    return x1 > x0 ? std::clamp((x - x0) / (x1 - x0), 0.0, 1.0) * horizon : 0.0;
  };
  auto* hover = new HoverArea(plot, series, hours_of);
  hover->setPen(QPen(QColor(200, 200, 205)));
  hover->setBrush(QColor(252, 252, 252));
  scene.addItem(hover);
  // Shading: one path per kind, each stretch at least a pixel wide (a 5-minute breaker opening
  // in a year stays visible).
  for (const Interval::Kind kind :
       {Interval::Kind::kOutage, Interval::Kind::kSpike, Interval::Kind::kBreaker}) {
    QPainterPath shade;
    for (const Interval& i : series.intervals) {
      if (i.kind != kind) continue;
      const double from = lane.x_of(i.from_hours);
      shade.addRect(from, plot.top(), std::max(lane.x_of(i.to_hours) - from, 1.0), plot.height());
    }
    if (shade.isEmpty()) continue;
    auto* item = scene.addPath(shade.simplified(), Qt::NoPen, interval_colour(kind));
    item->setZValue(0.5);
  }
  // The area under offered in red, under served in green over it: what is lost stays red.
  for (const auto& [steps, colour] :
       {std::pair{&series.offered, kLost}, std::pair{&series.served, kServedFill}}) {
    auto* fill = scene.addPath(
        area_under(step_path(*steps, horizon, lane.x_of, y_of, Bunch::kPeak), plot.bottom()),
        Qt::NoPen, colour);
    fill->setZValue(0.6);
  }
  // Served over offered: where they agree the line is green, where not the offered shows.
  auto* offered_line = scene.addPath(
      step_path(series.offered, horizon, lane.x_of, y_of, Bunch::kStroke), QPen(kOffered, 1.6));
  offered_line->setZValue(0.8);
  auto* served_line = scene.addPath(
      step_path(series.served, horizon, lane.x_of, y_of, Bunch::kStroke), QPen(kServed, 1.2));
  served_line->setZValue(0.9);
  // None of these accepts hover events or has a tooltip: the lane under them answers both.
  if (!markers) return 0;
  int drawn = 0;
  constexpr double kSize = 7.0;
  for (const Marker& m : series.markers) {
    const double x = lane.x_of(m.time_hours);
    const double y = plot.top();
    QAbstractGraphicsShapeItem* item = nullptr;
    if (m.shape == Marker::Shape::kDiamond) {
      item = scene.addPolygon(QPolygonF({{x, y - kSize / 2.0 - 1.0},
                                         {x + kSize / 2.0 + 1.0, y},
                                         {x, y + kSize / 2.0 + 1.0},
                                         {x - kSize / 2.0 - 1.0, y}}));
    } else {
      item = scene.addEllipse(x - kSize / 2.0, y - kSize / 2.0, kSize, kSize);
    }
    item->setPen(QPen(m.colour.darker(140)));
    item->setBrush(m.colour);
    item->setToolTip(m.text);
    item->setZValue(2);
    ++drawn;
  }
  return drawn;
}

}  // namespace nines::gui::timeline
