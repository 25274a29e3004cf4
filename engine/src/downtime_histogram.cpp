// Downtime per replication on a 1-2-5 scale: three bins per decade read like the figures an SRE
// quotes ("between 2 and 5 hours a year") and cover seconds to days in a few dozen bins.
#include "nines/engine/downtime_histogram.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace nines::engine {

double one_two_five_edge(int n) {
  static constexpr std::array<double, 3> kMantissas = {1.0, 2.0, 5.0};
  const int decade = n >= 0 ? n / 3 : -((-n + 2) / 3);
  const double mantissa = kMantissas[static_cast<std::size_t>(n - 3 * decade)];
  // 10^k is exact for 0 <= k <= 22, so one multiplication or division rounds correctly.
  return decade >= 0 ? mantissa * std::pow(10.0, decade) : mantissa / std::pow(10.0, -decade);
}

namespace {

/// The index of the largest edge at or below `value` (> 0).
int edge_index_below(double value) {
  int n = 3 * static_cast<int>(std::floor(std::log10(value)));
  // log10 may round across a decade; settle on the exact edge by comparison.
  while (one_two_five_edge(n) > value) --n;
  while (one_two_five_edge(n + 1) <= value) ++n;
  return n;
}

}  // namespace

DowntimeHistogram make_downtime_histogram(const std::vector<double>& downtime_hours) {
  DowntimeHistogram h;
  double smallest = 0.0;
  double largest = 0.0;
  for (const double hours : downtime_hours) {
    if (std::isnan(hours)) continue;
    if (hours <= 0.0) {
      ++h.zero_count;
      continue;
    }
    smallest = smallest == 0.0 ? hours : std::min(smallest, hours);
    largest = std::max(largest, hours);
  }
  if (largest == 0.0) return h;
  const int first = edge_index_below(smallest);
  const int last = edge_index_below(largest) + 1;  // the smallest edge above the largest value
  for (int n = first; n <= last; ++n) h.bin_edges_hours.push_back(one_two_five_edge(n));
  h.counts.assign(h.bin_edges_hours.size() - 1, 0);
  for (const double hours : downtime_hours) {
    if (std::isnan(hours) || hours <= 0.0) continue;
    const auto bin = std::upper_bound(h.bin_edges_hours.begin(), h.bin_edges_hours.end(), hours) -
                     h.bin_edges_hours.begin() - 1;
    ++h.counts[static_cast<std::size_t>(bin)];
  }
  return h;
}

}  // namespace nines::engine
