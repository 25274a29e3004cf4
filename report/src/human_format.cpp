// Human-readable numbers for reports: percentages, "nines", durations, counts and rates.
#include "nines/report/human_format.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <locale>
#include <sstream>

namespace nines::report {

namespace {

constexpr double kMinutesPerHour = 60.0;
constexpr double kSecondsPerHour = 3600.0;
constexpr double kHoursPerDay = 24.0;
constexpr double kHoursPerYear = 8760.0;
constexpr long long kWholeMinutesPerDay = 1440;
constexpr long long kWholeHoursPerYear = 8760;

/// "4 h 27 min", "4 h", "0 h 45 min" from a whole number of minutes (no zero tail).
std::string hours_and_minutes(long long total_minutes) {
  const long long hours = total_minutes / 60;
  const long long minutes = total_minutes % 60;
  std::string text = std::to_string(hours) + " h";
  if (minutes == 0) return text;
  text += minutes < 10 ? " 0" : " ";
  return text + std::to_string(minutes) + " min";
}

/// "3 d 4 h", "165 d" from a whole number of hours (no zero tail).
std::string days_and_hours(long long total_hours) {
  std::string text = std::to_string(total_hours / 24) + " d";
  if (total_hours % 24 != 0) text += " " + std::to_string(total_hours % 24) + " h";
  return text;
}

}  // namespace

std::string format_fixed(double value, int decimals) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.setf(std::ios::fixed, std::ios::floatfield);
  out.precision(decimals);
  out << value;
  return out.str();
}

int significant_decimals(double value, int digits) {
  constexpr int kMaxDecimals = 12;
  if (!(std::abs(value) > 0.0) || !std::isfinite(value)) return 0;
  constexpr double kRoundingSlack = 1e-9;
  const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value)) + kRoundingSlack));
  return std::clamp(digits - 1 - magnitude, 0, kMaxDecimals);
}

std::string format_significant(double value, int digits) {
  if (!std::isfinite(value)) return "-";
  if (value == 0.0) return "0";
  return format_fixed(value, significant_decimals(value, digits));
}

int availability_decimals(double availability) {
  constexpr int kMin = 2;
  constexpr int kMax = 10;
  const double unavailability_percent = 100.0 * (1.0 - availability);
  if (!(unavailability_percent > 0.0) || !std::isfinite(unavailability_percent)) return 4;
  // The small offset keeps 1 - 0.9999 (0.0099999...) from counting as the decade below.
  constexpr double kRoundingSlack = 1e-9;
  const int decimals =
      2 - static_cast<int>(std::floor(std::log10(unavailability_percent) + kRoundingSlack));
  return std::clamp(decimals, kMin, kMax);
}

std::string format_percent(double fraction, int decimals) {
  return format_fixed(100.0 * fraction, decimals) + " %";
}

std::optional<double> nines_of(double availability) {
  if (!(availability < 1.0)) return std::nullopt;
  if (availability <= 0.0) return 0.0;
  return -std::log10(1.0 - availability);
}

std::string format_nines(double availability) {
  const auto nines = nines_of(availability);
  if (!nines) return "no downtime";
  return format_fixed(*nines, 2) + " nines";
}

DurationStyle duration_style(double hours) {
  if (!std::isfinite(hours) || hours < 0.0) return {DurationUnit::kSeconds, 0};
  const double seconds = hours * kSecondsPerHour;
  if (hours * kMinutesPerHour < 0.9995) {
    if (seconds == 0.0) return {DurationUnit::kSeconds, 0};
    return {DurationUnit::kSeconds, seconds < 9.95 ? 1 : 0};
  }
  if (hours < 1.0) {
    const double minutes = hours * kMinutesPerHour;
    if (minutes < 9.95) return {DurationUnit::kMinutes, 1};
    if (minutes < 59.5) return {DurationUnit::kMinutes, 0};
  }
  if (hours < kHoursPerDay && std::llround(hours * kMinutesPerHour) < kWholeMinutesPerDay) {
    return {DurationUnit::kHoursMinutes, 0};
  }
  if (hours < 365.0 * kHoursPerDay && std::llround(hours) < kWholeHoursPerYear) {
    return {DurationUnit::kDaysHours, 0};
  }
  const double years = hours / kHoursPerYear;
  return {DurationUnit::kYears, years < 9.995 ? 2 : (years < 99.95 ? 1 : 0)};
}

DurationStyle hours_minutes_style(double hours) {
  if (!std::isfinite(hours)) return {DurationUnit::kSeconds, 0};
  hours = std::max(hours, 0.0);
  // Below an hour the minutes alone would lose the detail that matters for highly available
  // systems (55 s a year is not "0 h 01 min").
  if (hours * kMinutesPerHour < 59.5) return duration_style(hours);
  return {DurationUnit::kHoursMinutes, 0};
}

std::string format_duration_as(double hours, DurationStyle style) {
  if (!std::isfinite(hours) || hours < 0.0) return "-";
  switch (style.unit) {
    case DurationUnit::kSeconds: {
      const double seconds = hours * kSecondsPerHour;
      if (seconds == 0.0) return "0 s";
      return format_fixed(seconds, style.decimals) + " s";
    }
    case DurationUnit::kMinutes:
      return format_fixed(hours * kMinutesPerHour, style.decimals) + " min";
    case DurationUnit::kHoursMinutes:
      return hours_and_minutes(std::llround(hours * kMinutesPerHour));
    case DurationUnit::kDaysHours:
      return days_and_hours(std::llround(hours));
    case DurationUnit::kYears:
      return format_fixed(hours / kHoursPerYear, style.decimals) + " y";
  }
  return "-";
}

std::string format_duration(double hours) {
  return format_duration_as(hours, duration_style(hours));
}

std::string format_hours_minutes(double hours) {
  if (!std::isfinite(hours)) return "-";
  hours = std::max(hours, 0.0);
  return format_duration_as(hours, hours_minutes_style(hours));
}

std::string format_scientific(double value) {
  if (!std::isfinite(value)) return "-";
  if (value == 0.0) return "0";
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.1e", value);
  // "1.7e-04" -> "1.7e-4": no sign or leading zeros in the exponent.
  std::string text = buffer.data();
  const auto e = text.find('e');
  std::string exponent = text.substr(e + 1);
  const bool negative = exponent.front() == '-';
  if (exponent.front() == '-' || exponent.front() == '+') exponent.erase(0, 1);
  while (exponent.size() > 1 && exponent.front() == '0') exponent.erase(0, 1);
  return text.substr(0, e) + "e" + (negative ? "-" : "") + exponent;
}

NumberStyle number_style(double value, int digits) {
  constexpr double kScientificBelow = 1e-3;
  if (std::isfinite(value) && value != 0.0 && std::abs(value) < kScientificBelow) {
    return {true, 0};
  }
  return {false, significant_decimals(value, digits)};
}

std::string format_number_as(double value, NumberStyle style) {
  if (!std::isfinite(value)) return "-";
  if (style.scientific) return format_scientific(value);
  return format_fixed(value, style.decimals);
}

std::string format_number(double value, int digits) {
  return format_number_as(value, number_style(value, digits));
}

std::string format_count(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string text;
  text.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
    text += digits[i];
  }
  return text;
}

std::string format_count(std::int64_t value) {
  if (value < 0) return "-" + format_count(static_cast<std::uint64_t>(-(value + 1)) + 1U);
  return format_count(static_cast<std::uint64_t>(value));
}

std::string format_si(double value) {
  if (!std::isfinite(value)) return "-";
  static constexpr std::array<const char*, 6> kSuffixes = {"", " k", " M", " G", " T", " P"};
  std::size_t index = 0;
  double scaled = std::abs(value);
  while (scaled >= 999.5 && index + 1 < kSuffixes.size()) {
    scaled /= 1000.0;
    ++index;
  }
  const int decimals = scaled < 9.995 ? 2 : (scaled < 99.95 ? 1 : 0);
  if (index == 0 && value == std::floor(value)) return format_fixed(value, 0);
  return (value < 0 ? "-" : "") + format_fixed(scaled, decimals) + kSuffixes[index];
}

}  // namespace nines::report
