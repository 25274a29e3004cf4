// Reading a sweep document and laying out its charts as numbers (no chart library here).
#include "nines/gui/charts/sweep_plot.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>
#include <system_error>

#include "nines/models/error.hpp"
#include "nines/report/human_format.hpp"

namespace nines::gui::charts {
namespace {

using nlohmann::json;

// Ticks of the line chart (as the GUI's charts: room for their labels from 800 px across) and
// of the heat map's colour scale.
constexpr int kHorizontalTicks = 11;
constexpr int kVerticalTicks = 8;
constexpr int kScaleTicks = 7;

[[noreturn]] void fail(std::string_view file, const std::string& pointer, std::string_view problem,
                       const json* got = nullptr) {
  throw Error(format_error(
      file, pointer, problem,
      got ? got->dump(-1, ' ', false, json::error_handler_t::replace) : std::string()));
}

const json& member(const json& object, const char* key, std::string_view file,
                   const std::string& pointer) {
  const auto it = object.find(key);
  if (it == object.end()) fail(file, pointer + "/" + key, "missing");
  return *it;
}

double number(const json& object, const char* key, std::string_view file,
              const std::string& pointer) {
  const json& value = member(object, key, file, pointer);
  if (!value.is_number()) fail(file, pointer + "/" + key, "must be a number", &value);
  return value.get<double>();
}

std::optional<double> number_or_null(const json& object, const char* key, std::string_view file,
                                     const std::string& pointer) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_number()) fail(file, pointer + "/" + key, "must be a number or null", &*it);
  return it->get<double>();
}

std::string label_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

SweepAxis axis_of(const json& vary, std::string_view file, const std::string& pointer) {
  if (!vary.is_object()) fail(file, pointer, "must be an object {\"key\", \"values\"}", &vary);
  const json& key = member(vary, "key", file, pointer);
  if (!key.is_string()) fail(file, pointer + "/key", "must be a string", &key);
  const json& values = member(vary, "values", file, pointer);
  if (!values.is_array() || values.empty()) {
    fail(file, pointer + "/values", "must be a non-empty array", &values);
  }
  SweepAxis axis;
  axis.key = key.get<std::string>();
  bool numeric = true;
  for (const json& value : values) {
    axis.labels.push_back(label_of(value));
    numeric = numeric && value.is_number();
  }
  if (numeric) {
    for (const json& value : values) axis.numbers.push_back(value.get<double>());
  }
  return axis;
}

/// x: the value for a value axis; the index for categories.
double x_of(const SweepAxis& axis, std::size_t index) {
  return axis.numeric() ? axis.numbers[index] : static_cast<double>(index);
}

LineAxis x_axis_of(const SweepAxis& axis) {
  LineAxis x;
  if (!axis.numeric()) {
    // Categories sit on 0, 1, ... with half a slot either side.
    const auto n = static_cast<double>(axis.labels.size());
    x.ticks = NiceTicks{0.0, n - 1.0, 1.0, 0};
    x.lo = -0.5;
    x.hi = n - 0.5;
    return x;
  }
  const auto [min, max] = std::minmax_element(axis.numbers.begin(), axis.numbers.end());
  const bool integers = std::all_of(axis.numbers.begin(), axis.numbers.end(),
                                    [](double v) { return v == std::floor(v); });
  if (integers) {
    // Counts (instances, crew size): never a tick between two whole values.
    const double whole = *max - *min + 1.0;
    x.ticks = nice_ticks(*min, *max, static_cast<int>(std::clamp(whole, 3.0, 11.0)));
    if (x.ticks.step < 1.0) x.ticks = NiceTicks{*min, *max, 1.0, 0};
  } else {
    x.ticks = nice_ticks(*min, *max, kHorizontalTicks);
  }
  // A margin so that the first and last points are not drawn on the frame.
  const double span = x.ticks.hi - x.ticks.lo;
  const double pad = span > 0.0 ? 0.04 * span : 0.5;
  x.lo = x.ticks.lo - pad;
  x.hi = x.ticks.hi + pad;
  return x;
}

LineAxis plain_axis(const NiceTicks& ticks) { return LineAxis{ticks.lo, ticks.hi, ticks}; }

}  // namespace

SweepPlot sweep_plot_of(const json& document, std::string_view file) {
  if (!document.is_object() || !document.contains("vary") || !document.contains("points")) {
    fail(file, "",
         "--plot of another document: nines-gui --plot draws the document of nines sweep "
         "--json (with \"vary\" and \"points\") or of nines plan --json");
  }
  SweepPlot plot;
  if (const auto model = document.find("model"); model != document.end() && model->is_string()) {
    plot.model = model->get<std::string>();
  }
  if (const auto c = document.find("cancelled"); c != document.end() && c->is_boolean()) {
    plot.cancelled = c->get<bool>();
  }
  const json& vary = document["vary"];
  if (!vary.is_array() || vary.empty()) fail(file, "/vary", "must be a non-empty array", &vary);
  for (std::size_t k = 0; k < vary.size(); ++k) {
    plot.axes.push_back(axis_of(vary[k], file, "/vary/" + std::to_string(k)));
  }
  const json& points = document["points"];
  if (!points.is_array()) fail(file, "/points", "must be an array", &points);
  bool currency_read = false;
  for (std::size_t p = 0; p < points.size(); ++p) {
    const std::string at = "/points/" + std::to_string(p);
    const json& point = points[p];
    if (!point.is_object()) fail(file, at, "must be an object", &point);
    const json& values = member(point, "values", file, at);
    if (!values.is_object()) fail(file, at + "/values", "must be an object", &values);
    SweepCell cell;
    for (std::size_t k = 0; k < plot.axes.size(); ++k) {
      const SweepAxis& axis = plot.axes[k];
      const std::string pointer = at + "/values/" + axis.key;
      const auto value = values.find(axis.key);
      if (value == values.end()) fail(file, pointer, "missing");
      const json& swept = vary[k]["values"];
      const auto found = std::find(swept.begin(), swept.end(), *value);
      if (found == swept.end()) {
        fail(file, pointer, "not among the values of /vary/" + std::to_string(k), &*value);
      }
      cell.at.push_back(static_cast<std::size_t>(found - swept.begin()));
    }
    const json& result = member(point, "result", file, at);
    if (!result.is_object()) fail(file, at + "/result", "must be an object", &result);
    const std::string a = at + "/result/availability";
    const json& availability = member(result, "availability", file, at + "/result");
    if (!availability.is_object()) fail(file, a, "must be an estimate object", &availability);
    cell.availability = number(availability, "mean", file, a);
    const json& ci = member(availability, "ci95", file, a);
    if (!ci.is_array() || ci.size() != 2 || !ci[0].is_number() || !ci[1].is_number()) {
      fail(file, a + "/ci95", "must be [lo, hi]", &ci);
    }
    cell.ci95_lo = ci[0].get<double>();
    cell.ci95_hi = ci[1].get<double>();
    cell.cost_per_month = number_or_null(result, "cost_per_month", file, at + "/result");
    cell.target = number_or_null(result, "target", file, at + "/result");
    if (const auto c = result.find("currency");
        !currency_read && c != result.end() && c->is_string()) {
      plot.currency = c->get<std::string>();
      currency_read = true;
    }
    plot.cells.push_back(std::move(cell));
  }
  return plot;
}

json read_plot_document(const std::string& path) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const std::string reason =
        errno != 0 ? std::generic_category().message(errno) : std::string("cannot open");
    throw Error(format_error(path, "", "cannot read: " + reason));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw Error(format_error(path, "", "cannot read: read error"));
  json document;
  try {
    document = json::parse(text.str());
  } catch (const json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 3, column 1: ..." without the tag.
    std::string what = e.what();
    if (const auto tag = what.find("] "); tag != std::string::npos) what = what.substr(tag + 2);
    throw Error(format_error(path, "", "not JSON: " + what));
  }
  return document;
}

SweepPlot read_sweep_plot(const std::string& path) {
  return sweep_plot_of(read_plot_document(path), path);
}

void check_plottable(const SweepPlot& plot, std::string_view file) {
  if (plot.axes.size() <= 2) return;
  std::string keys;
  for (const SweepAxis& axis : plot.axes) keys += (keys.empty() ? "" : ", ") + axis.key;
  fail(file, "/vary",
       "--plot draws a sweep of one key (a line chart) or two (a heat map); this one varies " +
           std::to_string(plot.axes.size()) + " (" + keys +
           "): read it as a table with nines sweep --csv FILE, or plot a sweep of fewer keys");
}

bool misses_target(const SweepCell& cell) { return cell.target && cell.ci95_lo < *cell.target; }

std::optional<double> cell_nines(const SweepCell& cell) {
  return report::nines_of(cell.availability);
}

HeatMap heat_map_of(const SweepPlot& plot) {
  HeatMap map;
  map.rows = plot.axes.at(0).labels.size();
  map.columns = plot.axes.at(1).labels.size();
  map.cells.assign(map.rows * map.columns, std::nullopt);
  double lo = INFINITY;
  double hi = -INFINITY;
  for (std::size_t i = 0; i < plot.cells.size(); ++i) {
    const SweepCell& cell = plot.cells[i];
    auto& slot = map.cells[cell.at[0] * map.columns + cell.at[1]];
    if (!slot) slot = i;  // a value listed twice: the first point that has it
    if (const auto n = cell_nines(cell)) {
      lo = std::min(lo, *n);
      hi = std::max(hi, *n);
    }
  }
  // No cell with downtime (or none at all): nice_ticks gives [0, 1] for the missing bounds.
  map.nines = nice_ticks(lo, hi, kScaleTicks);
  return map;
}

SweepLine sweep_line_of(const SweepPlot& plot) {
  const SweepAxis& axis = plot.axes.at(0);
  SweepLine line;
  line.x = x_axis_of(axis);
  // The values in the order of the axis: by number on a value axis, as given for categories.
  std::vector<std::size_t> order(axis.labels.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (axis.numeric()) {
    std::stable_sort(order.begin(), order.end(), [&axis](std::size_t a, std::size_t b) {
      return axis.numbers[a] < axis.numbers[b];
    });
  }
  std::vector<std::optional<std::size_t>> by_value(axis.labels.size());
  for (std::size_t i = 0; i < plot.cells.size(); ++i) {
    auto& slot = by_value[plot.cells[i].at[0]];
    if (!slot) slot = i;
  }
  std::vector<LinePoint> segment;
  for (const std::size_t v : order) {
    if (!by_value[v]) {
      if (!segment.empty()) line.segments.push_back(std::move(segment));
      segment.clear();
      continue;
    }
    const SweepCell& cell = plot.cells[*by_value[v]];
    segment.push_back({x_of(axis, v), 100.0 * cell.availability, 100.0 * cell.ci95_lo,
                       100.0 * cell.ci95_hi, cell.cost_per_month});
  }
  if (!segment.empty()) line.segments.push_back(std::move(segment));

  double lo = INFINITY;
  double hi = -INFINITY;
  double cost_lo = INFINITY;
  double cost_hi = -INFINITY;
  for (const SweepCell& cell : plot.cells) {
    lo = std::min(lo, cell.ci95_lo);
    hi = std::max(hi, cell.ci95_hi);
    if (cell.cost_per_month) {
      cost_lo = std::min(cost_lo, *cell.cost_per_month);
      cost_hi = std::max(cost_hi, *cell.cost_per_month);
    }
  }
  const bool one_target =
      !plot.cells.empty() && plot.cells.front().target &&
      std::all_of(plot.cells.begin(), plot.cells.end(), [&plot](const SweepCell& cell) {
        return cell.target == plot.cells.front().target;
      });
  if (one_target) {
    const double target = *plot.cells.front().target;
    line.target_percent = 100.0 * target;
    lo = std::min(lo, target);
    hi = std::max(hi, target);
  }
  if (hi < lo) {  // no point ran
    lo = 0.99;
    hi = 1.0;
  }
  // A margin so that the band does not touch the frame, then out to round ticks (100 % is a
  // multiple of every step, so the axis never passes it).
  const double span = std::max(hi - lo, 1e-9);
  line.availability =
      plain_axis(nice_ticks(100.0 * std::max(0.0, lo - 0.08 * span),
                            100.0 * std::min(1.0, hi + 0.08 * span), kVerticalTicks));
  if (cost_lo <= cost_hi) line.cost = plain_axis(nice_ticks(cost_lo, cost_hi, kVerticalTicks));
  return line;
}

}  // namespace nines::gui::charts
