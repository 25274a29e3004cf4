// Drawing a plan to a file, headless: cost against availability, the front, target and winner.
#pragma once

#include <QSize>
#include <QString>

#include "nines/gui/charts/plan_plot.hpp"

class QChart;

namespace nines::gui::charts {

/// The chart write_plan_chart draws, for a view to show (the Plan tab); the caller owns it. Each
/// candidate's marker is a point of a QScatterSeries at (cost, nines_at(availability)).
QChart* plan_chart_of(const PlanPlot& plot);

/// Writes the chart of `plot` to `path` at `size` pixels: a PNG for a ".png" path, an SVG for
/// ".svg" (case-insensitive). Cost per month across, availability up on a scale of nines
/// labelled in percent; every simulated candidate a point (filled where it meets), its 95%
/// interval a bar, the front a step line, the target a dotted line, the winner a larger red
/// mark. Needs a QApplication; draws nothing on screen. Returns false when the file cannot be
/// written.
bool write_plan_chart(const PlanPlot& plot, const QString& path, QSize size);

}  // namespace nines::gui::charts
