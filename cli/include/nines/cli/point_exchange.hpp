// The runs of a sweep's points, spread over MPI ranks: each rank runs a fixed range of the
// points, then every rank gets every finished run, as bytes through MPI.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "nines/engine/process_group.hpp"
#include "nines/engine/range_result.hpp"
#include "nines/engine/run_result.hpp"

namespace nines::cli {

/// What a point's run leaves that its figures cannot be rebuilt without: the per-replication
/// range (summarize_range gives the rest), how a --precision run stopped, and its run_info.
struct FinishedPoint {
  std::size_t point = 0;  // among the points run
  engine::RangeResult range;
  std::optional<engine::PrecisionSummary> precision;
  engine::RunInfo run_info;
};

/// Every rank's finished points, in rank order (so in point order: ranks hold fixed ranges).
std::vector<FinishedPoint> gather_points(const engine::ProcessGroup& ranks,
                                         const std::vector<FinishedPoint>& own);

}  // namespace nines::cli
