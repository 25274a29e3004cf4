// What simulating a range of replications produces: per-replication figures and mergeable totals.
// Totals are exact sums, so any split of the replications (threads, later MPI ranks) merges into
// bit-identical figures.
#pragma once

#include <cstdint>
#include <vector>

#include "nines/engine/duration_histogram.hpp"
#include "nines/engine/exact_sum.hpp"

namespace nines::engine {

/// Sums over replications. Memory is per component, never per event or outage.
struct RunTotals {
  std::vector<ExactSum> pool_up_fraction;        // per component (compiled order)
  std::vector<ExactSum> service_up_fraction;     // per component
  std::vector<ExactSum> charged_downtime_hours;  // per cause (the compiled cause registry)
  std::vector<std::int64_t> outages_caused;      // per cause
  std::vector<ExactSum> zone_up_fraction;        // per zone (compiled order)
  std::vector<ExactSum> region_up_fraction;      // per region
  /// Per component: failure-to-detection hours and detections (before the horizon), detection
  /// (or failed switchover) to repair-end hours and repairs ended, failures missed by monitoring.
  std::vector<ExactSum> detect_hours;
  std::vector<std::int64_t> detections;
  std::vector<ExactSum> repair_hours;
  std::vector<std::int64_t> repairs;
  std::vector<std::int64_t> undetected_failures;
  /// Per component with deploys: bad deploys that ran, deploys skipped for overlap, instances
  /// reached (0 elsewhere).
  std::vector<std::int64_t> bad_deploys;
  std::vector<std::int64_t> deploys_skipped;
  std::vector<std::int64_t> restarts;
  ExactSum downtime_hours;
  std::int64_t outages = 0;
  std::int64_t common_cause_outages = 0;
  std::int64_t outages_cut_at_horizon = 0;
  std::uint64_t events = 0;
  DurationHistogram outage_durations;
  /// With a load: requests offered and failed, in load-hours (CompiledLoad, RequestIntegral).
  ExactSum offered_load_hours;
  ExactSum failed_load_hours;
  /// Flow mode: requests rejected by limit_rps (load-hours, included in failed), per component
  /// the time integral of min(1, D / C) and the hours with a serving instance (utilisation),
  /// evaluations of the flow and those stopped unconverged.
  ExactSum rejected_load_hours;
  std::vector<ExactSum> utilisation_hours;
  std::vector<ExactSum> serving_hours;
  std::uint64_t flow_evaluations = 0;
  std::uint64_t flow_not_converged = 0;
  /// Load shedding: calls shed (load-hours). Overload: crashes and the cascades they form
  /// (count, cut at the horizon, how many of each size: index = size), outages overlapping a
  /// cascade and their downtime; per component, crashes, cascades started and their sizes.
  ExactSum shed_load_hours;
  std::int64_t cascades = 0;
  std::int64_t cascades_cut_at_horizon = 0;
  std::vector<std::int64_t> cascade_sizes;
  std::int64_t outages_in_cascades = 0;
  ExactSum downtime_in_cascades;
  std::vector<std::int64_t> overload_crashes;
  std::vector<std::int64_t> cascades_started;
  std::vector<std::int64_t> started_cascade_sizes;
  /// With a load and injections: recoveries after trigger episodes (durations, their exact sum,
  /// how many, how many cut at the horizon).
  DurationHistogram recovery_hours;
  ExactSum recovery_sum_hours;
  std::int64_t recoveries = 0;
  std::int64_t recoveries_cut_at_horizon = 0;
  /// Flow mode, per cache (CompiledLoad::caches order): expiries and hours spent expired.
  std::vector<std::int64_t> cache_expiries;
  std::vector<ExactSum> cache_expired_hours;

  explicit RunTotals(std::size_t components = 0, std::size_t causes = 0, std::size_t zones = 0,
                     std::size_t regions = 0);
  void merge(const RunTotals& other);
};

/// Replications [first_replication, first_replication + size).
struct RangeResult {
  std::int64_t first_replication = 0;
  /// Per replication: downtime / horizon; NaN when the replication was not simulated (cancelled).
  std::vector<double> unavailability;
  /// Per replication: outages, including one cut at the horizon.
  std::vector<std::uint32_t> outages;
  /// Per replication: outages whose starting batch took two or more own pools down.
  std::vector<std::uint32_t> common_cause_outages;
  /// Per replication, with a target: whole years (from time 0) meeting it.
  std::vector<std::uint32_t> years_met;
  /// Windows of `window_hours` (0: none asked): `windows_per_replication` whole windows per
  /// history, their downtime in hours stored replication after replication.
  double window_hours = 0.0;
  std::int64_t windows_per_replication = 0;
  std::vector<double> window_downtime_hours;
  /// With a load (all empty without one), per replication: requests offered and failed in
  /// load-hours, and hours degraded (served share below degraded_below; down time included).
  std::vector<double> offered_load_hours;
  std::vector<double> failed_load_hours;
  std::vector<double> degraded_hours;
  /// With a load and windows: the failed load-hours of each whole window, as
  /// window_downtime_hours.
  std::vector<double> window_failed_load_hours;
  /// With spikes, windows and slo_basis "requests" (else empty): the offered load-hours of each
  /// whole window of each history, laid out as window_failed_load_hours.
  std::vector<double> window_offered_load_hours;
  /// With a load and injections (else empty), per replication: metastable episodes.
  std::vector<std::uint32_t> metastable_episodes;
  /// With `overload` somewhere (else empty), per replication: cascades.
  std::vector<std::uint32_t> cascades;
  /// With journeys (else empty): `journeys` per replication, each journey's failed load-hours
  /// (its share of the offered load-hours is its offered), replication after replication.
  std::int64_t journeys = 0;
  std::vector<double> journey_failed_load_hours;
  RunTotals totals;
};

/// Whole windows of `window_hours` in a history of `horizon_hours` (0 when window_hours <= 0). A
/// window that ends within a relative 1e-9 of the horizon counts as whole.
std::int64_t whole_windows(double horizon_hours, double window_hours);

/// Appends `next`, which must start where `into` ends and have the same windows. Throws
/// std::invalid_argument otherwise.
void append_range(RangeResult& into, const RangeResult& next);

}  // namespace nines::engine
