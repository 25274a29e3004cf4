// Plain result structs of a Monte Carlo run; front-ends format them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nines::engine {

/// A mean over replications with its standard error and 95% confidence interval.
struct Estimate {
  double mean = 0.0;
  double stderr_ = 0.0;
  double ci95_lo = 0.0;
  double ci95_hi = 0.0;
};

/// Outage durations over all replications, in hours. Percentiles come from a log-bucketed
/// histogram (relative error below 0.5%); `mean` and `max` are exact.
struct OutageDurations {
  double mean_hours = 0.0;
  double p50_hours = 0.0;
  double p90_hours = 0.0;
  double p99_hours = 0.0;
  double max_hours = 0.0;
};

/// Share of replications whose availability met the target, with a Wilson 95% interval.
struct SlaResult {
  double target = 0.0;
  double probability_met = 0.0;
  double ci95_lo = 0.0;
  double ci95_hi = 0.0;
};

struct ComponentResult {
  std::string id;
  /// Its own pool: at least min_up instances up and active (time fraction, mean over replications).
  double availability = 0.0;
  /// The pool and everything it depends on.
  double service_availability = 0.0;
  /// Fraction of system downtime charged to this component as root cause (0 when none).
  double downtime_share = 0.0;
  /// Outages whose root cause was this component (all replications).
  std::int64_t outages_caused = 0;
};

/// What may differ between two runs with the same seed.
struct RunInfo {
  int threads = 1;
  double wall_seconds = 0.0;
  double events_per_second = 0.0;
};

struct RunResult {
  std::string model_name;
  /// Replications completed (less than asked when cancelled).
  std::int64_t replications = 0;
  std::int64_t first_replication = 0;
  double horizon_hours = 0.0;
  std::uint64_t seed = 0;
  std::optional<double> target;
  bool cancelled = false;

  Estimate availability;
  Estimate downtime_hours_per_year;
  Estimate outages_per_year;
  /// Total outages seen over all replications, including those cut at the horizon.
  std::int64_t outages = 0;
  std::int64_t outages_cut_at_horizon = 0;
  /// Only when at least one outage was seen.
  std::optional<OutageDurations> outage_duration;
  /// Total simulated time / outages; empty when no outage was seen.
  std::optional<double> system_mtbf_hours;
  /// Mean outage duration; empty when no outage was seen.
  std::optional<double> system_mttr_hours;
  /// Only when the model has a target.
  std::optional<SlaResult> sla;
  /// In model order.
  std::vector<ComponentResult> components;
  /// Events taken from the queue, all replications.
  std::uint64_t events = 0;
  RunInfo run_info;
};

}  // namespace nines::engine
