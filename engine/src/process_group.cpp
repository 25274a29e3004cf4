// Fixed ranges per process and the merge of their parts, shared by every distributed run.
#include "nines/engine/process_group.hpp"

#include "nines/engine/range_bytes.hpp"

namespace nines::engine {

std::pair<std::int64_t, std::int64_t> rank_share(std::int64_t begin, std::int64_t total, int rank,
                                                 int size) {
  // Products before the division, so the ranges tile [begin, begin + total) exactly.
  const auto lo = total * rank / size;
  const auto hi = total * (rank + 1) / size;
  return {begin + lo, hi - lo};
}

RangeResult gather_ranges(const ProcessGroup& group, const RangeResult& own) {
  const std::vector<std::vector<std::uint8_t>> parts = group.all_gather(range_to_bytes(own));
  RangeResult merged = range_from_bytes(parts.front());
  for (std::size_t p = 1; p < parts.size(); ++p) append_range(merged, range_from_bytes(parts[p]));
  return merged;
}

}  // namespace nines::engine
