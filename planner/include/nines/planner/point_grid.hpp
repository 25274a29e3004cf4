// The points of a sweep: every combination of the --vary values, the last flag varying fastest.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nines/planner/vary.hpp"

namespace nines::planner {

/// The largest number of points a sweep or plan takes.
inline constexpr std::size_t kMaxPoints = 100'000;

class PointGrid {
 public:
  /// Throws std::invalid_argument when there is no vary, a key is given twice, or the
  /// combinations number more than kMaxPoints.
  explicit PointGrid(std::vector<Vary> varies);

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] const std::vector<Vary>& varies() const { return varies_; }

  /// Point p's value index for each vary (flag order).
  [[nodiscard]] std::vector<std::size_t> indices(std::size_t point) const;
  /// Point p's `--set` overrides, in flag order (set_text).
  [[nodiscard]] std::vector<std::string> overrides(std::size_t point) const;
  /// {KEY: value, ...} (a JSON object: keys sorted).
  [[nodiscard]] nlohmann::json values(std::size_t point) const;
  /// "frontend.instances=3, api.instances=2": the point's label in tables.
  [[nodiscard]] std::string label(std::size_t point) const;

 private:
  std::vector<Vary> varies_;
  std::size_t size_ = 0;
};

}  // namespace nines::planner
