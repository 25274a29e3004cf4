// Turns run results into chart data (no chart library here).
#include "nines/gui/charts/chart_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "nines/engine/summary.hpp"
#include "nines/models/model.hpp"

namespace nines::gui::charts {

Histogram histogram_of(const engine::RunResult& result) {
  Histogram histogram;
  const engine::DowntimeHistogram& source = result.downtime_histogram;
  std::int64_t total = source.zero_count;
  for (const auto count : source.counts) total += count;
  if (total == 0 || result.horizon_hours <= 0.0) return histogram;
  const double per_year = models::kHoursPerYear / result.horizon_hours;
  const auto n = static_cast<double>(total);
  histogram.zero_share = static_cast<double>(source.zero_count) / n;
  for (std::size_t i = 0; i < source.counts.size(); ++i) {
    histogram.bins.push_back({source.bin_edges_hours[i] * per_year,
                              source.bin_edges_hours[i + 1] * per_year,
                              static_cast<double>(source.counts[i]) / n});
  }
  return histogram;
}

std::vector<EstimatePoint> convergence_of(const engine::RangeResult& range, std::size_t points) {
  std::vector<double> availability;
  availability.reserve(range.unavailability.size());
  for (const double u : range.unavailability) {
    if (std::isnan(u)) return {};
    availability.push_back(1.0 - u);
  }
  const auto n = static_cast<std::int64_t>(availability.size());
  if (n < 2 || points < 2) return {};
  std::vector<std::int64_t> checkpoints;
  const double ratio =
      std::pow(static_cast<double>(n) / 2.0, 1.0 / static_cast<double>(points - 1));
  double at = 2.0;
  for (std::size_t i = 0; i < points; ++i, at *= ratio) {
    const auto k = std::min<std::int64_t>(n, std::llround(at));
    if (checkpoints.empty() || k > checkpoints.back()) checkpoints.push_back(k);
  }
  if (checkpoints.back() != n) checkpoints.push_back(n);
  const std::vector<engine::Estimate> estimates =
      engine::prefix_estimates(availability, checkpoints);
  std::vector<EstimatePoint> out;
  out.reserve(checkpoints.size());
  for (std::size_t i = 0; i < checkpoints.size(); ++i) {
    const engine::Estimate& e = estimates[i];
    out.push_back({static_cast<double>(checkpoints[i]), e.mean, e.ci95_lo, e.ci95_hi});
  }
  return out;
}

std::vector<CdfPoint> outage_cdf_of(const engine::RangeResult& range) {
  std::vector<CdfPoint> points;
  const engine::DurationHistogram& durations = range.totals.outage_durations;
  if (durations.count() == 0) return points;
  points.push_back({durations.min_hours(), 0.0});
  for (int percent = 1; percent <= 100; ++percent) {
    const double q = percent / 100.0;
    points.push_back({durations.quantile(q), q});
  }
  return points;
}

std::string cause_label(const engine::CauseResult& cause) {
  if (cause.kind == "component") return cause.id;
  if (cause.kind == "other") return "other";
  if (cause.kind == "deploy") return cause.id + " (deploys)";
  return cause.kind + " " + cause.id;
}

ParetoData pareto_of(const engine::RunResult& result, const engine::RunResult* baseline,
                     std::size_t limit) {
  ParetoData data;
  data.has_baseline = baseline != nullptr;
  const auto same = [](const engine::CauseResult& a, const engine::CauseResult& b) {
    return a.kind == b.kind && a.id == b.id;
  };
  for (const auto& cause : result.causes) {
    double before = std::numeric_limits<double>::quiet_NaN();
    if (baseline != nullptr) {
      for (const auto& b : baseline->causes) {
        if (same(b, cause)) before = b.downtime_share;
      }
    }
    if (cause.downtime_share > 0.0 || (!std::isnan(before) && before > 0.0)) {
      data.bars.push_back({cause_label(cause), cause.downtime_share, before, cause.kind});
    }
  }
  // A cause of the baseline the current run no longer has (a zone removed) still shows, at 0.
  if (baseline != nullptr) {
    for (const auto& b : baseline->causes) {
      const bool seen = std::any_of(result.causes.begin(), result.causes.end(),
                                    [&](const auto& c) { return same(b, c); });
      if (!seen && b.downtime_share > 0.0)
        data.bars.push_back({cause_label(b), 0.0, b.downtime_share, b.kind});
    }
  }
  std::stable_sort(data.bars.begin(), data.bars.end(),
                   [](const ParetoBar& a, const ParetoBar& b) { return a.share > b.share; });
  if (data.bars.size() > limit) data.bars.resize(limit);
  return data;
}

}  // namespace nines::gui::charts
