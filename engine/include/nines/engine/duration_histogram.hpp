// A mergeable log-bucketed histogram of outage durations: constant memory whatever the number of
// outages, percentiles within 0.5% relative error.
#pragma once

#include <array>
#include <cstdint>

namespace nines::engine {

class DurationHistogram {
 public:
  /// Bucket b holds durations in [kMinHours * kRatio^b, kMinHours * kRatio^(b+1)); durations
  /// below kMinHours (3.6 ms) go to bucket 0 and above the top to the last bucket.
  static constexpr double kMinHours = 1e-6;
  static constexpr double kRatio = 1.01;
  static constexpr int kBuckets = 3300;  // up to ~1.7e8 h

  void add(double hours);
  void merge(const DurationHistogram& other);

  std::uint64_t count() const { return count_; }
  double min_hours() const { return min_hours_; }
  double max_hours() const { return max_hours_; }
  /// The q-quantile (0 < q <= 1) as the geometric centre of its bucket, clamped to [min, max].
  double quantile(double q) const;

  /// The exact state, for sending a histogram to another process (range_bytes.hpp).
  const std::array<std::uint64_t, kBuckets>& bucket_counts() const { return counts_; }
  static DurationHistogram from_parts(const std::array<std::uint64_t, kBuckets>& counts,
                                      std::uint64_t count, double min_hours, double max_hours);

 private:
  std::array<std::uint64_t, kBuckets> counts_{};
  std::uint64_t count_ = 0;
  double min_hours_ = 0.0;
  double max_hours_ = 0.0;
};

}  // namespace nines::engine
