// The precomputed sums of a load profile's hourly levels.
#include "nines/engine/request_integral.hpp"

#include <cmath>
#include <stdexcept>

namespace nines::engine {

RequestIntegral::RequestIntegral(const std::vector<double>& multipliers)
    : period_(static_cast<std::uint32_t>(multipliers.size())) {
  if (multipliers.empty()) throw std::invalid_argument("RequestIntegral: no multipliers");
  largest_ = 0.0;
  for (const double m : multipliers) {
    if (!std::isfinite(m) || m < 0.0) {
      throw std::invalid_argument("RequestIntegral: multipliers must be finite and >= 0");
    }
    largest_ = m > largest_ ? m : largest_;
  }
  if (!(largest_ > 0.0)) throw std::invalid_argument("RequestIntegral: every multiplier is 0");
  level_.reserve(multipliers.size());
  prefix_.reserve(multipliers.size() + 1);
  prefix_.push_back(0.0);
  for (const double m : multipliers) {
    level_.push_back(m / largest_);
    prefix_.push_back(prefix_.back() + level_.back());
  }
}

double RequestIntegral::floor_hour(double t) { return std::floor(t); }

}  // namespace nines::engine
