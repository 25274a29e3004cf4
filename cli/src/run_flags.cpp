// Parsing of the precision and window flags; durations reuse the model's units so "30d" means
// the same on the command line as in a model file.
#include "nines/cli/run_flags.hpp"

#include <charconv>
#include <cmath>

#include "nines/models/duration.hpp"

namespace nines::cli {

namespace {

/// The whole text as a finite double, or nothing.
std::optional<double> plain_number(std::string_view text) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

/// A plain number times `plain_unit_hours`, or a duration with a unit, in hours; positive only.
std::optional<double> positive_hours(std::string_view text, double plain_unit_hours) {
  std::optional<double> hours;
  if (const auto number = plain_number(text)) {
    hours = *number * plain_unit_hours;
  } else {
    hours = models::parse_duration_text(text);
  }
  if (!hours || !std::isfinite(*hours) || !(*hours > 0.0)) return std::nullopt;
  return hours;
}

}  // namespace

std::optional<double> parse_open_fraction(std::string_view text) {
  const auto value = plain_number(text);
  if (!value || !(*value > 0.0 && *value < 1.0)) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_replication_count(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end || value < 1 ||
      value > kMaxRunReplications) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> parse_seconds(std::string_view text) {
  constexpr double kSecondsPerHour = 3600.0;
  const auto hours = positive_hours(text, 1.0 / kSecondsPerHour);
  if (!hours) return std::nullopt;
  return *hours * kSecondsPerHour;
}

std::optional<double> parse_window_hours(std::string_view text) {
  return positive_hours(text, 1.0);
}

}  // namespace nines::cli
