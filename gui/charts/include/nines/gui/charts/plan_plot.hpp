// A `nines plan --json` document as `nines-gui --plot` draws it: the simulated candidates, the
// front, the target and the winner, as plain numbers (no chart library here).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nines::gui::charts {

/// A simulated candidate.
struct PlanPoint {
  double cost_per_month = 0.0;
  /// Availability: mean and 95% interval (fractions).
  double availability = 0.0;
  double ci95_lo = 0.0;
  double ci95_hi = 0.0;
  /// "meets", "fails", "undecided", "screened-out".
  std::string status;
  /// The candidate's index in the document's `candidates`.
  std::size_t candidate = 0;
};

struct PlanPlot {
  std::string model;
  std::string currency = "units";
  double target = 0.0;
  std::string outcome;
  /// The simulated candidates, in the document's order.
  std::vector<PlanPoint> points;
  /// Indices into points, by cost.
  std::vector<std::size_t> front;
  /// Index into points.
  std::optional<std::size_t> winner;
  bool cancelled = false;
};

/// Whether the document is one `nines plan --json` writes (it has "candidates" and "outcome").
bool is_plan_document(const nlohmann::json& document);

/// Reads a plan document; `file` names it in messages. Throws nines::Error (one line, `<file>:
/// <json-pointer>: <problem>`) for a plan document missing a figure the chart needs.
PlanPlot plan_plot_of(const nlohmann::json& document, std::string_view file);

/// The chart's vertical scale: nines, -log10(1 - availability). A value that saw no downtime
/// (availability 1) sits at `cap`.
double nines_at(double availability, double cap);

/// The vertical axis: its range in nines and round availabilities on it (1 - {5, 2, 1} x
/// 10^-k: "99.5 %", "99.8 %", "99.9 %", "99.95 %"...), each with its nines and its label.
struct NinesAxis {
  double lo = 0.0;
  double hi = 1.0;
  /// Where a candidate without downtime is drawn: above every other point.
  double cap = 1.0;
  std::vector<std::pair<double, std::string>> ticks;
};

/// The scale covering every point's interval and the target.
NinesAxis nines_axis_of(const PlanPlot& plot);

/// The front as a step line, in (cost, availability) pairs: from each front point across to the
/// next one's cost, then up to its availability.
std::vector<std::pair<double, double>> front_steps(const PlanPlot& plot);

}  // namespace nines::gui::charts
