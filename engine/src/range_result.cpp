// Merging of run totals.
#include "nines/engine/range_result.hpp"

#include <cassert>
#include <cmath>
#include <stdexcept>

namespace nines::engine {

RunTotals::RunTotals(std::size_t components, std::size_t causes, std::size_t zones,
                     std::size_t regions)
    : pool_up_fraction(components),
      service_up_fraction(components),
      charged_downtime_hours(causes),
      outages_caused(causes, 0),
      zone_up_fraction(zones),
      region_up_fraction(regions),
      detect_hours(components),
      detections(components, 0),
      repair_hours(components),
      repairs(components, 0),
      undetected_failures(components, 0),
      bad_deploys(components, 0),
      deploys_skipped(components, 0),
      restarts(components, 0),
      utilisation_hours(components),
      serving_hours(components),
      cascade_sizes(components + 1, 0),
      overload_crashes(components, 0),
      cascades_started(components, 0),
      started_cascade_sizes(components, 0) {}

void RunTotals::merge(const RunTotals& other) {
  assert(other.pool_up_fraction.size() == pool_up_fraction.size());
  for (std::size_t c = 0; c < pool_up_fraction.size(); ++c) {
    pool_up_fraction[c].merge(other.pool_up_fraction[c]);
    service_up_fraction[c].merge(other.service_up_fraction[c]);
    detect_hours[c].merge(other.detect_hours[c]);
    detections[c] += other.detections[c];
    repair_hours[c].merge(other.repair_hours[c]);
    repairs[c] += other.repairs[c];
    undetected_failures[c] += other.undetected_failures[c];
    bad_deploys[c] += other.bad_deploys[c];
    deploys_skipped[c] += other.deploys_skipped[c];
    restarts[c] += other.restarts[c];
    utilisation_hours[c].merge(other.utilisation_hours[c]);
    serving_hours[c].merge(other.serving_hours[c]);
    overload_crashes[c] += other.overload_crashes[c];
    cascades_started[c] += other.cascades_started[c];
    started_cascade_sizes[c] += other.started_cascade_sizes[c];
  }
  for (std::size_t k = 0; k < cascade_sizes.size(); ++k) cascade_sizes[k] += other.cascade_sizes[k];
  for (std::size_t k = 0; k < charged_downtime_hours.size(); ++k) {
    charged_downtime_hours[k].merge(other.charged_downtime_hours[k]);
    outages_caused[k] += other.outages_caused[k];
  }
  for (std::size_t z = 0; z < zone_up_fraction.size(); ++z) {
    zone_up_fraction[z].merge(other.zone_up_fraction[z]);
  }
  for (std::size_t r = 0; r < region_up_fraction.size(); ++r) {
    region_up_fraction[r].merge(other.region_up_fraction[r]);
  }
  common_cause_outages += other.common_cause_outages;
  downtime_hours.merge(other.downtime_hours);
  outages += other.outages;
  outages_cut_at_horizon += other.outages_cut_at_horizon;
  events += other.events;
  outage_durations.merge(other.outage_durations);
  offered_load_hours.merge(other.offered_load_hours);
  failed_load_hours.merge(other.failed_load_hours);
  rejected_load_hours.merge(other.rejected_load_hours);
  flow_evaluations += other.flow_evaluations;
  flow_not_converged += other.flow_not_converged;
  shed_load_hours.merge(other.shed_load_hours);
  cascades += other.cascades;
  cascades_cut_at_horizon += other.cascades_cut_at_horizon;
  outages_in_cascades += other.outages_in_cascades;
  downtime_in_cascades.merge(other.downtime_in_cascades);
  for (std::size_t k = 0; k < cache_expiries.size(); ++k) {
    cache_expiries[k] += other.cache_expiries[k];
    cache_expired_hours[k].merge(other.cache_expired_hours[k]);
  }
  recovery_hours.merge(other.recovery_hours);
  recovery_sum_hours.merge(other.recovery_sum_hours);
  recoveries += other.recoveries;
  recoveries_cut_at_horizon += other.recoveries_cut_at_horizon;
}

std::int64_t whole_windows(double horizon_hours, double window_hours) {
  if (!(window_hours > 0.0)) return 0;
  // 360d / 30d must be 12 windows even if the division rounds just below 12.
  constexpr double kSlack = 1e-9;
  return static_cast<std::int64_t>(std::floor(horizon_hours / window_hours * (1.0 + kSlack)));
}

void append_range(RangeResult& into, const RangeResult& next) {
  if (next.first_replication !=
      into.first_replication + static_cast<std::int64_t>(into.unavailability.size())) {
    throw std::invalid_argument("append_range: ranges must be adjacent and in order");
  }
  if (into.unavailability.empty() && into.window_downtime_hours.empty()) {
    into.window_hours = next.window_hours;
    into.windows_per_replication = next.windows_per_replication;
  } else if (into.window_hours != next.window_hours ||
             into.windows_per_replication != next.windows_per_replication) {
    throw std::invalid_argument("append_range: ranges must have the same windows");
  }
  into.window_downtime_hours.insert(into.window_downtime_hours.end(),
                                    next.window_downtime_hours.begin(),
                                    next.window_downtime_hours.end());
  into.unavailability.insert(into.unavailability.end(), next.unavailability.begin(),
                             next.unavailability.end());
  into.outages.insert(into.outages.end(), next.outages.begin(), next.outages.end());
  into.common_cause_outages.insert(into.common_cause_outages.end(),
                                   next.common_cause_outages.begin(),
                                   next.common_cause_outages.end());
  into.years_met.insert(into.years_met.end(), next.years_met.begin(), next.years_met.end());
  const auto append = [](std::vector<double>& to, const std::vector<double>& from) {
    to.insert(to.end(), from.begin(), from.end());
  };
  append(into.offered_load_hours, next.offered_load_hours);
  append(into.failed_load_hours, next.failed_load_hours);
  append(into.degraded_hours, next.degraded_hours);
  append(into.window_failed_load_hours, next.window_failed_load_hours);
  append(into.window_offered_load_hours, next.window_offered_load_hours);
  into.metastable_episodes.insert(into.metastable_episodes.end(), next.metastable_episodes.begin(),
                                  next.metastable_episodes.end());
  into.cascades.insert(into.cascades.end(), next.cascades.begin(), next.cascades.end());
  into.journeys = std::max(into.journeys, next.journeys);
  into.journey_failed_load_hours.insert(into.journey_failed_load_hours.end(),
                                        next.journey_failed_load_hours.begin(),
                                        next.journey_failed_load_hours.end());
  if (into.totals.pool_up_fraction.empty()) {
    into.totals = next.totals;
  } else {
    into.totals.merge(next.totals);
  }
}

}  // namespace nines::engine
