// Moments and names of the duration laws (the formulas are documented in distribution.hpp).
#include "nines/models/distribution.hpp"

#include <cmath>
#include <limits>
#include <numbers>

namespace nines::models {
namespace {

/// Standard normal density.
double phi(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi); }

/// Standard normal distribution function.
double big_phi(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

struct MeanOf {
  double operator()(const Exponential& d) const { return d.mean_hours; }
  double operator()(const Weibull& d) const {
    return d.scale_hours * std::tgamma(1.0 + 1.0 / d.shape);
  }
  double operator()(const Lognormal& d) const {
    return std::exp(d.mu_log_hours + 0.5 * d.sigma * d.sigma);
  }
  double operator()(const Normal& d) const {
    // Truncated at 0 by redrawing: E[X | X > 0] = m + s * phi(m/s) / Phi(m/s).
    if (!(d.stddev_hours > 0.0)) return d.mean_hours > 0.0 ? d.mean_hours : 0.0;
    const double a = d.mean_hours / d.stddev_hours;
    return d.mean_hours + d.stddev_hours * phi(a) / big_phi(a);
  }
  double operator()(const Gamma& d) const { return d.shape * d.scale_hours; }
  double operator()(const Uniform& d) const { return 0.5 * (d.min_hours + d.max_hours); }
  double operator()(const Fixed& d) const { return d.value_hours; }
  double operator()(const Empirical& d) const {
    if (d.samples_hours.empty()) return 0.0;
    double sum = 0.0;
    for (double s : d.samples_hours) sum += s;
    return sum / static_cast<double>(d.samples_hours.size());
  }
  double operator()(const Never& /*unused*/) const {
    return std::numeric_limits<double>::infinity();
  }
};

struct IsZero {
  bool operator()(const Exponential& d) const { return d.mean_hours == 0.0; }
  bool operator()(const Fixed& d) const { return d.value_hours == 0.0; }
  bool operator()(const Uniform& d) const { return d.max_hours == 0.0 && d.min_hours == 0.0; }
  bool operator()(const Empirical& d) const {
    if (d.samples_hours.empty()) return false;
    for (double s : d.samples_hours) {
      if (s != 0.0) return false;
    }
    return true;
  }
  template <typename Other>
  bool operator()(const Other& /*unused*/) const {
    return false;
  }
};

struct TypeName {
  const char* operator()(const Exponential& /*unused*/) const { return "exponential"; }
  const char* operator()(const Weibull& /*unused*/) const { return "weibull"; }
  const char* operator()(const Lognormal& /*unused*/) const { return "lognormal"; }
  const char* operator()(const Normal& /*unused*/) const { return "normal"; }
  const char* operator()(const Gamma& /*unused*/) const { return "gamma"; }
  const char* operator()(const Uniform& /*unused*/) const { return "uniform"; }
  const char* operator()(const Fixed& /*unused*/) const { return "fixed"; }
  const char* operator()(const Empirical& /*unused*/) const { return "empirical"; }
  const char* operator()(const Never& /*unused*/) const { return "never"; }
};

}  // namespace

double mean_hours(const Distribution& distribution) { return std::visit(MeanOf{}, distribution); }

bool is_zero(const Distribution& distribution) { return std::visit(IsZero{}, distribution); }

bool is_exponential(const Distribution& distribution) {
  return std::holds_alternative<Exponential>(distribution);
}

bool is_never(const Distribution& distribution) {
  return std::holds_alternative<Never>(distribution);
}

const char* type_name(const Distribution& distribution) {
  return std::visit(TypeName{}, distribution);
}

}  // namespace nines::models
