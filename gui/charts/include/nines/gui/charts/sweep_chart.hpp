// Drawing a sweep to a file, headless: the line chart of one key, the heat map of two.
#pragma once

#include <QSize>
#include <QString>

#include "nines/gui/charts/sweep_plot.hpp"

namespace nines::gui::charts {

/// Writes the chart of `plot` to `path` at `size` pixels: a PNG for a ".png" path, an SVG for
/// ".svg" (case-insensitive). One key: availability (mean and 95% band) and cost (second axis)
/// against the key's values, the target as a line. Two keys: a heat map coloured by nines, each
/// cell labelled with availability and cost and outlined where misses_target. Needs a
/// QApplication (fonts and Qt Charts); draws nothing on screen. Precondition: one or two axes
/// (check_plottable). Returns false when the file cannot be written.
bool write_sweep_chart(const SweepPlot& plot, const QString& path, QSize size);

}  // namespace nines::gui::charts
