// The ziggurat's tables and its rare paths.
#include "nines/engine/exponential_ziggurat.hpp"

#include <cmath>

namespace nines::engine {

ExponentialZiggurat::ExponentialZiggurat() {
  // Layer i >= 1 spans heights f(x_[i]) .. f(x_[i+1]) with width x_[i] and area kLayerArea:
  // x_[i+1] = -log(area / x_[i] + f(x_[i])).
  x_[0] = kLayerArea / std::exp(-kTailStart);
  x_[1] = kTailStart;
  for (std::size_t i = 1; i < kLayers - 1; ++i)
    x_[i + 1] = -std::log(kLayerArea / x_[i] + std::exp(-x_[i]));
  x_[kLayers] = 0.0;
  for (std::size_t i = 0; i <= kLayers; ++i) f_[i] = std::exp(-x_[i]);
}

double ExponentialZiggurat::slow_path(std::uint32_t layer, double x, RandomStream& stream) const {
  if (layer == 0) return kTailStart - std::log(stream.uniform_open());  // memoryless tail
  // The wedge between the rectangle and the curve: a uniform height in the layer under f(x)?
  const double height = f_[layer] + stream.uniform_open() * (f_[layer + 1] - f_[layer]);
  return height < std::exp(-x) ? x : -1.0;
}

}  // namespace nines::engine
