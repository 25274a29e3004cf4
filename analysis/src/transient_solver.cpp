// Uniformization: p(t + d) = sum_n Poisson(n; L d) p(t) P^n with P = I + Q / L.
#include "transient_solver.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <stdexcept>

namespace nines::analysis::detail {

PoissonWeights poisson_weights(double x, double epsilon) {
  PoissonWeights out;
  if (!(x > 0.0)) {
    out.weights = {1.0};
    return out;
  }
  // Unnormalised weights relative to the mode; each tail is cut where a geometric bound on what
  // is left falls under epsilon / 2 of the mass so far.
  const auto mode = static_cast<std::size_t>(std::floor(x));
  std::vector<double> right{1.0};
  double total = 1.0;
  for (std::size_t k = mode;; ++k) {
    const double ratio = x / static_cast<double>(k + 1);
    const double next = right.back() * ratio;
    if (ratio < 1.0 && next / (1.0 - ratio) < 0.5 * epsilon * total) break;
    right.push_back(next);
    total += next;
  }
  std::vector<double> left;
  double w = 1.0;
  for (std::size_t k = mode; k > 0; --k) {
    const double ratio = static_cast<double>(k) / x;
    const double next = w * ratio;
    if (ratio < 1.0 && next / (1.0 - ratio) < 0.5 * epsilon * total) break;
    left.push_back(next);
    total += next;
    w = next;
  }
  out.left = mode - left.size();
  out.weights.assign(left.rbegin(), left.rend());
  out.weights.insert(out.weights.end(), right.begin(), right.end());
  for (double& weight : out.weights) weight /= total;
  return out;
}

void transient_laws(const Eigen::SparseMatrix<double, Eigen::RowMajor>& generator,
                    const Eigen::VectorXd& start, const Eigen::VectorXd& steady,
                    std::span<const double> times_hours,
                    const std::function<void(std::size_t, const Eigen::VectorXd&)>& visit,
                    double settle_tolerance) {
  const Eigen::Index n = generator.rows();
  // A rate above every exit rate leaves each state a self-loop, so P is aperiodic and its powers
  // converge to the steady state (needed by the early stop).
  const double max_exit = (-generator.diagonal()).maxCoeff();
  const double uniform_rate = max_exit > 0.0 ? 1.02 * max_exit : 1.0;
  // P^T, so that p P is one sparse product with the rows gathered.
  Eigen::SparseMatrix<double, Eigen::RowMajor> pt = generator.transpose() / uniform_rate;
  for (Eigen::Index i = 0; i < n; ++i) pt.coeffRef(i, i) += 1.0;
  pt.makeCompressed();

  Eigen::VectorXd p = start;
  Eigen::VectorXd term(n);
  Eigen::VectorXd next(n);
  Eigen::VectorXd sum(n);
  bool settled = (p - steady).lpNorm<1>() < settle_tolerance;
  double now = 0.0;
  for (std::size_t k = 0; k < times_hours.size(); ++k) {
    const double t = times_hours[k];
    if (!(t >= now)) throw std::invalid_argument("transient: times must be non-decreasing, >= 0");
    if (!settled && t > now) {
      const PoissonWeights poisson = poisson_weights(uniform_rate * (t - now), kTruncationPerStep);
      term = p;
      sum.setZero();
      double used = 0.0;
      const std::size_t last = poisson.left + poisson.weights.size();
      for (std::size_t step = 0; step < last; ++step) {
        if (step > 0) {
          next.noalias() = pt * term;
          term.swap(next);
        }
        if ((term - steady).lpNorm<1>() < settle_tolerance) {
          // Every later term is the steady state (to tolerance): add their weight at once.
          sum += (1.0 - used) * steady;
          used = 1.0;
          break;
        }
        if (step >= poisson.left) {
          const double weight = poisson.weights[step - poisson.left];
          sum += weight * term;
          used += weight;
        }
      }
      p = sum / used;  // renormalise the truncated mass
      settled = (p - steady).lpNorm<1>() < settle_tolerance;
    }
    if (settled) p = steady;
    now = t;
    visit(k, p);
  }
}

}  // namespace nines::analysis::detail
