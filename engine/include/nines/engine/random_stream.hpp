// Counter-based random streams (Philox4x32-10) keyed by what draws them: (seed, replication,
// source kind, source id, index, purpose). A draw is a pure function of its key and its number,
// so distinct keys never share a draw and adding a source or a purpose changes no other draw.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace nines::engine {

/// SplitMix64's finaliser: a bijective 64-bit mixer with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31U);
}

/// A stable 64-bit hash of an id (FNV-1a, then mixed). Streams are keyed by the id string, not
/// by a position in the file.
constexpr std::uint64_t hash_id(std::string_view id) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : id) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

/// Kinds of event source, in the documented same-instant order (docs/engine.md).
/// Kinds of event source. `load` (load steps) draws nothing; it names trace rows.
enum class SourceKind : std::uint8_t {
  kComponent,
  kZone,
  kRegion,
  kInject,
  kDeploy,
  kFailover,
  kLoad,
  kSpike,
  kBreaker,
  kCache
};

/// What a draw is for. Each purpose of a source has a stream of its own.
enum class Purpose : std::uint8_t {
  kFailure,
  kDormantFailure,
  kDetection,
  kRepair,
  kSwitchover,
  kSwitchSuccess,
  kBlockDetection,
  /// The coin of monitoring coverage: caught or missed (only when coverage < 1).
  kCoverage,
  /// The time from a missed failure to its detection (the `undetected` law).
  kUndetected,
  // Deploy purposes (kind deploy, keyed by the component; draws of deploy k from k << 12).
  /// The coin deciding whether deploy k is bad.
  kDeployBad,
  /// Its due time to the verdict "bad" (the deploy's `detection`).
  kDeployDetection,
  /// The verdict to the rollback's end.
  kDeployRollback,
  /// An instance's restart (indexed by the instance).
  kRestart,
  /// An instance's overload stream (kind component): its crash clocks and crash restarts.
  kOverload,
  /// A spike source's gaps between spikes and the spikes' durations (kind spike, index 0).
  kSpikeGap,
  kSpikeDuration,
};
inline constexpr std::size_t kInstancePurposes = 9;

/// The 64-bit part of a stream key naming its source: a hash of (kind, id). Two sources of one
/// model whose hashes collide are refused when the model is compiled, so within a model this part
/// is unique.
constexpr std::uint64_t source_hash(SourceKind kind, std::string_view id) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  h ^= static_cast<std::uint8_t>(kind) + 1U;
  h *= 0x100000001b3ULL;
  for (const char c : id) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

/// The Philox key of one replication: injective in the replication for a given seed.
constexpr std::uint64_t replication_key(std::uint64_t seed, std::uint64_t replication) {
  return mix64(seed ^ 0x6a09e667f3bcc908ULL) + replication * 0x9e3779b97f4a7c15ULL;
}

/// The largest index a keyed stream can carry (28 bits; the other 4 hold the purpose).
inline constexpr std::uint32_t kMaxStreamIndex = (1U << 28U) - 1U;

/// Philox4x32-10 (Salmon, Moraes, Dror and Shaw, SC'11): a bijection of the 128-bit counter
/// under a 64-bit key; 10 rounds as Random123 recommends.
constexpr std::array<std::uint32_t, 4> philox4x32_10(std::array<std::uint32_t, 4> ctr,
                                                     std::array<std::uint32_t, 2> key) {
  for (int round = 0; round < 10; ++round) {
    const std::uint64_t p0 = std::uint64_t{0xD2511F53U} * ctr[0];
    const std::uint64_t p1 = std::uint64_t{0xCD9E8D57U} * ctr[2];
    const auto hi0 = static_cast<std::uint32_t>(p0 >> 32U);
    const auto lo0 = static_cast<std::uint32_t>(p0);
    const auto hi1 = static_cast<std::uint32_t>(p1 >> 32U);
    const auto lo1 = static_cast<std::uint32_t>(p1);
    ctr = {hi1 ^ ctr[1] ^ key[0], lo1, hi0 ^ ctr[3] ^ key[1], lo0};
    key[0] += 0x9E3779B9U;
    key[1] += 0xBB67AE85U;
  }
  return ctr;
}

/// The Philox block that holds a stream's next draw, kept between draws. An instance keeps one
/// for its failure stream and one for its repair stream: the draw an event needs is then a load,
/// and the block after it is computed where nothing waits for it (off the event's critical path:
/// the queue's next step depends on the drawn time, not on the block refilled behind it).
struct StreamBlock {
  std::array<std::uint64_t, 2> halves{};
};

/// One stream: draws 2b and 2b + 1 are the two 64-bit halves of the Philox block of counter
/// (source hash, purpose << 28 | index, b) under the replication key. The stream object is cheap
/// to make; callers keep the draw number between draws, and may keep the block holding the next
/// draw (a StreamBlock) so that a draw never waits for Philox.
class RandomStream {
 public:
  /// A stream keyed by one 64-bit number (tests and tools).
  explicit constexpr RandomStream(std::uint64_t key = 0)
      : key_{static_cast<std::uint32_t>(key), static_cast<std::uint32_t>(key >> 32U)} {}

  /// Draw `next_draw` onwards of the stream of (source, purpose, index) in replication `rep_key`.
  /// With `ahead`, which must hold block next_draw / 2, draws are read from it and it is refilled
  /// with the next block as the draw number crosses into it.
  constexpr RandomStream(std::uint64_t rep_key, std::uint64_t source, Purpose purpose,
                         std::uint32_t index, std::uint32_t next_draw, StreamBlock* ahead = nullptr)
      : key_{static_cast<std::uint32_t>(rep_key), static_cast<std::uint32_t>(rep_key >> 32U)},
        ctr_{static_cast<std::uint32_t>(source), static_cast<std::uint32_t>(source >> 32U),
             (static_cast<std::uint32_t>(purpose) << 28U) | index, 0},
        next_(next_draw),
        ahead_(ahead) {}

  constexpr std::uint64_t next_u64() {
    if (ahead_ != nullptr) {
      const std::uint64_t value = ahead_->halves[next_ & 1U];
      ++next_;
      if ((next_ & 1U) == 0) *ahead_ = block(next_ >> 1U);
      return value;
    }
    const std::uint64_t value = block(next_ >> 1U).halves[next_ & 1U];
    ++next_;
    return value;
  }

  /// Uniform on the open interval (0, 1), 53 bits: never 0, so log(u) is finite.
  constexpr double uniform_open() {
    return (static_cast<double>(next_u64() >> 11U) + 0.5) * 0x1.0p-53;
  }

  /// The number of the next draw: what a caller stores to continue the stream later.
  constexpr std::uint32_t next_draw() const { return next_; }

  /// Block `b` of this stream: draws 2b and 2b + 1.
  constexpr StreamBlock block(std::uint32_t b) const {
    std::array<std::uint32_t, 4> ctr = ctr_;
    ctr[3] = b;
    const std::array<std::uint32_t, 4> out = philox4x32_10(ctr, key_);
    return StreamBlock{
        {(std::uint64_t{out[0]} << 32U) | out[1], (std::uint64_t{out[2]} << 32U) | out[3]}};
  }

 private:
  std::array<std::uint32_t, 2> key_{};
  std::array<std::uint32_t, 4> ctr_{};
  std::uint32_t next_ = 0;
  StreamBlock* ahead_ = nullptr;
};

/// A 64-bit stream key for tests and tools that want many distinct RandomStream(key).
constexpr std::uint64_t stream_key(std::uint64_t seed, std::uint64_t replication,
                                   std::uint64_t hash, std::uint64_t index) {
  std::uint64_t k = mix64(seed ^ 0x6a09e667f3bcc908ULL);
  k = mix64(k + 0x9e3779b97f4a7c15ULL * (replication + 1));
  k = mix64(k ^ hash);
  return mix64(k + 0xd1b54a32d192ed03ULL * (index + 1));
}

}  // namespace nines::engine
