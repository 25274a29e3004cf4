// Per-replication traffic figures of a run, from the engine's per-replication load-hours.
#include "nines/gui/traffic_figures.hpp"

#include <cmath>

#include "nines/engine/summary.hpp"
#include "nines/models/model.hpp"

namespace nines::gui {

std::vector<double> request_availability(const engine::RunResult& /*result*/,
                                         const engine::RangeResult& range) {
  std::vector<double> values = engine::request_unavailability(range);
  for (double& u : values) u = 1.0 - u;  // NaN stays NaN
  return values;
}

std::vector<double> failed_requests_per_year(const engine::RunResult& result,
                                             const engine::RangeResult& range) {
  if (!result.requests || range.failed_load_hours.empty()) return {};
  double offered = 0.0;
  std::size_t simulated = 0;
  for (std::size_t i = 0; i < range.offered_load_hours.size(); ++i) {
    if (std::isnan(range.unavailability[i]) || std::isnan(range.offered_load_hours[i])) continue;
    offered += range.offered_load_hours[i];
    ++simulated;
  }
  const double per_load_hour =
      offered > 0.0 ? result.requests->offered_per_year * static_cast<double>(simulated) / offered
                    : 0.0;
  std::vector<double> values(range.failed_load_hours.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = std::isnan(range.unavailability[i]) ? range.unavailability[i]
                                                    : range.failed_load_hours[i] * per_load_hour;
  }
  return values;
}

std::vector<double> cascades_per_year(const engine::RunResult& result,
                                      const engine::RangeResult& range) {
  std::vector<double> values(range.cascades.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] =
        std::isnan(range.unavailability[i])
            ? range.unavailability[i]
            : static_cast<double>(range.cascades[i]) * models::kHoursPerYear / result.horizon_hours;
  }
  return values;
}

}  // namespace nines::gui
