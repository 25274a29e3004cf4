// A finished point as bytes: its index, whether it ran to a precision, that summary, its
// run_info, then its range (engine::range_to_bytes) with its length first.
#include "nines/cli/point_exchange.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>

#include "nines/engine/range_bytes.hpp"

namespace nines::cli {

namespace {

static_assert(std::is_trivially_copyable_v<engine::PrecisionSummary>);
static_assert(std::is_trivially_copyable_v<engine::RunInfo>);

template <typename T>
void put(std::vector<std::uint8_t>& bytes, const T& value) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(&value);
  bytes.insert(bytes.end(), p, p + sizeof(T));
}

template <typename T>
T get(const std::vector<std::uint8_t>& bytes, std::size_t& at) {
  if (sizeof(T) > bytes.size() - at) throw std::invalid_argument("gather_points: bytes cut short");
  T value;
  std::memcpy(&value, bytes.data() + at, sizeof(T));
  at += sizeof(T);
  return value;
}

}  // namespace

std::vector<FinishedPoint> gather_points(const engine::ProcessGroup& ranks,
                                         const std::vector<FinishedPoint>& own) {
  std::vector<std::uint8_t> bytes;
  for (const FinishedPoint& p : own) {
    put(bytes, static_cast<std::uint64_t>(p.point));
    put(bytes, static_cast<std::uint8_t>(p.precision ? 1 : 0));
    put(bytes, p.precision.value_or(engine::PrecisionSummary{}));
    put(bytes, p.run_info);
    const std::vector<std::uint8_t> range = engine::range_to_bytes(p.range);
    put(bytes, static_cast<std::uint64_t>(range.size()));
    bytes.insert(bytes.end(), range.begin(), range.end());
  }
  std::vector<FinishedPoint> all;
  for (const std::vector<std::uint8_t>& part : ranks.all_gather(bytes)) {
    std::size_t at = 0;
    while (at < part.size()) {
      FinishedPoint p;
      p.point = static_cast<std::size_t>(get<std::uint64_t>(part, at));
      const bool has_precision = get<std::uint8_t>(part, at) != 0;
      const auto precision = get<engine::PrecisionSummary>(part, at);
      if (has_precision) p.precision = precision;
      p.run_info = get<engine::RunInfo>(part, at);
      const auto length = get<std::uint64_t>(part, at);
      if (length > part.size() - at) throw std::invalid_argument("gather_points: range cut short");
      p.range = engine::range_from_bytes(
          std::span<const std::uint8_t>(part.data() + at, static_cast<std::size_t>(length)));
      at += static_cast<std::size_t>(length);
      all.push_back(std::move(p));
    }
  }
  return all;
}

}  // namespace nines::cli
