// The stationary law of a generator: sparse LU for small chains, an iterative solver for large.
#pragma once

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <cstddef>

namespace nines::analysis::detail {

enum class SteadyStateMethod { kAuto, kSparseLu, kIterative };

/// Up to this many states kAuto factorises (exact, and fast while the fill-in stays small);
/// sparse LU takes minutes past ~16,000 states, the iterative solver a second at 100,000.
inline constexpr std::size_t kSparseLuMaxStates = 5000;

/// pi with pi Q = 0 and sum(pi) = 1, for a generator Q (row = from, rows sum to 0) with one
/// closed class that contains state 0. Throws std::runtime_error if the iterative solver fails
/// on a chain too large to factorise.
Eigen::VectorXd solve_steady_state(const Eigen::SparseMatrix<double, Eigen::RowMajor>& generator,
                                   SteadyStateMethod method = SteadyStateMethod::kAuto);

}  // namespace nines::analysis::detail
