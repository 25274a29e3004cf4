// Parsing of the precision and window flag values.
#include "nines/cli/run_flags.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace nines::cli {
namespace {

TEST(RunFlags, OpenFractionIsStrictlyBetweenZeroAndOne) {
  EXPECT_EQ(parse_open_fraction("0.05"), 0.05);
  EXPECT_EQ(parse_open_fraction("0.999"), 0.999);
  for (const char* bad : {"0", "1", "-0.1", "1.5", "", "5%", "0.05x", "nan", "inf"}) {
    EXPECT_FALSE(parse_open_fraction(bad)) << bad;
  }
}

TEST(RunFlags, ReplicationCountIsAPositiveInteger) {
  EXPECT_EQ(parse_replication_count("1000"), 1000);
  EXPECT_EQ(parse_replication_count("1000000000"), 1'000'000'000);
  for (const char* bad : {"0", "-1", "1e6", "10.5", "", "1000000001"}) {
    EXPECT_FALSE(parse_replication_count(bad)) << bad;
  }
}

TEST(RunFlags, SecondsNeedAUnit) {
  EXPECT_DOUBLE_EQ(parse_seconds("90s").value(), 90.0);
  EXPECT_DOUBLE_EQ(parse_seconds("10m").value(), 600.0);
  EXPECT_DOUBLE_EQ(parse_seconds("2h").value(), 7200.0);
  for (const char* bad : {"90", "0", "-3", "0s", "soon", "", "inf"}) {
    EXPECT_FALSE(parse_seconds(bad)) << bad;
  }
}

TEST(RunFlags, WindowNeedsAUnit) {
  EXPECT_EQ(parse_window_hours("30d"), 720.0);
  EXPECT_EQ(parse_window_hours("1w"), 168.0);
  for (const char* bad : {"720", "30", "0", "-30d", "month", ""}) {
    EXPECT_FALSE(parse_window_hours(bad)) << bad;
  }
}

TEST(RunFlags, ABareNumberIsADurationWithoutItsUnit) {
  for (const char* bare : {"10", "1e3", "-2", "0.5"}) EXPECT_TRUE(is_plain_number(bare)) << bare;
  for (const char* with_unit : {"10h", "1y", "", "h"}) {
    EXPECT_FALSE(is_plain_number(with_unit)) << with_unit;
  }
  EXPECT_EQ(duration_problem("10", kWindowProblem), "give a unit, e.g. 10h or 10y; got \"10\"");
  EXPECT_EQ(duration_problem("month", kWindowProblem),
            std::string(kWindowProblem) + "; got \"month\"");
}

TEST(RunFlags, TopIsACountOrAll) {
  EXPECT_EQ(parse_top("5"), 5U);
  EXPECT_EQ(parse_top("0"), 0U);
  EXPECT_EQ(parse_top("all"), std::numeric_limits<std::size_t>::max());
  for (const char* bad : {"-1", "", "5x", "ALL"}) EXPECT_FALSE(parse_top(bad)) << bad;
}

}  // namespace
}  // namespace nines::cli
