// Tests of the human-readable number formats used by the reports.
#include "nines/report/human_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace nines::report {
namespace {

TEST(FormatFixed, RoundsToTheGivenDecimals) {
  EXPECT_EQ(format_fixed(3.14159, 2), "3.14");
  EXPECT_EQ(format_fixed(2.5, 0), "2");  // round half to even, as printf does
  EXPECT_EQ(format_fixed(-0.125, 1), "-0.1");
}

TEST(FormatSignificant, KeepsThreeSignificantDigits) {
  EXPECT_EQ(format_significant(2.3149, 3), "2.31");
  EXPECT_EQ(format_significant(0.0012345, 3), "0.00123");
  EXPECT_EQ(format_significant(1234.5, 3), "1234");
  EXPECT_EQ(format_significant(0.0, 3), "0");
  EXPECT_EQ(format_significant(std::nan(""), 3), "-");
}

TEST(AvailabilityDecimals, ShowThreeDigitsOfUnavailability) {
  EXPECT_EQ(availability_decimals(0.99951), 4);
  EXPECT_EQ(availability_decimals(0.9), 2);
  EXPECT_EQ(availability_decimals(0.5), 2);
  EXPECT_EQ(availability_decimals(0.9999999), 7);
  EXPECT_EQ(availability_decimals(1.0), 4);
  EXPECT_EQ(availability_decimals(1.0 - 1e-15), 10);
}

TEST(FormatPercent, ScalesAndAddsTheUnit) {
  EXPECT_EQ(format_percent(0.999512, 4), "99.9512 %");
  EXPECT_EQ(format_percent(0.5, 1), "50.0 %");
  EXPECT_EQ(format_percent(1.0, 2), "100.00 %");
}

TEST(NinesOf, IsMinusLog10OfUnavailability) {
  ASSERT_TRUE(nines_of(0.999).has_value());
  EXPECT_NEAR(*nines_of(0.999), 3.0, 1e-9);
  EXPECT_NEAR(*nines_of(0.9997), 3.5229, 1e-4);
  EXPECT_EQ(*nines_of(0.0), 0.0);
  EXPECT_FALSE(nines_of(1.0).has_value());
}

TEST(FormatNines, ShowsTwoDecimals) {
  EXPECT_EQ(format_nines(0.9997), "3.52 nines");
  EXPECT_EQ(format_nines(0.9), "1.00 nines");
  EXPECT_EQ(format_nines(1.0), "no downtime");
}

TEST(FormatDuration, PicksAHumanUnit) {
  EXPECT_EQ(format_duration(0.0), "0 s");
  EXPECT_EQ(format_duration(2.0 / 3600.0), "2.0 s");
  EXPECT_EQ(format_duration(42.0 / 3600.0), "42 s");
  EXPECT_EQ(format_duration(8.5 / 60.0), "8.5 min");
  EXPECT_EQ(format_duration(45.0 / 60.0), "45 min");
  EXPECT_EQ(format_duration(4.0 + 27.0 / 60.0), "4 h 27 min");
  EXPECT_EQ(format_duration(1.0 + 2.0 / 60.0), "1 h 02 min");
  EXPECT_EQ(format_duration(76.0), "3 d 4 h");
  EXPECT_EQ(format_duration(165.0 * 24.0), "165 d");
  EXPECT_EQ(format_duration(2.0), "2 h");
  EXPECT_EQ(format_duration(17171.683), "1.96 y");
  EXPECT_EQ(format_duration(8760.0 * 150.0), "150 y");
}

TEST(FormatDuration, RoundingNeverShowsSixtyMinutesOrTwentyFourHours) {
  EXPECT_EQ(format_duration(59.8 / 60.0), "1 h");
  EXPECT_EQ(format_duration(23.999), "1 d");
  EXPECT_EQ(format_duration(0.99999 / 60.0), "1.0 min");
}

TEST(FormatDuration, RejectsNegativeAndNonFinite) {
  EXPECT_EQ(format_duration(-1.0), "-");
  EXPECT_EQ(format_duration(std::numeric_limits<double>::infinity()), "-");
}

TEST(FormatHoursMinutes, WritesHoursAndMinutes) {
  EXPECT_EQ(format_hours_minutes(4.45), "4 h 27 min");
  EXPECT_EQ(format_hours_minutes(130.5), "130 h 30 min");
  EXPECT_EQ(format_hours_minutes(59.6 / 60.0), "1 h");
  EXPECT_EQ(format_hours_minutes(130.0), "130 h");
}

TEST(FormatHoursMinutes, KeepsDetailBelowAnHour) {
  EXPECT_EQ(format_hours_minutes(0.1), "6.0 min");
  EXPECT_EQ(format_hours_minutes(0.5), "30 min");
  EXPECT_EQ(format_hours_minutes(55.0 / 3600.0), "55 s");
  EXPECT_EQ(format_hours_minutes(0.0), "0 s");
  EXPECT_EQ(format_hours_minutes(-0.2), "0 s");
}

/// One row of the formatting rules: a value, how it is written, and why.
struct Written {
  std::string text;
  std::string expected;
};

TEST(FormattingRules, OnATableOfValues) {
  const std::vector<Written> table = {
      // Durations: one or two units, no zero tail.
      {format_duration(165.0 * 24.0), "165 d"},
      {format_duration(24.0), "1 d"},
      {format_duration(24.0 + 5.0), "1 d 5 h"},
      {format_duration(1.0), "1 h"},
      {format_duration(56.0 / 3600.0), "56 s"},
      // An interval in its estimate's unit: 56 s (27 s .. 84 s), not 56 s .. 1.4 min.
      {format_duration_as(84.0 / 3600.0, duration_style(56.0 / 3600.0)), "84 s"},
      {format_duration_as(130.0 / 3600.0, hours_minutes_style(56.0 / 3600.0)), "130 s"},
      {format_duration_as(0.5, hours_minutes_style(4.45)), "0 h 30 min"},
      {format_duration_as(2.0 * 8760.0, duration_style(8760.0)), "2.00 y"},
      // Below 1e-3 in magnitude: scientific with two significant digits.
      {format_number(1.7e-4, 3), "1.7e-4"},
      {format_number(0.000172, 3), "1.7e-4"},
      {format_number(-3.04e-7, 3), "-3.0e-7"},
      {format_number(0.0123, 3), "0.0123"},
      {format_number(2.3149, 3), "2.31"},
      {format_number(0.0, 3), "0"},
      {format_scientific(9.96e-4), "1.0e-3"},
      {format_scientific(1.5e12), "1.5e12"},
      // A line shares its first figure's style.
      {format_number_as(0.002, number_style(1.7e-4, 3)), "2.0e-3"},
      {format_number_as(0.25, number_style(0.123, 3)), "0.250"},
  };
  for (const auto& row : table) EXPECT_EQ(row.text, row.expected);
}

TEST(FormatCount, GroupsThousands) {
  EXPECT_EQ(format_count(std::uint64_t{0}), "0");
  EXPECT_EQ(format_count(std::uint64_t{999}), "999");
  EXPECT_EQ(format_count(std::uint64_t{1000}), "1,000");
  EXPECT_EQ(format_count(std::int64_t{1234567}), "1,234,567");
  EXPECT_EQ(format_count(std::int64_t{-1234}), "-1,234");
  EXPECT_EQ(format_count(std::numeric_limits<std::int64_t>::min()), "-9,223,372,036,854,775,808");
}

TEST(FormatSi, UsesThreeSignificantDigitsAndASuffix) {
  EXPECT_EQ(format_si(12345678.0), "12.3 M");
  EXPECT_EQ(format_si(999.0), "999");
  EXPECT_EQ(format_si(1500.0), "1.50 k");
  EXPECT_EQ(format_si(2.5e9), "2.50 G");
  EXPECT_EQ(format_si(0.5), "0.50");
}

}  // namespace
}  // namespace nines::report
