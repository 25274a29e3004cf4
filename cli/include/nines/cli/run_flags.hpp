// The values of `nines run`'s precision and window flags: parsing with one-line problems.
#pragma once

#include <cstddef>
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
/// A positive time in seconds, from a duration with a unit ("90s", "10m", "2h") (--max-time);
/// a plain number has no unit and is refused.
std::optional<double> parse_seconds(std::string_view text);
/// A positive duration in hours, from a duration with a unit ("30d") (--window); a plain number
/// is refused.
std::optional<double> parse_window_hours(std::string_view text);
/// A row count for --top: an integer from 0, or "all" (the largest size_t).
std::optional<std::size_t> parse_top(std::string_view text);

/// True when `text` is a bare number ("10", "1e3", "-2"): a duration without its unit.
bool is_plain_number(std::string_view text);
/// The one-line problem of a refused duration flag value: kUnitProblem for a bare number, else
/// `problem`; both end with the value (`; got "10"`).
std::string duration_problem(std::string_view text, const char* problem);

inline constexpr std::int64_t kMaxRunReplications = 1'000'000'000;

inline constexpr const char* kFractionProblem = "must be a number between 0 and 1 (exclusive)";
inline constexpr const char* kCountProblem = "must be an integer from 1 to 1,000,000,000";
inline constexpr const char* kSecondsProblem = "must be a positive time with a unit (90s, 10m, 2h)";
inline constexpr const char* kWindowProblem =
    "must be a positive duration with a unit (30d, 1w, 720h)";
inline constexpr const char* kUnitProblem = "give a unit, e.g. 10h or 10y";
inline constexpr const char* kTopProblem = "must be a number of rows (0, 5, 25...) or all";

}  // namespace nines::cli
