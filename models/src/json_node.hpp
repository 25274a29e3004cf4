// A JSON value with its pointer: typed reads that fail with the loader's one-line messages.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "reporter.hpp"

namespace nines::models::detail {

struct KeyTable;

/// Whether a duration may be zero (detection, switchover) or must be positive.
enum class Zero { kForbidden, kAllowed };

class JsonNode {
 public:
  JsonNode(const Reporter& reporter, const nlohmann::json& value, std::string pointer)
      : reporter_(&reporter), value_(&value), pointer_(std::move(pointer)) {}

  const nlohmann::json& value() const { return *value_; }
  const std::string& pointer() const { return pointer_; }
  const Reporter& reporter() const { return *reporter_; }

  /// The member `key` if present (precondition: an object).
  std::optional<JsonNode> find(std::string_view key) const;
  /// Element `index` (precondition: an array with that many elements).
  JsonNode at(std::size_t index) const;
  /// The pointer a member `key` has (or would have).
  std::string pointer_of(std::string_view key) const;

  [[noreturn]] void fail(std::string_view problem) const;  // got: this value
  [[noreturn]] void fail_without_value(std::string_view problem) const;

  /// Fails unless an object; then fails on the first key not in `table`, suggesting the nearest.
  /// The table's `what` names the kind of object in the message ("component", "weibull law").
  void expect_object_with_keys(const KeyTable& table) const;
  void expect_array() const;
  /// The member `key`, failing with `missing "key"` (plus `hint`) when absent.
  JsonNode require(std::string_view key, std::string_view hint = {}) const;

  std::string as_string() const;
  /// A string matching [A-Za-z0-9_.-]+.
  std::string as_id() const;
  /// A finite number.
  double as_number() const;
  /// A finite number > 0.
  double as_positive_number() const;
  /// A finite number >= 0 (a cost).
  double as_non_negative_number() const;
  /// An integer in [min, max] (an integral floating value like 1e3 is accepted).
  std::int64_t as_integer(std::int64_t min, std::int64_t max) const;
  /// Same, failing with `problem`.
  std::int64_t as_integer(std::int64_t min, std::int64_t max, std::string_view problem) const;
  /// A non-negative integer up to 2^64 - 1.
  std::uint64_t as_unsigned() const;
  /// A duration in hours: a number of hours or a string with a unit.
  double as_duration(Zero zero) const;
  /// A probability in [0, 1].
  double as_probability() const;
  /// A number in (0, 1].
  double as_fraction() const;
  /// true or false.
  bool as_boolean() const;

 private:
  const Reporter* reporter_;
  const nlohmann::json* value_;
  std::string pointer_;
};

/// Problem texts shared by the loader and the validator, so both give the same messages.
inline constexpr std::string_view kPositiveDuration = "must be a positive duration";
inline constexpr std::string_view kNonNegativeDuration = "must be a non-negative duration";
inline constexpr std::string_view kDurationExamples =
    R"( like "90s", "15m", "2.5h", "3d", "2w" or "1y")";
inline constexpr std::string_view kPositiveNumber = "must be a positive number";
inline constexpr std::string_view kNonNegativeNumber = "must be a non-negative number";
inline constexpr std::string_view kCurrencyRule =
    R"(must be a non-empty string naming the currency of the costs, like "EUR")";
inline constexpr std::string_view kProbability = "must be a probability between 0 and 1";
inline constexpr std::string_view kFractionRule = "must be a number in (0, 1]";
inline constexpr std::string_view kBooleanRule = "must be true or false";
inline constexpr std::string_view kIdRule =
    "must be a non-empty id made of letters, digits, '_', '.' and '-'";
inline constexpr std::string_view kTargetRule =
    R"(must be an availability target: a fraction in (0, 1] like 0.9995 or a percentage like )"
    R"("99.95%")";
inline constexpr std::string_view kHotStandbyRule =
    R"(only allowed with "mode": "warm" or "cold" (hot instances all run; there is nothing )"
    R"(to switch over to))";
inline constexpr std::string_view kColdDormantRule =
    R"(not allowed with "mode": "cold" (idle cold instances do not fail; use "warm"))";
inline constexpr std::string_view kWarmNeedsDormant =
    R"(missing "dormant_failure": "mode": "warm" needs the time to failure of an idle )"
    R"(instance (use "cold" if idle instances never fail))";
inline constexpr std::string_view kUndetectedNeedsCoverage =
    R"(needs "coverage" beside it (the share of failures the monitoring catches))";
inline constexpr std::string_view kCoverageNeedsUndetected =
    R"(below 1 needs "undetected": a law for how long a missed failure lasts, or )"
    R"({"inspection_every": D})";
inline constexpr std::string_view kNeverOnlyFailure =
    R"(only a component's "failure" can be "never"; give a distribution)";
inline constexpr std::string_view kNeverKeys = R"(a component whose failure is "never" has no )";

/// The problem of a key (`repair`, `mttr`, `detection`, `standby`, `crew`) beside
/// `"failure": "never"`: "a component whose failure is "never" has no repair; remove it".
std::string never_fails_rule(std::string_view key);

/// The rule for the `min_up` of a list dependency with `count` components.
std::string list_min_up_rule(std::size_t count);

/// Whether `id` matches [A-Za-z0-9_.-]+.
bool is_valid_id(std::string_view id);

}  // namespace nines::models::detail
