// Tests of duration parsing and formatting (units s, m, h, d, w, y).
#include "nines/models/duration.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace nines::models {
namespace {

TEST(ParseDuration, ReadsEveryUnit) {
  EXPECT_DOUBLE_EQ(*parse_duration_text("90s"), 90.0 / 3600.0);
  EXPECT_DOUBLE_EQ(*parse_duration_text("15m"), 0.25);
  EXPECT_DOUBLE_EQ(*parse_duration_text("2.5h"), 2.5);
  EXPECT_DOUBLE_EQ(*parse_duration_text("3d"), 72.0);
  EXPECT_DOUBLE_EQ(*parse_duration_text("2w"), 336.0);
  EXPECT_DOUBLE_EQ(*parse_duration_text("1y"), 8760.0);
}

TEST(ParseDuration, AcceptsSpacesExponentsAndSigns) {
  EXPECT_DOUBLE_EQ(*parse_duration_text(" 2 h "), 2.0);
  EXPECT_DOUBLE_EQ(*parse_duration_text("1e3h"), 1000.0);
  EXPECT_DOUBLE_EQ(*parse_duration_text(".5d"), 12.0);
  EXPECT_DOUBLE_EQ(*parse_duration_text("-5h"), -5.0);  // range checks are the caller's
  EXPECT_TRUE(std::isinf(*parse_duration_text("inf h")));
}

TEST(ParseDuration, RejectsMissingOrUnknownUnitsAndBadNumbers) {
  for (const char* text : {"", "h", "5", "5 parsecs", "3mo", "2H", "1.2.3h", "1e400h", "five h",
                           "5hh", "--5h", "5h x"}) {
    EXPECT_FALSE(parse_duration_text(text).has_value()) << text;
  }
}

TEST(FormatDuration, PicksTheShortestExactUnit) {
  EXPECT_EQ(format_duration(8760.0), "1y");
  EXPECT_EQ(format_duration(0.75), "45m");
  EXPECT_EQ(format_duration(2.5), "2.5h");
  EXPECT_EQ(format_duration(48.0), "2d");
  EXPECT_EQ(format_duration(336.0), "2w");
  EXPECT_EQ(format_duration(1.0 / 3600.0), "1s");
  EXPECT_EQ(format_duration(0.0), "0h");
}

TEST(FormatDuration, RoundTripsExactly) {
  for (double hours : {1.0 / 3.0, 0.1, 1e-9, 123456.789, 1500.0 / 0.9027452929509336, 5.0 / 60.0,
                       std::exp(-0.3)}) {
    EXPECT_EQ(*parse_duration_text(format_duration(hours)), hours) << format_duration(hours);
  }
}

}  // namespace
}  // namespace nines::models
