// A range of replications as bytes, so MPI can carry it between processes unchanged: every
// double, count and exact sum crosses bit for bit, and merging the decoded ranges gives the same
// figures as one process would.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "nines/engine/range_result.hpp"

namespace nines::engine {

/// The range's every field, in a fixed order (native byte order: the processes of one MPI job
/// run the same binary).
std::vector<std::uint8_t> range_to_bytes(const RangeResult& range);

/// The range range_to_bytes encoded. Throws std::invalid_argument on bytes it did not write.
RangeResult range_from_bytes(std::span<const std::uint8_t> bytes);

}  // namespace nines::engine
