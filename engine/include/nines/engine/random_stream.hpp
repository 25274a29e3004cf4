// Counter-based random streams keyed by (seed, replication, component id, instance).
#pragma once

#include <cstdint>
#include <string_view>

namespace nines::engine {

/// SplitMix64's finaliser: a bijective 64-bit mixer with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31U);
}

/// A stable 64-bit hash of a component id (FNV-1a, then mixed). Streams are keyed by the id
/// string, not by the component's position in the file.
constexpr std::uint64_t hash_id(std::string_view id) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : id) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

/// The key shared by one component's streams in one replication (hoisted out of the loop over
/// its instances).
constexpr std::uint64_t component_stream_key(std::uint64_t seed, std::uint64_t replication,
                                             std::uint64_t component_hash) {
  std::uint64_t k = mix64(seed ^ 0x6a09e667f3bcc908ULL);
  k = mix64(k + 0x9e3779b97f4a7c15ULL * (replication + 1));
  return mix64(k ^ component_hash);
}

/// The starting key of one instance's stream, from its component's key.
constexpr std::uint64_t instance_stream_key(std::uint64_t component_key, std::uint64_t instance) {
  return mix64(component_key + 0xd1b54a32d192ed03ULL * (instance + 1));
}

/// The starting key of one instance's stream in one replication.
constexpr std::uint64_t stream_key(std::uint64_t seed, std::uint64_t replication,
                                   std::uint64_t component_hash, std::uint64_t instance) {
  return instance_stream_key(component_stream_key(seed, replication, component_hash), instance);
}

/// One instance's stream: SplitMix64, i.e. output n is mix64(key + n * golden gamma). Each stream
/// costs 8 bytes of state and streams start at independent points of the 2^64 cycle, so overlap
/// between any two streams of a run is astronomically unlikely.
class RandomStream {
 public:
  explicit constexpr RandomStream(std::uint64_t key = 0) : state_(key) {}

  constexpr std::uint64_t next_u64() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }

  /// Uniform on the open interval (0, 1), 53 bits: never 0, so log(u) is finite.
  constexpr double uniform_open() {
    return (static_cast<double>(next_u64() >> 11U) + 0.5) * 0x1.0p-53;
  }

  constexpr std::uint64_t state() const { return state_; }

 private:
  std::uint64_t state_;
};

}  // namespace nines::engine
