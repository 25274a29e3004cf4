// Offered requests in closed form: the integral of a load profile held for whole hours, as a
// difference of precomputed sums, so Boolean mode integrates an interval in O(1) without events.
#pragma once

#include <cstdint>
#include <vector>

namespace nines::engine {

/// The integral over time of a profile's multipliers, each held for one whole hour and repeated
/// every period (1, 24 or 168 hours; time 0 is Monday 00:00). Multipliers are divided by the
/// largest, so an integral is in "load-hours" (hours at the highest hour's rate) and stays
/// below the horizon whatever rps is: `requests_per_load_hour` turns it into requests.
class RequestIntegral {
 public:
  /// `multipliers`: one per hour of the period, finite, >= 0, at least one > 0 (a validated
  /// profile's; models::profile_multipliers). Throws std::invalid_argument otherwise.
  explicit RequestIntegral(const std::vector<double>& multipliers);

  /// The integral over [t0, t1] hours (0 <= t0 <= t1), in load-hours: O(1), no allocation.
  double integral(double t0, double t1) const {
    if (period_ == 1) return level_[0] * (t1 - t0);  // constant: exactly the hours
    const double f0 = floor_hour(t0);
    const double f1 = floor_hour(t1);
    const auto h0 = static_cast<std::int64_t>(f0);
    const auto h1 = static_cast<std::int64_t>(f1);
    if (h0 == h1) return level(h0) * (t1 - t0);
    return level(h0) * (f0 + 1.0 - t0) + whole_hours(h0 + 1, h1) + level(h1) * (t1 - f1);
  }
  /// The largest multiplier (what a load-hour is measured at).
  double largest() const { return largest_; }
  std::uint32_t period_hours() const { return period_; }

 private:
  static double floor_hour(double t);
  double level(std::int64_t hour) const {
    return level_[static_cast<std::size_t>(hour % static_cast<std::int64_t>(period_))];
  }
  /// The sum of the levels of whole hours [a, b), a <= b, by whole periods and two prefixes.
  double whole_hours(std::int64_t a, std::int64_t b) const {
    const auto p = static_cast<std::int64_t>(period_);
    const std::int64_t periods = b / p - a / p;
    return static_cast<double>(periods) * prefix_[period_] +
           prefix_[static_cast<std::size_t>(b % p)] - prefix_[static_cast<std::size_t>(a % p)];
  }

  std::vector<double> level_;   // multiplier / largest, per hour of the period
  std::vector<double> prefix_;  // prefix_[k]: the sum of level_[0, k)
  std::uint32_t period_ = 1;
  double largest_ = 1.0;
};

}  // namespace nines::engine
