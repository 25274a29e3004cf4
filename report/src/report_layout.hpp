// Layout helpers shared by the readable reports and the JSON writers of the report library.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

namespace nines::report::layout {

/// Width of the label column of a report row.
inline constexpr std::size_t kLabelWidth = 24;
/// Width of the value column when a detail follows.
inline constexpr std::size_t kValueWidth = 13;

inline std::string pad_right(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

inline std::string pad_left(const std::string& text, std::size_t width) {
  if (text.size() >= width) return text;
  return std::string(width - text.size(), ' ') + text;
}

/// "  Label                   value           detail", without trailing blanks.
inline void row(std::ostream& out, const std::string& label, const std::string& value,
                const std::string& detail = {}) {
  std::string line = "  " + pad_right(label, kLabelWidth);
  line += detail.empty() ? value : pad_right(value, kValueWidth) + "  " + detail;
  out << line << '\n';
}

/// A double, or null when it is not finite (JSON has no infinity or NaN).
inline nlohmann::json number(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

inline nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? number(*value) : nlohmann::json(nullptr);
}

}  // namespace nines::report::layout
