// Random streams: keyed, reproducible, uniform.
#include "nines/engine/random_stream.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace nines::engine {
namespace {

TEST(RandomStream, SameKeySameSequence) {
  RandomStream a(stream_key(7, 3, hash_id("db"), 1));
  RandomStream b(stream_key(7, 3, hash_id("db"), 1));
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next_u64(), b.next_u64());
}

TEST(RandomStream, EveryKeyPartChangesTheStream) {
  const std::uint64_t base = stream_key(7, 3, hash_id("db"), 1);
  std::set<std::uint64_t> keys = {
      base, stream_key(8, 3, hash_id("db"), 1), stream_key(7, 4, hash_id("db"), 1),
      stream_key(7, 3, hash_id("dc"), 1), stream_key(7, 3, hash_id("db"), 2)};
  EXPECT_EQ(keys.size(), 5U);
}

TEST(RandomStream, UniformIsInOpenIntervalWithRightMoments) {
  RandomStream s(12345);
  const int n = 1000000;
  double sum = 0.0;
  double sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform_open();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n;
  EXPECT_NEAR(mean, 0.5, 4.0 * std::sqrt(1.0 / 12.0 / n));
  EXPECT_NEAR(sum2 / n - mean * mean, 1.0 / 12.0, 1e-3);
}

TEST(RandomStream, HashIdDependsOnEveryCharacter) {
  EXPECT_NE(hash_id("api"), hash_id("apj"));
  EXPECT_NE(hash_id("api"), hash_id("api "));
  EXPECT_EQ(hash_id("api"), hash_id(std::string("api")));
}

// Known-answer vectors of Random123's kat_vectors for philox4x32_10.
TEST(Philox, MatchesRandom123KnownAnswers) {
  EXPECT_EQ(philox4x32_10({0, 0, 0, 0}, {0, 0}),
            (std::array<std::uint32_t, 4>{0x6627e8d5U, 0xe169c58dU, 0xbc57ac4cU, 0x9b00dbd8U}));
  EXPECT_EQ(philox4x32_10({0xffffffffU, 0xffffffffU, 0xffffffffU, 0xffffffffU},
                          {0xffffffffU, 0xffffffffU}),
            (std::array<std::uint32_t, 4>{0x408f276dU, 0x41c83b0eU, 0xa20bc7c6U, 0x6d5451fdU}));
  EXPECT_EQ(philox4x32_10({0x243f6a88U, 0x85a308d3U, 0x13198a2eU, 0x03707344U},
                          {0xa4093822U, 0x299f31d0U}),
            (std::array<std::uint32_t, 4>{0xd16cfe09U, 0x94fdccebU, 0x5001e420U, 0x24126ea1U}));
}

TEST(KeyedStream, ContinuesFromAStoredDrawNumber) {
  const std::uint64_t rep = replication_key(7, 3);
  const std::uint64_t source = source_hash(SourceKind::kComponent, "db");
  RandomStream whole(rep, source, Purpose::kRepair, 2, 0);
  whole.next_u64();
  whole.next_u64();
  RandomStream resumed(rep, source, Purpose::kRepair, 2, 2);
  EXPECT_EQ(whole.next_u64(), resumed.next_u64());
  EXPECT_EQ(resumed.next_draw(), 3U);
}

TEST(KeyedStream, EveryKeyPartChangesTheDraw) {
  const std::uint64_t rep = replication_key(7, 3);
  const std::uint64_t db = source_hash(SourceKind::kComponent, "db");
  const auto first = [](RandomStream s) { return s.next_u64(); };
  std::set<std::uint64_t> draws = {
      first(RandomStream(rep, db, Purpose::kFailure, 1, 0)),
      first(RandomStream(replication_key(8, 3), db, Purpose::kFailure, 1, 0)),
      first(RandomStream(replication_key(7, 4), db, Purpose::kFailure, 1, 0)),
      first(RandomStream(rep, source_hash(SourceKind::kZone, "db"), Purpose::kFailure, 1, 0)),
      first(RandomStream(rep, source_hash(SourceKind::kComponent, "dc"), Purpose::kFailure, 1, 0)),
      first(RandomStream(rep, db, Purpose::kRepair, 1, 0)),
      first(RandomStream(rep, db, Purpose::kFailure, 2, 0)),
      first(RandomStream(rep, db, Purpose::kFailure, 1, 1))};
  EXPECT_EQ(draws.size(), 8U);
}

TEST(KeyedStream, ReplicationKeyIsInjectiveForOneSeed) {
  std::set<std::uint64_t> keys;
  for (std::uint64_t r = 0; r < 10000; ++r) keys.insert(replication_key(42, r));
  EXPECT_EQ(keys.size(), 10000U);
}

}  // namespace
}  // namespace nines::engine
