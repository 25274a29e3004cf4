// Log-bucketed duration histogram.
#include "nines/engine/duration_histogram.hpp"

#include <algorithm>
#include <cmath>

namespace nines::engine {

namespace {
const double kInvLogRatio = 1.0 / std::log(DurationHistogram::kRatio);

int bucket_of(double hours) {
  if (!(hours > DurationHistogram::kMinHours)) return 0;
  const double b = std::floor(std::log(hours / DurationHistogram::kMinHours) * kInvLogRatio);
  return static_cast<int>(std::min(b, static_cast<double>(DurationHistogram::kBuckets - 1)));
}
}  // namespace

void DurationHistogram::add(double hours) {
  ++counts_[static_cast<std::size_t>(bucket_of(hours))];
  if (count_ == 0 || hours < min_hours_) min_hours_ = hours;
  if (count_ == 0 || hours > max_hours_) max_hours_ = hours;
  ++count_;
}

void DurationHistogram::merge(const DurationHistogram& other) {
  if (other.count_ == 0) return;
  for (std::size_t b = 0; b < counts_.size(); ++b) counts_[b] += other.counts_[b];
  min_hours_ = count_ == 0 ? other.min_hours_ : std::min(min_hours_, other.min_hours_);
  max_hours_ = count_ == 0 ? other.max_hours_ : std::max(max_hours_, other.max_hours_);
  count_ += other.count_;
}

DurationHistogram DurationHistogram::from_parts(const std::array<std::uint64_t, kBuckets>& counts,
                                                std::uint64_t count, double min_hours,
                                                double max_hours) {
  DurationHistogram histogram;
  histogram.counts_ = counts;
  histogram.count_ = count;
  histogram.min_hours_ = min_hours;
  histogram.max_hours_ = max_hours;
  return histogram;
}

double DurationHistogram::quantile(double q) const {
  if (count_ == 0) return 0.0;
  const auto rank = std::max<std::uint64_t>(
      1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_))));
  std::uint64_t seen = 0;
  for (std::size_t b = 0; b < counts_.size(); ++b) {
    seen += counts_[b];
    if (seen >= rank) {
      if (seen == count_ || b + 1 == counts_.size()) return max_hours_;  // top rank or overflow
      const double centre = kMinHours * std::pow(kRatio, static_cast<double>(b) + 0.5);
      return std::clamp(centre, min_hours_, max_hours_);
    }
  }
  return max_hours_;
}

}  // namespace nines::engine
