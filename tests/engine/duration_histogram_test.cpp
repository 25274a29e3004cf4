// The outage-duration histogram: percentile accuracy and exact merging.
#include "nines/engine/duration_histogram.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "nines/engine/random_stream.hpp"

namespace nines::engine {
namespace {

TEST(DurationHistogram, PercentilesWithinHalfAPercent) {
  DurationHistogram h;
  std::vector<double> values;
  RandomStream rng(5);
  for (int i = 0; i < 100000; ++i) {
    const double x = -10.0 * std::log(rng.uniform_open());
    values.push_back(x);
    h.add(x);
  }
  std::sort(values.begin(), values.end());
  for (const double q : {0.5, 0.9, 0.99}) {
    const double exact =
        values[static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size()))) - 1];
    EXPECT_NEAR(h.quantile(q), exact, 0.005 * exact) << q;
  }
  EXPECT_EQ(h.max_hours(), values.back());
  EXPECT_EQ(h.min_hours(), values.front());
  EXPECT_EQ(h.count(), values.size());
}

TEST(DurationHistogram, MergeEqualsAddingEverything) {
  DurationHistogram all;
  DurationHistogram a;
  DurationHistogram b;
  for (int i = 1; i <= 1000; ++i) {
    const double x = 0.001 * i * i;
    all.add(x);
    (i % 3 == 0 ? a : b).add(x);
  }
  b.merge(a);
  for (const double q : {0.1, 0.5, 0.9, 0.99, 1.0}) EXPECT_EQ(b.quantile(q), all.quantile(q));
  EXPECT_EQ(b.count(), all.count());
  EXPECT_EQ(b.max_hours(), all.max_hours());
}

TEST(DurationHistogram, TinyAndHugeDurationsAreClampedToTheirValues) {
  DurationHistogram h;
  h.add(1e-9);
  EXPECT_EQ(h.quantile(0.5), 1e-9);
  h.add(1e12);
  EXPECT_EQ(h.quantile(1.0), 1e12);
}

}  // namespace
}  // namespace nines::engine
