// Transient laws of a chain by uniformization, stepping from one requested time to the next.
#pragma once

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace nines::analysis::detail {

/// Poisson(x) probabilities on [left, left + weights.size()), normalised, with at most
/// `epsilon` of mass left out on both sides together (computed outward from the mode by the
/// ratio recurrence, as Fox and Glynn do, so large x neither underflows nor loses precision).
struct PoissonWeights {
  std::size_t left = 0;
  std::vector<double> weights;
};
PoissonWeights poisson_weights(double x, double epsilon);

/// Poisson mass left out per step between two requested times. Far below the settling
/// tolerance: the truncation errors of successive steps add up, and a law can only be seen to
/// have settled once it is closer to the steady state than its own error.
inline constexpr double kTruncationPerStep = 1e-14;

/// Calls `visit(k, p)` with the law p at times_hours[k] (non-decreasing, >= 0), starting from
/// `start` at time 0. Once the law is within `settle_tolerance` (L1) of `steady`, it stays there
/// (the uniformized matrix is a contraction in L1), so the remaining times get `steady` at no
/// cost: stiff chains (fast switchovers, long horizons) cost the time their slowest mode takes
/// to die out, not the horizon. Throws std::invalid_argument for decreasing or negative times.
void transient_laws(const Eigen::SparseMatrix<double, Eigen::RowMajor>& generator,
                    const Eigen::VectorXd& start, const Eigen::VectorXd& steady,
                    std::span<const double> times_hours,
                    const std::function<void(std::size_t, const Eigen::VectorXd&)>& visit,
                    double settle_tolerance = 1e-11);

}  // namespace nines::analysis::detail
