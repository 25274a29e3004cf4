// An exact, order-independent sum of doubles in 128-bit fixed point, so partial results merged
// in any order (threads, MPI ranks) give bit-identical totals.
#pragma once

#include <cassert>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace nines::engine {

__extension__ using Int128 = __int128;

class ExactSum {
 public:
  /// Values are truncated to multiples of 2^-48 (far below any figure nines reports) and must
  /// stay below 2^60 in magnitude (checked: a value out of range throws std::out_of_range); sums
  /// of up to 2^18 such maximal values cannot overflow. The engine adds at most the horizon
  /// (<= 1000 years < 2^24 hours) per replication: 2^55 replications before overflow.
  void add(double value) {
    if (!(std::fabs(value) < 0x1.0p60)) [[unlikely]] {
      throw std::out_of_range("internal error: ExactSum::add of a value beyond 2^60 (or NaN)");
    }
    fixed_ += static_cast<Int128>(value * kScale);
  }
  void merge(const ExactSum& other) { fixed_ += other.fixed_; }
  double value() const { return static_cast<double>(fixed_) / kScale; }
  bool operator==(const ExactSum& other) const = default;

  /// The exact state, for sending a sum to another process (range_bytes.hpp).
  Int128 fixed_point() const { return fixed_; }
  static ExactSum from_fixed_point(Int128 fixed) {
    ExactSum sum;
    sum.fixed_ = fixed;
    return sum;
  }

 private:
  static constexpr double kScale = 0x1.0p48;
  Int128 fixed_ = 0;
};

}  // namespace nines::engine
