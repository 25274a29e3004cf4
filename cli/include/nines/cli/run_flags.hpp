// The values of `nines run`'s precision and window flags: parsing with one-line problems.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nines::cli {

/// Each parser returns the value, or nothing when `text` is not acceptable; the k*Problem texts
/// below say what is expected, for the one-line error.

/// A number strictly between 0 and 1 (--precision, --confidence).
std::optional<double> parse_open_fraction(std::string_view text);
/// An integer from 1 to kMaxRunReplications (--batch, --max-replications).
std::optional<std::int64_t> parse_replication_count(std::string_view text);
/// A positive time in seconds: a plain number is seconds, or a duration with a unit
/// ("90s", "10m", "2h") (--max-time).
std::optional<double> parse_seconds(std::string_view text);
/// A positive duration in hours: a plain number is hours, or a duration with a unit ("30d")
/// (--window).
std::optional<double> parse_window_hours(std::string_view text);

inline constexpr std::int64_t kMaxRunReplications = 1'000'000'000;

inline constexpr const char* kFractionProblem = "must be a number between 0 and 1 (exclusive)";
inline constexpr const char* kCountProblem = "must be an integer from 1 to 1,000,000,000";
inline constexpr const char* kSecondsProblem =
    "must be a positive time: seconds, or a number with a unit (90s, 10m, 2h)";
inline constexpr const char* kWindowProblem =
    "must be a positive duration: hours, or a number with a unit (30d, 1w, 720h)";

}  // namespace nines::cli
