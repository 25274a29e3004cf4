// Distributions compiled to a flat form and sampled with our own code (not std::*_distribution,
// whose output differs between standard libraries).
#pragma once

#include <cstdint>
#include <vector>

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
  kEmpirical,    // table[offset, offset + size)
};

struct CompiledLaw {
  LawKind kind = LawKind::kZero;
  double a = 0.0;
  double b = 0.0;
  std::uint32_t table_offset = 0;
  std::uint32_t table_size = 0;
};

/// Converts a model distribution; empirical samples are appended to `table`.
CompiledLaw compile_law(const models::Distribution& distribution, std::vector<double>& table);

/// A standard normal variate (Box-Muller, both uniforms from `stream`).
double standard_normal(RandomStream& stream);

/// A Gamma(shape, 1) variate (Marsaglia-Tsang; shape < 1 by the boost u^(1/shape) trick).
double standard_gamma(double shape, RandomStream& stream);

/// Draws one duration in hours. Precondition: kind is not kZero (the caller handles it inline).
double sample_law(const CompiledLaw& law, RandomStream& stream, const double* table);

}  // namespace nines::engine
