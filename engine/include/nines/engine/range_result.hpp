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
  std::vector<ExactSum> pool_up_fraction;        // per component
  std::vector<ExactSum> service_up_fraction;     // per component
  std::vector<ExactSum> charged_downtime_hours;  // per component, as root cause
  std::vector<std::int64_t> outages_caused;      // per component
  ExactSum downtime_hours;
  std::int64_t outages = 0;
  std::int64_t outages_cut_at_horizon = 0;
  std::uint64_t events = 0;
  DurationHistogram outage_durations;

  explicit RunTotals(std::size_t components = 0);
  void merge(const RunTotals& other);
};

/// Replications [first_replication, first_replication + size).
struct RangeResult {
  std::int64_t first_replication = 0;
  /// Per replication: downtime / horizon; NaN when the replication was not simulated (cancelled).
  std::vector<double> unavailability;
  /// Per replication: outages, including one cut at the horizon.
  std::vector<std::uint32_t> outages;
  RunTotals totals;
};

/// Appends `next`, which must start where `into` ends. Throws std::invalid_argument otherwise.
void append_range(RangeResult& into, const RangeResult& next);

}  // namespace nines::engine
