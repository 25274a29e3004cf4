// What the charts draw, as plain numbers: the boundary between nines and the chart library.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"

namespace nines::gui::charts {

/// A point of the running estimate of availability after `replications`.
struct EstimatePoint {
  double replications = 0.0;
  double availability = 0.0;
  double ci95_lo = 0.0;
  double ci95_hi = 0.0;
};

struct ConvergenceData {
  std::vector<EstimatePoint> current;
  /// The pinned baseline's convergence, drawn behind (empty: none).
  std::vector<EstimatePoint> baseline;
  /// The exact availability, where the solvers give one.
  std::optional<double> exact;
};

/// One bin of downtime per replication, in hours per year.
struct HistogramBin {
  double lo_hours_per_year = 0.0;
  double hi_hours_per_year = 0.0;
  /// Share of all replications in this bin (0..1).
  double share = 0.0;
};

struct Histogram {
  std::vector<HistogramBin> bins;
  /// Share of replications with no downtime at all (a log axis cannot show them).
  double zero_share = 0.0;
};

struct HistogramData {
  Histogram current;
  std::optional<Histogram> baseline;
  /// The downtime per year the target allows: (1 - target) * 8760 h.
  std::optional<double> target_hours_per_year;
};

/// Cumulative distribution of outage durations: (hours, share of outages at most that long).
struct CdfPoint {
  double hours = 0.0;
  double share = 0.0;
};

struct OutageData {
  std::vector<CdfPoint> current;
  std::vector<CdfPoint> baseline;
};

/// Downtime share by root cause (a component, zone, region, injection, a component's deploys or
/// other), largest first.
struct ParetoBar {
  /// How the cause reads: "db", "zone eu-a", "region eu", "inject db", "web (deploys)", "other"
  /// (cause_label).
  std::string id;
  double share = 0.0;
  /// The same cause's share in the baseline (NaN when there is none).
  double baseline_share = 0.0;
  /// The cause's kind: "component", "zone", "region", "inject", "deploy" or "other" (deploy bars
  /// have a colour of their own).
  std::string kind = "component";
};

struct ParetoData {
  std::vector<ParetoBar> bars;
  bool has_baseline = false;
};

/// The downtime histogram of a run in hours per year (the engine's bins are per history).
Histogram histogram_of(const engine::RunResult& result);

/// The running estimate of availability of a completed run, from its per-replication figures:
/// about `points` checkpoints spaced geometrically from 2 replications to all of them, each the
/// estimate a run of that many replications reports. Empty when a replication is missing (NaN:
/// the run was cancelled).
std::vector<EstimatePoint> convergence_of(const engine::RangeResult& range,
                                          std::size_t points = 200);

/// The outage-duration CDF from the run's merged duration histogram: one point per percent.
std::vector<CdfPoint> outage_cdf_of(const engine::RangeResult& range);

/// "db", "zone eu-a", "region eu", "inject db", "other": a cause as the CLI's tables name it;
/// a component's deploys read "web (deploys)".
std::string cause_label(const engine::CauseResult& cause);

/// The `limit` largest downtime shares among the run's causes of every kind (causes of no
/// downtime left out), with the baseline's share of the same cause (kind and id) when `baseline`
/// is given.
ParetoData pareto_of(const engine::RunResult& result, const engine::RunResult* baseline,
                     std::size_t limit = 15);

}  // namespace nines::gui::charts
