// Parses and formats durations with units (s, m, h, d, w, y), always in hours inside.
#include "nines/models/duration.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace nines::models {
namespace {

/// Converts `value` in `unit` to hours. Seconds and minutes divide so that "45m" is exactly
/// 45.0 / 60.0 whichever way it was produced.
std::optional<double> to_hours(double value, std::string_view unit) {
  if (unit == "s") return value / 3600.0;
  if (unit == "m") return value / 60.0;
  if (unit == "h") return value;
  if (unit == "d") return value * 24.0;
  if (unit == "w") return value * 168.0;
  if (unit == "y") return value * 8760.0;
  return std::nullopt;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string shortest(double value) {
  std::array<char, 64> buffer{};
  auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), result.ptr};
}

}  // namespace

std::optional<double> parse_duration_text(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  bool negative = false;
  if (text.front() == '-' || text.front() == '+') {
    negative = text.front() == '-';
    text.remove_prefix(1);
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) return std::nullopt;
  }
  double value = 0.0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  auto [end, error] = std::from_chars(first, last, value);
  if (error != std::errc{} || end == first) return std::nullopt;
  std::string_view unit(end, static_cast<std::size_t>(last - end));
  while (!unit.empty() && is_space(unit.front())) unit.remove_prefix(1);
  auto hours = to_hours(value, unit);
  if (!hours) return std::nullopt;
  return negative ? -*hours : *hours;
}

std::string format_duration(double hours) {
  const std::array<std::pair<double, const char*>, 5> candidates{{{hours / 8760.0, "y"},
                                                                  {hours / 168.0, "w"},
                                                                  {hours / 24.0, "d"},
                                                                  {hours * 60.0, "m"},
                                                                  {hours * 3600.0, "s"}}};
  std::string best = shortest(hours) + "h";
  for (const auto& [value, unit] : candidates) {
    if (!std::isfinite(value)) continue;
    std::string candidate = shortest(value) + unit;
    auto back = parse_duration_text(candidate);
    if (back && *back == hours && candidate.size() < best.size()) best = std::move(candidate);
  }
  return best;
}

}  // namespace nines::models
