// Turns run results into chart data (no chart library here).
#include "nines/gui/charts/chart_data.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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

ParetoData pareto_of(const engine::RunResult& result, const engine::RunResult* baseline,
                     std::size_t limit) {
  ParetoData data;
  data.has_baseline = baseline != nullptr;
  for (const auto& component : result.components) {
    double before = std::numeric_limits<double>::quiet_NaN();
    if (baseline != nullptr) {
      for (const auto& b : baseline->components) {
        if (b.id == component.id) before = b.downtime_share;
      }
    }
    if (component.downtime_share > 0.0 || (!std::isnan(before) && before > 0.0)) {
      data.bars.push_back({component.id, component.downtime_share, before});
    }
  }
  std::stable_sort(data.bars.begin(), data.bars.end(),
                   [](const ParetoBar& a, const ParetoBar& b) { return a.share > b.share; });
  if (data.bars.size() > limit) data.bars.resize(limit);
  return data;
}

}  // namespace nines::gui::charts
