// The Timeline view: one simulated history drawn as bands, a row per component, zone and region.
#pragma once

#include <QGraphicsView>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "nines/engine/trace_run.hpp"
#include "nines/models/model.hpp"

class QComboBox;
class QGraphicsItem;
class QGraphicsScene;
class QLabel;
class QPushButton;
class QSpinBox;

namespace nines::gui {

namespace timeline {
struct RequestSeries;
}

/// Replays replication R of the model with engine::trace_replication and draws its timeline:
/// the system's up/down band on top, then per component (model order) the instances up (neither
/// failed nor blocked) against `min_up` (under a component with deploys, a lane of its
/// restarting and broken instances, batches, verdicts, rollback ends and skipped deploys), then
/// per zone and per region its up/down band. Every
/// state change is a marker whose tooltip says what happened; injections are marked on their
/// target's row, and the row of the system marks each outage with its root cause.
///
/// A model with a load has a requests lane above the bands: offered and served rps over the
/// history, with spikes, open breakers and outages shaded and crashes and cache expiries marked
/// (requests_lane.hpp). A box chooses the bands, the lane or both.
///
/// Tracing is one replication (milliseconds for a year of a few dozen components). It runs
/// lazily: a model set while the view is hidden is traced when the view is shown.
class TimelineView : public QWidget {
  Q_OBJECT

 public:
  explicit TimelineView(QWidget* parent = nullptr);

  /// The validated model to trace (nothing: the model has an error; the view says so).
  void set_model(const std::optional<models::Model>& runnable);
  /// Shows replication `replication` (the box is set too).
  void set_replication(std::uint64_t replication);
  std::uint64_t replication() const;
  /// The replication a finished run suggests (the one with most downtime); the box follows it
  /// unless the user chose another one since.
  void suggest_replication(std::uint64_t replication);

  /// Labels of the rows drawn, top to bottom: "system", component ids (each with deploys
  /// followed by its deploy lane, "ID deploys"), "zone ID", "region ID".
  const QStringList& row_labels() const { return labels_; }
  /// Markers drawn (state changes), for tests.
  int marker_count() const { return markers_; }
  /// A row's plotted steps (time in hours, value: serving instances, or 1/0), for tests.
  /// A deploy lane's value is the instances out (restarting or broken).
  QList<QPointF> row_steps(const QString& label) const { return steps_.value(label); }
  /// The tooltips of a row's markers, in time order, for tests.
  QStringList row_markers(const QString& label) const { return marker_texts_.value(label); }
  /// The traced history, when one is drawn.
  const std::optional<engine::TracedReplication>& traced() const { return traced_; }
  QSpinBox* replication_box() { return replication_; }
  /// Horizontal zoom: 1 fits the horizon to the width (Ctrl+wheel zooms about the pointer; the
  /// row labels stay at the left edge while the history scrolls under them).
  void set_zoom(double zoom);
  double zoom() const { return zoom_; }
  QGraphicsView* view() { return view_; }

  /// What the view draws: the bands and the requests lane (with a load), the lane alone, or the
  /// bands alone. Without a load only the bands are drawn, whatever is chosen.
  enum class Lanes { kBoth, kRequests, kHistory };
  void set_lanes(Lanes which);
  Lanes lanes() const;
  /// Whether the traced model has a load (a requests lane to draw).
  bool has_requests() const { return requests_ != nullptr; }
  /// The lane's offered and served rps as steps (time in hours, rps), for tests.
  QList<QPointF> requests_offered() const;
  QList<QPointF> requests_served() const;
  /// The lane's tooltip at `hours` ("" without a load).
  QString requests_text(double hours) const;
  /// The tooltips of the lane's markers (crashes, cache expiries and warm-ups), and the texts
  /// of its shaded intervals ("spike promo (x1.5) from ... to ..."), for tests.
  QStringList requests_markers() const;
  QStringList requests_intervals() const;

 protected:
  void showEvent(QShowEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void retrace();
  void redraw();
  void pin_labels();

  std::optional<models::Model> model_;
  std::optional<engine::TracedReplication> traced_;
  bool dirty_ = false;
  bool user_chose_ = false;
  bool updating_ = false;
  QStringList labels_;
  QMap<QString, QList<QPointF>> steps_;
  QMap<QString, QStringList> marker_texts_;
  int markers_ = 0;
  QSpinBox* replication_ = nullptr;
  QPushButton* worst_ = nullptr;
  QLabel* summary_ = nullptr;
  QComboBox* lanes_ = nullptr;
  std::shared_ptr<const timeline::RequestSeries> requests_;
  QGraphicsView* view_ = nullptr;
  QGraphicsScene* scene_ = nullptr;
  std::optional<std::uint64_t> suggested_;
  double zoom_ = 1.0;
  /// The label column (a white backing and the labels), kept at the view's left edge.
  std::vector<QGraphicsItem*> pinned_;
};

}  // namespace nines::gui
