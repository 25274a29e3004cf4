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

/// A duration in hours in the largest sensible unit: "42 s", "8.5 min", "4 h 27 min",
/// "3 d 4 h", "1.96 y" (1 y = 8760 h). Negative or non-finite input is shown as "-".
std::string format_duration(double hours);

/// A yearly downtime in hours and minutes: "4 h 27 min", "130 h 05 min"; below an hour as
/// `format_duration` does ("55 s", "8.5 min", "45 min"). Negative values are shown as "0 s".
std::string format_hours_minutes(double hours);

/// An integer with thousands separators: 1234567 -> "1,234,567".
std::string format_count(std::uint64_t value);
std::string format_count(std::int64_t value);

/// A large number with an SI suffix and three significant digits: 12345678 -> "12.3 M".
std::string format_si(double value);

}  // namespace nines::report
