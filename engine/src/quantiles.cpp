// Type-7 quantiles by selection rather than a full sort: each asked probability costs a partial
// reordering of what lies above the previous one.
#include "nines/engine/quantiles.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstddef>

namespace nines::engine {

namespace {

/// Type-7 quantiles of `values` at increasing probabilities `ps`, written to `out`.
template <std::size_t N>
void select_quantiles(std::vector<double>& values, const std::array<double, N>& ps,
                      std::array<double, N>& out) {
  assert(!values.empty());
  const std::size_t n = values.size();
  auto from = values.begin();
  for (std::size_t q = 0; q < N; ++q) {
    const double h = static_cast<double>(n - 1) * ps[q];
    const auto j = static_cast<std::size_t>(std::floor(h));
    const auto at = values.begin() + static_cast<std::ptrdiff_t>(j);
    // Everything before `from` is already no larger than what is left, so start there.
    std::nth_element(from, at, values.end());
    const double lower = *at;
    const double upper = j + 1 < n ? *std::min_element(at + 1, values.end()) : lower;
    const double fraction = h - static_cast<double>(j);
    out[q] = fraction > 0.0 ? lower + fraction * (upper - lower) : lower;
    from = at;
  }
}

}  // namespace

double quantile(std::vector<double> values, double p) {
  std::array<double, 1> out{};
  select_quantiles(values, std::array<double, 1>{p}, out);
  return out[0];
}

std::optional<AvailabilityQuantiles> availability_quantiles(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  constexpr std::array<double, 5> kProbabilities = {0.01, 0.05, 0.5, 0.95, 0.99};
  std::array<double, 5> q{};
  select_quantiles(values, kProbabilities, q);
  return AvailabilityQuantiles{q[0], q[1], q[2], q[3], q[4]};
}

}  // namespace nines::engine
