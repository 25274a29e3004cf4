// Paired differences of availability, downtime and outages between two runs of one seed.
#include "nines/report/paired_comparison.hpp"

#include <cmath>
#include <functional>
#include <vector>

#include "nines/engine/paired_difference.hpp"
#include "nines/engine/summary.hpp"
#include "nines/models/model.hpp"
#include "report_layout.hpp"

namespace nines::report {

namespace {

using layout::number;
using layout::optional_number;

/// A run's per-replication value of a figure, NaN for a replication it did not simulate.
using PerReplication =
    std::function<double(double unavailability, std::uint32_t outages, double horizon_hours)>;

std::vector<double> values_of(const engine::RangeResult& range, double horizon_hours,
                              const PerReplication& value) {
  std::vector<double> values(range.unavailability.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double u = range.unavailability[i];
    values[i] = std::isnan(u) ? u : value(u, range.outages[i], horizon_hours);
  }
  return values;
}

engine::Estimate paired(const engine::RunResult& base, const engine::RangeResult& base_range,
                        const engine::RunResult& row, const engine::RangeResult& row_range,
                        const PerReplication& value, std::int64_t& pairs) {
  const engine::PairedDifference d =
      engine::paired_difference(values_of(base_range, base.horizon_hours, value),
                                values_of(row_range, row.horizon_hours, value));
  pairs = d.pairs;
  return d.paired;
}

nlohmann::json estimate_json(const engine::Estimate& e) {
  return {{"mean", number(e.mean)},
          {"stderr", number(e.stderr_)},
          {"ci95", nlohmann::json::array({number(e.ci95_lo), number(e.ci95_hi)})}};
}

}  // namespace

PairedComparison paired_comparison(const engine::RunResult& base,
                                   const engine::RangeResult& base_range,
                                   const engine::RunResult& row,
                                   const engine::RangeResult& row_range) {
  PairedComparison c;
  c.availability = paired(
      base, base_range, row, row_range, [](double u, std::uint32_t, double) { return 1.0 - u; },
      c.pairs);
  c.downtime_hours_per_year = paired(
      base, base_range, row, row_range,
      [](double u, std::uint32_t, double) { return u * models::kHoursPerYear; }, c.pairs);
  c.outages_per_year = paired(
      base, base_range, row, row_range,
      [](double, std::uint32_t outages, double horizon_hours) {
        return static_cast<double>(outages) * models::kHoursPerYear / horizon_hours;
      },
      c.pairs);
  if (!base_range.failed_load_hours.empty() && !row_range.failed_load_hours.empty()) {
    std::vector<double> base_served = engine::request_unavailability(base_range);
    std::vector<double> row_served = engine::request_unavailability(row_range);
    for (double& u : base_served) u = 1.0 - u;  // NaN stays NaN
    for (double& u : row_served) u = 1.0 - u;
    c.requests_availability = engine::paired_difference(base_served, row_served).paired;
  }
  if (!base_range.cascades.empty() && !row_range.cascades.empty()) {
    // Per replication: cascades x 8760 / horizon; a replication not simulated stays NaN.
    const auto per_year = [](const engine::RangeResult& range, double horizon_hours) {
      std::vector<double> rates(range.cascades.size());
      for (std::size_t i = 0; i < rates.size(); ++i) {
        rates[i] = std::isnan(range.unavailability[i]) ? range.unavailability[i]
                                                       : static_cast<double>(range.cascades[i]) *
                                                             models::kHoursPerYear / horizon_hours;
      }
      return rates;
    };
    c.cascades_per_year = engine::paired_difference(per_year(base_range, base.horizon_hours),
                                                    per_year(row_range, row.horizon_hours))
                              .paired;
  }
  // A difference the same in every replication (a scenario adding one fixed outage) leaves a
  // paired standard error of rounding noise (~1e-19), whose ratio would be an absurd x10^26:
  // below kRoundingNoise the paired variance counts as 0.
  constexpr double kRoundingNoise = 1e-12;
  const double s_paired = c.availability.stderr_;
  if (s_paired > kRoundingNoise && std::isfinite(s_paired)) {
    const double s_base = base.availability.stderr_;
    const double s_row = row.availability.stderr_;
    c.variance_ratio = (s_base * s_base + s_row * s_row) / (s_paired * s_paired);
  }
  // An empty interval (fewer than two pairs) is no evidence of a difference.
  c.significant = c.pairs >= 2 && (c.availability.ci95_lo > 0.0 || c.availability.ci95_hi < 0.0);
  return c;
}

nlohmann::json paired_comparison_to_json(const PairedComparison& c) {
  return {
      {"availability", estimate_json(c.availability)},
      {"downtime_hours_per_year", estimate_json(c.downtime_hours_per_year)},
      {"outages_per_year", estimate_json(c.outages_per_year)},
      {"requests_availability",
       c.requests_availability ? estimate_json(*c.requests_availability) : nlohmann::json(nullptr)},
      {"cascades_per_year",
       c.cascades_per_year ? estimate_json(*c.cascades_per_year) : nlohmann::json(nullptr)},
      {"pairs", c.pairs},
      {"variance_ratio", optional_number(c.variance_ratio)},
      {"significant", c.significant},
      {"cost_per_month", optional_number(c.cost_per_month)}};
}

}  // namespace nines::report
