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

/// Share of replications whose availability met the target, with a Wilson 95% interval, and its
/// complement (the probability of missing the target) with the complementary interval.
/// The SLA judged year by year: over the whole 1-year windows of every history.
struct SlaPerYear {
  double probability_met = 0.0;
  double probability_missed = 0.0;
  /// Of probability_met: Wilson's with one whole year per history, else Student-t over the
  /// per-replication shares of years met.
  double ci95_lo = 0.0;
  double ci95_hi = 0.0;
  /// Replications x whole years per history.
  std::int64_t years = 0;
};

struct SlaResult {
  double target = 0.0;
  double probability_met = 0.0;
  double ci95_lo = 0.0;
  double ci95_hi = 0.0;
  double probability_missed = 0.0;
  double missed_ci95_lo = 0.0;
  double missed_ci95_hi = 0.0;
  /// Empty when the horizon is shorter than a year.
  std::optional<SlaPerYear> per_year;
};

/// Exact quantiles of availability values (type 7: linear interpolation between order
/// statistics, as R's default and numpy's "linear"). p1 is the bad tail: 1% of values are lower.
struct AvailabilityQuantiles {
  double p1 = 0.0;
  double p5 = 0.0;
  double p50 = 0.0;
  double p95 = 0.0;
  double p99 = 0.0;
};

/// Downtime of one replication (one history over the horizon), in hours. Replications with no
/// downtime at all are counted apart; the others fall in bins [edge_i, edge_i+1) on a 1-2-5 scale
/// (the last bin also holds its upper edge).
struct DowntimeHistogram {
  std::int64_t zero_count = 0;
  std::vector<double> bin_edges_hours;  // counts.size() + 1 edges; empty when zero_count is all
  std::vector<std::int64_t> counts;
};

/// Consecutive windows of `length_hours` from time 0 in every replication (SLA months); a last
/// window cut by the horizon is left out.
struct WindowResult {
  double length_hours = 0.0;
  /// Whole windows per replication, and the hours at the end of each history left out.
  std::int64_t per_replication = 0;
  double partial_window_hours = 0.0;
  /// Windows over all replications.
  std::int64_t count = 0;
  /// Mean availability over all windows.
  double mean_availability = 0.0;
  /// Over all windows; empty when there are none.
  std::optional<AvailabilityQuantiles> availability_quantiles;
  /// Only with a target: the share of windows below it, with a 95% interval from the
  /// per-replication shares (windows of one history are not independent, histories are).
  std::optional<Estimate> probability_missed;
  /// Only with a target: missed windows per year of 8760 h (probability * 8760 / length).
  std::optional<Estimate> expected_missed_per_year;
};

/// Why a precision run stopped.
enum class PrecisionStop { kPrecision, kMaxReplications, kMaxTime, kCancelled };

/// How a run to a relative precision went (see precision_run.hpp).
struct PrecisionSummary {
  /// The asked relative half-width, and the one reached (half-width / mean unavailability;
  /// infinite when no downtime was seen).
  double target = 0.0;
  double reached = 0.0;
  double confidence = 0.95;
  std::int64_t batch = 0;
  std::int64_t batches = 0;
  /// Replications summarised: a run of exactly this many gives the same figures.
  std::int64_t replications = 0;
  PrecisionStop stopped_by = PrecisionStop::kPrecision;
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
  /// Mean hours from a failure to its detection, over detections before the horizon; empty when
  /// none was detected.
  std::optional<double> mean_time_to_detect_hours;
  /// Failures the monitoring missed (the `undetected` branch) per year; empty when coverage is 1.
  std::optional<double> undetected_failures_per_year;
  /// Mean hours from detection (or a failed switchover) to the repair's end, crew wait included,
  /// over repairs ended before the horizon; empty when none ended.
  std::optional<double> mean_time_to_repair_hours;
  /// Components with deploys (all empty otherwise): bad deploys that ran per year; the share of
  /// system downtime charged to its deploys (its `deploy` cause; 0 when none was seen); deploys
  /// skipped for overlap per year; instances reached by deploys per year.
  std::optional<double> bad_deploys_per_year;
  std::optional<double> deploy_downtime_share;
  std::optional<double> deploys_skipped_per_year;
  std::optional<double> restarts_per_year;
  /// Flow mode (docs/traffic.md): utilisation with a capacity; with `overload`, crashes and
  /// cascades started per year and their mean size (blast radius; empty when none started).
  std::optional<double> utilisation;
  std::optional<double> overload_crashes_per_year;
  std::optional<double> cascades_started_per_year;
  std::optional<double> blast_radius;
};

/// Recoveries after trigger episodes (docs/traffic.md): from an episode's end until the served
/// share is at or above degraded_below. `p90_hours` from a log-bucketed histogram; `mean` and
/// `max` exact.
struct RecoveryHours {
  double mean_hours = 0.0;
  double p90_hours = 0.0;
  double max_hours = 0.0;
  std::int64_t count = 0;
  std::int64_t cut_at_horizon = 0;
};

/// Requests under a load: served / offered per replication (request availability), and the
/// requests offered and failed per year (requests, not load-hours).
struct RequestResult {
  Estimate availability;
  /// Of per-replication request availability; empty when no replication finished.
  std::optional<AvailabilityQuantiles> availability_quantiles;
  double offered_per_year = 0.0;
  /// Failed requests (rejected and shed included) per year.
  double failed_per_year = 0.0;
  /// Rejected by limit_rps and shed by load shedding: 0 in Boolean mode.
  double rejected_per_year = 0.0;
  double shed_per_year = 0.0;
  /// With journeys: each journey's entry and request availability (its served over its offered
  /// requests per replication, an estimate), in file order.
  struct Journey {
    std::string entry;
    Estimate availability;
  };
  std::optional<std::vector<Journey>> journeys;
};

/// A cache row in flow mode (docs/traffic.md, "Caches"): how often it expired and how long it
/// stayed expired, per year (ratios of sums over every replication; time expired at the
/// horizon counts up to it).
struct CacheResult {
  std::string id;  // "FROM->TO" (a list's targets joined by ",")
  double expiries_per_year = 0.0;
  double expired_hours_per_year = 0.0;
};

/// Overload cascades (docs/traffic.md): per year (an estimate over replications), their sizes
/// (distinct components crashed), the shares of outages and downtime that overlapped one.
struct CascadeResult {
  Estimate per_year;
  double size_mean = 0.0;
  std::int64_t size_max = 0;
  /// (size, cascades of that size), sizes ascending, only sizes seen.
  std::vector<std::pair<std::int64_t, std::int64_t>> size_histogram;
  /// Ratios of sums over all replications; empty without outages.
  std::optional<double> outage_share;
  std::optional<double> downtime_share;
  std::int64_t cut_at_horizon = 0;
};

/// One source that caused outages: its share of the downtime and the outages it began.
struct CauseResult {
  /// "component", "zone", "region", "inject", "deploy", "overload", "load" or "other".
  std::string kind;
  /// Empty for "other".
  std::string id;
  double downtime_share = 0.0;
  std::int64_t outages_caused = 0;
};

/// A zone or a region: its own availability (injections included; a zone's region not) and the
/// outages it caused.
struct DomainResult {
  std::string id;
  double availability = 0.0;
  double downtime_share = 0.0;
  std::int64_t outages_caused = 0;
};

/// What may differ between two runs with the same seed.
struct RunInfo {
  /// Worker threads per process.
  int threads = 1;
  double wall_seconds = 0.0;
  /// Events per second, all processes together.
  double events_per_second = 0.0;
  /// Flow evaluations per second of wall time (0 in Boolean mode and without a load).
  double flow_evaluations_per_second = 0.0;
  /// Processes (MPI ranks; 1 without MPI).
  int ranks = 1;
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
  /// Of per-replication availability; empty when no replication finished.
  std::optional<AvailabilityQuantiles> availability_quantiles;
  DowntimeHistogram downtime_histogram;
  /// Only when windows were asked for (RunOptions::window_hours).
  std::optional<WindowResult> windows;
  /// Only for a run to a precision (run_to_precision).
  std::optional<PrecisionSummary> precision;
  /// In model order.
  std::vector<ComponentResult> components;
  /// Every source that caused an outage, by share descending (see docs/results-format.md).
  std::vector<CauseResult> causes;
  /// In model order.
  std::vector<DomainResult> zones;
  std::vector<DomainResult> regions;
  /// Outages whose starting batch took two or more components' own pools down.
  Estimate common_cause_outages_per_year;
  /// Events taken from the queue, all replications.
  std::uint64_t events = 0;
  /// Whether `sla`, `windows` and `precision` judge request availability (slo_basis
  /// "requests"); false without a load.
  bool requests_basis = false;
  /// With a load only.
  std::optional<RequestResult> requests;
  std::optional<Estimate> degraded_hours_per_year;
  /// With a load: recoveries after episodes (empty when there was none), and metastable
  /// episodes per year (empty without injections).
  std::optional<RecoveryHours> recovery_hours;
  std::optional<Estimate> metastable_per_year;
  /// Evaluations of the request flow and those stopped unconverged: 0 in Boolean mode.
  std::uint64_t flow_evaluations = 0;
  std::uint64_t flow_not_converged = 0;
  /// With `overload` somewhere in flow mode; empty otherwise.
  std::optional<CascadeResult> cascades;
  /// Flow mode's cache rows (row order); empty without any.
  std::vector<CacheResult> caches;
  RunInfo run_info;
};

}  // namespace nines::engine
