// Solves pi Q = 0 as Q^T pi = 0 with pi[anchor] fixed to 1, then normalises.
#include "steady_state_solver.hpp"

#include <Eigen/IterativeLinearSolvers>
#include <Eigen/SparseLU>
#include <stdexcept>
#include <vector>

namespace nines::analysis::detail {
namespace {

using ColMajor = Eigen::SparseMatrix<double>;

/// Q^T without the anchor's row and column, and the right-hand side that moves the anchor's
/// (pinned to 1) column over: A x = b with A = Q^T minus anchor, b = -Q^T[., anchor].
void reduced_system(const Eigen::SparseMatrix<double, Eigen::RowMajor>& q, Eigen::Index anchor,
                    ColMajor& a, Eigen::VectorXd& b) {
  const Eigen::Index n = q.rows();
  const auto reduced = [anchor](Eigen::Index i) { return i < anchor ? i : i - 1; };
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<std::size_t>(q.nonZeros()));
  b = Eigen::VectorXd::Zero(n - 1);
  for (Eigen::Index from = 0; from < n; ++from) {
    for (Eigen::SparseMatrix<double, Eigen::RowMajor>::InnerIterator it(q, from); it; ++it) {
      const Eigen::Index to = it.col();
      if (to == anchor) continue;
      // Row `to` of Q^T collects the flows into `to`.
      if (from == anchor) {
        b[reduced(to)] -= it.value();
      } else {
        entries.emplace_back(reduced(to), reduced(from), it.value());
      }
    }
  }
  a.resize(n - 1, n - 1);
  a.setFromTriplets(entries.begin(), entries.end());
  a.makeCompressed();
}

Eigen::VectorXd solve_lu(const ColMajor& a, const Eigen::VectorXd& b) {
  Eigen::SparseLU<ColMajor, Eigen::COLAMDOrdering<int>> lu;
  lu.compute(a);
  if (lu.info() != Eigen::Success) {
    throw std::runtime_error("steady state: the generator is singular (" + lu.lastErrorMessage() +
                             ")");
  }
  return lu.solve(b);
}

/// BiCGSTAB with an incomplete LU: the chains are nearly triangular in breadth-first order
/// (failures lead away from the start, repairs lead back), so the preconditioner captures most
/// of the coupling and a few dozen iterations reach round-off.
Eigen::VectorXd solve_iterative(const ColMajor& a, const Eigen::VectorXd& b) {
  Eigen::BiCGSTAB<ColMajor, Eigen::IncompleteLUT<double>> solver;
  solver.preconditioner().setDroptol(1e-12);
  solver.preconditioner().setFillfactor(4);
  solver.setTolerance(1e-15);
  solver.setMaxIterations(2000);
  solver.compute(a);
  if (solver.info() != Eigen::Success) return solve_lu(a, b);
  Eigen::VectorXd x = solver.solve(b);
  // A stalled run (tolerance not reached) is still a good start; polish is not needed if the
  // residual is small in the sense that matters: probabilities to 1e-12.
  if (solver.info() != Eigen::Success && solver.error() > 1e-10) return solve_lu(a, b);
  return x;
}

}  // namespace

Eigen::VectorXd solve_steady_state(const Eigen::SparseMatrix<double, Eigen::RowMajor>& generator,
                                   Eigen::Index anchor, SteadyStateMethod method) {
  const Eigen::Index n = generator.rows();
  if (n == 1) return Eigen::VectorXd::Ones(1);
  ColMajor a;
  Eigen::VectorXd b;
  reduced_system(generator, anchor, a, b);
  if (method == SteadyStateMethod::kAuto) {
    method = static_cast<std::size_t>(n) <= kSparseLuMaxStates ? SteadyStateMethod::kSparseLu
                                                               : SteadyStateMethod::kIterative;
  }
  const Eigen::VectorXd x =
      method == SteadyStateMethod::kSparseLu ? solve_lu(a, b) : solve_iterative(a, b);
  Eigen::VectorXd pi(n);
  pi.head(anchor) = x.head(anchor);
  pi[anchor] = 1.0;
  pi.tail(n - anchor - 1) = x.tail(n - anchor - 1);
  // Round-off can leave tiny negatives where the true value is ~0.
  pi = pi.cwiseMax(0.0);
  return pi / pi.sum();
}

}  // namespace nines::analysis::detail
