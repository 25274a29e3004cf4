// Drawing of one traced history: bands, steps against min_up, event markers with tooltips.
#include "nines/gui/timeline_view.hpp"

#include <QComboBox>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsPathItem>
#include <QGraphicsPolygonItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainterPath>
#include <QPushButton>
#include <QScrollBar>
#include <QShowEvent>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <limits>
#include <vector>

#include "nines/engine/trace.hpp"
#include "nines/models/duration.hpp"
#include "requests_lane.hpp"
#include "requests_series.hpp"
#include "timeline_rows.hpp"

namespace nines::gui {
namespace {

using timeline::kBroken;
using timeline::kDown;
using timeline::kRestarting;
using timeline::Marker;
using timeline::Row;
using timeline::Step;
using timeline::time_text;

constexpr double kLabelWidth = 150.0;
constexpr double kRowHeight = 28.0;
constexpr double kBandHeight = 18.0;
constexpr double kMarker = 7.0;
/// The requests lane's height beside the bands (alone, it takes the view's height).
constexpr double kLaneHeight = 110.0;
/// Beyond this many markers the history is still drawn but its markers are not (a pool of
/// hundreds of instances over years would bury the bands and slow the scene to a crawl).
constexpr int kMaxMarkers = 6000;

/// A tick step giving at most about ten ticks over the horizon.
double tick_step(double span_hours) {
  static constexpr std::array<double, 20> kSteps{0.25, 0.5,   1,     2,     6,      12,    24,
                                                 48,   168,   336,   720,   1440,   2160,  4320,
                                                 8760, 17520, 43800, 87600, 438000, 876000};
  for (const double step : kSteps) {
    if (span_hours / step <= 10.0) return step;
  }
  return span_hours / 10.0;
}

}  // namespace

TimelineView::TimelineView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  auto* bar = new QHBoxLayout();
  layout->addLayout(bar);
  bar->addWidget(new QLabel(tr("Replication"), this));
  replication_ = new QSpinBox(this);
  replication_->setRange(0, std::numeric_limits<int>::max());
  replication_->setKeyboardTracking(false);
  replication_->setToolTip(tr("The history to replay: replication R of the model's seed"));
  bar->addWidget(replication_);
  worst_ = new QPushButton(tr("Most downtime"), this);
  worst_->setToolTip(tr("The replication with the most downtime in the last run"));
  worst_->setEnabled(false);
  bar->addWidget(worst_);
  auto* fit = new QPushButton(tr("Fit"), this);
  fit->setToolTip(tr("Show the whole horizon (Ctrl+wheel zooms the time axis)"));
  bar->addWidget(fit);
  connect(fit, &QPushButton::clicked, this, [this] { set_zoom(1.0); });
  lanes_ = new QComboBox(this);
  lanes_->addItem(tr("History and requests"));
  lanes_->addItem(tr("Requests"));
  lanes_->addItem(tr("History"));
  lanes_->setToolTip(
      tr("The bands of the history, the requests offered and served (a model "
         "with a load), or both"));
  bar->addWidget(lanes_);
  connect(lanes_, &QComboBox::currentIndexChanged, this, [this] {
    if (!dirty_) redraw();
  });
  summary_ = new QLabel(this);
  // A long summary must not widen the window (it is elided by the layout instead).
  summary_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  bar->addWidget(summary_, 1);
  view_ = new QGraphicsView(this);
  scene_ = new QGraphicsScene(this);
  view_->setScene(scene_);
  view_->setRenderHint(QPainter::Antialiasing);
  view_->setBackgroundBrush(Qt::white);
  view_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  layout->addWidget(view_, 1);
  view_->viewport()->installEventFilter(this);
  connect(view_->horizontalScrollBar(), &QScrollBar::valueChanged, this, [this] { pin_labels(); });
  // Narrow windows clip the replication bar rather than widen the whole window.
  setMinimumWidth(160);

  connect(replication_, &QSpinBox::valueChanged, this, [this] {
    if (updating_) return;
    user_chose_ = true;
    retrace();
  });
  connect(worst_, &QPushButton::clicked, this, [this] {
    if (!suggested_) return;
    user_chose_ = false;
    suggest_replication(*suggested_);
  });
}

void TimelineView::set_model(const std::optional<models::Model>& runnable) {
  model_ = runnable;
  retrace();
}

void TimelineView::set_replication(std::uint64_t replication) {
  user_chose_ = true;
  updating_ = true;
  replication_->setValue(static_cast<int>(
      std::min<std::uint64_t>(replication, static_cast<std::uint64_t>(replication_->maximum()))));
  updating_ = false;
  retrace();
}

std::uint64_t TimelineView::replication() const {
  return static_cast<std::uint64_t>(replication_->value());
}

void TimelineView::suggest_replication(std::uint64_t replication) {
  suggested_ = replication;
  worst_->setEnabled(true);
  worst_->setToolTip(tr("Replication %1: the most downtime in the last run").arg(replication));
  if (user_chose_ || replication == this->replication()) return;
  set_replication(replication);
  user_chose_ = false;
}

void TimelineView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (dirty_) retrace();
}

void TimelineView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (!dirty_) redraw();
}

void TimelineView::set_lanes(Lanes which) { lanes_->setCurrentIndex(static_cast<int>(which)); }

TimelineView::Lanes TimelineView::lanes() const {
  return static_cast<Lanes>(lanes_->currentIndex());
}

QList<QPointF> TimelineView::requests_offered() const {
  QList<QPointF> points;
  if (requests_) {
    for (const Step& s : requests_->offered) points.append(QPointF(s.time_hours, s.value));
  }
  return points;
}

QList<QPointF> TimelineView::requests_served() const {
  QList<QPointF> points;
  if (requests_) {
    for (const Step& s : requests_->served) points.append(QPointF(s.time_hours, s.value));
  }
  return points;
}

QString TimelineView::requests_text(double hours) const {
  return requests_ ? timeline::requests_text_at(*requests_, hours) : QString();
}

QStringList TimelineView::requests_markers() const {
  QStringList texts;
  if (requests_) {
    for (const Marker& m : requests_->markers) texts << m.text;
  }
  return texts;
}

QStringList TimelineView::requests_intervals() const {
  QStringList texts;
  if (requests_) {
    for (const timeline::Interval& i : requests_->intervals) {
      texts << tr("%1 from %2 to %3").arg(i.text, time_text(i.from_hours), time_text(i.to_hours));
    }
  }
  return texts;
}

void TimelineView::set_zoom(double zoom) {
  zoom_ = std::clamp(zoom, 1.0, 10000.0);
  redraw();
}

bool TimelineView::eventFilter(QObject* watched, QEvent* event) {
  if (watched != view_->viewport() || event->type() != QEvent::Wheel) {
    return QWidget::eventFilter(watched, event);
  }
  auto* wheel = static_cast<QWheelEvent*>(event);
  if (!(wheel->modifiers() & Qt::ControlModifier) || !traced_) return false;
  // Zoom about the pointer: the instant under it stays under it.
  const QPointF at = wheel->position();
  const double scene_x = view_->mapToScene(at.toPoint()).x();
  const double old_zoom = zoom_;
  set_zoom(zoom_ * std::pow(1.0015, wheel->angleDelta().y()));
  const double label =
      std::min(kLabelWidth, std::max(240.0, view_->viewport()->width() - 4.0) / 3.0);
  const double moved = label + (scene_x - label) * zoom_ / old_zoom;
  view_->horizontalScrollBar()->setValue(
      static_cast<int>(std::lround(moved - at.x() - view_->sceneRect().left())));
  return true;
}

void TimelineView::pin_labels() {
  const double left = view_->mapToScene(0, 0).x();
  for (QGraphicsItem* item : pinned_) item->setX(std::max(0.0, left - view_->sceneRect().left()));
}

void TimelineView::retrace() {
  if (!isVisible()) {
    dirty_ = true;  // traced when shown
    return;
  }
  dirty_ = false;
  traced_.reset();
  requests_.reset();
  if (model_) {
    try {
      traced_ = engine::trace_replication(*model_, replication());
      if (auto series = timeline::build_requests(traced_->compiled, traced_->trace)) {
        requests_ = std::make_shared<const timeline::RequestSeries>(std::move(*series));
      }
    } catch (const std::exception& e) {
      summary_->setText(QString::fromStdString(e.what()));
    }
  }
  redraw();
}

void TimelineView::redraw() {
  scene_->clear();
  pinned_.clear();
  labels_.clear();
  markers_ = 0;
  if (!traced_) {
    if (!model_) summary_->setText(tr("The model has an error; fix it to see a history."));
    return;
  }
  const engine::CompiledModel& compiled = traced_->compiled;
  const engine::Trace& trace = traced_->trace;
  const double horizon = std::max(compiled.horizon_hours, 1e-9);

  const bool show_requests = requests_ != nullptr && lanes() != Lanes::kHistory;
  const bool show_bands = requests_ == nullptr || lanes() != Lanes::kRequests;
  std::vector<Row> rows;
  if (show_bands) rows = timeline::build_rows(*model_, compiled, trace);
  lanes_->setEnabled(requests_ != nullptr);

  // Draw.
  const double width = std::max(240.0, static_cast<double>(view_->viewport()->width()) - 4.0);
  // Labels take at most a third of a narrow view.
  const double label_width = std::min(kLabelWidth, width / 3.0);
  const double x0 = label_width;
  const double plot = (width - x0 - 16.0) * zoom_;
  const auto x_of = [&](double hours) { return x0 + plot * std::clamp(hours / horizon, 0.0, 1.0); };
  QFont bold = font();
  bold.setBold(true);
  const QFontMetricsF metrics(font());
  const auto deploy_lanes = static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const Row& row) { return row.deploy_lane; }));
  // A legend line above the rows, one more for deploy lanes and one for the requests lane.
  const double legend_lines = 1.0 + (deploy_lanes > 0 ? 1.0 : 0.0) + (show_requests ? 1.0 : 0.0);
  const double lane_top = 8.0 + 16.0 * legend_lines;
  const double lane_height =
      !show_requests ? 0.0
      : show_bands   ? kLaneHeight
                     : std::max(kLaneHeight, view_->viewport()->height() - lane_top - 70.0);
  const double head = lane_top + (show_requests ? lane_height + 12.0 : 0.0);
  std::size_t total_markers = show_requests ? requests_->markers.size() : 0;
  for (const Row& row : rows) total_markers += row.markers.size();
  const bool draw_markers = total_markers <= static_cast<std::size_t>(kMaxMarkers);
  steps_.clear();
  marker_texts_.clear();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    labels_ << row.label;
    QList<QPointF>& steps = steps_[row.label];
    for (const Step& step : row.steps) steps.append(QPointF(step.time_hours, step.value));
    const double top = head + static_cast<double>(r) * kRowHeight;
    auto* label = scene_->addSimpleText(
        metrics.elidedText(row.label, Qt::ElideMiddle, label_width - 10.0), r == 0 ? bold : font());
    label->setPos(4.0, top + (kBandHeight - label->boundingRect().height()) / 2.0);
    label->setToolTip(row.tooltip);
    label->setZValue(4);
    pinned_.push_back(label);
    auto* frame = scene_->addRect(x0, top, plot, kBandHeight, QPen(QColor(200, 200, 205)),
                                  QColor(250, 250, 250));
    frame->setToolTip(row.tooltip);
    if (row.deploy_lane) {
      // Instances out: restarting (orange) with the broken ones (red) at the bottom.
      for (const auto& [series, colour] :
           {std::pair{&row.steps, kRestarting}, std::pair{&row.broken, kBroken}}) {
        for (std::size_t s = 0; s < series->size(); ++s) {
          const double value = (*series)[s].value;
          if (!(value > 0.0)) continue;
          const double from = (*series)[s].time_hours;
          const double to = s + 1 < series->size() ? (*series)[s + 1].time_hours : horizon;
          const double height = kBandHeight * std::clamp(value / row.full, 0.0, 1.0);
          // A restart of a minute in a year is thinner than a pixel: it stays visible.
          const double w = std::max(x_of(to) - x_of(from), 1.5);
          auto* band =
              scene_->addRect(x_of(from), top + kBandHeight - height, w, height, Qt::NoPen, colour);
          band->setToolTip(
              tr("%1: %2 of %3 %4 from %5 to %6")
                  .arg(row.label)
                  .arg(value)
                  .arg(row.full)
                  .arg(colour == kBroken ? tr("broken") : tr("out (restarting or broken)"))
                  .arg(time_text(from), time_text(to)));
        }
      }
    }
    for (std::size_t s = 0; s < row.steps.size() && !row.deploy_lane; ++s) {
      const double from = row.steps[s].time_hours;
      const double to = s + 1 < row.steps.size() ? row.steps[s + 1].time_hours : horizon;
      const double value = row.steps[s].value;
      const double height =
          row.full > 0.0 ? kBandHeight * std::clamp(value / row.full, 0.0, 1.0) : 0.0;
      const bool up = value >= row.threshold;
      const double w = std::max(x_of(to) - x_of(from), up ? 0.0 : 2.0);  // outages stay visible
      if (up) {
        auto* band =
            scene_->addRect(x_of(from), top + kBandHeight - height, w, height, Qt::NoPen, row.up);
        band->setToolTip(row.tooltip);
      } else {
        auto* band =
            scene_->addRect(x_of(from), top, w, kBandHeight, Qt::NoPen, kDown.lighter(150));
        auto* level =
            scene_->addRect(x_of(from), top + kBandHeight - height, w, height, Qt::NoPen, kDown);
        const QString tip =
            tr("%1 down from %2 to %3").arg(row.label, time_text(from), time_text(to));
        band->setToolTip(tip);
        level->setToolTip(tip);
      }
    }
    if (r >= timeline::kFirstComponentRow && !row.deploy_lane && row.full > 1.0 &&
        r < timeline::kFirstComponentRow + model_->components.size() + deploy_lanes) {
      // The min_up level: the band is up while the step reaches it.
      const double y = top + kBandHeight - kBandHeight * row.threshold / row.full;
      scene_->addLine(x0, y, x0 + plot, y, QPen(QColor(60, 60, 70), 1.0, Qt::DashLine));
    }
    if (!draw_markers) continue;
    for (const Marker& m : row.markers) {
      const double x = x_of(m.time_hours);
      QAbstractGraphicsShapeItem* item = nullptr;
      switch (m.shape) {
        case Marker::Shape::kDot:
          item = scene_->addEllipse(x - kMarker / 2.0, top - kMarker / 2.0, kMarker, kMarker);
          break;
        case Marker::Shape::kTick:
          // A batch: a tick across the lane (wide enough to hover).
          item = scene_->addRect(x - 1.0, top - 3.0, 2.0, kBandHeight + 3.0);
          break;
        case Marker::Shape::kDiamond:
          item = scene_->addPolygon(QPolygonF({{x, top - kMarker / 2.0 - 1.0},
                                               {x + kMarker / 2.0 + 1.0, top},
                                               {x, top + kMarker / 2.0 + 1.0},
                                               {x - kMarker / 2.0 - 1.0, top}}));
          break;
        case Marker::Shape::kCross: {
          QPainterPath cross;
          const double h = kMarker / 2.0;
          cross.moveTo(x - h, top - h);
          cross.lineTo(x + h, top + h);
          cross.moveTo(x + h, top - h);
          cross.lineTo(x - h, top + h);
          item = scene_->addPath(cross);
          item->setPen(QPen(m.colour, 2.0));
          break;
        }
      }
      if (m.shape != Marker::Shape::kCross) {
        item->setPen(m.shape == Marker::Shape::kTick ? QPen(Qt::NoPen)
                                                     : QPen(m.colour.darker(140)));
        item->setBrush(m.colour);
      }
      item->setToolTip(m.text);
      item->setZValue(2);
      ++markers_;
      marker_texts_[row.label].append(m.text);
    }
  }
  if (show_requests) {
    const QRectF lane(x0, lane_top, plot, lane_height);
    markers_ += timeline::draw_requests_lane(*scene_, *requests_, {lane, x_of}, draw_markers);
    for (const Marker& m : requests_->markers) marker_texts_[tr("requests")].append(m.text);
    // Its label and scale in the pinned column: the scale's texts are the label's children,
    // so that pinning (which sets the label's x) carries them along.
    auto* label = scene_->addSimpleText(tr("requests"), bold);
    const double label_h = label->boundingRect().height();
    label->setPos(4.0, lane_top + (lane_height - label_h) / 2.0);
    label->setToolTip(
        tr("Requests per second offered (dark line) and served (green) over the "
           "history; hover for the values at an instant"));
    label->setZValue(4);
    pinned_.push_back(label);
    auto* peak =
        new QGraphicsSimpleTextItem(tr("%1 rps").arg(requests_->peak_rps, 0, 'f', 0), label);
    auto* zero = new QGraphicsSimpleTextItem(tr("0"), label);
    const double right = label_width - 12.0;
    peak->setPos(right - peak->boundingRect().width(), -(lane_height - label_h) / 2.0);
    zero->setPos(right - zero->boundingRect().width(), (lane_height + label_h) / 2.0 - label_h);
  }
  // Time axis under the rows.
  const double axis = show_bands ? head + static_cast<double>(rows.size()) * kRowHeight + 4.0
                                 : lane_top + lane_height + 6.0;
  scene_->addLine(x0, axis, x0 + plot, axis, QPen(QColor(90, 90, 90)));
  // The labels' backing: the history scrolls under it when zoomed.
  // From the scene's left margin to the plot, over the rows and the axis' labels.
  auto* backing =
      scene_->addRect(-8.0, lane_top - 4.0, label_width + 6.0, axis + 20.0, Qt::NoPen, Qt::white);
  backing->setZValue(3);
  pinned_.push_back(backing);
  // About ten ticks in view, and never more than a couple of thousand in the whole scene.
  const double step = std::max(tick_step(horizon / zoom_), tick_step(horizon / 200.0));
  for (double t = 0.0; t <= horizon * (1.0 + 1e-9); t += step) {
    scene_->addLine(x_of(t), axis, x_of(t), axis + 4.0, QPen(QColor(90, 90, 90)));
    auto* tick = scene_->addSimpleText(QString::fromStdString(models::format_duration(t)));
    tick->setPos(x_of(t) - tick->boundingRect().width() / 2.0, axis + 5.0);
  }
  auto* caption = scene_->addSimpleText(tr("time since the start of the history"));
  caption->setPos(x0 + plot / 2.0 - caption->boundingRect().width() / 2.0, axis + 22.0);
  // Elided to the plot's width; the whole text in the tooltip.
  const auto add_legend = [&](const QString& text, double y) {
    auto* legend = scene_->addSimpleText(metrics.elidedText(text, Qt::ElideRight, plot));
    legend->setPos(x0, y);
    legend->setToolTip(text);
  };
  add_legend(tr("dots: red failure or down, green repair or up, orange blocked, purple injection "
                "(hover for details)"),
             2.0);
  double legend_y = 18.0;
  if (deploy_lanes > 0) {
    add_legend(tr("deploy lanes: ticks batches, orange restarting, red broken; diamonds: verdict "
                  "(red) and rollback end (green); crosses: skipped deploys"),
               legend_y);
    legend_y += 16.0;
  }
  if (show_requests) {
    add_legend(tr("requests: offered (dark line), served (green), red: not served; shaded: spikes "
                  "(purple), open breakers (orange), outages (red); dots: crashes; diamonds: "
                  "cache expiry (orange) and warm-up end (green)"),
               legend_y);
  }
  scene_->setSceneRect(scene_->itemsBoundingRect().adjusted(-4, -4, 4, 4));
  pin_labels();

  summary_->setText(tr("replication %1: %2 h of downtime, %3 outages, %4 state changes%5%6")
                        .arg(replication())
                        .arg(trace.downtime_hours, 0, 'f', 2)
                        .arg(trace.outages)
                        .arg(trace.rows.size())
                        .arg(draw_markers ? QString() : tr(" (too many to mark; bands only)"))
                        .arg(requests_ == nullptr && lanes() == Lanes::kRequests
                                 ? tr("; the model has no load: no requests to draw")
                                 : QString()));
}

}  // namespace nines::gui
