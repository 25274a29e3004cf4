// Per-replication traffic figures of a run (request availability, failed requests, cascades),
// for the paired differences of the comparison panel and of "Compare all".
#pragma once

#include <vector>

#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"

namespace nines::gui {

/// Request availability (served / offered) of each replication; NaN where one was not
/// simulated; empty without a load.
std::vector<double> request_availability(const engine::RunResult& result,
                                         const engine::RangeResult& range);

/// Failed requests per year of each replication: its failed load-hours counted in the requests
/// the run counts per load-hour (its requests offered per year over its load-hours offered per
/// year), so they sum to the run's `requests.failed_per_year`. Empty without a load.
std::vector<double> failed_requests_per_year(const engine::RunResult& result,
                                             const engine::RangeResult& range);

/// Overload cascades per year of each replication; empty without `overload`.
std::vector<double> cascades_per_year(const engine::RunResult& result,
                                      const engine::RangeResult& range);

}  // namespace nines::gui
