// Tests of fault injections (`inject`): accepted forms, the horizon warning and every error.
#include <gtest/gtest.h>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using nlohmann::json;
using testing::parse_error;

json with_inject(const json& inject) {
  json document = testing::zoned();
  document["inject"] = inject;
  return document;
}

std::string inject_error(const json& injection) {
  return parse_error(with_inject(json::array({injection})));
}

TEST(Inject, ReadsComponentZoneAndRegionFaults) {
  const Model m = parse_model(with_inject(json::parse(R"([
      {"at": "30d", "component": "db", "instances": 2, "for": "1h"},
      {"at": 0, "zone": "eu-b", "for": 2.5},
      {"at": "1w", "region": "eu"},
      {"at": "10h", "component": "web"}])")),
                              "m.json")
                      .model;
  ASSERT_EQ(m.inject.size(), 4u);
  EXPECT_EQ(m.inject[0], (Injection{720.0, Injection::Target::kComponent, "db", 2, 1.0}));
  EXPECT_EQ(m.inject[1], (Injection{0.0, Injection::Target::kZone, "eu-b", 1, 2.5}));
  EXPECT_EQ(m.inject[2], (Injection{168.0, Injection::Target::kRegion, "eu", 1, std::nullopt}));
  EXPECT_EQ(m.inject[3].instances, 1);  // the default
}

TEST(Inject, AtOrAfterTheHorizonWarns) {
  const auto warnings =
      parse_model(with_inject(json::parse(R"([{"at": "1y", "zone": "eu-a"}])")), "m.json").warnings;
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0],
            "m.json: /inject/0/at: at or after the horizon (1y), so this injection does nothing");
}

TEST(Inject, BadTimes) {
  EXPECT_EQ(inject_error({{"at", "-1h"}, {"zone", "eu-a"}}),
            "m.json: /inject/0/at: must be a non-negative duration; got \"-1h\"");
  EXPECT_EQ(inject_error({{"at", "soon"}, {"zone", "eu-a"}}),
            "m.json: /inject/0/at: must be a non-negative duration like \"90s\", \"15m\", "
            "\"2.5h\", \"3d\", \"2w\" or \"1y\"; got \"soon\"");
  EXPECT_EQ(inject_error({{"at", {{"type", "exponential"}, {"mean", "1h"}}}, {"zone", "eu-a"}}),
            "m.json: /inject/0/at: must be a non-negative duration (a fixed time like \"2h\"; a "
            "distribution is not allowed here); got {\"mean\":\"1h\",\"type\":\"exponential\"}");
  EXPECT_EQ(inject_error({{"at", "1h"}, {"zone", "eu-a"}, {"for", 0}}),
            "m.json: /inject/0/for: must be a positive duration; got 0");
  EXPECT_EQ(inject_error({{"at", "1h"}, {"zone", "eu-a"}, {"for", "-2h"}}),
            "m.json: /inject/0/for: must be a positive duration; got \"-2h\"");
  EXPECT_EQ(inject_error({{"at", "1h"}, {"zone", "eu-a"}, {"for", {{"type", "fixed"}}}}),
            "m.json: /inject/0/for: must be a positive duration (a fixed time like \"2h\"; a "
            "distribution is not allowed here); got {\"type\":\"fixed\"}");
  EXPECT_EQ(inject_error({{"zone", "eu-a"}}),
            "m.json: /inject/0: missing \"at\" (when the fault happens, e.g. \"720h\")");
}

TEST(Inject, Targets) {
  EXPECT_EQ(inject_error({{"at", "1h"}}),
            "m.json: /inject/0: missing the target: one of \"component\", \"zone\" or \"region\" "
            "(an id)");
  EXPECT_EQ(inject_error({{"at", "1h"}, {"zone", "eu-a"}, {"region", "eu"}}),
            "m.json: /inject/0/region: give only one of \"component\", \"zone\" and \"region\"");
  EXPECT_EQ(inject_error({{"at", "1h"}, {"component", "dbb"}}),
            "m.json: /inject/0/component: unknown component id (did you mean \"db\"?); known "
            "component ids: web, db; got \"dbb\"");
  EXPECT_EQ(inject_error({{"at", "1h"}, {"zone", "eu-c"}}),
            "m.json: /inject/0/zone: unknown zone id (did you mean \"eu-a\"?); known zone ids: "
            "eu-a, eu-b; got \"eu-c\"");
  EXPECT_EQ(inject_error({{"at", "1h"}, {"region", "us"}}),
            "m.json: /inject/0/region: unknown region id; known region ids: eu; got \"us\"");
  EXPECT_EQ(inject_error({{"at", "1h"}, {"zone", "eu-a"}, {"target", "x"}})
                .rfind("m.json: /inject/0/target: unknown key \"target\"", 0),
            0u);
}

TEST(Inject, Instances) {
  EXPECT_EQ(inject_error({{"at", "1h"}, {"component", "db"}, {"instances", 0}}),
            "m.json: /inject/0/instances: must be an integer from 1 to 1000000; got 0");
  EXPECT_EQ(inject_error({{"at", "1h"}, {"component", "db"}, {"instances", 4}}),
            "m.json: /inject/0/instances: must be an integer from 1 to the instances of \"db\" "
            "(3); got 4");
  EXPECT_EQ(inject_error({{"at", "1h"}, {"zone", "eu-a"}, {"instances", 1}}),
            "m.json: /inject/0/instances: only allowed with \"component\" (a zone or region goes "
            "down whole)");
}

TEST(Inject, ModelsBuiltInCodeGetTheSameChecks) {
  Model m = parse_model(testing::zoned(), "m.json").model;
  m.inject = {Injection{-1.0, Injection::Target::kZone, "eu-a", 1, std::nullopt}};
  EXPECT_EQ(testing::message_of([&] { validate_model(m, "code.json"); }),
            "code.json: /inject/0/at: must be a non-negative duration; got -1.0");
  m.inject = {Injection{1.0, Injection::Target::kRegion, "eu", 2, std::nullopt}};
  EXPECT_EQ(testing::message_of([&] { validate_model(m, "code.json"); }),
            "code.json: /inject/0/instances: only allowed with \"component\" (a zone or region "
            "goes down whole); got 2");
  m.inject = {Injection{1.0, Injection::Target::kComponent, "web", 1, 0.0}};
  EXPECT_EQ(testing::message_of([&] { validate_model(m, "code.json"); }),
            "code.json: /inject/0/for: must be a positive duration; got 0.0");
}

}  // namespace
}  // namespace nines::models
