// Typed reads of JSON values for the model loader, each failing with the user's key names.
#include "json_node.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include "key_table.hpp"
#include "nines/models/duration.hpp"

namespace nines::models::detail {

bool is_valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string never_fails_rule(std::string_view key) {
  // `mttr` is the repair's shorthand; a crew only serves repairs.
  const std::string_view what = key == "mttr"   ? std::string_view("repair")
                                : key == "crew" ? std::string_view("repairs for a crew")
                                                : key;
  return std::string(kNeverKeys) + std::string(what) + "; remove it";
}

std::string list_min_up_rule(std::size_t count) {
  return "must be an integer from 1 to the number of listed components (" + std::to_string(count) +
         ")";
}

std::optional<JsonNode> JsonNode::find(std::string_view key) const {
  auto it = value_->find(key);
  if (it == value_->end()) return std::nullopt;
  return JsonNode(*reporter_, *it, pointer_of(key));
}

JsonNode JsonNode::at(std::size_t index) const {
  return JsonNode(*reporter_, (*value_)[index], pointer_ + "/" + std::to_string(index));
}

std::string JsonNode::pointer_of(std::string_view key) const {
  return pointer_ + "/" + pointer_token(key);
}

void JsonNode::fail(std::string_view problem) const {
  reporter_->fail_showing(pointer_, problem, *value_);
}

void JsonNode::fail_without_value(std::string_view problem) const {
  reporter_->fail(pointer_, problem);
}

void JsonNode::expect_object_with_keys(const KeyTable& table) const {
  if (!value_->is_object()) fail("must be an object (a " + std::string(table.what) + ")");
  for (const auto& [key, item] : value_->items()) {
    if (table.find(key) != nullptr) continue;
    std::vector<std::string> names;
    names.reserve(table.rows.size());
    for (const KeyRow& row : table.rows) names.emplace_back(row.key);
    std::string problem = "unknown key " + quote(key);
    std::string nearest(table.key_also_called(key));
    if (nearest.empty()) nearest = nearest_name(key, names);
    if (!nearest.empty()) problem += " (did you mean " + quote(nearest) + "?)";
    // Every key: a table is short, unlike the ids of a model.
    problem +=
        "; known keys of a " + std::string(table.what) + ": " + list_names(names, names.size());
    reporter_->fail(pointer_of(key), problem);
  }
}

void JsonNode::expect_array() const {
  if (!value_->is_array()) fail("must be a list");
}

JsonNode JsonNode::require(std::string_view key, std::string_view hint) const {
  auto member = find(key);
  if (!member) {
    std::string problem = "missing " + quote(key);
    if (!hint.empty()) problem += " (" + std::string(hint) + ")";
    fail_without_value(problem);
  }
  return *member;
}

std::string JsonNode::as_string() const {
  if (!value_->is_string()) fail("must be a string");
  return value_->get<std::string>();
}

std::string JsonNode::as_id() const {
  if (!value_->is_string()) fail(kIdRule);
  std::string id = value_->get<std::string>();
  if (!is_valid_id(id)) fail(kIdRule);
  return id;
}

double JsonNode::as_number() const {
  if (!value_->is_number()) fail("must be a number");
  const double x = value_->get<double>();
  if (!std::isfinite(x)) fail("must be a finite number");
  return x;
}

double JsonNode::as_positive_number() const {
  if (!value_->is_number()) fail(kPositiveNumber);
  const double x = value_->get<double>();
  if (!std::isfinite(x) || !(x > 0.0)) fail(kPositiveNumber);
  return x;
}

double JsonNode::as_non_negative_number() const {
  if (!value_->is_number()) fail(kNonNegativeNumber);
  const double x = value_->get<double>();
  if (!std::isfinite(x) || !(x >= 0.0)) fail(kNonNegativeNumber);
  return x;
}

std::int64_t JsonNode::as_integer(std::int64_t min, std::int64_t max) const {
  return as_integer(
      min, max, "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
}

std::int64_t JsonNode::as_integer(std::int64_t min, std::int64_t max,
                                  std::string_view problem) const {
  if (value_->is_number_unsigned()) {
    const auto x = value_->get<std::uint64_t>();
    if (x > static_cast<std::uint64_t>(max) || static_cast<std::int64_t>(x) < min) fail(problem);
    return static_cast<std::int64_t>(x);
  }
  if (value_->is_number_integer()) {
    const auto x = value_->get<std::int64_t>();
    if (x < min || x > max) fail(problem);
    return x;
  }
  if (value_->is_number_float()) {
    const double x = value_->get<double>();
    if (!std::isfinite(x) || std::floor(x) != x || x < static_cast<double>(min) ||
        x > static_cast<double>(max)) {
      fail(problem);
    }
    return static_cast<std::int64_t>(x);
  }
  fail(problem);
}

std::uint64_t JsonNode::as_unsigned() const {
  constexpr std::string_view kProblem = "must be a non-negative integer";
  if (value_->is_number_unsigned()) return value_->get<std::uint64_t>();
  if (value_->is_number_integer()) {
    const auto x = value_->get<std::int64_t>();
    if (x < 0) fail(kProblem);
    return static_cast<std::uint64_t>(x);
  }
  if (value_->is_number_float()) {
    const double x = value_->get<double>();
    // 2^64 is exactly representable; every integral double below it fits.
    if (!std::isfinite(x) || std::floor(x) != x || x < 0.0 || x >= 18446744073709551616.0) {
      fail(kProblem);
    }
    return static_cast<std::uint64_t>(x);
  }
  fail(kProblem);
}

double JsonNode::as_duration(Zero zero) const {
  const std::string_view rule = zero == Zero::kAllowed ? kNonNegativeDuration : kPositiveDuration;
  std::optional<double> hours;
  if (value_->is_number()) {
    hours = value_->get<double>();
  } else if (value_->is_string()) {
    hours = parse_duration_text(value_->get_ref<const std::string&>());
  }
  if (!hours || !std::isfinite(*hours)) fail(std::string(rule) + std::string(kDurationExamples));
  if (*hours < 0.0 || (zero == Zero::kForbidden && *hours == 0.0)) fail(rule);
  return *hours == 0.0 ? 0.0 : *hours;  // no -0
}

double JsonNode::as_probability() const {
  if (!value_->is_number()) fail(kProbability);
  const double p = value_->get<double>();
  if (!(p >= 0.0 && p <= 1.0)) fail(kProbability);
  return p;
}

double JsonNode::as_fraction() const {
  if (!value_->is_number()) fail(kFractionRule);
  const double x = value_->get<double>();
  if (!std::isfinite(x) || !(x > 0.0 && x <= 1.0)) fail(kFractionRule);
  return x;
}

bool JsonNode::as_boolean() const {
  if (!value_->is_boolean()) fail(kBooleanRule);
  return value_->get<bool>();
}

}  // namespace nines::models::detail
