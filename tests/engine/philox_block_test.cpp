// The SSE2 Philox block against the scalar one.
#include "nines/engine/philox_block.hpp"

#include <gtest/gtest.h>

namespace nines::engine {
namespace {

TEST(PhiloxBlock, SameBitsAsTheScalarBlock) {
  std::uint64_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t rep = mix64(x += 0x9e3779b97f4a7c15ULL);
    const std::uint64_t source = mix64(x += 0x9e3779b97f4a7c15ULL);
    const std::uint64_t r = mix64(x += 0x9e3779b97f4a7c15ULL);
    const auto purpose = static_cast<Purpose>(r % 13U);
    const auto index = static_cast<std::uint32_t>(r >> 8U) & kMaxStreamIndex;
    const auto b = static_cast<std::uint32_t>(r >> 40U) ^ (i % 2 == 0 ? 0U : 0xffffff00U);
    const StreamBlock expected = RandomStream(rep, source, purpose, index, 0).block(b);
    const StreamBlock got = philox_block(rep, source, purpose, index, b);
    ASSERT_EQ(got.halves[0], expected.halves[0]) << i;
    ASSERT_EQ(got.halves[1], expected.halves[1]) << i;
  }
}

TEST(PhiloxBlock, ExtremeWords) {
  for (const std::uint32_t w : {0U, 1U, 0x7fffffffU, 0x80000000U, 0xffffffffU}) {
    const std::array<std::uint32_t, 4> ctr = {w, ~w, w ^ 0x55555555U, w};
    const std::array<std::uint32_t, 2> key = {~w, w};
    EXPECT_EQ(philox4x32_10_fast(ctr, key), philox4x32_10(ctr, key)) << w;
  }
}

}  // namespace
}  // namespace nines::engine
