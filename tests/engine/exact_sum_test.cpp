// Exact sums: the same total whatever the order or split of the additions.
#include "nines/engine/exact_sum.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "nines/engine/random_stream.hpp"

namespace nines::engine {
namespace {

TEST(ExactSum, OrderAndSplitDoNotMatter) {
  std::vector<double> values;
  RandomStream rng(3);
  for (int i = 0; i < 10000; ++i) values.push_back(rng.uniform_open() * std::pow(10.0, i % 7 - 3));
  ExactSum forward;
  for (const double v : values) forward.add(v);
  std::reverse(values.begin(), values.end());
  ExactSum left;
  ExactSum right;
  for (std::size_t i = 0; i < values.size(); ++i) (i % 2 == 0 ? left : right).add(values[i]);
  right.merge(left);
  EXPECT_EQ(forward, right);
  EXPECT_EQ(forward.value(), right.value());
  double naive = 0.0;
  for (const double v : values) naive += v;
  EXPECT_NEAR(forward.value(), naive, 1e-9 * naive);
}

}  // namespace
}  // namespace nines::engine
