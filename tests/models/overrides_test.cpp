// Tests of overrides (--set ID.KEY=VALUE and the CLI's --replications/--horizon/--seed).
#include <gtest/gtest.h>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using nlohmann::json;
using testing::message_of;

Model with(const std::vector<std::string>& overrides,
           const json& document = testing::three_tier()) {
  return parse_model(document, "m.json", overrides).model;
}

std::string usage_error(const std::vector<std::string>& overrides,
                        const json& document = testing::three_tier()) {
  return message_of<UsageError>([&] { parse_model(document, "m.json", overrides); });
}

TEST(Overrides, SetTopLevelKeys) {
  const Model m =
      with({"replications=50", "horizon=5y", "seed=99", "target=99.9%", "name=what if"});
  EXPECT_EQ(m.replications, 50);
  EXPECT_EQ(m.horizon_hours, 5 * 8760.0);
  EXPECT_EQ(m.seed, 99u);
  EXPECT_NEAR(*m.target, 0.999, 1e-15);
  EXPECT_EQ(m.name, "what if");
}

TEST(Overrides, SetComponentKeysWithJsonOrStringValues) {
  const Model m = with({"web.instances=4", "api.mttr=2h", "db.standby.switch_success=0.5"});
  EXPECT_EQ(m.components[0].instances, 4);
  EXPECT_EQ(m.components[1].repair, Distribution{Exponential{2.0}});
  EXPECT_EQ(m.components[2].standby.switch_success, 0.5);
}

TEST(Overrides, SetNestedKeysOfLaws) {
  json document = testing::three_tier();
  document["components"][2].erase("mttr");
  document["components"][2]["repair"] = {{"type", "lognormal"}, {"median", "1h"}, {"sigma", 0.5}};
  const Model m = with(
      {"db.repair.median=30m", "db.standby.mode=warm", "db.standby.dormant_failure=1y"}, document);
  EXPECT_EQ(m.components[2].repair, (Distribution{Lognormal{std::log(0.5), 0.5}}));
  EXPECT_EQ(m.components[2].standby.mode, StandbyMode::kWarm);
  EXPECT_EQ(m.components[2].standby.dormant_failure,
            std::optional<Distribution>(Exponential{8760.0}));
}

TEST(Overrides, ReachCoverageUndetectedAndInspections) {
  const Model m = with({"web.coverage=0.9", "web.undetected=2d", "api.coverage=0.5",
                        R"(api.undetected={"inspection_every": "1d"})"});
  EXPECT_EQ(m.components[0].coverage, std::optional<double>(0.9));
  EXPECT_EQ(m.components[0].undetected, std::optional<Distribution>(Exponential{48.0}));
  EXPECT_EQ(m.components[1].inspections, std::optional<Inspections>(Inspections{24.0}));
  // A nested key of a law written as a bare duration.
  const Model n = with({"web.coverage=0.9", "web.undetected=2d", "web.undetected.mean=3h"});
  EXPECT_EQ(n.components[0].undetected, std::optional<Distribution>(Exponential{3.0}));
  EXPECT_EQ(testing::parse_error(testing::three_tier(), {"web.coverage=0.9"}),
            "m.json: /components/0/coverage: below 1 needs \"undetected\": a law for how long a "
            "missed failure lasts, or {\"inspection_every\": D}; got 0.9 (from override "
            "\"web.coverage=0.9\")");
}

TEST(Overrides, ReachEveryKeyOfDeploys) {
  json document = testing::three_tier();
  document["components"][0]["deploys"] = json::parse(R"({"period": "1w", "bad_probability": 0.05,
      "batch_interval": "5m", "detection": "10m", "rollback": "15m",
      "restart": {"type": "fixed", "value": "1m"}})");
  const Model m = with({"web.deploys.strategy=rolling", "web.coverage=0.9", "web.undetected=1d",
                        "web.deploys.detection.mean=15m", "web.deploys.rollback.mean=30m",
                        "web.deploys.restart.value=2m"},
                       document);
  const Deploys& d = *m.components[0].deploys;
  EXPECT_EQ(d.strategy, DeployStrategy::kRolling);
  EXPECT_EQ(m.components[0].coverage, std::optional<double>(0.9));
  // A bare duration becomes an exponential object when a key inside it is set.
  EXPECT_EQ(d.detection, std::optional<Distribution>(Exponential{0.25}));
  EXPECT_EQ(d.rollback, std::optional<Distribution>(Exponential{0.5}));
  EXPECT_EQ(d.restart, Distribution{Fixed{2.0 / 60.0}});
  // Whole values, JSON or strings.
  const Model n = with({"web.deploys.bad_probability=0.1", "web.deploys.batch=2",
                        R"(web.deploys.restart={"type": "uniform", "min": "1m", "max": "3m"})",
                        "web.deploys.restart.max=4m", "web.deploys.period=2w"},
                       document);
  EXPECT_EQ(n.components[0].deploys->bad_probability, 0.1);
  EXPECT_EQ(n.components[0].deploys->batch, 2);
  EXPECT_EQ(n.components[0].deploys->period_hours, 336.0);
  EXPECT_EQ(n.components[0].deploys->restart, (Distribution{Uniform{1.0 / 60.0, 4.0 / 60.0}}));
  // Switching to canary alone is valid only with the canary's keys.
  EXPECT_EQ(testing::parse_error(document, {"web.deploys.strategy=canary"}),
            "m.json: /components/0/deploys: missing \"canary_fraction\" (the share of the "
            "instances in the canary batch; \"strategy\": \"canary\" needs it)");
  EXPECT_EQ(testing::parse_error(document, {"web.deploys.canary_fraction=1.5"}),
            "m.json: /components/0/deploys/canary_fraction: must be a fraction in (0, 1]; got 1.5 "
            "(from override \"web.deploys.canary_fraction=1.5\")");
}

TEST(Overrides, CreateADeploysObjectWhenThereIsNone) {
  // The loader then says what else deploys need.
  EXPECT_EQ(testing::parse_error(testing::three_tier(), {"web.deploys.period=1d"}),
            "m.json: /components/0/deploys: missing \"bad_probability\" (the probability that a "
            "deploy is bad; 0 for maintenance windows)");
  const Model m =
      with({"web.deploys.period=1d", "web.deploys.bad_probability=0", "web.deploys.restart=5m"});
  ASSERT_TRUE(m.components[0].deploys);
  EXPECT_EQ(m.components[0].deploys->period_hours, 24.0);
  EXPECT_EQ(m.components[0].deploys->restart, Distribution{Exponential{5.0 / 60.0}});
  // A component that never fails can be deployed, and `failure=never` keeps its deploys.
  const Model n = with({"web.deploys.period=1d", "web.deploys.bad_probability=0",
                        "web.failure=never", "web.min_up=1"});
  EXPECT_TRUE(n.components[0].deploys);
}

TEST(Overrides, CreateAStandbyObjectWhenThereIsNone) {
  const Model m = with({"api.instances=2", "api.standby.mode=cold"});
  EXPECT_EQ(m.components[1].standby.mode, StandbyMode::kCold);
}

TEST(Overrides, ShorthandReplacesTheFullLawAndBack) {
  json document = testing::three_tier();
  document["components"][1].erase("mttr");
  document["components"][1]["repair"] = {{"type", "fixed"}, {"value", "1h"}};
  EXPECT_EQ(with({"api.mttr=2h"}, document).components[1].repair, Distribution{Exponential{2.0}});
  EXPECT_EQ(with({"api.mtbf=10h"}, document).components[1].failure,
            Distribution{Exponential{10.0}});
  EXPECT_EQ(with({R"(api.failure={"type":"fixed","value":"5h"})"}).components[1].failure,
            Distribution{Fixed{5.0}});
  // A nested key of a law given as a shorthand turns the shorthand into an exponential object.
  EXPECT_EQ(with({"api.repair.mean=3h"}).components[1].repair, Distribution{Exponential{3.0}});
}

TEST(Overrides, MatchTheLongestComponentIdWithDots) {
  json document = testing::one_component();
  document["components"] = {{{"id", "db"}, {"mtbf", "1h"}, {"mttr", "1h"}},
                            {{"id", "db.eu"}, {"mtbf", "1h"}, {"mttr", "1h"}}};
  document["entry"] = "db";
  const Model m = with({"db.eu.instances=3", "db.instances=2"}, document);
  EXPECT_EQ(m.components[0].instances, 2);
  EXPECT_EQ(m.components[1].instances, 3);
}

TEST(Overrides, SetCrewKeys) {
  json document = testing::three_tier();
  document["crews"] = {{{"id", "oncall"}}};
  document["components"][0]["crew"] = "oncall";
  EXPECT_EQ(with({"oncall.size=3"}, document).crews[0].size, 3);
}

TEST(Overrides, BadValuesNameThePointerAndTheOverride) {
  EXPECT_EQ(testing::parse_error(testing::three_tier(), {"api.mttr=-2h"}),
            "m.json: /components/1/mttr: must be a positive duration; got \"-2h\" (from override "
            "\"api.mttr=-2h\")");
  EXPECT_EQ(testing::parse_error(testing::three_tier(), {"replications=0"}),
            "m.json: /replications: must be an integer from 1 to 1000000000; got 0 (from override "
            "\"replications=0\")");
  EXPECT_EQ(testing::parse_error(testing::three_tier(), {"web.mtbff=1h"}),
            "m.json: /components/0/mtbff: unknown key \"mtbff\" (did you mean \"mtbf\"?); known "
            "keys of a component: id, description, instances, min_up, failure, mtbf, repair, "
            "mttr, detection, coverage, undetected, standby, crew, capacity_rps, overload, "
            "load_shedding, deploys, zones, placement, cost, idle_cost (from override "
            "\"web.mtbff=1h\")");
  EXPECT_EQ(testing::parse_error(testing::three_tier(), {"web.min_up=9"}),
            "m.json: /components/0/min_up: must be at most \"instances\" (3); got 9 (from "
            "override \"web.min_up=9\")");
}

TEST(Overrides, MalformedOverridesAreUsageErrors) {
  EXPECT_EQ(usage_error({"web.instances"}),
            "m.json: override \"web.instances\": must look like KEY=VALUE, ID.KEY=VALUE, "
            "ID.KEY.SUBKEY=VALUE or FROM->TO.KEY=VALUE (e.g. web.instances=4)");
  EXPECT_EQ(usage_error({"=4"}).rfind("m.json: override \"=4\": must look like KEY=VALUE", 0), 0u);
  EXPECT_EQ(usage_error({"webb.instances=4"}),
            "m.json: override \"webb.instances=4\": unknown component id (did you mean \"web\"?); "
            "known component ids: web, api, db");
  EXPECT_EQ(usage_error({"web..instances=4"}),
            "m.json: override \"web..instances=4\": has an empty key (two dots in a row or a dot "
            "at an end)");
  EXPECT_EQ(usage_error({"web.instances.x=4"}),
            "m.json: override \"web.instances.x=4\": \"instances\" is not an object, so it has no "
            "nested keys");
}

TEST(Overrides, LaterOverridesWin) {
  EXPECT_EQ(with({"web.instances=4", "web.instances=5"}).components[0].instances, 5);
}

TEST(Overrides, ValuesThatAreNotJsonAreStrings) {
  EXPECT_EQ(with({"name=99 problems"}).name, "99 problems");
  EXPECT_EQ(with({"name=\"quoted\""}).name, "quoted");
  EXPECT_EQ(with({"description="}).description, "");
}

TEST(Overrides, NeverCrashOnOddOverrides) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  for (const std::string& text :
       {std::string("="), std::string("."), std::string(".="), std::string("web.=1"),
        std::string("web.instances=") + deep, std::string("web.repair.mean.x=1"),
        std::string("web.failure=null"), std::string("db.standby=3"),
        std::string("db.standby.x.y=1"), std::string("web.id=other"), std::string("components=[]"),
        std::string("crews.x=1"), std::string("web.instances=\xff"),
        std::string("web.mttr={\"type\":\"fixed\"}")}) {
    try {
      parse_model(testing::three_tier(), "m.json", {text});
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()).rfind("m.json: ", 0), 0u) << e.what();
    }
  }
}

Model zoned_with(const std::vector<std::string>& overrides, json document = testing::zoned()) {
  return parse_model(document, "m.json", overrides).model;
}

std::string zoned_usage_error(const std::vector<std::string>& overrides,
                              json document = testing::zoned()) {
  return usage_error(overrides, document);
}

TEST(Overrides, SetZoneAndRegionKeys) {
  const Model m = zoned_with({"eu-a.mttr=8h", "eu.mtbf=10y", "eu-b.repair.mean=2h"});
  EXPECT_EQ(m.zones[0].repair, Distribution{Exponential{8.0}});
  EXPECT_EQ(m.regions[0].failure, Distribution{Exponential{10 * 8760.0}});
  EXPECT_EQ(m.zones[1].repair, Distribution{Exponential{2.0}});
}

TEST(Overrides, TheLongestIdWinsAcrossKinds) {
  json document = testing::zoned();
  document["zones"][1]["id"] = "db.eu";
  document["components"][0]["zones"] = {"eu-a", "db.eu"};
  document["components"][1]["placement"] = {{"eu-a", 2}, {"db.eu", 1}};
  const Model m = zoned_with({"db.eu.mttr=8h", "db.mttr=3h"}, document);
  EXPECT_EQ(m.zones[1].repair, Distribution{Exponential{8.0}});
  EXPECT_EQ(m.components[1].repair, Distribution{Exponential{3.0}});
}

TEST(Overrides, ZonesAndPlacementReplaceEachOther) {
  // A placement replaces the zones and says how many instances there are.
  Model m = zoned_with({R"(web.placement={"eu-a":1,"eu-b":1})"});
  EXPECT_TRUE(m.components[0].zones.empty());
  EXPECT_EQ(m.components[0].instances, 2);
  // Zones over a placement keep its count as "instances"...
  m = zoned_with({R"(db.zones=["eu-b","eu-a"])"});
  EXPECT_TRUE(m.components[1].placement.empty());
  EXPECT_EQ(m.components[1].instances, 3);
  EXPECT_EQ(m.instance_zones(m.components[1]), (std::vector<std::int64_t>{1, 0, 1}));
  // ...unless the overrides set it, before or after.
  EXPECT_EQ(zoned_with({"db.instances=5", R"(db.zones=["eu-a"])"}).components[1].instances, 5);
  EXPECT_EQ(zoned_with({R"(db.zones=["eu-a"])", "db.instances=4"}).components[1].instances, 4);
  // Whole JSON values.
  m = zoned_with({R"(web.zones=["eu-b"])"});
  EXPECT_EQ(m.components[0].zones, (std::vector<std::string>{"eu-b"}));
}

TEST(Overrides, PlacementAndInstancesDisagreeingSuggestThePlacement) {
  EXPECT_EQ(testing::parse_error(testing::zoned(), {"db.instances=4"}),
            "m.json: /components/1/instances: must equal the sum of the \"placement\" counts (3) "
            "or be left out; to resize the pool, set \"db.placement\" (\"instances\" follows "
            "it); got 4 (from override \"db.instances=4\")");
}

TEST(Overrides, SetADependencyRowThroughItsEdge) {
  json document = testing::three_tier();
  document["components"].push_back({{"id", "db.eu"}, {"mtbf", "1h"}, {"mttr", "1h"}});
  document["components"].push_back({{"id", "cache"}, {"mtbf", "1h"}, {"mttr", "1h"}});
  document["dependencies"][1] = {{"from", "api"}, {"to", {"db", "db.eu"}}, {"min_up", 1}};
  document["dependencies"].push_back({{"from", "api"}, {"to", "cache"}});
  Model m = with({"api->db.eu.min_up=2"}, document);
  EXPECT_EQ(m.dependencies[1].min_up, 2);
  m = with({"api->db.min_up=2"}, document);
  EXPECT_EQ(m.dependencies[1].min_up, 2);
  m = with({R"(api->cache.to=["cache","db"])", "api->cache.min_up=1"}, document);
  EXPECT_EQ(m.dependencies[2].to, (std::vector<std::string>{"cache", "db"}));
  EXPECT_EQ(m.dependencies[2].min_up, 1);
}

TEST(Overrides, EdgeErrors) {
  json document = testing::three_tier();
  document["dependencies"].push_back({{"from", "web"}, {"to", {"api", "db"}}, {"min_up", 1}});
  EXPECT_EQ(usage_error({"wbe->api.min_up=1"}, document),
            "m.json: override \"wbe->api.min_up=1\": FROM \"wbe\": unknown component id (did "
            "you mean \"web\"?); known component ids: web, api, db");
  EXPECT_EQ(usage_error({"web->dbx.min_up=1"}, document),
            "m.json: override \"web->dbx.min_up=1\": no dependency from \"web\" to \"dbx\" "
            "(did you mean \"db\"?); \"web\" depends on: api, db");
  EXPECT_EQ(usage_error({"db->web.min_up=1"}, document),
            "m.json: override \"db->web.min_up=1\": no dependency from \"db\" to \"web\"; "
            "\"db\" depends on nothing");
  EXPECT_EQ(usage_error({"web->api.min_up=1"}, document),
            "m.json: override \"web->api.min_up=1\": names 2 dependency rows (/dependencies/0 "
            "and /dependencies/2 both go from \"web\" to \"api\"); merge them into one row");
  // Through a list target, a key that is not a target's own is the row's, checked as usual.
  EXPECT_EQ(testing::parse_error(document, {"web->db.weight=1"})
                .rfind("m.json: /dependencies/2/weight: unknown key \"weight\"", 0),
            0U);
  EXPECT_EQ(usage_error({"web->db=1"}, document),
            "m.json: override \"web->db=1\": names no key after the target (e.g. "
            "web->db.min_up)");
  EXPECT_EQ(usage_error({"web->a>b.min_up=1"}, document),
            "m.json: override \"web->a>b.min_up=1\": must name a dependency as FROM->TO.KEY, "
            "with one \"->\" (e.g. web->db.min_up)");
}

TEST(Overrides, AnUnknownIdListsTheIdsOfEveryKind) {
  json document = testing::zoned();
  document["crews"] = {{{"id", "oncall"}}};
  document["components"][0]["crew"] = "oncall";
  EXPECT_EQ(zoned_usage_error({"eu-c.mttr=1h"}, document),
            "m.json: override \"eu-c.mttr=1h\": unknown component, crew, zone or region id (did "
            "you mean \"eu-a\"?); known component ids: web, db; known crew ids: oncall; known "
            "zone ids: eu-a, eu-b; known region ids: eu");
}

TEST(Overrides, TopLevelObjectsTakeNestedKeys) {
  // `load` is a top-level object: TOP.SUB sets inside it (and creates it when absent).
  json document = testing::zoned();
  document["load"] = {{"rps", 1}};
  const Model m = parse_model(document, "m.json", {"load.rps=2000"}).model;
  ASSERT_TRUE(m.load.has_value());
  EXPECT_EQ(m.load->rps, 2000.0);
}

TEST(Overrides, SetTheInjectListWhole) {
  const Model m = zoned_with({R"(inject=[{"at":"1d","zone":"eu-a","for":"1h"}])", "horizon=5y"});
  ASSERT_EQ(m.inject.size(), 1u);
  EXPECT_EQ(m.inject[0].target, Injection::Target::kZone);
  EXPECT_EQ(m.horizon_hours, 5 * 8760.0);
}

TEST(Overrides, FailureNeverRemovesTheKeysOfFailing) {
  json doc = testing::three_tier();
  doc["crews"] = json::parse(R"([{"id": "oncall"}])");
  doc["components"][1]["crew"] = "oncall";
  doc["components"][1]["detection"] = "5m";
  const Model m = with({"api.failure=never", "db.failure=never"}, doc);
  EXPECT_EQ(m.components[1].failure, Distribution{Never{}});
  EXPECT_EQ(m.components[1].repair, Component{}.repair);
  EXPECT_EQ(m.components[1].detection, Component{}.detection);
  EXPECT_TRUE(m.components[1].crew.empty());
  EXPECT_EQ(m.components[2].failure, Distribution{Never{}});
  EXPECT_EQ(m.components[2].standby, Standby{});
  // A key of failing set after it is reported as any other rule the override breaks.
  EXPECT_EQ(testing::parse_error(doc, {"api.failure=never", "api.mttr=2h"}),
            R"(m.json: /components/1/mttr: a component whose failure is "never" has no repair; )"
            R"(remove it (from override "api.mttr=2h"))");
}

}  // namespace
}  // namespace nines::models
