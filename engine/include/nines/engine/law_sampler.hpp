// Distributions compiled to a flat form and sampled with our own code (not std::*_distribution,
// whose output differs between standard libraries).
#pragma once

#include <cstdint>
#include <vector>

#include "nines/engine/exponential_ziggurat.hpp"
#include "nines/engine/random_stream.hpp"
#include "nines/models/distribution.hpp"

namespace nines::engine {

enum class LawKind : std::uint8_t {
  kZero,         // always 0: the engine handles it inline, with no event
  kExponential,  // a = mean
  kWeibull,      // a = 1/shape, b = scale
  kLognormal,    // a = mu, b = sigma
  kNormal,       // a = mean, b = stddev; redrawn until >= 0
  kGamma,        // a = shape, b = scale
  kUniform,      // a = min, b = max - min
  kFixed,        // a = value
  kEmpirical,    // table[a, a + b): offset and count, exact as doubles
  kNever,        // no time at all: a failure that never comes, so the engine schedules none
};

/// 24 bytes, so that a component's failure and repair laws share one cache line.
struct CompiledLaw {
  LawKind kind = LawKind::kZero;
  double a = 0.0;
  double b = 0.0;
};

/// Converts a model distribution; empirical samples are appended to `table`.
CompiledLaw compile_law(const models::Distribution& distribution, std::vector<double>& table);

/// A standard normal variate (Box-Muller, both uniforms from `stream`).
double standard_normal(RandomStream& stream);

/// A Gamma(shape, 1) variate (Marsaglia-Tsang; shape < 1 by the boost u^(1/shape) trick).
double standard_gamma(double shape, RandomStream& stream);

/// Draws one duration in hours from any law but kZero and kNever (the caller handles those).
double sample_any_law(const CompiledLaw& law, RandomStream& stream, const double* table);

/// Draws one duration in hours. Precondition: kind is neither kZero nor kNever. The exponential
/// law, by far the most common, is drawn inline.
inline double sample_law(const CompiledLaw& law, RandomStream& stream, const double* table) {
  if (law.kind == LawKind::kExponential) {
    return law.a * ExponentialZiggurat::instance().sample(stream);
  }
  return sample_any_law(law, stream, table);
}

}  // namespace nines::engine
