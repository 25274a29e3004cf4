// A `nines sweep --json` document as `nines-gui --plot` draws it: axes, cells, the outline rule
// and the series, as plain numbers (no chart library here).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nines/gui/charts/nice_ticks.hpp"

namespace nines::gui::charts {

/// One `--vary` key and its values in the order the sweep gave them (the order of the axis).
struct SweepAxis {
  std::string key;
  /// Each value as a label: a string without its quotes ("1h"), anything else as JSON ("2",
  /// "{\"mode\":\"hot\"}").
  std::vector<std::string> labels;
  /// The values as numbers when every one is a number (a value axis); else empty (categories in
  /// value order).
  std::vector<double> numbers;
  bool numeric() const { return !numbers.empty(); }
};

/// One point of the sweep that ran.
struct SweepCell {
  /// The index of the point's value on each axis, in axis order.
  std::vector<std::size_t> at;
  /// Availability: mean and 95% interval (fractions).
  double availability = 0.0;
  double ci95_lo = 0.0;
  double ci95_hi = 0.0;
  /// Monthly cost of the design; empty when nothing in it has a cost.
  std::optional<double> cost_per_month;
  /// The point's availability target (fraction); empty when the model sets none.
  std::optional<double> target;
};

/// A sweep as read from its document.
struct SweepPlot {
  std::string model;
  std::string currency = "units";
  std::vector<SweepAxis> axes;
  /// The points that ran, in point order; skipped and cancelled points have no cell.
  std::vector<SweepCell> cells;
  bool cancelled = false;
};

/// Reads a `nines sweep --json` document; `file` names it in messages. Throws nines::Error
/// (one line, `<file>: <json-pointer>: <problem>`) for a document that is not a sweep ("--plot of
/// another document") or a sweep document missing a figure the chart needs.
SweepPlot sweep_plot_of(const nlohmann::json& document, std::string_view file);

/// Reads and parses `path` (a sweep or a plan document). Throws nines::Error for a file that
/// cannot be read or is not JSON (the parser's line and column in the message).
nlohmann::json read_plot_document(const std::string& path);

/// Reads and parses `path`, then sweep_plot_of. Throws nines::Error for a file that cannot be
/// read or is not JSON (the parser's line and column in the message), or as sweep_plot_of.
SweepPlot read_sweep_plot(const std::string& path);

/// Throws nines::Error unless the sweep has one or two keys: more have no chart, and the
/// message points to `nines sweep --csv`.
void check_plottable(const SweepPlot& plot, std::string_view file);

/// The outline rule of the heat map: the lower end of the 95% interval of availability is below
/// the point's target, i.e. the run cannot claim the target is met. False without a target.
bool misses_target(const SweepCell& cell);

/// -log10(1 - availability), the heat map's colour; empty when the point saw no downtime.
std::optional<double> cell_nines(const SweepCell& cell);

/// Two keys: the first key's values are the rows (row 0 its first value, drawn at the bottom),
/// the second key's the columns (column 0 its first value, at the left).
struct HeatMap {
  std::size_t rows = 0;
  std::size_t columns = 0;
  /// rows x columns, row-major: the index into SweepPlot::cells, or empty for a point that did
  /// not run (skipped by the loader, or cut off by Ctrl-C).
  std::vector<std::optional<std::size_t>> cells;
  /// The colour scale in nines: round ticks around every cell's nines (a cell that saw no
  /// downtime takes the top colour).
  NiceTicks nines;
  std::optional<std::size_t> at(std::size_t row, std::size_t column) const {
    return cells[row * columns + column];
  }
};

/// The heat map of a two-key sweep. Precondition: plot.axes.size() == 2.
HeatMap heat_map_of(const SweepPlot& plot);

/// A point of the one-key line chart: x is the value (a value axis) or its index (categories);
/// availability in percent.
struct LinePoint {
  double x = 0.0;
  double mean_percent = 0.0;
  double lo_percent = 0.0;
  double hi_percent = 0.0;
  std::optional<double> cost_per_month;
};

/// An axis of the line chart: its shown range and the round ticks within it.
struct LineAxis {
  double lo = 0.0;
  double hi = 1.0;
  NiceTicks ticks;
};

/// The one-key line chart.
struct SweepLine {
  /// Runs of consecutive values that ran, in value order: a value without a result breaks the
  /// lines and the band (a gap), never bridged.
  std::vector<std::vector<LinePoint>> segments;
  LineAxis x;
  /// Availability (%): the bands and the target, with a margin, on round ticks up to 100 %.
  LineAxis availability;
  /// Cost per month, on the second axis; empty when no point has a cost.
  std::optional<LineAxis> cost;
  /// The target line (availability in percent) from x.lo to x.hi; empty when no point has a
  /// target or the points' targets differ (a swept target has no one line).
  std::optional<double> target_percent;
};

/// The line chart of a one-key sweep. Precondition: plot.axes.size() == 1.
SweepLine sweep_line_of(const SweepPlot& plot);

}  // namespace nines::gui::charts
