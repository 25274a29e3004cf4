// k-of-n pool laws (regularised incomplete beta) and the closed-form transient of one instance.
#include "nines/analysis/pool_law.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cassert>
#include <cmath>
#include <unsupported/Eigen/MatrixFunctions>

namespace nines::analysis {

namespace {

using Complex = std::complex<double>;
// Double precision throughout: boost's default promotion to long double costs several times more
// and buys digits the model's parameters do not have.
using DoublePolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

}  // namespace

PoolLaw k_of_n(std::int64_t n, std::int64_t k, double instance_availability) {
  assert(k >= 1 && k <= n);
  const double a = std::clamp(instance_availability, 0.0, 1.0);
  const auto kd = static_cast<double>(k);
  const auto nd = static_cast<double>(n);
  PoolLaw law;
  if (a >= 1.0) {  // always up; d/da of the tail at a = 1 is n when k == n (a^n), else 0
    law.d_availability_d_instance = k == n ? nd : 0.0;
    return law;
  }
  if (a <= 0.0) {
    law.availability = 0.0;
    law.unavailability = 1.0;
  } else if (k == 1) {  // parallel: down only when all are down
    law.unavailability = std::pow(1.0 - a, nd);
    law.availability = -std::expm1(nd * std::log1p(-a));
    law.d_availability_d_instance = nd * std::pow(1.0 - a, nd - 1.0);
    return law;
  } else if (k == n) {  // series: up only when all are up
    law.availability = std::pow(a, nd);
    law.unavailability = -std::expm1(nd * std::log(a));
    law.d_availability_d_instance = nd * std::pow(a, nd - 1.0);
    return law;
  } else {
    // P(Binomial(n, a) >= k) = I_a(k, n - k + 1); its complement is I_{1-a}(n - k + 1, k).
    law.availability = boost::math::ibeta(kd, nd - kd + 1.0, a, DoublePolicy());
    law.unavailability = boost::math::ibeta(nd - kd + 1.0, kd, 1.0 - a, DoublePolicy());
  }
  law.d_availability_d_instance =
      boost::math::ibeta_derivative(kd, nd - kd + 1.0, a, DoublePolicy());
  return law;
}

double pool_down_rate_per_hour(const PoolLaw& law, double instance_availability,
                               double failure_rate_per_hour) {
  // P(exactly k up) * k = a * dA/da, since dA/da = n b(k-1; n-1, a) = k b(k; n, a) / a.
  return law.d_availability_d_instance * instance_availability * failure_rate_per_hour;
}

double instance_steady_availability(double mean_up_hours, double mean_detection_hours,
                                    double mean_repair_hours) {
  return mean_up_hours / (mean_up_hours + mean_detection_hours + mean_repair_hours);
}

InstanceTransient::InstanceTransient(double mean_up_hours, double mean_detection_hours,
                                     double mean_repair_hours) {
  steady_ = instance_steady_availability(mean_up_hours, mean_detection_hours, mean_repair_hours);
  lambda_ = 1.0 / mean_up_hours;
  const bool detection = mean_detection_hours > 0.0;
  const bool repair = mean_repair_hours > 0.0;
  if (!detection && !repair) {
    shape_ = Shape::kAlwaysUp;
    return;
  }
  if (!detection || !repair) {
    shape_ = Shape::kTwoState;
    rate_sum_ = lambda_ + 1.0 / (detection ? mean_detection_hours : mean_repair_hours);
    return;
  }
  delta_ = 1.0 / mean_detection_hours;
  mu_ = 1.0 / mean_repair_hours;
  const double b = lambda_ + delta_ + mu_;
  const double c = lambda_ * delta_ + delta_ * mu_ + mu_ * lambda_;
  const Complex root = std::sqrt(Complex(b * b - 4.0 * c, 0.0));
  pole_[0] = (-b + root) / 2.0;
  pole_[1] = (-b - root) / 2.0;
  shape_ = std::abs(root) <= 1e-7 * b ? Shape::kDoublePole : Shape::kDistinctPoles;
}

InstanceTransient::InstanceTransient(double mean_up_hours, double coverage,
                                     double mean_caught_hours, double mean_missed_hours,
                                     double mean_repair_hours)
    : InstanceTransient(mean_up_hours,
                        coverage * mean_caught_hours + (1.0 - coverage) * mean_missed_hours,
                        mean_repair_hours) {
  if (coverage >= 1.0 || shape_ == Shape::kAlwaysUp) return;
  // States: 0 up, 1 caught, 2 missed, 3 in repair. A phase of mean 0 is passed through at once.
  const int repair = mean_repair_hours > 0.0 ? 3 : 0;
  const int caught = mean_caught_hours > 0.0 ? 1 : repair;
  const int missed = mean_missed_hours > 0.0 ? 2 : repair;
  generator_.fill(0.0);
  const auto rate = [&](int from, int to, double per_hour) {
    if (from == to || per_hour <= 0.0) return;
    generator_[static_cast<std::size_t>(4 * from + to)] += per_hour;
    generator_[static_cast<std::size_t>(5 * from)] -= per_hour;
  };
  rate(0, caught, coverage / mean_up_hours);
  rate(0, missed, (1.0 - coverage) / mean_up_hours);
  if (caught == 1) rate(1, repair, 1.0 / mean_caught_hours);
  if (missed == 2) rate(2, repair, 1.0 / mean_missed_hours);
  if (repair == 3) rate(3, 0, 1.0 / mean_repair_hours);
  shape_ = Shape::kFourState;
}

double InstanceTransient::availability(double t_hours) const {
  switch (shape_) {
    case Shape::kFourState: {
      Eigen::Matrix4d q;
      for (int from = 0; from < 4; ++from) {
        for (int to = 0; to < 4; ++to)
          q(from, to) = generator_[static_cast<std::size_t>(4 * from + to)];
      }
      const Eigen::Matrix4d p = (q * t_hours).exp();
      return p(0, 0);
    }
    case Shape::kAlwaysUp:
      return 1.0;
    case Shape::kTwoState:
      return steady_ + (1.0 - steady_) * std::exp(-rate_sum_ * t_hours);
    case Shape::kDistinctPoles: {
      // Residues of (s + delta)(s + mu) / (s (s - r0)(s - r1)) at r0 and r1.
      Complex sum = 0.0;
      for (int i = 0; i < 2; ++i) {
        const Complex r = pole_[i];
        const Complex other = pole_[1 - i];
        sum += (r + delta_) * (r + mu_) / (r * (r - other)) * std::exp(r * t_hours);
      }
      return steady_ + sum.real();
    }
    case Shape::kDoublePole: {
      // Residue at a double pole r of g(s) e^{st} / (s - r)^2 with g = (s+delta)(s+mu)/s.
      const double r = (pole_[0].real() + pole_[1].real()) / 2.0;
      const double g = (r + delta_) * (r + mu_) / r;
      const double dg = (2.0 * r + delta_ + mu_) / r - g / r;
      return steady_ + std::exp(r * t_hours) * (dg + t_hours * g);
    }
  }
  return steady_;
}

}  // namespace nines::analysis
