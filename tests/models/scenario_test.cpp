// Tests of named scenarios: parsing, their checks at load time, apply_scenario and round trips.
#include "nines/models/scenario.hpp"

#include <gtest/gtest.h>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using nlohmann::json;
using testing::message_of;

/// three_tier() with `scenarios`.
json with_scenarios(const json& scenarios) {
  json document = testing::three_tier();
  document["scenarios"] = scenarios;
  return document;
}

json two_scenarios() {
  return with_scenarios(json::parse(R"([
    {"name": "more web", "set": {"web.instances": 4, "web.mttr": "2h"}},
    {"name": "slow db", "set": {"db.repair": {"type": "lognormal", "median": "12h", "sigma": 1}}}
  ])"));
}

std::string model_error(const json& document, const std::vector<std::string>& overrides = {}) {
  return message_of<ModelError>([&] { parse_model(document, "shop.json", overrides); });
}

TEST(Scenarios, AreParsedWithTheirKeysAsJsonText) {
  const Model m = parse_model(two_scenarios(), "shop.json").model;
  ASSERT_EQ(m.scenarios.size(), 2U);
  EXPECT_EQ(m.scenarios[0].name, "more web");
  EXPECT_EQ(m.scenarios[0].set,
            (std::vector<ScenarioSetting>{{"web.instances", "4"}, {"web.mttr", "\"2h\""}}));
  EXPECT_EQ(m.scenarios[1].set.at(0).key, "db.repair");
  // The base model is the file's: a scenario changes nothing until it is asked for.
  EXPECT_EQ(m.components[0].instances, 3);
  EXPECT_EQ(m.find_scenario("slow db"), &m.scenarios[1]);
  EXPECT_EQ(m.find_scenario("fast db"), nullptr);
}

TEST(Scenarios, OverridesAreTheSetFormOfTheKeys) {
  const Model m = parse_model(two_scenarios(), "shop.json").model;
  EXPECT_EQ(scenario_overrides(m.scenarios[0]),
            (std::vector<std::string>{"web.instances=4", "web.mttr=\"2h\""}));
}

TEST(Scenarios, LoadingOneEqualsTheSameSetOverrides) {
  const Model scenario = parse_model(two_scenarios(), "shop.json", {}, "more web").model;
  const Model set =
      parse_model(two_scenarios(), "shop.json", {"web.instances=4", "web.mttr=2h"}).model;
  EXPECT_EQ(scenario, set);
  EXPECT_EQ(scenario.components[0].instances, 4);
  EXPECT_EQ(scenario.components[0].repair, Distribution{Exponential{2.0}});
}

TEST(Scenarios, OverridesApplyAfterTheScenario) {
  const Model m =
      parse_model(two_scenarios(), "shop.json", {"web.instances=5", "seed=9"}, "more web").model;
  EXPECT_EQ(m.components[0].instances, 5);
  EXPECT_EQ(m.components[0].repair, Distribution{Exponential{2.0}});
  EXPECT_EQ(m.seed, 9U);
}

TEST(Scenarios, OverridesDoNotHaveToSuitTheOtherScenariosOrTheBase) {
  // web.min_up=4 breaks the base (3 instances) but not "more web" (4 instances).
  const Model m = parse_model(two_scenarios(), "shop.json", {"web.min_up=4"}, "more web").model;
  EXPECT_EQ(m.components[0].min_up, 4);
}

TEST(Scenarios, ApplyScenarioGivesTheValidatedVariant) {
  const Model base = parse_model(two_scenarios(), "shop.json").model;
  const Model slow = apply_scenario(base, "slow db", "shop.json");
  EXPECT_EQ(slow.components[2].repair, (Distribution{Lognormal{std::log(12.0), 1.0}}));
  EXPECT_EQ(slow.scenarios, base.scenarios);
  EXPECT_EQ(slow.components[0], base.components[0]);
}

TEST(Scenarios, AnUnknownNameListsTheKnownOnes) {
  const Model base = parse_model(two_scenarios(), "shop.json").model;
  const auto message =
      message_of<UsageError>([&] { apply_scenario(base, "slow dbb", "shop.json"); });
  EXPECT_EQ(message, R"(no scenario "slow dbb" in shop.json (did you mean "slow db"?); scenarios: )"
                     R"("more web", "slow db")");
  EXPECT_EQ(message_of<UsageError>([&] { parse_model(two_scenarios(), "shop.json", {}, "x"); }),
            R"(no scenario "x" in shop.json; scenarios: "more web", "slow db")");
  EXPECT_EQ(
      message_of<UsageError>([&] { parse_model(testing::three_tier(), "shop.json", {}, "x"); }),
      R"(no scenario "x" in shop.json; the model has no scenarios)");
}

TEST(Scenarios, ABadValueNamesTheScenarioAndItsKey) {
  EXPECT_EQ(model_error(with_scenarios(json::parse(R"([{"name": "ok", "set": {"web.instances": 4}},
                                {"name": "three db replicas", "set": {"db.instances": 0}}])"))),
            "shop.json: /scenarios/1/set/db.instances: must be an integer from 1 to 1000000; "
            "got 0 (scenario \"three db replicas\")");
}

TEST(Scenarios, ABadNestedValuePointsInsideTheKey) {
  EXPECT_EQ(
      model_error(with_scenarios(json::parse(
          R"([{"name": "x", "set": {"db.repair": {"type": "lognormal", "median": "-1h", "sigma": 1}}}])"))),
      "shop.json: /scenarios/0/set/db.repair/median: must be a positive duration; got \"-1h\" "
      "(scenario \"x\")");
}

TEST(Scenarios, ARuleTheScenarioBreaksElsewhereNamesIt) {
  // min_up 2 of web is in the base; the scenario leaves one instance.
  EXPECT_EQ(model_error(with_scenarios(
                json::parse(R"([{"name": "one web", "set": {"web.instances": 1}}])"))),
            "shop.json: /components/0/min_up: must be at most \"instances\" (1); got 2 "
            "(scenario \"one web\" at /scenarios/0)");
}

TEST(Scenarios, AnUnknownComponentIsAModelErrorAtTheKey) {
  const auto message =
      model_error(with_scenarios(json::parse(R"([{"name": "x", "set": {"dbb.instances": 3}}])")));
  EXPECT_EQ(message,
            "shop.json: /scenarios/0/set/dbb.instances: unknown component id (did you mean "
            "\"db\"?); known component ids: web, api, db (scenario \"x\")");
}

TEST(Scenarios, AnUnknownTopLevelKeySuggestsTheNearest) {
  const auto message =
      model_error(with_scenarios(json::parse(R"([{"name": "x", "set": {"horizn": "2y"}}])")));
  EXPECT_NE(message.find("shop.json: /scenarios/0/set/horizn: unknown key \"horizn\" (did you "
                         "mean \"horizon\"?)"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("(scenario \"x\")"), std::string::npos) << message;
}

TEST(Scenarios, UnknownKeysOfAScenarioAreErrors) {
  EXPECT_EQ(model_error(with_scenarios(
                json::parse(R"([{"name": "x", "set": {"db.instances": 3}, "sett": {}}])"))),
            "shop.json: /scenarios/0/sett: unknown key \"sett\" (did you mean \"set\"?); known "
            "keys of a scenario: name, set");
}

TEST(Scenarios, NamesMustBeUniqueAndNonEmpty) {
  EXPECT_EQ(model_error(with_scenarios(json::parse(R"([{"name": "x", "set": {"db.instances": 3}},
                                {"name": "x", "set": {"db.instances": 1}}])"))),
            "shop.json: /scenarios/1/name: duplicate scenario name; first used at /scenarios/0; "
            "got \"x\"");
  EXPECT_NE(
      model_error(with_scenarios(json::parse(R"([{"name": "", "set": {"db.instances": 3}}])")))
          .find("shop.json: /scenarios/0/name: must be a non-empty name"),
      std::string::npos);
  EXPECT_NE(model_error(with_scenarios(json::parse(R"([{"set": {"db.instances": 3}}])")))
                .find("shop.json: /scenarios/0: missing \"name\""),
            std::string::npos);
}

TEST(Scenarios, ShapesAreChecked) {
  EXPECT_NE(
      model_error(with_scenarios(json::object())).find("shop.json: /scenarios: must be a list"),
      std::string::npos);
  EXPECT_NE(model_error(with_scenarios(json::parse(R"([{"name": "x", "set": 3}])")))
                .find("shop.json: /scenarios/0/set: must be an object of overrides"),
            std::string::npos);
  EXPECT_EQ(model_error(with_scenarios(json::parse(R"([{"name": "x", "set": {}}])"))),
            "shop.json: /scenarios/0/set: must not be empty: a scenario changes at least one key, "
            "e.g. {\"db.instances\": 3}; got {} (scenario \"x\")");
}

TEST(Scenarios, MayNotSetTheSeedOrTheScenarios) {
  EXPECT_NE(model_error(with_scenarios(json::parse(R"([{"name": "x", "set": {"seed": 3}}])")))
                .find("shop.json: /scenarios/0/set/seed: a scenario cannot set the seed"),
            std::string::npos);
  EXPECT_NE(model_error(with_scenarios(json::parse(R"([{"name": "x", "set": {"scenarios": []}}])")))
                .find("/scenarios/0/set/scenarios: a scenario cannot change the list"),
            std::string::npos);
}

TEST(Scenarios, KeysWhoseOrderWouldMatterAreRejected) {
  EXPECT_EQ(
      model_error(with_scenarios(
          json::parse(R"([{"name": "x", "set": {"db.mttr": "2h", "db.repair.mean": "3h"}}])"))),
      "shop.json: /scenarios/0/set/db.repair.mean: overlaps \"db.mttr\" in the same scenario "
      "(\"mttr\" replaces the whole \"repair\" law) and a JSON object's keys have no order; keep "
      "one (scenario \"x\")");
  EXPECT_NE(
      model_error(
          with_scenarios(json::parse(
              R"([{"name": "x", "set": {"db.standby": {"mode": "hot"}, "db.standby.mode": "cold"}}])")))
          .find("/scenarios/0/set/db.standby.mode: overlaps \"db.standby\""),
      std::string::npos);
  // Siblings are fine.
  EXPECT_NO_THROW(parse_model(
      with_scenarios(json::parse(R"([{"name": "x", "set": {"db.mttr": "2h", "db.mtbf": "3y"}}])")),
      "shop.json"));
}

TEST(Scenarios, ZonesPlacementAndInstancesExcludeEachOther) {
  auto zoned_error = [](const char* set) {
    json document = testing::zoned();
    document["scenarios"] = json::array({{{"name", "x"}, {"set", json::parse(set)}}});
    return model_error(document);
  };
  EXPECT_EQ(zoned_error(R"({"db.zones": ["eu-a"], "db.placement": {"eu-a": 3}})"),
            "shop.json: /scenarios/0/set/db.zones: overlaps \"db.placement\" in the same scenario "
            "(\"zones\" and \"placement\" replace each other) and a JSON object's keys have no "
            "order; keep one (scenario \"x\")");
  EXPECT_EQ(zoned_error(R"({"db.instances": 4, "db.placement": {"eu-a": 3}})"),
            "shop.json: /scenarios/0/set/db.placement: overlaps \"db.instances\" in the same "
            "scenario (setting \"placement\" removes \"instances\") and a JSON object's keys "
            "have no order; keep one (scenario \"x\")");
  // Zones with instances: the instances the scenario sets win, whatever the order.
  json document = testing::zoned();
  document["scenarios"] =
      json::parse(R"([{"name": "x", "set": {"db.zones": ["eu-a"], "db.instances": 2}}])");
  const Model m = parse_model(document, "shop.json", {}, "x").model;
  EXPECT_EQ(m.components[1].instances, 2);
  EXPECT_EQ(m.components[1].zones, (std::vector<std::string>{"eu-a"}));
}

TEST(Scenarios, AreCheckedAgainstTheFileAsWritten) {
  // The base file must be valid on its own once it holds scenarios, even when --set fixes it.
  json document = two_scenarios();
  document["components"][0]["min_up"] = 4;
  const auto message = model_error(document, {"web.min_up=2"});
  EXPECT_EQ(message.rfind("shop.json: /components/0/min_up: must be at most", 0), 0U) << message;
}

TEST(Scenarios, RoundTripThroughToJson) {
  const Model m = parse_model(two_scenarios(), "shop.json").model;
  const json written = to_json(m);
  EXPECT_EQ(written.at("scenarios").at(1).at("set").at("db.repair").at("median"), "12h");
  EXPECT_EQ(parse_model(written, "written.json").model, m);
}

TEST(Scenarios, ValidateModelChecksScenariosBuiltInCode) {
  Model m = parse_model(testing::three_tier(), "m.json").model;
  m.scenarios.push_back({"no web", {{"web.instances", "0"}}});
  EXPECT_EQ(message_of<ModelError>([&] { validate_model(m, "gui"); }),
            "gui: /scenarios/0/set/web.instances: must be an integer from 1 to 1000000; got 0 "
            "(scenario \"no web\")");
  m.scenarios[0].set[0].value_json = "4 apples";
  EXPECT_EQ(message_of<ModelError>([&] { validate_model(m, "gui"); }),
            "gui: /scenarios/0/set/web.instances: must be a JSON value; got \"4 apples\" "
            "(scenario \"no web\")");
  m.scenarios[0].set[0].value_json = "4";
  EXPECT_NO_THROW(validate_model(m, "gui"));
}

}  // namespace
}  // namespace nines::models
