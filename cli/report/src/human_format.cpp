// Human-readable numbers for reports: percentages, "nines", durations, counts and rates.
#include "nines/report/human_format.hpp"

#include <algorithm>
#include <array>
#include <cmath>
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

/// "4 h 27 min" from a whole number of minutes.
std::string hours_and_minutes(long long total_minutes) {
  const long long hours = total_minutes / 60;
  const long long minutes = total_minutes % 60;
  std::string text = std::to_string(hours) + " h ";
  if (minutes < 10) text += '0';
  return text + std::to_string(minutes) + " min";
}

std::string seconds_text(double hours) {
  const double seconds = hours * kSecondsPerHour;
  if (seconds == 0.0) return "0 s";
  if (seconds < 9.95) return format_fixed(seconds, 1) + " s";
  return format_fixed(std::round(seconds), 0) + " s";
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

std::string format_duration(double hours) {
  if (!std::isfinite(hours) || hours < 0.0) return "-";
  if (hours * kMinutesPerHour < 0.9995) return seconds_text(hours);
  if (hours < 1.0) {
    const double minutes = hours * kMinutesPerHour;
    if (minutes < 9.95) return format_fixed(minutes, 1) + " min";
    if (minutes < 59.5) return format_fixed(std::round(minutes), 0) + " min";
  }
  if (hours < kHoursPerDay) {
    const auto total_minutes = std::llround(hours * kMinutesPerHour);
    if (total_minutes < kWholeMinutesPerDay) return hours_and_minutes(total_minutes);
  }
  if (hours < 365.0 * kHoursPerDay) {
    const auto total_hours = std::llround(hours);
    if (total_hours < kWholeHoursPerYear) {
      return std::to_string(total_hours / 24) + " d " + std::to_string(total_hours % 24) + " h";
    }
  }
  const double years = hours / kHoursPerYear;
  if (years < 99.95) return format_fixed(years, years < 9.995 ? 2 : 1) + " y";
  return format_fixed(std::round(years), 0) + " y";
}

std::string format_hours_minutes(double hours) {
  if (!std::isfinite(hours)) return "-";
  hours = std::max(hours, 0.0);
  // Below an hour the minutes alone would lose the detail that matters for highly available
  // systems (55 s a year is not "0 h 01 min").
  if (hours * kMinutesPerHour < 59.5) return format_duration(hours);
  return hours_and_minutes(std::llround(hours * kMinutesPerHour));
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
