// Closed forms for a pool of independent identical instances: k of n, steady state and transient.
#pragma once

#include <array>
#include <complex>
#include <cstdint>

namespace nines::analysis {

/// A k-of-n pool of independent instances, each up with probability `instance_availability`.
struct PoolLaw {
  /// P(at least k of n up) and its complement, each computed directly (no 1 - p cancellation).
  double availability = 1.0;
  double unavailability = 0.0;
  /// d availability / d instance availability: n * P(exactly k-1 of the other n-1 up).
  double d_availability_d_instance = 0.0;
};

/// Precondition: 1 <= k <= n, 0 <= instance_availability <= 1.
PoolLaw k_of_n(std::int64_t n, std::int64_t k, double instance_availability);

/// Rate (per hour) at which a k-of-n pool goes down: P(exactly k up) * k * the failure rate of an
/// up instance. In steady state that rate is 1 / mean up time whatever the failure law (renewal
/// reward); at time t from new it is the exponential rate.
double pool_down_rate_per_hour(const PoolLaw& law, double instance_availability,
                               double failure_rate_per_hour);

/// mean up / (mean up + mean detection + mean repair): an alternating renewal process.
double instance_steady_availability(double mean_up_hours, double mean_detection_hours,
                                    double mean_repair_hours);

/// An exponential instance cycling up -> failed undetected -> in repair -> up, started up at
/// time 0: P(up at t) in closed form (the cycle's Laplace transform has two poles besides 0).
/// A mean of 0 (detection or repair) skips that phase.
class InstanceTransient {
 public:
  InstanceTransient(double mean_up_hours, double mean_detection_hours, double mean_repair_hours);
  /// With monitoring coverage c < 1: a four-state cycle, up -> caught (rate c / mean up) or
  /// missed (rate (1 - c) / mean up) -> in repair -> up, each phase exponential (a mean of 0
  /// skips it). P(up at t) is read off exp(Q t) of its 4 x 4 generator.
  InstanceTransient(double mean_up_hours, double coverage, double mean_caught_hours,
                    double mean_missed_hours, double mean_repair_hours);
  [[nodiscard]] double availability(double t_hours) const;
  [[nodiscard]] double steady_availability() const { return steady_; }

 private:
  enum class Shape { kAlwaysUp, kTwoState, kDistinctPoles, kDoublePole, kFourState };
  Shape shape_ = Shape::kAlwaysUp;
  double steady_ = 1.0;
  double rate_sum_ = 0.0;  // two-state: lambda + r
  double lambda_ = 0.0;
  double delta_ = 0.0;
  double mu_ = 0.0;
  // The roots of s^2 + (lambda+delta+mu) s + (lambda delta + delta mu + mu lambda): real or a
  // conjugate pair, both with negative real parts.
  std::complex<double> pole_[2];
  /// Four-state cycle: the generator, row-major (from, to).
  std::array<double, 16> generator_{};
};

}  // namespace nines::analysis
