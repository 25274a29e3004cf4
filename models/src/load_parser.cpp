// Parses `load`: the rate, its hourly profile, the thresholds that turn a served share into up,
// degraded or down, and the basis of the SLA.
#include "load_parser.hpp"

#include <cmath>
#include <string>
#include <unordered_map>

#include "distribution_parser.hpp"
#include "key_table.hpp"

namespace nines::models::detail {
namespace {

constexpr std::string_view kPeakAtRule =
    R"(must be a whole hour of the day "HH:00", from "00:00" to "23:00")";

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

std::vector<double> parse_times(const JsonNode& node) {
  constexpr std::string_view kRule =
      R"(must be a non-empty list of fixed times >= 0, like ["30d", "200d"])";
  if (!node.value().is_array() || node.value().empty()) node.fail(kRule);
  std::vector<double> times;
  times.reserve(node.value().size());
  for (std::size_t i = 0; i < node.value().size(); ++i) {
    times.push_back(node.at(i).as_duration(Zero::kAllowed));
  }
  return times;
}

Spike parse_spike(const JsonNode& node) {
  node.expect_object_with_keys(kSpikeKeys);
  Spike spike;
  if (auto id = node.find("id")) spike.id = id->as_id();
  auto gap = node.find("gap");
  auto at = node.find("at");
  if (gap && at) {
    at->fail_without_value(
        R"(give either "gap" (random spikes) or "at" (scheduled ones), not both)");
  }
  if (!gap && !at) {
    node.fail_without_value(
        R"(missing "gap" (the time between random spikes, a law) or "at" (a list of fixed )"
        R"(start times))");
  }
  if (gap) spike.gap = parse_distribution(*gap, Zero::kForbidden);
  if (at) spike.at_hours = parse_times(*at);
  spike.duration = parse_distribution(
      node.require("duration", "how long a spike lasts, a law with a mean above 0"),
      Zero::kForbidden);
  spike.multiplier =
      node.require("multiplier", "the factor on the offered load while a spike runs, above 0")
          .as_positive_number();
  return spike;
}

std::vector<Spike> parse_spikes(const JsonNode& node) {
  node.expect_array();
  std::vector<Spike> spikes;
  std::unordered_map<std::string, std::size_t> first_use;
  for (std::size_t i = 0; i < node.value().size(); ++i) {
    const JsonNode item = node.at(i);
    spikes.push_back(parse_spike(item));
    const std::string& id = spikes.back().id;
    if (id.empty()) continue;
    const auto [it, fresh] = first_use.emplace(id, i);
    if (!fresh) {
      item.require("id").fail("duplicate spike id; first used at " + node.pointer() + "/" +
                              std::to_string(it->second));
    }
  }
  return spikes;
}

std::vector<Journey> parse_journeys(const JsonNode& node) {
  constexpr std::string_view kRule =
      R"(must be a non-empty list of journeys like {"entry": "storefront", "share": 0.8})";
  if (!node.value().is_array() || node.value().empty()) node.fail(kRule);
  std::vector<Journey> journeys;
  std::unordered_map<std::string, std::size_t> first_use;
  double sum = 0.0;
  for (std::size_t i = 0; i < node.value().size(); ++i) {
    const JsonNode item = node.at(i);
    item.expect_object_with_keys(kJourneyKeys);
    Journey journey;
    const JsonNode entry = item.require("entry", "the id of the component this journey reaches");
    journey.entry = entry.as_id();
    journey.share =
        item.require("share", "its share of the load, a number in (0, 1]").as_fraction();
    const auto [it, fresh] = first_use.emplace(journey.entry, i);
    if (!fresh) {
      entry.fail("another journey has this entry (" + node.pointer() + "/" +
                 std::to_string(it->second) + "); give each entry one journey");
    }
    sum += journey.share;
    journeys.push_back(std::move(journey));
  }
  if (!(std::abs(sum - 1.0) <= kJourneyShareTolerance)) {
    node.fail_without_value("shares must sum to 1 (within 1e-9); they sum to " +
                            nlohmann::json(sum).dump());
  }
  return journeys;
}

}  // namespace

Load parse_load(const JsonNode& node) {
  node.expect_object_with_keys(kLoadKeys);
  Load load;
  load.rps =
      node.require("rps", "the mean requests per second, a number above 0").as_positive_number();
  if (auto profile = node.find("profile")) load.profile = parse_profile(*profile);
  if (auto limit = node.find("limit_rps")) load.limit_rps = limit->as_positive_number();
  if (auto outage = node.find("outage_below")) load.outage_below = outage->as_fraction();
  if (auto degraded = node.find("degraded_below")) {
    load.degraded_below = degraded->as_fraction();
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
  if (auto spikes = node.find("spikes")) load.spikes = parse_spikes(*spikes);
  if (auto journeys = node.find("journeys")) load.journeys = parse_journeys(*journeys);
  return load;
}

}  // namespace nines::models::detail
