// Drawing of one traced history: bands, steps against min_up, event markers with tooltips.
#include "nines/gui/timeline_view.hpp"

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

namespace nines::gui {
namespace {

constexpr double kLabelWidth = 150.0;
constexpr double kRowHeight = 28.0;
constexpr double kBandHeight = 18.0;
constexpr double kMarker = 7.0;
/// Beyond this many markers the history is still drawn but its markers are not (a pool of
/// hundreds of instances over years would bury the bands and slow the scene to a crawl).
constexpr int kMaxMarkers = 6000;

const QColor kUp(120, 190, 120);
const QColor kDown(220, 80, 70);
const QColor kDomainUp(160, 190, 225);
const QColor kInject(150, 80, 200);
const QColor kRestarting(240, 170, 60);
const QColor kBroken(200, 40, 40);
const QColor kBatch(40, 70, 160);
const QColor kSkipped(120, 120, 130);

/// A step function: from `time_hours` on, `value` (until the next step).
struct Step {
  double time_hours = 0.0;
  double value = 0.0;
};

struct Marker {
  enum class Shape { kDot, kTick, kDiamond, kCross };
  double time_hours = 0.0;
  QColor colour;
  QString text;
  Shape shape = Shape::kDot;
};

struct Row {
  QString label;
  QString tooltip;
  std::vector<Step> steps;
  /// The band is "up" while value >= threshold; full height at `full`.
  double threshold = 1.0;
  double full = 1.0;
  QColor up = kUp;
  std::vector<Marker> markers;
  /// A deploy lane: `steps` counts the instances out (restarting or broken), drawn orange;
  /// `broken` those broken by a bad deploy, drawn red over them. No up/down band.
  bool deploy_lane = false;
  std::vector<Step> broken;
};

void push_step(std::vector<Step>& steps, double time_hours, double value) {
  if (!steps.empty() && steps.back().value == value) return;
  if (!steps.empty() && steps.back().time_hours == time_hours) {
    steps.back().value = value;
    // A change undone at the same instant (a restart of length 0) leaves no step.
    if (steps.size() >= 2 && steps[steps.size() - 2].value == value) steps.pop_back();
    return;
  }
  steps.push_back({time_hours, value});
}

void push_step(Row& row, double time_hours, double value) {
  push_step(row.steps, time_hours, value);
}

QColor event_colour(engine::TraceEvent event) {
  using E = engine::TraceEvent;
  switch (event) {
    case E::kFailure:
    case E::kDormantFailure:
    case E::kSwitchoverFailed:
    case E::kFailoverFailed:
    case E::kZoneDown:
    case E::kRegionDown:
      return kDown;
    case E::kRepairEnd:
    case E::kSwitchoverOk:
    case E::kFailoverOk:
    case E::kZoneUp:
    case E::kRegionUp:
      return QColor(40, 140, 60);
    case E::kBlock:
    case E::kUnblock:
    case E::kBlockDetection:
      return QColor(230, 150, 40);
    case E::kInjectStart:
    case E::kInjectEnd:
      return kInject;
    default:
      return QColor(110, 110, 120);
  }
}

QString time_text(double hours) {
  return QStringLiteral("%1 (%2 h)")
      .arg(QString::fromStdString(models::format_duration(hours)))
      .arg(hours, 0, 'f', 2);
}

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
  if (model_) {
    try {
      traced_ = engine::trace_replication(*model_, replication());
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

  // Rows: the system, components, zones and regions (model order).
  std::vector<Row> rows;
  Row system;
  system.label = tr("system");
  system.tooltip = tr("The system: up while the entry component serves");
  rows.push_back(system);
  const std::size_t first_component = rows.size();
  std::vector<std::size_t> component_row(compiled.components.size());
  // The deploy lane of each component with deploys (0: none).
  std::vector<std::size_t> deploy_row(compiled.components.size(), 0);
  for (std::size_t m = 0; m < model_->components.size(); ++m) {
    const models::Component& c = model_->components[m];
    const std::uint32_t k = compiled.component_of_model.at(m);
    component_row[k] = rows.size();
    Row row;
    row.label = QString::fromStdString(c.id);
    row.tooltip = tr("%1: instances serving (active, neither failed nor blocked; idle standby "
                     "instances do not count) of %2; the band is green while at least min_up = "
                     "%3 serve")
                      .arg(row.label)
                      .arg(c.instances)
                      .arg(c.min_up);
    row.threshold = static_cast<double>(c.min_up);
    row.full = static_cast<double>(c.instances);
    rows.push_back(row);
    if (c.deploys) {
      // Its deploys' lane, right under it.
      deploy_row[k] = rows.size();
      Row lane;
      lane.label = tr("%1 deploys").arg(row.label);
      lane.tooltip =
          tr("%1's deploys: instances restarting (orange) and broken by a bad deploy (red) of "
             "%2; ticks: batches; diamonds: a bad deploy's verdict (red) and its rollback's end "
             "(green); crosses: deploys skipped because the previous one still ran")
              .arg(row.label)
              .arg(c.instances);
      lane.full = static_cast<double>(c.instances);
      lane.threshold = 0.0;
      lane.deploy_lane = true;
      rows.push_back(lane);
    }
  }
  std::vector<std::size_t> zone_row(compiled.zones.size());
  for (std::size_t m = 0; m < model_->zones.size(); ++m) {
    zone_row[compiled.zone_of_model.at(m)] = rows.size();
    Row row;
    row.label = tr("zone %1").arg(QString::fromStdString(model_->zones[m].id));
    row.tooltip = tr("%1: down by its own failure or a held injection (its region's outage "
                     "shows on the region's row)")
                      .arg(row.label);
    row.up = kDomainUp;
    rows.push_back(row);
  }
  std::vector<std::size_t> region_row(compiled.regions.size());
  for (std::size_t m = 0; m < model_->regions.size(); ++m) {
    region_row[compiled.region_of_model.at(m)] = rows.size();
    Row row;
    row.label = tr("region %1").arg(QString::fromStdString(model_->regions[m].id));
    row.tooltip = row.label;
    row.up = kDomainUp;
    rows.push_back(row);
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    rows[r].steps.push_back({0.0, rows[r].deploy_lane ? 0.0 : rows[r].full});
    if (rows[r].deploy_lane) rows[r].broken.push_back({0.0, 0.0});
  }
  // A warm or cold pool starts with min_up instances active, the rest idle (not serving).
  std::vector<std::vector<std::uint8_t>> idle(compiled.components.size());
  std::vector<int> down_count(compiled.components.size(), 0);
  for (std::size_t k = 0; k < compiled.components.size(); ++k) {
    const engine::CompiledComponent& cc = compiled.components[k];
    idle[k].assign(cc.instance_count, 0);
    if (cc.standby == engine::Standby::kHot) continue;
    for (std::uint32_t i = cc.min_up; i < cc.instance_count; ++i) idle[k][i] = 1;
    down_count[k] = static_cast<int>(cc.instance_count - cc.min_up);
    rows[component_row[k]].steps.front().value = static_cast<double>(cc.min_up);
  }

  // Replay the rows' states from the state changes.
  std::vector<std::vector<std::uint8_t>> failed(compiled.components.size());
  std::vector<std::vector<std::uint8_t>> blocked(compiled.components.size());
  for (std::size_t k = 0; k < compiled.components.size(); ++k) {
    failed[k].assign(compiled.components[k].instance_count, 0);
    blocked[k].assign(compiled.components[k].instance_count, 0);
  }
  std::vector<int> zone_own(compiled.zones.size(), 0);
  std::vector<int> zone_held(compiled.zones.size(), 0);
  std::vector<int> region_own(compiled.regions.size(), 0);
  std::vector<int> region_held(compiled.regions.size(), 0);
  // Deploy lanes: per instance, restarting and broken; per component, the deploy number (skipped
  // deploys count, as in the engine's streams), whether it is bad, and its last batch's marker.
  std::vector<std::vector<std::uint8_t>> restarting(compiled.components.size());
  std::vector<std::vector<std::uint8_t>> broken(compiled.components.size());
  std::vector<int> deploy_number(compiled.components.size(), -1);  // the last one due
  std::vector<int> running_deploy(compiled.components.size(), 0);
  // Per lane: instances out (restarting or broken) and broken.
  std::vector<int> lane_out(compiled.components.size(), 0);
  std::vector<int> lane_broken(compiled.components.size(), 0);
  std::vector<int> deploy_batch(compiled.components.size(), 0);
  std::vector<std::int64_t> batch_marker(compiled.components.size(), -1);
  for (std::size_t k = 0; k < compiled.components.size(); ++k) {
    restarting[k].assign(compiled.components[k].instance_count, 0);
    broken[k].assign(compiled.components[k].instance_count, 0);
  }
  // The instance a deploy row just restarted, broke or brought back: the component's block or
  // unblock row that follows in the same batch is the deploy lane's to show, not a marker of
  // its own on the component's row.
  struct Touched {
    std::uint32_t source = 0;
    std::int64_t instance = -1;
    std::uint32_t batch = 0;
  };
  std::optional<Touched> touched;
  bool system_up = true;
  using E = engine::TraceEvent;
  for (const engine::TraceRow& t : trace.rows) {
    const QString what = QString::fromUtf8(engine::trace_event_name(t.event));
    const QString when = time_text(t.time_hours);
    std::size_t row_index = 0;
    QString text;
    bool mark = true;
    Marker::Shape shape = Marker::Shape::kDot;
    QColor colour = event_colour(t.event);
    switch (t.kind) {
      case engine::SourceKind::kComponent: {
        row_index = component_row.at(t.source);
        if ((t.event == E::kBlock || t.event == E::kUnblock) && touched &&
            touched->source == t.source && touched->instance == t.instance &&
            touched->batch == t.batch) {
          mark = false;
        }
        const auto i = static_cast<std::size_t>(t.instance);
        // Serving: active (not idle, not switching over), neither failed nor blocked.
        const auto not_serving = [&] {
          return static_cast<int>(failed[t.source][i] | blocked[t.source][i] | idle[t.source][i]);
        };
        const int was = not_serving();
        if (t.event == E::kFailure || t.event == E::kDormantFailure ||
            t.event == E::kSwitchoverFailed) {
          failed[t.source][i] = 1;
          idle[t.source][i] = 0;
        } else if (t.event == E::kRepairEnd || t.event == E::kSwitchoverOk) {
          failed[t.source][i] = 0;  // active, unless a standby event follows
          idle[t.source][i] = 0;
        } else if (t.event == E::kSwitchoverStart || t.event == E::kStandby) {
          idle[t.source][i] = 1;  // switching over is not serving yet
        } else if (t.event == E::kBlock) {
          blocked[t.source][i] = 1;
        } else if (t.event == E::kUnblock) {
          blocked[t.source][i] = 0;
        }
        down_count[t.source] += not_serving() - was;
        Row& row = rows[row_index];
        push_step(row, t.time_hours, row.full - down_count[t.source]);
        text = tr("%1\n%2 #%3: %4\n%5 of %6 serving")
                   .arg(when, row.label)
                   .arg(t.instance)
                   .arg(what)
                   .arg(row.full - down_count[t.source])
                   .arg(row.full);
        break;
      }
      case engine::SourceKind::kZone: {
        row_index = zone_row.at(t.source);
        zone_own[t.source] = t.event == E::kZoneDown ? 1 : 0;
        push_step(rows[row_index], t.time_hours,
                  zone_own[t.source] + zone_held[t.source] > 0 ? 0.0 : 1.0);
        text = tr("%1\n%2: %3").arg(when, rows[row_index].label, what);
        break;
      }
      case engine::SourceKind::kRegion: {
        row_index = region_row.at(t.source);
        region_own[t.source] = t.event == E::kRegionDown ? 1 : 0;
        push_step(rows[row_index], t.time_hours,
                  region_own[t.source] + region_held[t.source] > 0 ? 0.0 : 1.0);
        text = tr("%1\n%2: %3").arg(when, rows[row_index].label, what);
        break;
      }
      case engine::SourceKind::kInject: {
        const engine::CompiledInjection& j = compiled.injections.at(t.source);
        const int delta = j.for_hours > 0.0 ? (t.event == E::kInjectStart ? 1 : -1) : 0;
        QString target;
        switch (j.target) {
          case engine::CompiledInjection::Target::kComponent:
            row_index = component_row.at(j.index);
            target = QString::fromStdString(compiled.component_ids.at(j.index));
            break;
          case engine::CompiledInjection::Target::kZone:
            row_index = zone_row.at(j.index);
            zone_held[j.index] += delta;
            push_step(rows[row_index], t.time_hours,
                      zone_own[j.index] + zone_held[j.index] > 0 ? 0.0 : 1.0);
            target = tr("zone %1").arg(QString::fromStdString(compiled.zone_ids.at(j.index)));
            break;
          case engine::CompiledInjection::Target::kRegion:
            row_index = region_row.at(j.index);
            region_held[j.index] += delta;
            push_step(rows[row_index], t.time_hours,
                      region_own[j.index] + region_held[j.index] > 0 ? 0.0 : 1.0);
            target = tr("region %1").arg(QString::fromStdString(compiled.region_ids.at(j.index)));
            break;
        }
        text = tr("%1\ninjection on %2: %3%4")
                   .arg(when, target, what,
                        j.for_hours > 0.0 && t.event == E::kInjectStart
                            ? tr(" (held for %1)")
                                  .arg(QString::fromStdString(models::format_duration(j.for_hours)))
                            : QString());
        break;
      }
      case engine::SourceKind::kFailover: {
        // Marked on the row of the component whose dependency is failing over.
        const engine::CompiledFailover& f = compiled.failovers.at(t.source);
        row_index = component_row.at(compiled.gates.at(f.gate).owner);
        text = tr("%1\nfailover %2: %3")
                   .arg(when, QString::fromStdString(compiled.failover_ids.at(t.source)), what);
        break;
      }
      case engine::SourceKind::kDeploy: {
        row_index = deploy_row.at(t.source);
        Row& lane = rows[row_index];
        const QString component = QString::fromStdString(compiled.component_ids.at(t.source));
        const auto i = static_cast<std::size_t>(std::max<std::int64_t>(t.instance, 0));
        // Sets instance i's restarting or broken flag and steps the lane's counts.
        const auto set = [&](std::vector<std::vector<std::uint8_t>>& flags, std::uint8_t value) {
          const int was_out = restarting[t.source][i] | broken[t.source][i];
          const int was_broken = broken[t.source][i];
          flags[t.source][i] = value;
          lane_out[t.source] += (restarting[t.source][i] | broken[t.source][i]) - was_out;
          lane_broken[t.source] += broken[t.source][i] - was_broken;
          push_step(lane.steps, t.time_hours, lane_out[t.source]);
          push_step(lane.broken, t.time_hours, lane_broken[t.source]);
        };
        if (t.event == E::kDeployStart) running_deploy[t.source] = deploy_number[t.source] + 1;
        const QString deploy = tr("deploy #%1 of %2").arg(running_deploy[t.source]).arg(component);
        mark = false;
        switch (t.event) {
          case E::kDeployStart:
            ++deploy_number[t.source];
            deploy_batch[t.source] = 0;
            batch_marker[t.source] = -1;
            break;
          case E::kDeploySkipped:
            ++deploy_number[t.source];
            mark = true;
            shape = Marker::Shape::kCross;
            colour = kSkipped;
            text = tr("%1\ndeploy #%2 of %3 skipped: the previous one still runs")
                       .arg(when)
                       .arg(deploy_number[t.source])
                       .arg(component);
            break;
          case E::kDeployBatch:
            ++deploy_batch[t.source];
            mark = true;
            shape = Marker::Shape::kTick;
            colour = kBatch;
            text = tr("%1\n%2, batch %3 reaches:").arg(when, deploy).arg(deploy_batch[t.source]);
            batch_marker[t.source] = static_cast<std::int64_t>(lane.markers.size());
            break;
          case E::kRestart:
          case E::kBroken: {
            set(t.event == E::kRestart ? restarting : broken, 1);
            // Named on its batch's tick ("#3 restarts, broken").
            const std::int64_t b = batch_marker[t.source];
            if (b >= 0) {
              lane.markers[static_cast<std::size_t>(b)].text +=
                  t.event == E::kRestart ? tr("\n  #%1 restarts").arg(t.instance)
                                         : tr(", broken (bad deploy)");
            }
            touched = Touched{t.source, t.instance, t.batch};
            break;
          }
          case E::kRestartEnd:
          case E::kUnbroken:
            set(t.event == E::kRestartEnd ? restarting : broken, 0);
            touched = Touched{t.source, t.instance, t.batch};
            break;
          case E::kDeployBad:
            mark = true;
            shape = Marker::Shape::kDiamond;
            colour = kBroken;
            text = tr("%1\n%2 found bad (the verdict): no batch follows; the rollback begins")
                       .arg(when, deploy);
            break;
          case E::kRollbackEnd:
            mark = true;
            shape = Marker::Shape::kDiamond;
            colour = QColor(40, 140, 60);
            text = tr("%1\n%2: the rollback ends; broken instances come back").arg(when, deploy);
            break;
          default:
            break;
        }
        break;
      }
    }
    if (mark) rows[row_index].markers.push_back({t.time_hours, colour, text, shape});
    if (t.system_up != system_up) {
      system_up = t.system_up;
      push_step(rows[0], t.time_hours, system_up ? 1.0 : 0.0);
    }
    if (t.cause >= 0) {
      const auto k = static_cast<std::size_t>(t.cause);
      const bool other = compiled.cause_kinds.at(k) == engine::CauseKind::kOther;
      static constexpr std::array<const char*, 6> kKinds{"component", "zone",   "region",
                                                         "inject",    "deploy", "other"};
      const engine::CauseKind kind = compiled.cause_kinds.at(k);
      const QString id = QString::fromStdString(compiled.cause_ids.at(k));
      // A deploy cause reads as the causes chart names it: "web (deploys)".
      const QString cause =
          other ? tr("other")
          : kind == engine::CauseKind::kDeploy
              ? tr("%1 (deploys)").arg(id)
              : QStringLiteral("%1 %2").arg(
                    QString::fromLatin1(kKinds.at(static_cast<std::size_t>(kind))), id);
      rows[0].markers.push_back(
          {t.time_hours, kDown, tr("%1\noutage began; root cause: %2").arg(when, cause)});
    }
  }

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
  const auto lanes = static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const Row& row) { return row.deploy_lane; }));
  // A second legend line above the rows when there are deploy lanes.
  const double head = lanes > 0 ? 40.0 : 24.0;
  std::size_t total_markers = 0;
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
    if (r >= first_component && !row.deploy_lane && row.full > 1.0 &&
        r < first_component + model_->components.size() + lanes) {
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
  // Time axis under the rows.
  const double axis = head + static_cast<double>(rows.size()) * kRowHeight + 4.0;
  scene_->addLine(x0, axis, x0 + plot, axis, QPen(QColor(90, 90, 90)));
  // The labels' backing: the history scrolls under it when zoomed.
  // From the scene's left margin to the plot, over the rows and the axis' labels.
  auto* backing =
      scene_->addRect(-8.0, head - 4.0, label_width + 6.0, axis + 20.0, Qt::NoPen, Qt::white);
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
  if (lanes > 0) {
    add_legend(tr("deploy lanes: ticks batches, orange restarting, red broken; diamonds: verdict "
                  "(red) and rollback end (green); crosses: skipped deploys"),
               18.0);
  }
  scene_->setSceneRect(scene_->itemsBoundingRect().adjusted(-4, -4, 4, 4));
  pin_labels();

  summary_->setText(tr("replication %1: %2 h of downtime, %3 outages, %4 state changes%5")
                        .arg(replication())
                        .arg(trace.downtime_hours, 0, 'f', 2)
                        .arg(trace.outages)
                        .arg(trace.rows.size())
                        .arg(draw_markers ? QString() : tr(" (too many to mark; bands only)")));
}

}  // namespace nines::gui
