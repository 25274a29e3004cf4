// Sampling of the compiled laws; formulas are documented in docs/model-format.md.
#include "nines/engine/law_sampler.hpp"

#include <cassert>
#include <cmath>
#include <numbers>
#include <type_traits>

namespace nines::engine {

CompiledLaw compile_law(const models::Distribution& distribution, std::vector<double>& table) {
  return std::visit(
      [&table](const auto& law) -> CompiledLaw {
        using T = std::decay_t<decltype(law)>;
        if constexpr (std::is_same_v<T, models::Exponential>) {
          return {LawKind::kExponential, law.mean_hours, 0.0};
        } else if constexpr (std::is_same_v<T, models::Weibull>) {
          return {LawKind::kWeibull, 1.0 / law.shape, law.scale_hours};
        } else if constexpr (std::is_same_v<T, models::Lognormal>) {
          return {LawKind::kLognormal, law.mu_log_hours, law.sigma};
        } else if constexpr (std::is_same_v<T, models::Normal>) {
          return {LawKind::kNormal, law.mean_hours, law.stddev_hours};
        } else if constexpr (std::is_same_v<T, models::Gamma>) {
          return {LawKind::kGamma, law.shape, law.scale_hours};
        } else if constexpr (std::is_same_v<T, models::Uniform>) {
          return {LawKind::kUniform, law.min_hours, law.max_hours - law.min_hours};
        } else if constexpr (std::is_same_v<T, models::Fixed>) {
          if (law.value_hours == 0.0) return {};
          return {LawKind::kFixed, law.value_hours, 0.0};
        } else if constexpr (std::is_same_v<T, models::Never>) {
          return {LawKind::kNever, 0.0, 0.0};
        } else {
          const auto offset = static_cast<std::uint32_t>(table.size());
          table.insert(table.end(), law.samples_hours.begin(), law.samples_hours.end());
          return {LawKind::kEmpirical, static_cast<double>(offset),
                  static_cast<double>(law.samples_hours.size())};
        }
      },
      distribution);
}

double standard_normal(RandomStream& stream) {
  const double u1 = stream.uniform_open();
  const double u2 = stream.uniform_open();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double standard_gamma(double shape, RandomStream& stream) {
  if (shape < 1.0) {
    // Gamma(k) = Gamma(k + 1) * U^(1/k) for k < 1.
    const double g = standard_gamma(shape + 1.0, stream);
    return g * std::pow(stream.uniform_open(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = standard_normal(stream);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = stream.uniform_open();
    if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

double sample_any_law(const CompiledLaw& law, RandomStream& stream, const double* table) {
  switch (law.kind) {
    case LawKind::kExponential:
      return law.a * ExponentialZiggurat::instance().sample(stream);
    case LawKind::kWeibull:
      return law.b * std::pow(ExponentialZiggurat::instance().sample(stream), law.a);
    case LawKind::kLognormal:
      return std::exp(law.a + law.b * standard_normal(stream));
    case LawKind::kNormal:
      for (;;) {
        const double x = law.a + law.b * standard_normal(stream);
        if (x >= 0.0) return x;
      }
    case LawKind::kGamma:
      return law.b * standard_gamma(law.a, stream);
    case LawKind::kUniform:
      return law.a + law.b * stream.uniform_open();
    case LawKind::kFixed:
      return law.a;
    case LawKind::kEmpirical: {
      const auto offset = static_cast<std::size_t>(law.a);
      const auto size = static_cast<std::size_t>(law.b);
      const auto index = static_cast<std::size_t>(stream.uniform_open() * law.b);
      return table[offset + (index < size ? index : size - 1)];
    }
    case LawKind::kZero:
    case LawKind::kNever:
      break;
  }
  assert(false && "kZero and kNever laws are handled by the caller");
  return 0.0;
}

}  // namespace nines::engine
