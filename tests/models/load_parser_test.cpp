// Tests of `load` (load_parser.cpp, load_profile.cpp): defaults, every profile, every error,
// overrides and saving.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using nlohmann::json;
using testing::message_of;
using testing::parse_error;

json with_load(const json& load) {
  json document = testing::three_tier();
  document["load"] = load;
  return document;
}

Load load_of(const json& load) { return *parse_model(with_load(load), "m.json").model.load; }

std::string load_error(const json& load) { return parse_error(with_load(load)); }

TEST(Load, AbsentWithoutTheKey) {
  EXPECT_FALSE(parse_model(testing::three_tier(), "m.json").model.load.has_value());
}

TEST(Load, Defaults) {
  const Load load = load_of({{"rps", 1200}});
  EXPECT_EQ(load.rps, 1200.0);
  EXPECT_EQ(load.profile.type, LoadProfile::Type::kConstant);
  EXPECT_FALSE(load.limit_rps.has_value());
  EXPECT_EQ(load.outage_below, 0.5);
  EXPECT_FALSE(load.degraded_below.has_value());
  EXPECT_EQ(load.degraded_threshold(), 0.99);
  EXPECT_EQ(load.slo_basis, SloBasis::kTime);
  EXPECT_EQ(load.metastable_after_hours, 1.0);
  // degraded_below defaults to outage_below when that is higher than 0.99.
  EXPECT_EQ(load_of({{"rps", 1}, {"outage_below", 0.995}}).degraded_threshold(), 0.995);
}

TEST(Load, ReadsEveryKey) {
  const Load load = load_of(json::parse(R"({"rps": 1200, "limit_rps": 5000,
      "profile": {"type": "diurnal", "peak_to_mean": 1.8, "peak_at": "09:00"},
      "outage_below": 0.4, "degraded_below": 0.9, "slo_basis": "requests",
      "metastable_after": "30m"})"));
  EXPECT_EQ(load.profile.type, LoadProfile::Type::kDiurnal);
  EXPECT_EQ(load.profile.peak_to_mean, 1.8);
  EXPECT_EQ(load.profile.peak_at_hour, 9);
  EXPECT_EQ(load.limit_rps, std::optional<double>(5000.0));
  EXPECT_EQ(load.outage_below, 0.4);
  EXPECT_EQ(load.degraded_below, std::optional<double>(0.9));
  EXPECT_EQ(load.slo_basis, SloBasis::kRequests);
  EXPECT_EQ(load.metastable_after_hours, 0.5);
}

TEST(Load, AModelBuiltInCodeFailsValidationAsItsFileWould) {
  // The GUI edits a Model, not a file: a load it builds must be refused by validate_model with
  // the parser's pointer and message.
  Model model = parse_model(with_load({{"rps", 100}}), "m.json").model;
  model.load->profile.type = LoadProfile::Type::kHourly;
  model.load->profile.values.assign(24, 1.0);
  EXPECT_NO_THROW(validate_model(model, "m.json"));
  model.load->profile.values[3] = -1.0;
  try {
    validate_model(model, "m.json");
    ADD_FAILURE() << "a negative multiplier validated";
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()),
              "m.json: /load/profile/values/3: must be a finite number >= 0; got -1.0");
  }
  model.load->profile.values[3] = 1.0;
  model.load->outage_below = 0.0;
  EXPECT_THROW(validate_model(model, "m.json"), ModelError);
}

TEST(LoadProfile, DiurnalMultipliersFollowTheDocumentedCosine) {
  const Load load =
      load_of({{"rps", 1}, {"profile", {{"type", "diurnal"}, {"peak_to_mean", 1.5}}}});
  EXPECT_EQ(load.profile.peak_at_hour, 14);  // the default "14:00"
  const std::vector<double> m = profile_multipliers(load.profile);
  ASSERT_EQ(m.size(), 24u);
  double sum = 0.0;
  for (std::size_t h = 0; h < 24; ++h) {
    const double expected =
        1.0 + 0.5 * std::cos(2.0 * std::numbers::pi * (static_cast<double>(h) + 0.5 - 14.0) / 24.0);
    EXPECT_NEAR(m[h], expected, 1e-15) << h;
    sum += m[h];
  }
  EXPECT_NEAR(sum, 24.0, 1e-12);  // the mean over a day is 1
  // The highest hours are the two around the peak: 1 + (p - 1) cos(pi / 24), not p itself.
  const double highest = 1.0 + 0.5 * std::cos(std::numbers::pi / 24.0);
  EXPECT_NEAR(m[13], highest, 1e-15);
  EXPECT_NEAR(m[14], highest, 1e-15);
  EXPECT_NEAR(*std::max_element(m.begin(), m.end()), highest, 1e-15);
}

TEST(LoadProfile, ConstantHourlyAndWeekly) {
  EXPECT_EQ(profile_multipliers(LoadProfile{}), std::vector<double>{1.0});
  std::vector<double> hourly(24, 1.0);
  hourly[3] = 0.0;
  hourly[20] = 2.5;
  const Load h = load_of({{"rps", 10}, {"profile", {{"type", "hourly"}, {"values", hourly}}}});
  EXPECT_EQ(h.profile.type, LoadProfile::Type::kHourly);
  EXPECT_EQ(profile_multipliers(h.profile), hourly);  // not normalised
  std::vector<double> weekly(168, 0.5);
  weekly[167] = 3.0;
  const Load w = load_of({{"rps", 10}, {"profile", {{"type", "weekly"}, {"values", weekly}}}});
  EXPECT_EQ(profile_multipliers(w.profile), weekly);
}

TEST(Load, BadLoad) {
  EXPECT_EQ(parse_error(with_load("1200")),
            "m.json: /load: must be an object (a load); got \"1200\"");
  EXPECT_EQ(load_error(json::object()),
            "m.json: /load: missing \"rps\" (the mean requests per second, a number above 0)");
  EXPECT_EQ(load_error({{"rps", 0}}), "m.json: /load/rps: must be a positive number; got 0");
  EXPECT_EQ(load_error({{"rps", "1200"}}),
            "m.json: /load/rps: must be a positive number; got \"1200\"");
  EXPECT_EQ(load_error({{"rps", 1}, {"limit_rps", 0}}),
            "m.json: /load/limit_rps: must be a positive number; got 0");
  EXPECT_EQ(load_error({{"rps", 1}, {"outage_below", 0}}),
            "m.json: /load/outage_below: must be a number in (0, 1]; got 0");
  EXPECT_EQ(load_error({{"rps", 1}, {"outage_below", 1.5}}),
            "m.json: /load/outage_below: must be a number in (0, 1]; got 1.5");
  EXPECT_EQ(load_error({{"rps", 1}, {"degraded_below", 1.01}}),
            "m.json: /load/degraded_below: must be a number in (0, 1]; got 1.01");
  EXPECT_EQ(load_error({{"rps", 1}, {"degraded_below", 0.3}}),
            "m.json: /load/degraded_below: must be a number in [outage_below, 1] (outage_below "
            "is 0.5); got 0.3");
  EXPECT_EQ(load_error({{"rps", 1}, {"slo_basis", "calls"}}),
            "m.json: /load/slo_basis: must be \"time\" or \"requests\"; got \"calls\"");
  EXPECT_EQ(load_error({{"rps", 1}, {"metastable_after", "-1h"}}),
            "m.json: /load/metastable_after: must be a non-negative duration; got \"-1h\"");
  EXPECT_EQ(load_error({{"rps", 1}, {"metastable_after", {{"type", "fixed"}}}}),
            "m.json: /load/metastable_after: must be a non-negative duration like \"90s\", "
            "\"15m\", \"2.5h\", \"3d\", \"2w\" or \"1y\"; got {\"type\":\"fixed\"}");
}

TEST(Load, UnknownKeysListEveryKnownKey) {
  EXPECT_EQ(load_error({{"rps", 1}, {"spike", json::array()}}),
            "m.json: /load/spike: unknown key \"spike\" (did you mean \"spikes\"?); known keys "
            "of a load: rps, profile, limit_rps, outage_below, degraded_below, slo_basis, "
            "metastable_after, spikes, journeys");
  // A near miss is suggested.
  EXPECT_NE(load_error({{"rsp", 1}}).find("(did you mean \"rps\"?)"), std::string::npos);
}

TEST(LoadProfile, BadProfiles) {
  const auto profile_error = [](const json& profile) {
    return load_error({{"rps", 1}, {"profile", profile}});
  };
  EXPECT_EQ(profile_error({{"type", "monthly"}}),
            "m.json: /load/profile/type: must be \"constant\", \"diurnal\", \"hourly\" or "
            "\"weekly\"; got \"monthly\"");
  EXPECT_EQ(profile_error(json::object()),
            "m.json: /load/profile: missing \"type\" (the profile's type: \"constant\", "
            "\"diurnal\", \"hourly\" or \"weekly\")");
  EXPECT_EQ(profile_error({{"type", "diurnal"}}),
            "m.json: /load/profile: missing \"peak_to_mean\" (a diurnal profile needs its peak "
            "over its mean, a number in [1, 2])");
  EXPECT_EQ(profile_error({{"type", "diurnal"}, {"peak_to_mean", 2.5}}),
            "m.json: /load/profile/peak_to_mean: must be a number in [1, 2]; got 2.5");
  EXPECT_EQ(profile_error({{"type", "diurnal"}, {"peak_to_mean", 0.9}}),
            "m.json: /load/profile/peak_to_mean: must be a number in [1, 2]; got 0.9");
  for (const char* at : {"14:30", "24:00", "9:00", "14h", ""}) {
    EXPECT_EQ(profile_error({{"type", "diurnal"}, {"peak_to_mean", 1.5}, {"peak_at", at}}),
              "m.json: /load/profile/peak_at: must be a whole hour of the day \"HH:00\", from "
              "\"00:00\" to \"23:00\"; got \"" +
                  std::string(at) + "\"");
  }
  EXPECT_EQ(profile_error({{"type", "diurnal"}, {"peak_to_mean", 1.5}, {"values", {1}}}),
            "m.json: /load/profile/values: only allowed with \"type\": \"hourly\" or \"weekly\"");
  EXPECT_EQ(profile_error({{"type", "hourly"}, {"peak_to_mean", 1.5}}),
            "m.json: /load/profile/peak_to_mean: only allowed with \"type\": \"diurnal\"");
  EXPECT_EQ(profile_error({{"type", "constant"}, {"peak_at", "10:00"}}),
            "m.json: /load/profile/peak_at: only allowed with \"type\": \"diurnal\"");
  EXPECT_EQ(profile_error({{"type", "hourly"}}),
            "m.json: /load/profile: missing \"values\" (24 multipliers, one per hour of the day)");
  // Long values are shortened in the message: its start says it all.
  EXPECT_EQ(profile_error({{"type", "weekly"}, {"values", std::vector<double>(24, 1.0)}})
                .rfind("m.json: /load/profile/values: must be a list of 168 finite numbers >= 0, "
                       "at least one above 0 (the multipliers of the weekly profile); got [1.0,",
                       0),
            0u);
  EXPECT_NE(profile_error({{"type", "hourly"}, {"values", std::vector<double>(24, 0.0)}})
                .find("m.json: /load/profile/values: must be a list of 24 finite numbers >= 0, "
                      "at least one above 0 (the multipliers of the hourly profile)"),
            std::string::npos);
  std::vector<json> values(24, 1);
  values[7] = -0.5;
  EXPECT_EQ(profile_error({{"type", "hourly"}, {"values", values}}),
            "m.json: /load/profile/values/7: must be a finite number >= 0; got -0.5");
  values[7] = "1";
  EXPECT_EQ(profile_error({{"type", "hourly"}, {"values", values}}),
            "m.json: /load/profile/values/7: must be a finite number >= 0; got \"1\"");
}

TEST(LoadOverrides, SetLoadKeysAndAddALoad) {
  // A model without load gets one from load.rps.
  const Model added = parse_model(testing::three_tier(), "m.json", {"load.rps=2000"}).model;
  ASSERT_TRUE(added.load.has_value());
  EXPECT_EQ(added.load->rps, 2000.0);
  const Model m = parse_model(with_load({{"rps", 10}}), "m.json",
                              {"load.rps=2000", "load.outage_below=0.8", "load.slo_basis=requests",
                               "load.metastable_after=2h", "load.profile.type=diurnal",
                               "load.profile.peak_to_mean=1.5", "load.profile.peak_at=10:00"})
                      .model;
  EXPECT_EQ(m.load->rps, 2000.0);
  EXPECT_EQ(m.load->outage_below, 0.8);
  EXPECT_EQ(m.load->slo_basis, SloBasis::kRequests);
  EXPECT_EQ(m.load->metastable_after_hours, 2.0);
  EXPECT_EQ(m.load->profile.type, LoadProfile::Type::kDiurnal);
  EXPECT_EQ(m.load->profile.peak_to_mean, 1.5);
  EXPECT_EQ(m.load->profile.peak_at_hour, 10);
}

TEST(LoadOverrides, SettingTheProfileTypeRemovesOtherTypesKeys) {
  const json diurnal = json::parse(
      R"({"rps": 10, "profile": {"type": "diurnal", "peak_to_mean": 1.5, "peak_at": "10:00"}})");
  const Model constant =
      parse_model(with_load(diurnal), "m.json", {"load.profile.type=constant"}).model;
  EXPECT_EQ(constant.load->profile, LoadProfile{});
  const Model hourly =
      parse_model(with_load(diurnal), "m.json",
                  {"load.profile.type=hourly",
                   "load.profile.values=" + json(std::vector<double>(24, 2.0)).dump()})
          .model;
  EXPECT_EQ(hourly.load->profile.type, LoadProfile::Type::kHourly);
  EXPECT_EQ(hourly.load->profile.values, std::vector<double>(24, 2.0));
  // The other way: values go, and diurnal then needs its peak_to_mean.
  const json hourly_load = {{"rps", 10},
                            {"profile", {{"type", "hourly"}, {"values", std::vector<int>(24, 1)}}}};
  EXPECT_EQ(parse_error(with_load(hourly_load), {"load.profile.type=diurnal"}),
            "m.json: /load/profile: missing \"peak_to_mean\" (a diurnal profile needs its peak "
            "over its mean, a number in [1, 2])");
  // A bad value is reported like a file error, with the override named.
  EXPECT_EQ(parse_error(with_load({{"rps", 10}}), {"load.outage_below=2"}),
            "m.json: /load/outage_below: must be a number in (0, 1]; got 2 (from override "
            "\"load.outage_below=2\")");
}

TEST(LoadToJson, RoundTripsEveryProfileAndKey) {
  std::vector<double> weekly(168, 0.25);
  weekly[30] = 4.0;
  for (const json& load :
       {json{{"rps", 1200}},
        json::parse(R"({"rps": 0.5, "profile": {"type": "diurnal", "peak_to_mean": 1.8,
            "peak_at": "07:00"}, "limit_rps": 900, "outage_below": 0.3, "degraded_below": 0.3,
            "slo_basis": "requests", "metastable_after": 0})"),
        json::parse(R"({"rps": 3, "profile": {"type": "diurnal", "peak_to_mean": 1}})"),
        json{{"rps", 7},
             {"profile", {{"type", "hourly"}, {"values", std::vector<double>(24, 0.1)}}}},
        json{{"rps", 7}, {"profile", {{"type", "weekly"}, {"values", weekly}}}}}) {
    const Model model = parse_model(with_load(load), "m.json").model;
    const json written = to_json(model);
    EXPECT_EQ(parse_model(written, "w.json").model, model) << written.dump();
  }
  // Defaults stay implicit.
  const json written = to_json(parse_model(with_load({{"rps", 5}}), "m.json").model);
  EXPECT_EQ(written["load"], (json{{"rps", 5.0}}));
}

TEST(LoadToJsonLike, KeepsTheUsersSpellingUnlessTheLoadChanged) {
  const nlohmann::ordered_json original = nlohmann::ordered_json::parse(
      R"({"components": [{"id": "web", "mtbf": "1000h", "mttr": "10h"}],
          "load": {"rps": 10, "metastable_after": "60m"}})");
  Model model = parse_model(nlohmann::json::parse(original.dump()), "m.json").model;
  EXPECT_EQ(to_json_like(model, original)["load"]["metastable_after"], "60m");
  model.load->rps = 20;
  const auto changed = to_json_like(model, original);
  EXPECT_EQ(changed["load"]["rps"], 20.0);
  EXPECT_EQ(parse_model(nlohmann::json::parse(changed.dump()), "m.json").model, model);
}

TEST(Load, IsAReservedIdAndATopLevelKey) {
  json document = with_load({{"rps", 1}});
  document["components"][0]["id"] = "load";
  document["dependencies"][0]["from"] = "load";
  EXPECT_NE(parse_error(document).find("/components/0/id"), std::string::npos);
}

}  // namespace
}  // namespace nines::models
