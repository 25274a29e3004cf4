// Solves pi Q = 0 as Q^T pi = 0 with one probability pinned, then normalises.
#include "steady_state_solver.hpp"

#include <Eigen/IterativeLinearSolvers>
#include <Eigen/SparseLU>
#include <stdexcept>
#include <string>
#include <vector>

namespace nines::analysis::detail {
namespace {

using ColMajor = Eigen::SparseMatrix<double>;
using RowMajor = Eigen::SparseMatrix<double, Eigen::RowMajor>;

/// Past this size a failed iterative solve is not retried by LU (it would take minutes).
constexpr Eigen::Index kLuFallbackMaxStates = 20000;

/// A rough stationary law by Gauss-Seidel sweeps from the uniform law (flows in over flows out,
/// one state at a time). Only its largest entry and its shape are used: the pinned state should
/// be a likely one, since a heavily loaded chain can give the all-new state 1e-50, and pinning
/// that to 1 scales the other unknowns beyond what an iterative solver can handle.
Eigen::VectorXd gauss_seidel_estimate(const RowMajor& qt, int sweeps) {
  const Eigen::Index n = qt.rows();
  Eigen::VectorXd pi = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
  for (int sweep = 0; sweep < sweeps; ++sweep) {
    for (Eigen::Index j = 0; j < n; ++j) {
      double in = 0.0;
      double out = 0.0;
      for (RowMajor::InnerIterator it(qt, j); it; ++it) {
        if (it.col() == j) {
          out = -it.value();
        } else {
          in += it.value() * pi[it.col()];
        }
      }
      if (out > 0.0) pi[j] = in / out;
    }
    pi /= pi.sum();
  }
  return pi;
}

/// Q^T without the anchor's row and column, and the right-hand side that moves the anchor's
/// column (its probability pinned to 1) over: A x = b with b = -Q^T[., anchor].
void reduced_system(const RowMajor& qt, Eigen::Index anchor, ColMajor& a, Eigen::VectorXd& b) {
  const Eigen::Index n = qt.rows();
  const auto reduced = [anchor](Eigen::Index i) { return i < anchor ? i : i - 1; };
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<std::size_t>(qt.nonZeros()));
  b = Eigen::VectorXd::Zero(n - 1);
  for (Eigen::Index to = 0; to < n; ++to) {
    if (to == anchor) continue;
    for (RowMajor::InnerIterator it(qt, to); it; ++it) {
      if (it.col() == anchor) {
        b[reduced(to)] -= it.value();
      } else {
        entries.emplace_back(reduced(to), reduced(it.col()), it.value());
      }
    }
  }
  a.resize(n - 1, n - 1);
  a.setFromTriplets(entries.begin(), entries.end());
  a.makeCompressed();
}

bool solve_lu(const ColMajor& a, const Eigen::VectorXd& b, Eigen::VectorXd& x) {
  Eigen::SparseLU<ColMajor, Eigen::COLAMDOrdering<int>> lu;
  lu.compute(a);
  if (lu.info() != Eigen::Success) return false;
  x = lu.solve(b);
  return lu.info() == Eigen::Success;
}

/// BiCGSTAB with an incomplete LU: in breadth-first order the chains are nearly triangular
/// (failures lead away from the start, repairs back), so a few dozen iterations reach round-off.
bool solve_iterative(const ColMajor& a, const Eigen::VectorXd& b, const Eigen::VectorXd& guess,
                     Eigen::VectorXd& x) {
  for (const int fill : {4, 12}) {
    Eigen::BiCGSTAB<ColMajor, Eigen::IncompleteLUT<double>> solver;
    solver.preconditioner().setDroptol(1e-12);
    solver.preconditioner().setFillfactor(fill);
    solver.setTolerance(1e-15);
    solver.setMaxIterations(300);
    solver.compute(a);
    if (solver.info() != Eigen::Success) continue;
    x = solver.solveWithGuess(b, guess);
    // 1e-15 is at round-off and may be missed by a little; far from it means a breakdown.
    if (solver.info() == Eigen::Success || solver.error() < 1e-12) return true;
  }
  return false;
}

bool solve_pinned(const RowMajor& qt, Eigen::Index anchor, SteadyStateMethod method,
                  const Eigen::VectorXd& estimate, Eigen::VectorXd& pi) {
  const Eigen::Index n = qt.rows();
  ColMajor a;
  Eigen::VectorXd b;
  reduced_system(qt, anchor, a, b);
  Eigen::VectorXd guess(n - 1);
  guess.head(anchor) = estimate.head(anchor) / estimate[anchor];
  guess.tail(n - anchor - 1) = estimate.tail(n - anchor - 1) / estimate[anchor];
  Eigen::VectorXd x;
  const bool solved =
      method == SteadyStateMethod::kSparseLu
          ? solve_lu(a, b, x)
          : solve_iterative(a, b, guess, x) || (n <= kLuFallbackMaxStates && solve_lu(a, b, x));
  if (!solved || !x.allFinite()) return false;
  pi.resize(n);
  pi.head(anchor) = x.head(anchor);
  pi[anchor] = 1.0;
  pi.tail(n - anchor - 1) = x.tail(n - anchor - 1);
  // Round-off can leave tiny negatives where the true value is ~0.
  pi = pi.cwiseMax(0.0);
  pi /= pi.sum();
  return true;
}

}  // namespace

Eigen::VectorXd solve_steady_state(const RowMajor& generator, SteadyStateMethod method) {
  const Eigen::Index n = generator.rows();
  if (n == 1) return Eigen::VectorXd::Ones(1);
  if (method == SteadyStateMethod::kAuto) {
    method = static_cast<std::size_t>(n) <= kSparseLuMaxStates ? SteadyStateMethod::kSparseLu
                                                               : SteadyStateMethod::kIterative;
  }
  const RowMajor qt = generator.transpose();  // row j: the flows into state j
  const Eigen::VectorXd estimate = gauss_seidel_estimate(qt, 20);
  Eigen::Index likely = 0;
  estimate.maxCoeff(&likely);
  Eigen::VectorXd pi;
  // The likely state is recurrent in practice; state 0 (the all-new start) always is.
  if (solve_pinned(qt, likely, method, estimate, pi)) return pi;
  if (likely != 0 && solve_pinned(qt, 0, method, estimate, pi)) return pi;
  throw std::runtime_error("the steady state of a chain of " + std::to_string(n) +
                           " states did not converge");
}

}  // namespace nines::analysis::detail
