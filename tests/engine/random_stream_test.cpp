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

}  // namespace
}  // namespace nines::engine
