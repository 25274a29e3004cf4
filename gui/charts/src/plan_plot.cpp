// Reading a plan document and laying out its chart as numbers (no chart library here).
#include "nines/gui/charts/plan_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "nines/models/error.hpp"
#include "nines/report/human_format.hpp"

namespace nines::gui::charts {
namespace {

using nlohmann::json;

[[noreturn]] void fail(std::string_view file, const std::string& pointer, std::string_view problem,
                       const json* got = nullptr) {
  throw Error(format_error(
      file, pointer, problem,
      got ? got->dump(-1, ' ', false, json::error_handler_t::replace) : std::string()));
}

double number_at(const json& object, const char* key, std::string_view file,
                 const std::string& pointer) {
  const auto it = object.find(key);
  if (it == object.end()) fail(file, pointer + "/" + key, "missing");
  if (!it->is_number()) fail(file, pointer + "/" + key, "must be a number", &*it);
  return it->get<double>();
}

}  // namespace

bool is_plan_document(const json& document) {
  return document.is_object() && document.contains("candidates") && document.contains("outcome");
}

PlanPlot plan_plot_of(const json& document, std::string_view file) {
  if (!is_plan_document(document)) {
    fail(file, "", "--plot of another document: not the document of nines plan --json");
  }
  PlanPlot plot;
  if (const auto m = document.find("model"); m != document.end() && m->is_string()) {
    plot.model = m->get<std::string>();
  }
  if (const auto c = document.find("currency"); c != document.end() && c->is_string()) {
    plot.currency = c->get<std::string>();
  }
  if (const auto o = document.find("outcome"); o->is_string()) plot.outcome = o->get<std::string>();
  if (const auto c = document.find("cancelled"); c != document.end() && c->is_boolean()) {
    plot.cancelled = c->get<bool>();
  }
  plot.target = number_at(document, "target", file, "");
  const json& candidates = document["candidates"];
  if (!candidates.is_array()) fail(file, "/candidates", "must be an array", &candidates);
  std::vector<std::optional<std::size_t>> point_of(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string at = "/candidates/" + std::to_string(i);
    const json& c = candidates[i];
    if (!c.is_object()) fail(file, at, "must be an object", &c);
    const auto result = c.find("result");
    if (result == c.end() || result->is_null()) continue;  // not simulated: no point
    PlanPoint p;
    p.candidate = i;
    p.cost_per_month = number_at(c, "cost_per_month", file, at);
    if (const auto s = c.find("status"); s != c.end() && s->is_string()) {
      p.status = s->get<std::string>();
    }
    const std::string a = at + "/result/availability";
    const auto availability = result->find("availability");
    if (availability == result->end() || !availability->is_object()) {
      fail(file, a, "must be an estimate object");
    }
    p.availability = number_at(*availability, "mean", file, a);
    const auto ci = availability->find("ci95");
    if (ci == availability->end() || !ci->is_array() || ci->size() != 2 || !(*ci)[0].is_number() ||
        !(*ci)[1].is_number()) {
      fail(file, a + "/ci95", "must be [lo, hi]");
    }
    p.ci95_lo = (*ci)[0].get<double>();
    p.ci95_hi = (*ci)[1].get<double>();
    point_of[i] = plot.points.size();
    plot.points.push_back(std::move(p));
  }
  const auto front = document.find("front");
  if (front != document.end() && front->is_array()) {
    for (const json& index : *front) {
      const bool valid = index.is_number_integer() && index.get<std::int64_t>() >= 0 &&
                         index.get<std::size_t>() < point_of.size() &&
                         point_of[index.get<std::size_t>()].has_value();
      if (!valid) fail(file, "/front", "must list simulated candidates", &index);
      plot.front.push_back(*point_of[index.get<std::size_t>()]);
    }
  }
  const auto best = document.find("best");
  if (best != document.end() && best->is_object()) {
    // The winner is the candidate with the best's values.
    for (std::size_t i = 0; i < plot.points.size(); ++i) {
      if (candidates[plot.points[i].candidate].value("values", json()) ==
          best->value("values", json())) {
        plot.winner = i;
      }
    }
  }
  return plot;
}

double nines_at(double availability, double cap) {
  if (!(availability < 1.0)) return cap;
  return std::min(cap, -std::log10(1.0 - std::max(0.0, availability)));
}

NinesAxis nines_axis_of(const PlanPlot& plot) {
  double highest = nines_at(plot.target, 1e9);
  double lowest = highest;
  for (const PlanPoint& p : plot.points) {
    for (const double a : {p.ci95_lo, p.availability, p.ci95_hi}) {
      if (a < 1.0) {
        highest = std::max(highest, nines_at(a, 1e9));
        lowest = std::min(lowest, nines_at(a, 1e9));
      }
    }
  }
  NinesAxis axis;
  axis.cap = highest + 0.3;  // "no downtime" above every measured point
  axis.lo = std::max(0.0, lowest - 0.15);
  axis.hi = axis.cap + 0.15;
  // Round availabilities 1 - m x 10^-k, m in {5, 2, 1}; only 1 x 10^-k when the range is wide.
  const bool wide = axis.hi - axis.lo > 4.0;
  for (int k = 0; k <= 12; ++k) {
    for (const double m : {5.0, 2.0, 1.0}) {
      if (wide && m != 1.0) continue;
      const double unavailability = m * std::pow(10.0, -k);
      if (unavailability >= 1.0) continue;
      const double n = -std::log10(unavailability);
      if (n < axis.lo || n > axis.hi) continue;
      const double a = 1.0 - unavailability;
      const int decimals = std::max(0, k - 2);  // 1 - 5e-4 -> "99.95 %"
      axis.ticks.emplace_back(n, report::format_percent(a, decimals));
    }
  }
  return axis;
}

std::vector<std::pair<double, double>> front_steps(const PlanPlot& plot) {
  std::vector<std::pair<double, double>> steps;
  for (const std::size_t i : plot.front) {
    const PlanPoint& p = plot.points[i];
    if (!steps.empty()) steps.emplace_back(p.cost_per_month, steps.back().second);
    steps.emplace_back(p.cost_per_month, p.availability);
  }
  return steps;
}

}  // namespace nines::gui::charts
