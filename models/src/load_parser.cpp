// Parses `load`: the rate, its hourly profile, the thresholds that turn a served share into up,
// degraded or down, and the basis of the SLA.
#include "load_parser.hpp"

#include <cmath>
#include <string>

#include "key_table.hpp"

namespace nines::models::detail {
namespace {

constexpr std::string_view kFractionRule = "must be a number in (0, 1]";
constexpr std::string_view kPeakAtRule =
    R"(must be a whole hour of the day "HH:00", from "00:00" to "23:00")";

double fraction(const JsonNode& node) {
  if (!node.value().is_number()) node.fail(kFractionRule);
  const double x = node.value().get<double>();
  if (!std::isfinite(x) || !(x > 0.0 && x <= 1.0)) node.fail(kFractionRule);
  return x;
}

std::int64_t parse_peak_at(const JsonNode& node) {
  if (!node.value().is_string()) node.fail(kPeakAtRule);
  const auto& text = node.value().get_ref<const std::string&>();
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (text.size() != 5 || !digit(text[0]) || !digit(text[1]) || text.substr(2) != ":00") {
    node.fail(kPeakAtRule);
  }
  const int hour = (text[0] - '0') * 10 + (text[1] - '0');
  if (hour > 23) node.fail(kPeakAtRule);
  return hour;
}

std::vector<double> parse_values(const JsonNode& node, std::size_t count, std::string_view type) {
  const std::string rule = "must be a list of " + std::to_string(count) +
                           " finite numbers >= 0, at least one above 0 (the multipliers of the " +
                           std::string(type) + " profile)";
  if (!node.value().is_array() || node.value().size() != count) node.fail(rule);
  std::vector<double> values;
  values.reserve(count);
  bool positive = false;
  for (std::size_t i = 0; i < count; ++i) {
    const JsonNode item = node.at(i);
    if (!item.value().is_number()) item.fail("must be a finite number >= 0");
    const double x = item.value().get<double>();
    if (!std::isfinite(x) || !(x >= 0.0)) item.fail("must be a finite number >= 0");
    positive = positive || x > 0.0;
    values.push_back(x);
  }
  if (!positive) node.fail(rule);
  return values;
}

/// Fails on `key` when present: it belongs to another profile type.
void refuse(const JsonNode& node, std::string_view key, std::string_view owner) {
  if (auto member = node.find(key)) {
    member->fail_without_value(std::string("only allowed with \"type\": ") + std::string(owner));
  }
}

LoadProfile parse_profile(const JsonNode& node) {
  node.expect_object_with_keys(kLoadProfileKeys);
  LoadProfile profile;
  const JsonNode type =
      node.require("type", R"(the profile's type: "constant", "diurnal", "hourly" or "weekly")");
  const std::string name = type.value().is_string() ? type.as_string() : std::string();
  if (name == "constant") {
    profile.type = LoadProfile::Type::kConstant;
  } else if (name == "diurnal") {
    profile.type = LoadProfile::Type::kDiurnal;
  } else if (name == "hourly") {
    profile.type = LoadProfile::Type::kHourly;
  } else if (name == "weekly") {
    profile.type = LoadProfile::Type::kWeekly;
  } else {
    type.fail(R"(must be "constant", "diurnal", "hourly" or "weekly")");
  }
  if (profile.type == LoadProfile::Type::kDiurnal) {
    const JsonNode peak = node.require(
        "peak_to_mean", "a diurnal profile needs its peak over its mean, a number in [1, 2]");
    if (!peak.value().is_number()) peak.fail("must be a number in [1, 2]");
    profile.peak_to_mean = peak.value().get<double>();
    if (!(profile.peak_to_mean >= 1.0 && profile.peak_to_mean <= 2.0)) {
      peak.fail("must be a number in [1, 2]");
    }
    if (auto at = node.find("peak_at")) profile.peak_at_hour = parse_peak_at(*at);
    refuse(node, "values", R"("hourly" or "weekly")");
    return profile;
  }
  refuse(node, "peak_to_mean", R"("diurnal")");
  refuse(node, "peak_at", R"("diurnal")");
  if (profile.type == LoadProfile::Type::kConstant) {
    refuse(node, "values", R"("hourly" or "weekly")");
    return profile;
  }
  const bool hourly = profile.type == LoadProfile::Type::kHourly;
  profile.values = parse_values(
      node.require("values", hourly ? "24 multipliers, one per hour of the day"
                                    : "168 multipliers, one per hour of the week from Monday"),
      hourly ? 24 : 168, hourly ? "hourly" : "weekly");
  return profile;
}

}  // namespace

Load parse_load(const JsonNode& node) {
  node.expect_object_with_keys(kLoadKeys);
  Load load;
  load.rps =
      node.require("rps", "the mean requests per second, a number above 0").as_positive_number();
  if (auto profile = node.find("profile")) load.profile = parse_profile(*profile);
  if (auto limit = node.find("limit_rps")) load.limit_rps = limit->as_positive_number();
  if (auto outage = node.find("outage_below")) load.outage_below = fraction(*outage);
  if (auto degraded = node.find("degraded_below")) {
    load.degraded_below = fraction(*degraded);
    if (*load.degraded_below < load.outage_below) {
      degraded->fail("must be a number in [outage_below, 1] (outage_below is " +
                     nlohmann::json(load.outage_below).dump() + ")");
    }
  }
  if (auto basis = node.find("slo_basis")) {
    const std::string text = basis->value().is_string() ? basis->as_string() : std::string();
    if (text == "time") {
      load.slo_basis = SloBasis::kTime;
    } else if (text == "requests") {
      load.slo_basis = SloBasis::kRequests;
    } else {
      basis->fail(R"(must be "time" or "requests")");
    }
  }
  if (auto after = node.find("metastable_after")) {
    load.metastable_after_hours = after->as_duration(Zero::kAllowed);
  }
  return load;
}

}  // namespace nines::models::detail
