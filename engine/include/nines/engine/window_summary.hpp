// The figures of SLA windows (e.g. months) from the per-window downtime of a range.
#pragma once

#include <optional>

#include "nines/engine/range_result.hpp"
#include "nines/engine/request_integral.hpp"
#include "nines/engine/run_result.hpp"

namespace nines::engine {

/// Summarises the whole windows of the finished replications of `range` (those whose
/// unavailability is not NaN). A window misses the target when its availability,
/// 1 - downtime / length, is below it. With `requests` (slo_basis "requests"; the range must
/// have a load) a window's availability is its served / offered requests instead (1 when none
/// was offered), offered as range.window_offered_load_hours when the range has them (spikes),
/// else as `requests` integrates it. Precondition: range.window_hours > 0.
WindowResult summarize_windows(const RangeResult& range, double horizon_hours,
                               std::optional<double> target,
                               const RequestIntegral* requests = nullptr);

}  // namespace nines::engine
