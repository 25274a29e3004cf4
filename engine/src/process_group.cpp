// Fixed ranges per process and the merge of their parts, shared by every distributed run.
#include "nines/engine/process_group.hpp"

#include <algorithm>

#include "nines/engine/range_bytes.hpp"

namespace nines::engine {

std::pair<std::int64_t, std::int64_t> rank_share(std::int64_t begin, std::int64_t total, int rank,
                                                 int size) {
  // Products before the division, so the ranges tile [begin, begin + total) exactly.
  const auto lo = total * rank / size;
  const auto hi = total * (rank + 1) / size;
  return {begin + lo, hi - lo};
}

std::pair<std::int64_t, std::int64_t> weighted_rank_share(const std::vector<double>& weights,
                                                          int rank, int size) {
  double whole = 0.0;
  for (const double w : weights) whole += w;
  if (!(whole > 0.0)) return rank_share(0, static_cast<std::int64_t>(weights.size()), rank, size);
  // Item i goes to the rank whose share of the whole holds the middle of its weight.
  const auto owner = [&](double before, double w) {
    const double middle = whole > 0.0 ? (before + w / 2.0) / whole : 0.0;
    return std::min(size - 1, static_cast<int>(middle * size));
  };
  std::int64_t first = 0;
  std::int64_t count = 0;
  double before = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const int r = owner(before, weights[i]);
    before += weights[i];
    if (r < rank) first = static_cast<std::int64_t>(i) + 1;
    if (r == rank) ++count;
  }
  return {first, count};
}

RangeResult gather_ranges(const ProcessGroup& group, const RangeResult& own) {
  const std::vector<std::vector<std::uint8_t>> parts = group.all_gather(range_to_bytes(own));
  RangeResult merged = range_from_bytes(parts.front());
  for (std::size_t p = 1; p < parts.size(); ++p) append_range(merged, range_from_bytes(parts[p]));
  return merged;
}

}  // namespace nines::engine
