// Durations as written in model files: a number of hours or a string with a unit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nines::models {

/// Hours per unit: s = 1/3600, m = 1/60, h = 1, d = 24, w = 168, y = 8760.
/// Parses "90s", "15m", "2.5h", "3d", "2w", "1y" (a decimal number, optional spaces, a unit) to
/// hours. Returns nothing when the text is not of that form (no unit, unknown unit, bad number).
/// The result may be negative or non-finite ("-5h", "inf h"): range checks are the caller's.
std::optional<double> parse_duration_text(std::string_view text);

/// The shortest text that `parse_duration_text` reads back to exactly `hours` ("1y", "45m",
/// "2.5h", "0.1234567h"). Precondition: `hours` is finite.
std::string format_duration(double hours);

}  // namespace nines::models
