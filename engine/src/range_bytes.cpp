// RangeResult <-> bytes for MPI. Native layout of each value (same binary on every rank); the
// vectors carry their length first; the outage histogram only its non-empty buckets.
#include "nines/engine/range_bytes.hpp"

#include <cstring>
#include <stdexcept>
#include <type_traits>

namespace nines::engine {

// A field added to RangeResult or RunTotals must be carried here too: these sizes fail to compile
// until it is (then update them, and the writer and the reader below, in the same order).
static_assert(sizeof(RunTotals) == 53584, "RunTotals changed: update range_bytes.cpp");
static_assert(sizeof(RangeResult) == 53936, "RangeResult changed: update range_bytes.cpp");

namespace {

class Writer {
 public:
  template <typename T>
  void value(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    bytes_.insert(bytes_.end(), p, p + sizeof(T));
  }
  void sum(const ExactSum& s) { value(s.fixed_point()); }
  template <typename T>
  void values(const std::vector<T>& v) {
    value(static_cast<std::uint64_t>(v.size()));
    if constexpr (std::is_same_v<T, ExactSum>) {
      for (const auto& s : v) sum(s);
    } else if (!v.empty()) {  // an empty vector's data() may be null
      const auto* p = reinterpret_cast<const std::uint8_t*>(v.data());
      bytes_.insert(bytes_.end(), p, p + v.size() * sizeof(T));
    }
  }
  void histogram(const DurationHistogram& h) {
    const auto& counts = h.bucket_counts();
    std::uint32_t used = 0;
    for (const auto c : counts) used += c != 0 ? 1 : 0;
    value(used);
    for (std::uint32_t b = 0; b < counts.size(); ++b) {
      if (counts[b] != 0) {
        value(b);
        value(counts[b]);
      }
    }
    value(h.count());
    value(h.min_hours());
    value(h.max_hours());
  }
  std::vector<std::uint8_t> take() { return std::move(bytes_); }

 private:
  std::vector<std::uint8_t> bytes_;
};

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
  template <typename T>
  T value() {
    T v;
    std::memcpy(&v, take(sizeof(T)), sizeof(T));
    return v;
  }
  ExactSum sum() { return ExactSum::from_fixed_point(value<Int128>()); }
  template <typename T>
  std::vector<T> values() {
    const auto n = value<std::uint64_t>();
    if (n > bytes_.size())
      throw std::invalid_argument("range_from_bytes: a length beyond the bytes");
    std::vector<T> v(n);
    if constexpr (std::is_same_v<T, ExactSum>) {
      for (auto& s : v) s = sum();
    } else {
      const std::uint8_t* from = take(n * sizeof(T));
      if (n > 0)
        std::memcpy(v.data(), from, n * sizeof(T));  // an empty vector's data() may be null
    }
    return v;
  }
  DurationHistogram histogram() {
    std::array<std::uint64_t, DurationHistogram::kBuckets> counts{};
    const auto used = value<std::uint32_t>();
    for (std::uint32_t i = 0; i < used; ++i) {
      const auto b = value<std::uint32_t>();
      if (b >= counts.size())
        throw std::invalid_argument("range_from_bytes: a bucket out of range");
      counts[b] = value<std::uint64_t>();
    }
    const auto count = value<std::uint64_t>();
    const auto min_hours = value<double>();
    const auto max_hours = value<double>();
    return DurationHistogram::from_parts(counts, count, min_hours, max_hours);
  }
  [[nodiscard]] bool done() const { return offset_ == bytes_.size(); }

 private:
  const std::uint8_t* take(std::size_t n) {
    if (n > bytes_.size() - offset_)
      throw std::invalid_argument("range_from_bytes: bytes cut short");
    const std::uint8_t* p = bytes_.data() + offset_;
    offset_ += n;
    return p;
  }
  std::span<const std::uint8_t> bytes_;
  std::size_t offset_ = 0;
};

// One list of the fields for both directions, so writer and reader cannot disagree on order.
// Totals and Range: const when writing, mutable when reading.
template <typename Io, typename Totals>
void totals_fields(Io& io, Totals& t) {
  io.vec(t.pool_up_fraction);
  io.vec(t.service_up_fraction);
  io.vec(t.charged_downtime_hours);
  io.vec(t.outages_caused);
  io.vec(t.zone_up_fraction);
  io.vec(t.region_up_fraction);
  io.vec(t.detect_hours);
  io.vec(t.detections);
  io.vec(t.repair_hours);
  io.vec(t.repairs);
  io.vec(t.undetected_failures);
  io.vec(t.bad_deploys);
  io.vec(t.deploys_skipped);
  io.vec(t.restarts);
  io.sum(t.downtime_hours);
  io.one(t.outages);
  io.one(t.common_cause_outages);
  io.one(t.outages_cut_at_horizon);
  io.one(t.events);
  io.histogram(t.outage_durations);
  io.sum(t.offered_load_hours);
  io.sum(t.failed_load_hours);
  io.sum(t.rejected_load_hours);
  io.vec(t.utilisation_hours);
  io.vec(t.serving_hours);
  io.one(t.flow_evaluations);
  io.one(t.flow_not_converged);
  io.sum(t.shed_load_hours);
  io.one(t.cascades);
  io.one(t.cascades_cut_at_horizon);
  io.vec(t.cascade_sizes);
  io.one(t.outages_in_cascades);
  io.sum(t.downtime_in_cascades);
  io.vec(t.overload_crashes);
  io.vec(t.cascades_started);
  io.vec(t.started_cascade_sizes);
  io.histogram(t.recovery_hours);
  io.sum(t.recovery_sum_hours);
  io.one(t.recoveries);
  io.one(t.recoveries_cut_at_horizon);
  io.vec(t.cache_expiries);
  io.vec(t.cache_expired_hours);
}

template <typename Io, typename Range>
void range_fields(Io& io, Range& r) {
  io.one(r.first_replication);
  io.vec(r.unavailability);
  io.vec(r.outages);
  io.vec(r.common_cause_outages);
  io.vec(r.years_met);
  io.one(r.window_hours);
  io.one(r.windows_per_replication);
  io.vec(r.window_downtime_hours);
  io.vec(r.offered_load_hours);
  io.vec(r.failed_load_hours);
  io.vec(r.degraded_hours);
  io.vec(r.window_failed_load_hours);
  io.vec(r.window_offered_load_hours);
  io.vec(r.metastable_episodes);
  io.vec(r.cascades);
  io.one(r.journeys);
  io.vec(r.journey_failed_load_hours);
  totals_fields(io, r.totals);
}

struct Out {
  Writer w;
  template <typename T>
  void one(const T& v) {
    w.value(v);
  }
  template <typename T>
  void vec(const std::vector<T>& v) {
    w.values(v);
  }
  void sum(const ExactSum& s) { w.sum(s); }
  void histogram(const DurationHistogram& h) { w.histogram(h); }
};

struct In {
  Reader r;
  template <typename T>
  void one(T& v) {
    v = r.value<T>();
  }
  template <typename T>
  void vec(std::vector<T>& v) {
    v = r.values<T>();
  }
  void sum(ExactSum& s) { s = r.sum(); }
  void histogram(DurationHistogram& h) { h = r.histogram(); }
};

}  // namespace

std::vector<std::uint8_t> range_to_bytes(const RangeResult& range) {
  Out out;
  range_fields(out, range);
  return out.w.take();
}

RangeResult range_from_bytes(std::span<const std::uint8_t> bytes) {
  In in{Reader(bytes)};
  RangeResult range;
  range_fields(in, range);
  if (!in.r.done()) throw std::invalid_argument("range_from_bytes: bytes left over");
  return range;
}

}  // namespace nines::engine
