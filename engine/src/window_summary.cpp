// SLA windows: availability quantiles over all windows, and the miss probability with an interval
// from per-replication shares, because the windows of one history share its state.
#include "nines/engine/window_summary.hpp"

#include <cassert>
#include <cmath>
#include <vector>

#include "nines/engine/quantiles.hpp"
#include "nines/engine/summary.hpp"
#include "nines/models/model.hpp"

namespace nines::engine {

WindowResult summarize_windows(const RangeResult& range, double horizon_hours,
                               std::optional<double> target, const RequestIntegral* requests) {
  assert(range.window_hours > 0.0);
  WindowResult w;
  w.length_hours = range.window_hours;
  w.per_replication = range.windows_per_replication;
  const double covered = static_cast<double>(w.per_replication) * w.length_hours;
  // Below the slack of whole_windows() the remainder is rounding, not a window left out.
  constexpr double kSlack = 1e-9;
  w.partial_window_hours =
      horizon_hours - covered > kSlack * horizon_hours ? horizon_hours - covered : 0.0;

  const auto per = static_cast<std::size_t>(w.per_replication);
  // Per window: what it could lose (hours, or the requests offered in it) and what it lost.
  // Without spikes every history is offered the same closed form; with them, its own.
  std::vector<double> offered(per, w.length_hours);
  const std::vector<double>& lost =
      requests != nullptr ? range.window_failed_load_hours : range.window_downtime_hours;
  const bool own_offered = requests != nullptr && !range.window_offered_load_hours.empty();
  if (requests != nullptr && !own_offered) {
    for (std::size_t k = 0; k < per; ++k) {
      const double start = static_cast<double>(k) * w.length_hours;
      offered[k] = requests->integral(start, start + w.length_hours);
    }
  }
  std::vector<double> availability;
  std::vector<double> missed_share;
  double lost_sum = 0.0;
  double offered_sum = 0.0;
  for (std::size_t i = 0; i < range.unavailability.size(); ++i) {
    if (std::isnan(range.unavailability[i]) || per == 0) continue;
    std::int64_t missed = 0;
    for (std::size_t k = 0; k < per; ++k) {
      const double amount = lost[i * per + k];
      const double could = own_offered ? range.window_offered_load_hours[i * per + k] : offered[k];
      const double a = could > 0.0 ? 1.0 - amount / could : 1.0;
      lost_sum += amount;
      offered_sum += could;
      availability.push_back(a);
      if (target && a < *target) ++missed;
    }
    missed_share.push_back(static_cast<double>(missed) / static_cast<double>(per));
  }
  w.count = static_cast<std::int64_t>(availability.size());
  if (w.count == 0) return w;
  w.mean_availability = requests == nullptr
                            ? 1.0 - lost_sum / (static_cast<double>(w.count) * w.length_hours)
                            : (offered_sum > 0.0 ? 1.0 - lost_sum / offered_sum : 1.0);
  w.availability_quantiles = availability_quantiles(std::move(availability));
  if (target) {
    Estimate p = estimate_mean(missed_share);
    p.ci95_lo = std::max(0.0, p.ci95_lo);
    p.ci95_hi = std::min(1.0, p.ci95_hi);
    w.probability_missed = p;
    const double per_year = models::kHoursPerYear / w.length_hours;
    w.expected_missed_per_year = Estimate{p.mean * per_year, p.stderr_ * per_year,
                                          p.ci95_lo * per_year, p.ci95_hi * per_year};
  }
  return w;
}

}  // namespace nines::engine
