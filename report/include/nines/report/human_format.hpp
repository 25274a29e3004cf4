// Human-readable numbers for reports: percentages, "nines", durations, counts and rates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace nines::report {

/// `value` with exactly `decimals` digits after the point, in the C locale ("3.14").
std::string format_fixed(double value, int decimals);

/// `value` rounded to `digits` significant digits, in fixed notation: 2.3149 -> "2.31",
/// 0.0012345 -> "0.00123", 1234.5 -> "1235". Zero is "0"; non-finite values are "-".
std::string format_significant(double value, int digits);

/// Decimals that `format_significant(value, digits)` uses (0 to 12).
int significant_decimals(double value, int digits);

/// Decimals needed to show an availability as a percentage with three significant digits of
/// unavailability (0.99951 -> 4, i.e. "99.9510"); between 2 and 10.
int availability_decimals(double availability);

/// A fraction as a percentage with `decimals` decimals and a unit: 0.999512 -> "99.9512 %".
std::string format_percent(double fraction, int decimals);

/// -log10(1 - availability): 0.999 -> 3. Empty when availability >= 1 (no downtime: infinite);
/// 0 when availability <= 0.
std::optional<double> nines_of(double availability);

/// "3.52 nines", or "no downtime" when availability >= 1.
std::string format_nines(double availability);

/// The unit a duration is written in; compound units have no zero tail ("165 d", "1 h").
enum class DurationUnit { kSeconds, kMinutes, kHoursMinutes, kDaysHours, kYears };

/// A unit and the decimals of its number (seconds, minutes and years only).
struct DurationStyle {
  DurationUnit unit = DurationUnit::kSeconds;
  int decimals = 0;
};

/// The style `format_duration(hours)` uses.
DurationStyle duration_style(double hours);
/// The style `format_hours_minutes(hours)` uses.
DurationStyle hours_minutes_style(double hours);

/// `hours` written in `style`, so that an interval can be written in its estimate's unit
/// ("56 s (27 s .. 84 s)", not "56 s .. 1.4 min"). Negative or non-finite input is "-".
std::string format_duration_as(double hours, DurationStyle style);

/// A duration in hours in the largest sensible unit: "42 s", "8.5 min", "4 h 27 min", "4 h",
/// "3 d 4 h", "165 d", "1.96 y" (1 y = 8760 h). Negative or non-finite input is shown as "-".
std::string format_duration(double hours);

/// A yearly downtime in hours and minutes: "4 h 27 min", "130 h 05 min", "2 h"; below an hour as
/// `format_duration` does ("55 s", "8.5 min", "45 min"). Negative values are shown as "0 s".
std::string format_hours_minutes(double hours);

/// Two significant digits in scientific notation: 0.000172 -> "1.7e-4"; 0 is "0".
std::string format_scientific(double value);

/// How a plain number is written: scientific below 1e-3 in magnitude, else fixed decimals.
struct NumberStyle {
  bool scientific = false;
  int decimals = 0;
};

/// The style for `value` with `digits` significant digits; the figures of one line share the
/// style of its first figure.
NumberStyle number_style(double value, int digits);
std::string format_number_as(double value, NumberStyle style);
/// `format_number_as(value, number_style(value, digits))`: 0.0123 -> "0.0123" (3 digits),
/// 0.000172 -> "1.7e-4", never "0.000000000000".
std::string format_number(double value, int digits);

/// An integer with thousands separators: 1234567 -> "1,234,567".
std::string format_count(std::uint64_t value);
std::string format_count(std::int64_t value);

/// A large number with an SI suffix and three significant digits: 12345678 -> "12.3 M".
std::string format_si(double value);

}  // namespace nines::report
