// Drawing of the layered dependency graph on a QGraphicsScene, with zoom, pan and export.
#include "nines/gui/graph_view.hpp"

#include <QComboBox>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QStringList>
#include <QSvgGenerator>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <thread>
#include <utility>

#include "nines/report/human_format.hpp"

namespace nines::gui {
namespace {

constexpr double kBoxWidth = 150.0;
constexpr double kBoxHeight = 58.0;
constexpr double kSlotWidth = 172.0;
constexpr double kRowHeight = 104.0;
constexpr double kLayerGap = 36.0;
constexpr int kIdRole = 0;
const QColor kUnrun(236, 240, 245);

/// Green for components that cause no downtime, through orange to red for the main cause. The
/// square root spreads the small shares most components have.
QColor share_colour(double share) {
  const double s = std::sqrt(std::clamp(share, 0.0, 1.0));
  return QColor::fromHsvF(static_cast<float>(0.33 * (1.0 - s)), static_cast<float>(0.12 + 0.7 * s),
                          1.0F);
}

/// Green at 0 through orange to red at full utilisation (linear: utilisation is read as a
/// fraction of capacity, not spread out as shares of downtime are).
QColor utilisation_colour(double utilisation) {
  const double u = std::clamp(utilisation, 0.0, 1.0);
  return QColor::fromHsvF(static_cast<float>(0.33 * (1.0 - u)), static_cast<float>(0.15 + 0.7 * u),
                          1.0F);
}

/// What the drawing marks on an edge of `row` to its target `target` (-1: the edge from the
/// caller to a list's junction, which carries the row's settings): "x3" for retries, "cache",
/// "breaker".
QString edge_marks(const models::Dependency& row, std::int64_t target) {
  QStringList marks;
  if (target < 0 || !row.is_list) {
    if (row.retries.value_or(0) > 0) marks << QStringLiteral("x%1").arg(*row.retries);
    if (row.mode_or_default() == models::DependencyMode::kCache) marks << "cache";
    if (row.circuit_breaker) marks << "breaker";
    return marks.join(' ');
  }
  // A list target: only what it has of its own (the row's settings are on the caller's edge).
  const auto i = static_cast<std::size_t>(target);
  if (i >= row.target_traffic.size()) return {};
  const models::TargetTraffic& own = row.target_traffic[i];
  if (own.retries.value_or(0) > 0) marks << QStringLiteral("x%1").arg(*own.retries);
  if (own.circuit_breaker) marks << "breaker";
  return marks.join(' ');
}

/// At most this many boxes side by side; wider layers wrap (a 200-component estate stays
/// readable instead of becoming one 30,000-pixel line).
int row_capacity(std::size_t nodes) {
  return std::max(12, static_cast<int>(std::ceil(1.6 * std::sqrt(static_cast<double>(nodes)))));
}

/// The model reduced to what the drawing shows; two models with equal shapes draw the same.
models::Model shape_of(const models::Model& model) {
  models::Model shape;
  shape.entry = model.entry;
  shape.components.reserve(model.components.size());
  for (const auto& component : model.components) {
    models::Component c;
    c.id = component.id;
    c.instances = component.instances;
    c.min_up = component.min_up;
    c.zones = component.zones;
    c.placement = component.placement;
    c.capacity_rps = component.capacity_rps;
    shape.components.push_back(std::move(c));
  }
  shape.dependencies = model.dependencies;
  // Zone ids only: a zone's laws are not drawn.
  for (const auto& zone : model.zones) {
    models::Zone z;
    z.id = zone.id;
    shape.zones.push_back(std::move(z));
  }
  return shape;
}

}  // namespace

QString zone_chip_text(const models::Model& model, const models::Component& component) {
  if (component.zones.empty() && component.placement.empty()) return {};
  std::vector<std::int64_t> counts(model.zones.size(), 0);
  if (!component.placement.empty()) {
    for (const auto& [zone, count] : component.placement) {
      const std::int64_t z = model.zone_index(zone);
      if (z >= 0) counts[static_cast<std::size_t>(z)] += count;
    }
  } else {
    // Round-robin: instance i in zones[i mod size].
    for (std::int64_t i = 0; i < component.instances; ++i) {
      const auto& zone = component.zones[static_cast<std::size_t>(i) % component.zones.size()];
      const std::int64_t z = model.zone_index(zone);
      if (z >= 0) ++counts[static_cast<std::size_t>(z)];
    }
  }
  QStringList parts;
  for (std::size_t z = 0; z < counts.size(); ++z) {
    if (counts[z] > 0) {
      parts
          << QStringLiteral("%1:%2").arg(QString::fromStdString(model.zones[z].id)).arg(counts[z]);
    }
  }
  return parts.join(' ');
}

QString GraphView::zone_chip(const std::string& id) const {
  const auto it = boxes_.find(id);
  return it == boxes_.end() ? QString() : it->second.chip;
}

struct GraphView::Job {
  std::uint64_t generation = 0;
  std::thread thread;
};

GraphView::GraphView(QWidget* parent) : QGraphicsView(parent) {
  setScene(new QGraphicsScene(this));
  setRenderHint(QPainter::Antialiasing);
  setDragMode(QGraphicsView::ScrollHandDrag);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setBackgroundBrush(Qt::white);
  colouring_box_ = new QComboBox(this);
  colouring_box_->setToolTip(tr("What the boxes are coloured by"));
  colouring_box_->hide();
  connect(colouring_box_, &QComboBox::activated, this, [this](int index) {
    set_colouring(static_cast<Colouring>(colouring_box_->itemData(index).toInt()));
  });
}

void GraphView::clear_results() {
  results_.reset();
  colouring_ = Colouring::kDowntimeShare;
  chosen_.reset();
  colouring_box_->hide();
}

void GraphView::set_colouring(Colouring colouring) {
  if (!results_ || colouring_box_->findData(static_cast<int>(colouring)) < 0) return;
  chosen_ = colouring;
  show_results();
}

void GraphView::refresh_colouring_box() {
  const auto& components = results_->components;
  const bool utilisation = std::any_of(components.begin(), components.end(),
                                       [](const auto& c) { return c.utilisation.has_value(); });
  const bool crashes = std::any_of(components.begin(), components.end(), [](const auto& c) {
    return c.overload_crashes_per_year.has_value();
  });
  colouring_box_->clear();
  colouring_box_->addItem(tr("share of downtime"), static_cast<int>(Colouring::kDowntimeShare));
  if (utilisation) {
    colouring_box_->addItem(tr("utilisation"), static_cast<int>(Colouring::kUtilisation));
  }
  if (crashes) {
    colouring_box_->addItem(tr("overload crashes per year"), static_cast<int>(Colouring::kCrashes));
  }
  // A choice the run does not report falls back to utilisation, else the share of downtime.
  colouring_ = utilisation ? Colouring::kUtilisation : Colouring::kDowntimeShare;
  if (chosen_ && colouring_box_->findData(static_cast<int>(*chosen_)) >= 0) colouring_ = *chosen_;
  colouring_box_->setCurrentIndex(colouring_box_->findData(static_cast<int>(colouring_)));
  colouring_box_->setVisible(colouring_box_->count() > 1);
  colouring_box_->adjustSize();
  place_colouring_box();
}

void GraphView::place_colouring_box() {
  colouring_box_->move(std::max(0, viewport()->width() - colouring_box_->width() - 8), 8);
}

GraphView::~GraphView() {
  for (auto& job : jobs_) {
    if (job->thread.joinable()) job->thread.join();
  }
}

void GraphView::set_model(const models::Model& model) {
  models::Model shape = shape_of(model);
  if (shape_ && *shape_ == shape) return;  // a parameter edit: the drawing stays
  shape_ = shape;
  auto job = std::make_shared<Job>();
  job->generation = ++generation_;
  jobs_.push_back(job);
  const std::uint64_t generation = job->generation;
  // The worker owns its copy and reports through a queued call, which Qt drops if `this` is gone
  // (the destructor joins first anyway). Older layouts still finish; their drawings are skipped.
  job->thread = std::thread(
      [this, generation, shape = std::move(shape), layout_of = layout_function_]() mutable {
        models::GraphLayout layout = layout_of(shape);
        QMetaObject::invokeMethod(
            this,
            [this, generation, shape = std::move(shape), layout = std::move(layout)] {
              retire(generation);
              if (generation == generation_) draw(shape, layout);
            },
            Qt::QueuedConnection);
      });
}

void GraphView::retire(std::uint64_t generation) {
  for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
    if ((*it)->generation != generation) continue;
    // The worker posted this as its last act: joining waits only for the thread to exit.
    if ((*it)->thread.joinable()) (*it)->thread.join();
    jobs_.erase(it);
    return;
  }
}

void GraphView::draw(const models::Model& model, const models::GraphLayout& layout) {
  QGraphicsScene* s = scene();
  s->clear();
  boxes_.clear();
  legend_ = nullptr;  // cleared with the scene
  ++rebuilds_;

  // Rows: each layer's nodes by slot, wrapped at the row capacity.
  const int capacity = row_capacity(model.components.size());
  std::vector<std::vector<std::size_t>> layers(static_cast<std::size_t>(layout.layers));
  for (std::size_t v = 0; v < layout.nodes.size(); ++v) {
    layers[static_cast<std::size_t>(layout.nodes[v].layer)].push_back(v);
  }
  std::vector<QPointF> centre(layout.nodes.size());
  double y = 0.0;
  for (auto& layer : layers) {
    std::stable_sort(layer.begin(), layer.end(), [&](std::size_t a, std::size_t b) {
      return layout.nodes[a].x < layout.nodes[b].x;
    });
    const auto cap = static_cast<std::size_t>(capacity);
    for (std::size_t first = 0; first < layer.size(); first += cap) {
      const std::size_t count = std::min(cap, layer.size() - first);
      const double x0 = -static_cast<double>(count - 1) * kSlotWidth / 2.0;
      for (std::size_t i = 0; i < count; ++i) {
        centre[layer[first + i]] = {x0 + static_cast<double>(i) * kSlotWidth, y};
      }
      y += kRowHeight;
    }
    y += kLayerGap;
  }

  const QPen edge_pen(QColor(120, 130, 145), 1.2);
  edges_.clear();
  QFont mark_font = font();
  mark_font.setPointSizeF(std::max(6.0, mark_font.pointSizeF() - 1.5));
  for (const auto& edge : layout.edges) {
    const QPointF a = centre[edge.from];
    const QPointF b = centre[edge.to];
    const models::LayoutNode& from_node = layout.nodes[edge.from];
    const models::LayoutNode& to_node = layout.nodes[edge.to];
    const bool from_junction = from_node.component < 0;
    const bool to_junction = to_node.component < 0;
    const QPointF start(a.x(), a.y() + (from_junction ? 14.0 : kBoxHeight / 2.0));
    const QPointF end(b.x(), b.y() - (to_junction ? 14.0 : kBoxHeight / 2.0));
    QPainterPath path(start);
    const double bend = std::max(20.0, (end.y() - start.y()) / 2.0);
    path.cubicTo(start + QPointF(0, bend), end - QPointF(0, bend), end);
    // The row the edge belongs to, and its target (-1: a caller's edge to a list junction).
    const models::Dependency* row = nullptr;
    std::int64_t target = -1;
    std::string name;
    if (to_junction) {
      row = &model.dependencies[static_cast<std::size_t>(to_node.dependency)];
      name = row->from + "->[" + std::to_string(to_node.dependency) + "]";
    } else {
      const std::string& to_id = model.components[static_cast<std::size_t>(to_node.component)].id;
      if (from_junction) {
        row = &model.dependencies[static_cast<std::size_t>(from_node.dependency)];
      } else {
        const std::string& from_id =
            model.components[static_cast<std::size_t>(from_node.component)].id;
        for (const auto& d : model.dependencies) {
          if (!d.is_list && d.from == from_id && !d.to.empty() && d.to.front() == to_id) row = &d;
        }
      }
      if (row != nullptr) {
        const auto at = std::find(row->to.begin(), row->to.end(), to_id);
        target = at - row->to.begin();
        name = row->from + "->" + to_id;
      }
    }
    QPen pen = edge_pen;
    // Soft rows are dashed: their failures only partly fail the caller.
    if (row != nullptr && row->mode_or_default() == models::DependencyMode::kSoft) {
      pen.setStyle(Qt::DashLine);
    }
    auto* item = s->addPath(path, pen);
    item->setZValue(-1);
    Edge drawn{item, QString()};
    if (row != nullptr) {
      item->setToolTip(QString::fromStdString(name));
      drawn.marks = edge_marks(*row, row->is_list ? target : -1);
      if (!drawn.marks.isEmpty()) {
        auto* label = new QGraphicsSimpleTextItem(drawn.marks, item);
        label->setFont(mark_font);
        label->setBrush(QColor(60, 70, 90));
        label->setPos(path.pointAtPercent(0.5) + QPointF(4, -label->boundingRect().height() / 2));
      }
    }
    if (!name.empty()) edges_[name] = drawn;
  }

  QFont bold = font();
  bold.setBold(true);
  for (std::size_t v = 0; v < layout.nodes.size(); ++v) {
    const models::LayoutNode& node = layout.nodes[v];
    const QPointF c = centre[v];
    if (node.component < 0) {
      const auto& dependency = model.dependencies[static_cast<std::size_t>(node.dependency)];
      auto* junction = s->addEllipse(c.x() - 30, c.y() - 14, 60, 28, QPen(QColor(90, 90, 90)),
                                     QColor(255, 250, 225));
      auto* label = new QGraphicsSimpleTextItem(
          QStringLiteral("%1 of %2").arg(dependency.min_up).arg(dependency.to.size()), junction);
      label->setPos(c - QPointF(label->boundingRect().width() / 2, 8));
      continue;
    }
    const auto& component = model.components[static_cast<std::size_t>(node.component)];
    const bool entry = component.id == model.entry;
    auto* rect = s->addRect(
        c.x() - kBoxWidth / 2, c.y() - kBoxHeight / 2, kBoxWidth, kBoxHeight,
        QPen(entry ? QColor(20, 20, 20) : QColor(100, 110, 125), entry ? 2.5 : 1.0), kUnrun);
    rect->setData(kIdRole, QString::fromStdString(component.id));
    auto* title = new QGraphicsSimpleTextItem(QString::fromStdString(component.id), rect);
    title->setFont(bold);
    // Long ids are cut to the box; the tooltip has the whole id.
    const QFontMetricsF metrics(bold);
    title->setText(metrics.elidedText(title->text(), Qt::ElideMiddle, kBoxWidth - 10));
    title->setPos(c.x() - title->boundingRect().width() / 2, c.y() - kBoxHeight / 2 + 3);
    // The capacity per instance beside the pool, when set ("2 of 3 | 400 rps").
    auto* pool = new QGraphicsSimpleTextItem(
        QStringLiteral("%1 of %2").arg(component.min_up).arg(component.instances) +
            (component.capacity_rps
                 ? QStringLiteral(" | %1 rps").arg(QString::number(*component.capacity_rps, 'g', 6))
                 : QString()),
        rect);
    pool->setPos(c.x() - pool->boundingRect().width() / 2, c.y() - 8);
    auto* figures = new QGraphicsSimpleTextItem(QString(), rect);
    figures->setPos(c.x() - kBoxWidth / 2 + 5, c.y() + 9);
    rect->setToolTip(QString::fromStdString(component.id));
    // The zone chip hangs under the box, above the edges leaving it.
    const QString chip = zone_chip_text(model, component);
    if (!chip.isEmpty()) {
      QFont small = font();
      small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1.5));
      const QFontMetricsF chip_metrics(small);
      const QString shown = chip_metrics.elidedText(chip, Qt::ElideRight, kBoxWidth + 10);
      const double w = chip_metrics.horizontalAdvance(shown) + 12;
      const double h = chip_metrics.height() + 4;
      QPainterPath pill;
      pill.addRoundedRect(QRectF(c.x() - w / 2, c.y() + kBoxHeight / 2 + 2, w, h), h / 2, h / 2);
      auto* back = s->addPath(pill, QPen(QColor(70, 110, 170)), QColor(225, 236, 250));
      back->setZValue(1);
      back->setToolTip(
          tr("%1: instances per zone %2").arg(QString::fromStdString(component.id), chip));
      auto* text = new QGraphicsSimpleTextItem(shown, back);
      text->setFont(small);
      text->setPos(c.x() - text->boundingRect().width() / 2, c.y() + kBoxHeight / 2 + 4);
    }
    boxes_[component.id] = {rect, figures, chip, pool->text()};
  }
  s->setSceneRect(s->itemsBoundingRect().adjusted(-40, -40, 40, 40));
  if (model.components.size() != drawn_components_ || !user_zoomed_) fit();
  drawn_components_ = model.components.size();
  const std::string keep = selected_;
  selected_.clear();
  select(keep);
  // Figures of the last run go back on the new boxes (matched by id).
  if (results_) show_results();
  emit laid_out();
}

void GraphView::set_results(const engine::RunResult& result) {
  results_ = result;
  show_results();
}

void GraphView::show_results() {
  // With a capacity somewhere (flow mode) the boxes show how busy each one is, unless the user
  // chose otherwise; without one, as ever, their share of the downtime.
  refresh_colouring_box();
  most_crashes_ = 0.0;
  for (const auto& c : results_->components) {
    most_crashes_ = std::max(most_crashes_, c.overload_crashes_per_year.value_or(0.0));
  }
  show_legend();
  for (const auto& component : results_->components) {
    const auto it = boxes_.find(component.id);
    if (it == boxes_.end()) continue;
    it->second.rect->setBrush(box_fill(component));
    const QString availability = QString::fromStdString(report::format_percent(
        component.availability, report::availability_decimals(component.availability)));
    QString text =
        QStringLiteral("%1 | %2 of downtime")
            .arg(availability)
            .arg(QString::fromStdString(report::format_percent(component.downtime_share, 1)));
    if (colouring_ == Colouring::kUtilisation && component.utilisation) {
      text = QStringLiteral("%1 | %2 busy")
                 .arg(availability)
                 .arg(QString::fromStdString(report::format_percent(*component.utilisation, 1)));
    } else if (colouring_ == Colouring::kCrashes && component.overload_crashes_per_year) {
      text = QStringLiteral("%1 | %2 crashes/y")
                 .arg(availability)
                 .arg(QString::fromStdString(
                     report::format_number(*component.overload_crashes_per_year, 3)));
    }
    QGraphicsSimpleTextItem* figures = it->second.figures;
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1.5));
    figures->setFont(small);
    figures->setText(text);
    const QRectF box = it->second.rect->rect();
    figures->setPos(box.center().x() - figures->boundingRect().width() / 2, box.center().y() + 9);
    it->second.rect->setToolTip(
        QStringLiteral("%1\navailability %2\nservice availability %3\nshare of downtime %4\n"
                       "outages caused %5")
            .arg(QString::fromStdString(component.id))
            .arg(QString::fromStdString(report::format_percent(component.availability, 6)))
            .arg(QString::fromStdString(report::format_percent(component.service_availability, 6)))
            .arg(QString::fromStdString(report::format_percent(component.downtime_share, 2)))
            .arg(component.outages_caused) +
        // Its deploys are a cause of their own ("web (deploys)" in the causes chart).
        (component.deploy_downtime_share ? QStringLiteral("\nshare of downtime by its deploys %1")
                                               .arg(QString::fromStdString(report::format_percent(
                                                   *component.deploy_downtime_share, 2)))
                                         : QString()) +
        traffic_tooltip(component));
  }
}

QColor GraphView::box_fill(const engine::ComponentResult& component) const {
  switch (colouring_) {
    case Colouring::kDowntimeShare:
      return share_colour(component.downtime_share);
    case Colouring::kUtilisation:
      return component.utilisation ? utilisation_colour(*component.utilisation) : kUnrun;
    case Colouring::kCrashes:
      // Linear up to the run's most crashing component (none crashing: all green).
      return component.overload_crashes_per_year
                 ? utilisation_colour(most_crashes_ > 0.0
                                          ? *component.overload_crashes_per_year / most_crashes_
                                          : 0.0)
                 : kUnrun;
  }
  return kUnrun;
}

QString GraphView::traffic_tooltip(const engine::ComponentResult& component) {
  QString tip;
  if (component.utilisation) {
    tip += QStringLiteral("\nutilisation %1")
               .arg(QString::fromStdString(report::format_percent(*component.utilisation, 1)));
  }
  if (component.overload_crashes_per_year) {
    tip += QStringLiteral("\noverload crashes per year %1")
               .arg(QString::fromStdString(
                   report::format_number(*component.overload_crashes_per_year, 3)));
  }
  if (component.cascades_started_per_year) {
    tip += QStringLiteral("\ncascades started per year %1")
               .arg(QString::fromStdString(
                   report::format_number(*component.cascades_started_per_year, 3)));
  }
  if (component.blast_radius) {
    tip += QStringLiteral("\nblast radius %1")
               .arg(QString::fromStdString(report::format_number(*component.blast_radius, 3)));
  }
  return tip;
}

void GraphView::show_legend() {
  if (legend_ != nullptr) {
    scene()->removeItem(legend_);
    delete legend_;
    legend_ = nullptr;
  }
  if (colouring_ == Colouring::kDowntimeShare || boxes_.empty()) return;
  // A strip from idle to full above the drawing's top-left corner.
  const QRectF drawing = scene()->itemsBoundingRect();
  constexpr int kSteps = 10;
  constexpr double kStep = 14.0;
  auto* group = new QGraphicsRectItem(0, 0, kSteps * kStep, 12);
  group->setPen(Qt::NoPen);
  for (int i = 0; i < kSteps; ++i) {
    auto* cell = new QGraphicsRectItem(i * kStep, 0, kStep, 12, group);
    cell->setPen(Qt::NoPen);
    cell->setBrush(utilisation_colour((i + 0.5) / kSteps));
  }
  auto* text = new QGraphicsSimpleTextItem(legend_text(), group);
  text->setPos(kSteps * kStep + 6, -3);
  group->setPos(drawing.left(), drawing.top() - 24);
  group->setToolTip(legend_text());
  scene()->addItem(group);
  legend_ = group;
  // The scene was sized to the boxes: it grows to hold the legend, wider than a small graph.
  scene()->setSceneRect(
      scene()->sceneRect().united(group->sceneBoundingRect().adjusted(-8, -8, 8, 8)));
  if (!user_zoomed_) fitInView(sceneRect(), Qt::KeepAspectRatio);
}

QString GraphView::legend_text() const {
  switch (colouring_) {
    case Colouring::kDowntimeShare:
      return {};
    case Colouring::kUtilisation:
      return tr("utilisation: 0 % (green) to 100 % (red); pale: unlimited capacity");
    case Colouring::kCrashes:
      return tr("overload crashes per year: 0 (green) to %1 (red); pale: no overload")
          .arg(QString::fromStdString(report::format_number(most_crashes_, 3)));
  }
  return {};
}

QString GraphView::edge_marks_of(const std::string& edge) const {
  const auto it = edges_.find(edge);
  return it == edges_.end() ? QString() : it->second.marks;
}

const QGraphicsPathItem* GraphView::edge_item(const std::string& edge) const {
  const auto it = edges_.find(edge);
  return it == edges_.end() ? nullptr : it->second.path;
}

QString GraphView::pool_label(const std::string& id) const {
  const auto it = boxes_.find(id);
  return it == boxes_.end() ? QString() : it->second.pool;
}

QColor GraphView::box_colour(const std::string& id) const {
  const auto it = boxes_.find(id);
  return it == boxes_.end() ? QColor() : it->second.rect->brush().color();
}

void GraphView::select(const std::string& id) {
  if (const auto old = boxes_.find(selected_); old != boxes_.end()) {
    QPen pen = old->second.rect->pen();
    pen.setColor(QColor(100, 110, 125));
    old->second.rect->setPen(pen);
  }
  selected_ = id;
  if (const auto now = boxes_.find(id); now != boxes_.end()) {
    QPen pen = now->second.rect->pen();
    pen.setColor(QColor(30, 90, 220));
    pen.setWidthF(3.0);
    now->second.rect->setPen(pen);
    ensureVisible(now->second.rect);
  }
}

void GraphView::fit() {
  fitInView(sceneRect(), Qt::KeepAspectRatio);
  user_zoomed_ = false;
}

void GraphView::zoom(double factor) {
  scale(factor, factor);
  user_zoomed_ = true;
}

bool GraphView::export_png(const QString& path) {
  const QRectF area = scene()->sceneRect();
  // Twice the drawing's size, capped so a 1,000-component graph stays a sensible file.
  const double factor = std::min(2.0, 8000.0 / std::max(area.width(), area.height()));
  QImage image((area.size() * factor).toSize(), QImage::Format_ARGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  scene()->render(&painter, QRectF(), area);
  painter.end();
  return image.save(path, "PNG");
}

bool GraphView::export_svg(const QString& path) {
  const QRectF area = scene()->sceneRect();
  QSvgGenerator svg;
  svg.setFileName(path);
  svg.setSize(area.size().toSize());
  svg.setViewBox(QRectF(QPointF(0, 0), area.size()));
  svg.setTitle(tr("Dependency graph"));
  QPainter painter;
  if (!painter.begin(&svg)) return false;
  scene()->render(&painter, QRectF(QPointF(0, 0), area.size()), area);
  return painter.end();
}

void GraphView::wheelEvent(QWheelEvent* event) {
  zoom(std::pow(1.0015, event->angleDelta().y()));
  event->accept();
}

void GraphView::mousePressEvent(QMouseEvent* event) {
  for (QGraphicsItem* item = itemAt(event->pos()); item != nullptr; item = item->parentItem()) {
    const QVariant id = item->data(kIdRole);
    if (id.isValid()) {
      emit component_clicked(id.toString());
      break;
    }
  }
  QGraphicsView::mousePressEvent(event);
}

void GraphView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  place_colouring_box();
  if (!user_zoomed_) fitInView(sceneRect(), Qt::KeepAspectRatio);
}

}  // namespace nines::gui
