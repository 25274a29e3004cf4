// The dependency graph drawn in layers, coloured by each component's share of downtime.
#pragma once

#include <QGraphicsView>
#include <QString>
#include <map>
#include <string>

#include "nines/engine/run_result.hpp"
#include "nines/models/model.hpp"

class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace nines::gui {

/// Lays the model out with models::layered_layout (entry on top) and draws a box per component
/// ("id", "k of n", after a run its availability and share of system downtime, coloured by that
/// share) and a junction per list dependency ("k of m"). Very wide layers wrap onto several rows
/// so a few hundred components stay readable. Wheel zooms, dragging pans, fit() shows it all.
class GraphView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit GraphView(QWidget* parent = nullptr);

  void set_model(const models::Model& model);
  /// Colours and labels the boxes with a run of the same model (matched by id).
  void set_results(const engine::RunResult& result);
  void select(const std::string& id);
  void fit();
  void zoom(double factor);
  bool export_png(const QString& path);
  bool export_svg(const QString& path);
  /// Boxes drawn (components), for tests.
  std::size_t component_count() const { return boxes_.size(); }

 signals:
  void component_clicked(const QString& id);

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  struct Box {
    QGraphicsRectItem* rect = nullptr;
    QGraphicsSimpleTextItem* figures = nullptr;
  };
  std::map<std::string, Box> boxes_;
  std::string selected_;
  std::size_t drawn_components_ = 0;
  bool user_zoomed_ = false;
};

}  // namespace nines::gui
