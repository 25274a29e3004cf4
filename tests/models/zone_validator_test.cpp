// Tests of zones, regions, placement and the id-clash rule: accepted models and every error.
#include <gtest/gtest.h>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using nlohmann::json;
using testing::parse_error;

TEST(Zones, LoadTheExampleOfTheFormat) {
  const LoadedModel loaded = parse_model(testing::zoned(), "m.json");
  const Model& m = loaded.model;
  EXPECT_TRUE(loaded.warnings.empty());
  ASSERT_EQ(m.regions.size(), 1u);
  EXPECT_EQ(m.regions[0].id, "eu");
  EXPECT_EQ(m.regions[0].failure, Distribution{Exponential{5 * 8760.0}});
  EXPECT_EQ(m.regions[0].repair, Distribution{Exponential{12.0}});
  ASSERT_EQ(m.zones.size(), 2u);
  EXPECT_EQ(m.zones[1].id, "eu-b");
  EXPECT_EQ(m.zones[1].region, "eu");
  EXPECT_EQ(m.zones[1].repair, Distribution{Exponential{4.0}});
  EXPECT_EQ(m.components[0].zones, (std::vector<std::string>{"eu-a", "eu-b"}));
  EXPECT_EQ(m.components[1].instances, 3);  // the placement's sum
  EXPECT_EQ(m.components[1].placement,
            (std::vector<std::pair<std::string, std::int64_t>>{{"eu-a", 2}, {"eu-b", 1}}));
}

TEST(Zones, InstanceZonesGoRoundRobinOrByCountInTheTopLevelOrder) {
  json document = testing::zoned();
  document["zones"].push_back({{"id", "eu-c"}, {"mtbf", "1y"}, {"mttr", "4h"}});
  document["components"][0]["instances"] = 5;
  document["components"][0]["zones"] = {"eu-c", "eu-a"};
  // Written out of order: indices still follow the top-level list eu-a, eu-b, eu-c.
  document["components"][1]["placement"] = {{"eu-c", 1}, {"eu-b", 0}, {"eu-a", 2}};
  const Model m = parse_model(document, "m.json").model;
  EXPECT_EQ(m.instance_zones(m.components[0]), (std::vector<std::int64_t>{2, 0, 2, 0, 2}));
  EXPECT_EQ(m.instance_zones(m.components[1]), (std::vector<std::int64_t>{0, 0, 2}));
  EXPECT_EQ(m.components[1].instances, 3);
}

TEST(Zones, AComponentWithoutZonesIsOutsideEveryZone) {
  json document = testing::zoned();
  document["components"][0].erase("zones");
  const Model m = parse_model(document, "m.json").model;
  EXPECT_EQ(m.instance_zones(m.components[0]), (std::vector<std::int64_t>{-1, -1, -1}));
}

TEST(Zones, AnyLawAndADescription) {
  json document = testing::zoned();
  document["zones"][0].erase("mtbf");
  document["zones"][0]["failure"] = {{"type", "weibull"}, {"shape", 2}, {"scale", "1y"}};
  document["zones"][0]["description"] = "Frankfurt A";
  document["regions"][0].erase("mttr");
  document["regions"][0]["repair"] = {{"type", "fixed"}, {"value", "1d"}};
  const Model m = parse_model(document, "m.json").model;
  EXPECT_EQ(m.zones[0].failure, (Distribution{Weibull{2.0, 8760.0}}));
  EXPECT_EQ(m.zones[0].description, "Frankfurt A");
  EXPECT_EQ(m.regions[0].repair, Distribution{Fixed{24.0}});
}

TEST(Zones, WarnAboutAnEmptyRegionAndMoreZonesThanInstancesButNotAnUnusedZone) {
  json document = testing::zoned();
  document["regions"].push_back({{"id", "us"}, {"mtbf", "5y"}, {"mttr", "12h"}});
  document["zones"].push_back({{"id", "eu-c"}, {"mtbf", "1y"}, {"mttr", "4h"}});
  document["components"][0]["instances"] = 1;
  document["components"][0]["min_up"] = 1;
  const auto warnings = parse_model(document, "m.json").warnings;
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0],
            "m.json: /components/0/zones: component \"web\" has 1 instance(s) and 2 zones, so 1 "
            "of its zones hold none of them");
  EXPECT_EQ(warnings[1],
            "m.json: /regions/1: region \"us\" holds no zone, so it can affect nothing");
}

TEST(Zones, ListsThatAreNotListsOfObjects) {
  for (const char* key : {"zones", "regions", "inject"}) {
    json document = testing::zoned();
    document[key] = {{"id", "x"}};
    EXPECT_EQ(parse_error(document),
              "m.json: /" + std::string(key) + ": must be a list; got {\"id\":\"x\"}");
  }
  json document = testing::zoned();
  document["zones"][1] = "eu-b";
  EXPECT_EQ(parse_error(document), "m.json: /zones/1: must be an object (a zone); got \"eu-b\"");
  document = testing::zoned();
  document["regions"][0] = 3;
  EXPECT_EQ(parse_error(document), "m.json: /regions/0: must be an object (a region); got 3");
}

TEST(Zones, DuplicateIds) {
  json document = testing::zoned();
  document["zones"][1]["id"] = "eu-a";
  EXPECT_EQ(parse_error(document),
            "m.json: /zones/1/id: duplicate zone id; first used at /zones/0; got \"eu-a\"");
  document = testing::zoned();
  document["regions"].push_back(document["regions"][0]);
  EXPECT_EQ(parse_error(document),
            "m.json: /regions/1/id: duplicate region id; first used at /regions/0; got \"eu\"");
}

TEST(Zones, IdsOfEveryKindDiffer) {
  json document = testing::zoned();
  document["zones"][1]["id"] = "db";
  document["components"][0]["zones"] = {"eu-a"};
  document["components"][1]["placement"] = {{"eu-a", 3}};
  EXPECT_EQ(parse_error(document),
            "m.json: /zones/1/id: also the id of the component at /components/1/id (component, "
            "crew, zone and region ids must all differ, so that an override names one thing); "
            "got \"db\"");
  document = testing::zoned();
  document["regions"][0]["id"] = "eu-a";
  document["zones"][0]["region"] = "eu-a";
  document["zones"][1]["region"] = "eu-a";
  EXPECT_EQ(parse_error(document),
            "m.json: /regions/0/id: also the id of the zone at /zones/0/id (component, crew, zone "
            "and region ids must all differ, so that an override names one thing); got \"eu-a\"");
}

TEST(Zones, CrewAndComponentIdsDiffer) {
  json document = testing::zoned();
  document["crews"] = {{{"id", "web"}}};
  document["components"][1]["crew"] = "web";
  EXPECT_EQ(parse_error(document),
            "m.json: /crews/0/id: also the id of the component at /components/0/id (component, "
            "crew, zone and region ids must all differ, so that an override names one thing); "
            "got \"web\"");
}

TEST(Zones, IdsAreNotTopLevelKeyNames) {
  json document = testing::zoned();
  document["zones"][0]["id"] = "horizon";
  document["components"][0]["zones"] = {"horizon", "eu-b"};
  document["components"][1]["placement"] = {{"horizon", 2}, {"eu-b", 1}};
  EXPECT_EQ(parse_error(document),
            "m.json: /zones/0/id: is the name of the top-level key at /horizon, so "
            "\"horizon.KEY\" overrides would be ambiguous; choose another zone id; got "
            "\"horizon\"");
  document = testing::zoned();
  document["regions"][0]["id"] = "load";
  document["zones"][0]["region"] = "load";
  document["zones"][1]["region"] = "load";
  EXPECT_EQ(parse_error(document),
            "m.json: /regions/0/id: is reserved for a top-level key (\"load\"), so \"load.KEY\" "
            "overrides would be ambiguous; choose another region id; got \"load\"");
}

TEST(Zones, UnknownRegionOrZone) {
  json document = testing::zoned();
  document["zones"][1]["region"] = "ue";
  EXPECT_EQ(parse_error(document),
            "m.json: /zones/1/region: unknown region id (did you mean \"eu\"?); known region ids: "
            "eu; got \"ue\"");
  document = testing::zoned();
  document["components"][0]["zones"][1] = "eu-c";
  EXPECT_EQ(parse_error(document),
            "m.json: /components/0/zones/1: unknown zone id (did you mean \"eu-a\"?); known zone "
            "ids: eu-a, eu-b; got \"eu-c\"");
  document = testing::zoned();
  document["components"][1]["placement"] = {{"eu-a", 2}, {"eu-x", 1}};
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/placement/eu-x: unknown zone id (did you mean \"eu-a\"?); "
            "known zone ids: eu-a, eu-b; got \"eu-x\"");
}

TEST(Zones, ZonesEmptyOrRepeating) {
  json document = testing::zoned();
  document["components"][0]["zones"] = json::array();
  EXPECT_EQ(parse_error(document),
            "m.json: /components/0/zones: must be a non-empty list of zone ids; got []");
  document["components"][0]["zones"] = {"eu-a", "eu-b", "eu-a"};
  EXPECT_EQ(parse_error(document),
            "m.json: /components/0/zones/2: lists this zone twice; got \"eu-a\"");
  document["components"][0]["zones"] = "eu-a";
  EXPECT_EQ(parse_error(document),
            "m.json: /components/0/zones: must be a non-empty list of zone ids; got \"eu-a\"");
}

TEST(Zones, PlacementEmptyNegativeFractionalOrNotSumming) {
  json document = testing::zoned();
  document["components"][1]["placement"] = json::object();
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/placement: must be a non-empty object of zone ids and instance "
            "counts, like {\"eu-a\": 2, \"eu-b\": 1}; got {}");
  document["components"][1]["placement"] = {{"eu-a", -1}, {"eu-b", 1}};
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/placement/eu-a: must be a whole number of instances from 0 to "
            "1000000; got -1");
  document["components"][1]["placement"] = {{"eu-a", 1.5}, {"eu-b", 1}};
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/placement/eu-a: must be a whole number of instances from 0 to "
            "1000000; got 1.5");
  document["components"][1]["placement"] = {{"eu-a", 0}, {"eu-b", 0}};
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/placement: counts must sum to an instance count from 1 to "
            "1000000 (they sum to 0); got {\"eu-a\":0,\"eu-b\":0}");
  document["components"][1]["placement"] = {{"eu-a", 2}, {"eu-b", 1}};
  document["components"][1]["instances"] = 4;
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/instances: must equal the sum of the \"placement\" counts (3) "
            "or be left out; to resize the pool, set \"db.placement\" (\"instances\" follows "
            "it); got 4");
}

TEST(Zones, BothZonesAndPlacement) {
  json document = testing::zoned();
  document["components"][1]["zones"] = {"eu-a"};
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/placement: give either \"zones\" (round-robin) or "
            "\"placement\" (counts per zone), not both");
}

TEST(Zones, LawsOfAZoneOrRegion) {
  json document = testing::zoned();
  document["zones"][0].erase("mtbf");
  EXPECT_EQ(parse_error(document),
            "m.json: /zones/0: missing \"failure\" (a distribution) or \"mtbf\" (an exponential "
            "mean)");
  document = testing::zoned();
  document["regions"][0]["repair"] = "3h";
  EXPECT_EQ(parse_error(document),
            "m.json: /regions/0/repair: give either \"mttr\" or \"repair\", not both");
  for (const char* key : {"detection", "crew", "standby"}) {
    document = testing::zoned();
    document["zones"][1][key] = "x";
    EXPECT_EQ(parse_error(document),
              "m.json: /zones/1/" + std::string(key) +
                  ": not allowed in a zone: a zone fails and recovers as one unit on its own "
                  "laws (no detection, crew or standby)");
  }
  document = testing::zoned();
  document["regions"][0]["standby"] = {{"mode", "cold"}};
  EXPECT_EQ(parse_error(document),
            "m.json: /regions/0/standby: not allowed in a region: a region fails and recovers as "
            "one unit on its own laws (no detection, crew or standby)");
  document = testing::zoned();
  document["regions"][0]["region"] = "eu";
  EXPECT_EQ(parse_error(document).rfind("m.json: /regions/0/region: unknown key \"region\"", 0),
            0u);
}

TEST(Zones, ModelsBuiltInCodeGetTheSameChecks) {
  Model m = parse_model(testing::zoned(), "m.json").model;
  m.components[1].placement = {{"eu-b", 1}, {"eu-a", 2}};  // sorted by validation
  EXPECT_TRUE(validate_model(m).empty());
  EXPECT_EQ(m.components[1].placement,
            (std::vector<std::pair<std::string, std::int64_t>>{{"eu-a", 2}, {"eu-b", 1}}));
  m.components[1].zones = {"eu-a"};
  EXPECT_EQ(testing::message_of([&] { validate_model(m, "code.json"); }),
            "code.json: /components/1/placement: give either \"zones\" (round-robin) or "
            "\"placement\" (counts per zone), not both");
  m.components[1].zones.clear();
  m.components[1].placement = {{"eu-a", 2}, {"eu-a", 1}};
  EXPECT_EQ(testing::message_of([&] { validate_model(m, "code.json"); }),
            "code.json: /components/1/placement/eu-a: names this zone twice; got \"eu-a\"");
}

}  // namespace
}  // namespace nines::models
