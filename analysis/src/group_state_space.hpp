// The reachable states of a group's chain and its generator, enumerated from the all-new start.
#pragma once

#include <Eigen/SparseCore>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "group_spec.hpp"

namespace nines::analysis::detail {

using SparseRowMajor = Eigen::SparseMatrix<double, Eigen::RowMajor>;

struct GroupStateSpace {
  /// Q: row = from, off-diagonal rates per hour, rows sum to 0. State 0 is the all-new start.
  SparseRowMajor generator;
  /// Per state: bit j set when pool j is up.
  std::vector<std::uint32_t> pattern;
  /// Per state s and component j, at [s * components + j]: the total rate of the transitions out
  /// of s that take pool j from up to down.
  std::vector<double> down_rate_per_hour;
  std::size_t components = 0;
  std::size_t transitions = 0;
};

/// Breadth-first enumeration of the states reachable from the all-new start. Throws
/// NotAnalysableError as soon as there are more than `max_states` states.
GroupStateSpace build_state_space(const GroupSpec& spec, std::size_t max_states);

}  // namespace nines::analysis::detail
