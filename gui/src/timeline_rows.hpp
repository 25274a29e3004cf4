// The rows of the Timeline view, built from one traced history: per row a step function of
// instances serving (or up/down for the system, zones and regions) and the events to mark. The
// view draws them (timeline_view.cpp); this part knows the engine's trace, not Qt's scene.
#pragma once

#include <QColor>
#include <QString>
#include <vector>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/trace.hpp"
#include "nines/models/model.hpp"

namespace nines::gui::timeline {

inline const QColor kUp(120, 190, 120);
inline const QColor kDown(220, 80, 70);
inline const QColor kDomainUp(160, 190, 225);
inline const QColor kInject(150, 80, 200);
inline const QColor kRestarting(240, 170, 60);
inline const QColor kBroken(200, 40, 40);
inline const QColor kBatch(40, 70, 160);
inline const QColor kSkipped(120, 120, 130);

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

/// Row 0 is the system's; the components' rows start here.
inline constexpr std::size_t kFirstComponentRow = 1;

/// "3d 4h (76.00 h)": a duration and its hours.
QString time_text(double hours);

/// The system's row, then each component (its deploy lane under it when it has deploys), then
/// zones and regions, in model order, with their steps and markers over the traced history.
std::vector<Row> build_rows(const models::Model& model, const engine::CompiledModel& compiled,
                            const engine::Trace& trace);

}  // namespace nines::gui::timeline
