// The processes one run is spread over (MPI ranks). The engine needs only these three
// collectives; the CLI provides them over MPI. Without a group a run stays in this process.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "nines/engine/range_result.hpp"

namespace nines::engine {

/// Every process calls the same members in the same order (they run the same decisions on the
/// same merged figures), so the collectives always match.
class ProcessGroup {
 public:
  ProcessGroup() = default;
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;
  virtual ~ProcessGroup() = default;

  [[nodiscard]] virtual int size() const = 0;
  [[nodiscard]] virtual int rank() const = 0;
  /// Every process's bytes, in rank order, on every process.
  [[nodiscard]] virtual std::vector<std::vector<std::uint8_t>> all_gather(
      std::span<const std::uint8_t> own) const = 0;
  /// Process 0's value, on every process: decisions that read a clock are taken there only.
  [[nodiscard]] virtual int first_decides(int value) const = 0;
  /// True on every process when it is true on any (a Ctrl-C that reached one rank stops all).
  [[nodiscard]] virtual bool any(bool value) const = 0;
};

/// The part [first, first + count) of the `total` items from `begin` that process `rank` of
/// `size` takes: fixed ranges in rank order, sizes differing by at most one.
std::pair<std::int64_t, std::int64_t> rank_share(std::int64_t begin, std::int64_t total, int rank,
                                                 int size);

/// Like rank_share over items 0 .. weights.size() - 1, but cut where the running sum of the
/// weights (the items' expected work) crosses rank / size of the whole: ranges of about equal
/// work. The same weights give the same ranges on every process.
std::pair<std::int64_t, std::int64_t> weighted_rank_share(const std::vector<double>& weights,
                                                          int rank, int size);

/// The ranges every process simulated (its rank_share of the run), merged in range order with
/// append_range, on every process.
RangeResult gather_ranges(const ProcessGroup& group, const RangeResult& own);

}  // namespace nines::engine
