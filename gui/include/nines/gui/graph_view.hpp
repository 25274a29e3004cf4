// The dependency graph drawn in layers, coloured by each component's share of downtime.
#pragma once

#include <QGraphicsView>
#include <QString>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nines/engine/run_result.hpp"
#include "nines/models/graph_layout.hpp"
#include "nines/models/model.hpp"

class QComboBox;
class QGraphicsPathItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace nines::gui {

/// The zone chip of a component's box: its instances per zone in the model's zone order
/// ("eu-a:2 eu-b:1"); "" for a component outside every zone. Zone ids the model does not know
/// (an edit in progress) are left out.
QString zone_chip_text(const models::Model& model, const models::Component& component);

/// Lays the model out with models::layered_layout (entry on top) and draws a box per component
/// ("id", "k of n", a zone chip "eu-a:2 eu-b:1" under a placed component, after a run its
/// availability and share of system downtime, coloured by that share) and a junction per list
/// dependency ("k of m"). Very wide layers wrap onto several rows so a few hundred components stay
/// readable. Wheel zooms, dragging pans, fit() shows it all.
///
/// The layout is computed on a worker thread and the scene rebuilt only when what is drawn
/// changed (ids, dependencies, instances, min_up, entry): a parameter edit leaves the drawing as
/// it is, and a 1,000-component model never holds up the event loop while it is laid out.
class GraphView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit GraphView(QWidget* parent = nullptr);
  /// Joins the layout workers (each takes milliseconds).
  ~GraphView() override;
  GraphView(const GraphView&) = delete;
  GraphView& operator=(const GraphView&) = delete;

  /// Draws `model` once its layout is ready (laid_out); nothing happens when its drawing would
  /// be the same as the current one.
  void set_model(const models::Model& model);
  /// Whether a layout is being computed (the scene shows the previous drawing meanwhile).
  bool layout_pending() const { return !jobs_.empty(); }
  /// Times the scene was rebuilt, for tests.
  int rebuilds() const { return rebuilds_; }
  /// What the worker computes (models::layered_layout). Tests wrap it to hold a layout back and
  /// watch the event loop go on meanwhile.
  using LayoutFunction = std::function<models::GraphLayout(const models::Model&)>;
  void set_layout_function(LayoutFunction layout) { layout_function_ = std::move(layout); }
  /// Colours and labels the boxes with a run of the same model (matched by id).
  void set_results(const engine::RunResult& result);
  /// Forgets the figures (another model was opened); the next drawing is uncoloured.
  void clear_results();
  void select(const std::string& id);
  void fit();
  void zoom(double factor);
  bool export_png(const QString& path);
  bool export_svg(const QString& path);
  /// Boxes drawn (components), for tests.
  std::size_t component_count() const { return boxes_.size(); }
  /// The zone chip drawn under a component's box ("" when none), for tests.
  QString zone_chip(const std::string& id) const;
  /// What the boxes are coloured by after a run: the share of downtime, utilisation (chosen
  /// when the run reports one for some component: flow mode with a capacity), or overload
  /// crashes per year (a model with `overload`). The box at the view's top right chooses among
  /// those the run reports; the choice holds for later runs that report it.
  enum class Colouring { kDowntimeShare, kUtilisation, kCrashes };
  Colouring colouring() const { return colouring_; }
  /// Colours by `colouring` if the last run reports it (else nothing changes).
  void set_colouring(Colouring colouring);
  /// The choice of colouring (hidden unless the run reports utilisation or crashes).
  QComboBox* colouring_box() { return colouring_box_; }
  /// The legend drawn above the graph ("" when none: the downtime colouring has none). The
  /// scene grows to hold it, so a small graph does not clip it.
  QString legend_text() const;
  /// The fill of a component's box, for tests.
  QColor box_colour(const std::string& id) const;
  /// The pool line of a component's box ("2 of 3 | 400 rps"), for tests.
  QString pool_label(const std::string& id) const;
  /// An edge by name, "FROM->TO" (a list's targets too; "FROM->[row]" for a caller's edge to a
  /// list junction): its path (dashed for soft rows) and marks ("x3 cache breaker"); nullptr
  /// and "" when not drawn.
  const QGraphicsPathItem* edge_item(const std::string& edge) const;
  QString edge_marks_of(const std::string& edge) const;

 signals:
  void component_clicked(const QString& id);
  /// A new drawing is on the scene.
  void laid_out();

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  struct Job;
  void draw(const models::Model& shape, const models::GraphLayout& layout);
  void retire(std::uint64_t generation);
  void show_results();
  void show_legend();
  void refresh_colouring_box();
  void place_colouring_box();
  QColor box_fill(const engine::ComponentResult& component) const;
  static QString traffic_tooltip(const engine::ComponentResult& component);

  struct Box {
    QGraphicsRectItem* rect = nullptr;
    QGraphicsSimpleTextItem* figures = nullptr;
    QString chip;
    QString pool;
  };
  std::map<std::string, Box> boxes_;
  struct Edge {
    QGraphicsPathItem* path = nullptr;
    QString marks;
  };
  std::map<std::string, Edge> edges_;
  Colouring colouring_ = Colouring::kDowntimeShare;
  /// The user's choice in the box, kept across runs that report it.
  std::optional<Colouring> chosen_;
  QComboBox* colouring_box_ = nullptr;
  /// The largest overload crashes per year of the last run (the red end of its colouring).
  double most_crashes_ = 0.0;
  QGraphicsItem* legend_ = nullptr;
  std::string selected_;
  std::size_t drawn_components_ = 0;
  bool user_zoomed_ = false;
  /// What the scene draws (or will, once the pending layout arrives): the model reduced to the
  /// keys the drawing shows, so that comparing it tells whether a rebuild is needed.
  std::optional<models::Model> shape_;
  std::optional<engine::RunResult> results_;
  std::uint64_t generation_ = 0;
  std::vector<std::shared_ptr<Job>> jobs_;
  int rebuilds_ = 0;
  LayoutFunction layout_function_ = models::layered_layout;
};

}  // namespace nines::gui
