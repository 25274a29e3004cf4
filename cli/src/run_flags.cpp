// Parsing of the precision and window flags; durations reuse the model's units so "30d" means
// the same on the command line as in a model file.
#include "nines/cli/run_flags.hpp"

#include <charconv>
#include <cmath>
#include <limits>

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

/// A duration with a unit, in hours; positive only. A plain number is refused: "10" on a
/// command line is as ambiguous as in a model file.
std::optional<double> positive_hours(std::string_view text) {
  if (is_plain_number(text)) return std::nullopt;
  const std::optional<double> hours = models::parse_duration_text(text);
  if (!hours || !std::isfinite(*hours) || !(*hours > 0.0)) return std::nullopt;
  return hours;
}

}  // namespace

bool is_plain_number(std::string_view text) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  return !text.empty() && stop == end && error != std::errc::invalid_argument;
}

std::string duration_problem(std::string_view text, const char* problem) {
  if (is_plain_number(text))
    return std::string(kUnitProblem) + "; got \"" + std::string(text) + "\"";
  return std::string(problem) + "; got \"" + std::string(text) + "\"";
}

std::optional<double> parse_open_fraction(std::string_view text) {
  const auto value = plain_number(text);
  if (!value || !(*value > 0.0 && *value < 1.0)) return std::nullopt;
  return value;
}

std::optional<std::size_t> parse_top(std::string_view text) {
  if (text == "all") return std::numeric_limits<std::size_t>::max();
  std::size_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
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
  const auto hours = positive_hours(text);
  if (!hours) return std::nullopt;
  return *hours * kSecondsPerHour;
}

std::optional<double> parse_window_hours(std::string_view text) { return positive_hours(text); }

}  // namespace nines::cli
