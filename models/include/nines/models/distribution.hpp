// Probability laws for durations (time to failure, detection, repair, switchover), in hours.
#pragma once

#include <variant>
#include <vector>

namespace nines::models {

/// Exponential with the given mean: f(t) = exp(-t/mean)/mean.
struct Exponential {
  double mean_hours = 1.0;
  friend bool operator==(const Exponential&, const Exponential&) = default;
};
/// Weibull: F(t) = 1 - exp(-(t/scale)^shape); mean = scale * Gamma(1 + 1/shape).
struct Weibull {
  double shape = 1.0;
  double scale_hours = 1.0;
  friend bool operator==(const Weibull&, const Weibull&) = default;
};
/// Lognormal: ln(T) ~ Normal(mu, sigma^2) with T in hours; median = exp(mu),
/// mean = exp(mu + sigma^2/2).
struct Lognormal {
  double mu_log_hours = 0.0;
  double sigma = 1.0;
  friend bool operator==(const Lognormal&, const Lognormal&) = default;
};
/// Normal(mean, stddev^2) truncated at 0 by drawing again: with a = mean / stddev the drawn mean
/// is mean + stddev * phi(a) / Phi(a) (see docs/model-format.md); `mean_hours` here is the
/// parameter the user gave, before truncation.
struct Normal {
  double mean_hours = 1.0;
  double stddev_hours = 0.0;
  friend bool operator==(const Normal&, const Normal&) = default;
};
/// Gamma with shape k and scale theta: mean = k * theta.
struct Gamma {
  double shape = 1.0;
  double scale_hours = 1.0;
  friend bool operator==(const Gamma&, const Gamma&) = default;
};
/// Uniform on [min, max].
struct Uniform {
  double min_hours = 0.0;
  double max_hours = 0.0;
  friend bool operator==(const Uniform&, const Uniform&) = default;
};
/// Always the same value.
struct Fixed {
  double value_hours = 0.0;
  friend bool operator==(const Fixed&, const Fixed&) = default;
};
/// One of the listed values, each with equal probability.
struct Empirical {
  std::vector<double> samples_hours;
  friend bool operator==(const Empirical&, const Empirical&) = default;
};

/// No failure at all: an infinite time to failure (mean +infinity). Only a component's `failure`
/// may be `Never` (written `"failure": "never"`); such a component has no detection, repair,
/// standby or crew.
struct Never {
  friend bool operator==(const Never&, const Never&) = default;
};

using Distribution =
    std::variant<Exponential, Weibull, Lognormal, Normal, Gamma, Uniform, Fixed, Empirical, Never>;

/// The mean of the law as drawn (for `Normal`, the mean after truncation at 0), in hours;
/// +infinity for `Never`.
double mean_hours(const Distribution& distribution);

/// True for a law that always yields 0 (`Fixed{0}`): the engine then skips the event entirely.
bool is_zero(const Distribution& distribution);

/// True for `Exponential` (the Markov solvers need it).
bool is_exponential(const Distribution& distribution);

/// True for `Never` (a component that never fails).
bool is_never(const Distribution& distribution);

/// The `type` name used in model files ("exponential", "weibull", ...; "never").
const char* type_name(const Distribution& distribution);

}  // namespace nines::models
