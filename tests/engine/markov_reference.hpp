// Small continuous-time Markov chains solved exactly, as references for the simulator.
#pragma once

#include <Eigen/Dense>
#include <unsupported/Eigen/MatrixFunctions>
#include <vector>

namespace nines::testing {

/// A CTMC given by its transition rates; `up` marks the states where the system is up.
class MarkovReference {
 public:
  explicit MarkovReference(int states)
      : q_(Eigen::MatrixXd::Zero(states, states)), up_(static_cast<std::size_t>(states)) {}

  void rate(int from, int to, double per_hour) {
    q_(from, to) += per_hour;
    q_(from, from) -= per_hour;
  }
  void set_up(int state, bool up) { up_[static_cast<std::size_t>(state)] = up; }

  /// Long-run fraction of time up.
  double steady_availability() const {
    const auto n = q_.rows();
    Eigen::MatrixXd a = q_.transpose();
    a.row(n - 1).setOnes();
    Eigen::VectorXd b = Eigen::VectorXd::Zero(n);
    b(n - 1) = 1.0;
    const Eigen::VectorXd pi = a.fullPivLu().solve(b);
    return pi.dot(up_vector());
  }

  /// Long-run number of up -> down transitions per hour.
  double steady_failure_frequency() const {
    const auto n = q_.rows();
    Eigen::MatrixXd a = q_.transpose();
    a.row(n - 1).setOnes();
    Eigen::VectorXd b = Eigen::VectorXd::Zero(n);
    b(n - 1) = 1.0;
    const Eigen::VectorXd pi = a.fullPivLu().solve(b);
    return pi.dot(down_flow());
  }

  /// Expected fraction of [0, T) spent up, starting in state 0.
  double interval_availability(double horizon_hours) const {
    return occupation(horizon_hours).dot(up_vector()) / horizon_hours;
  }

  /// Expected number of up -> down transitions in [0, T), starting in state 0.
  double expected_failures(double horizon_hours) const {
    return occupation(horizon_hours).dot(down_flow());
  }

 private:
  Eigen::VectorXd up_vector() const {
    Eigen::VectorXd u(q_.rows());
    for (Eigen::Index i = 0; i < q_.rows(); ++i) u(i) = up_[static_cast<std::size_t>(i)] ? 1 : 0;
    return u;
  }
  /// Per state: the rate of leaving it for a down state when it is up.
  Eigen::VectorXd down_flow() const {
    Eigen::VectorXd f = Eigen::VectorXd::Zero(q_.rows());
    for (Eigen::Index i = 0; i < q_.rows(); ++i) {
      if (!up_[static_cast<std::size_t>(i)]) continue;
      for (Eigen::Index j = 0; j < q_.rows(); ++j) {
        if (j != i && !up_[static_cast<std::size_t>(j)]) f(i) += q_(i, j);
      }
    }
    return f;
  }
  /// Expected time spent in each state over [0, T): e0^T * integral of exp(Q s) ds, read off the
  /// exponential of the block matrix [[Q, I], [0, 0]] * T.
  Eigen::VectorXd occupation(double horizon_hours) const {
    const auto n = q_.rows();
    Eigen::MatrixXd block = Eigen::MatrixXd::Zero(2 * n, 2 * n);
    block.topLeftCorner(n, n) = q_ * horizon_hours;
    block.topRightCorner(n, n) = Eigen::MatrixXd::Identity(n, n) * horizon_hours;
    const Eigen::MatrixXd e = block.exp();
    return e.topRightCorner(n, n).row(0).transpose();
  }

  Eigen::MatrixXd q_;
  std::vector<bool> up_;
};

}  // namespace nines::testing
