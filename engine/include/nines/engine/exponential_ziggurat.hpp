// Standard exponential variates by the ziggurat method (Marsaglia and Tsang, 2000): 256 layers of
// equal area, so about 99% of draws cost one 64-bit random number, a multiply and a compare,
// where -log(U) costs a logarithm every time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "nines/engine/random_stream.hpp"

namespace nines::engine {

class ExponentialZiggurat {
 public:
  static constexpr std::size_t kLayers = 256;
  /// Where the tail begins, and the area of each layer (base layer: its rectangle plus the tail).
  static constexpr double kTailStart = 7.69711747013104972;
  static constexpr double kLayerArea = 3.9496598225815571993e-3;

  /// The tables, built once (their construction needs exp and log, which are not constexpr).
  static const ExponentialZiggurat& instance() {
    static const ExponentialZiggurat tables;
    return tables;
  }

  /// One Exp(1) variate from `stream`.
  double sample(RandomStream& stream) const {
    for (;;) {
      const std::uint64_t bits = stream.next_u64();
      double x = 0.0;
      if (core(bits, x)) return x;
      const double drawn = slow_path(static_cast<std::uint32_t>(bits & 0xffU), x, stream);
      if (drawn >= 0.0) return drawn;
    }
  }

  /// The first step of sample() on a draw `bits`: true when it lands inside its layer's core
  /// rectangle (about 99% of draws), the variate then in `x`. A caller holding its next draw
  /// outside a stream (an instance's StreamBlock) tries this first and makes a stream only when
  /// it fails.
  bool core(std::uint64_t bits, double& x) const {
    const auto layer = static_cast<std::uint32_t>(bits & 0xffU);
    // The top 53 bits give u in [0, 1), disjoint from the 8 bits that chose the layer.
    x = static_cast<double>(bits >> 11U) * 0x1.0p-53 * x_[layer];
    return x < x_[layer + 1];  // inside the layer's core rectangle
  }

 private:
  ExponentialZiggurat();
  /// The tail (layer 0) or the wedge test; a negative value means rejected: draw again.
  double slow_path(std::uint32_t layer, double x, RandomStream& stream) const;

  /// x_[0] is the base layer's pseudo-width (area / f(tail start)), x_[1] the tail start, then
  /// decreasing to x_[256] = 0; f_[i] = exp(-x_[i]).
  std::array<double, kLayers + 1> x_{};
  std::array<double, kLayers + 1> f_{};
};

}  // namespace nines::engine
