// Tests of the flow-mode keys of issue 11's second slice (traffic_validator.cpp and the parsers):
// capacity_rps, calls, retries, routing and list targets' own settings; their messages, the
// "needs a top-level load" rule, one row per pair with a load, overrides and saving.
#include <gtest/gtest.h>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using nlohmann::json;
using testing::parse_error;

json loaded() {
  json document = testing::three_tier();
  document["load"] = {{"rps", 1000}};
  return document;
}

/// three_tier with a load and `api` depending on a list of two databases.
json listed() {
  json document = loaded();
  document["components"].push_back({{"id", "db2"}, {"mtbf", "4000h"}, {"mttr", "6h"}});
  document["dependencies"][1] = {{"from", "api"}, {"to", {"db", "db2"}}, {"min_up", 1}};
  return document;
}

Model model_of(const json& document, const std::vector<std::string>& overrides = {}) {
  return parse_model(document, "m.json", overrides).model;
}

TEST(TrafficKeys, DefaultsAndValues) {
  Model m = model_of(loaded());
  EXPECT_FALSE(m.components[0].capacity_rps.has_value());
  EXPECT_FALSE(m.dependencies[0].calls.has_value());
  EXPECT_EQ(m.dependencies[0].calls_of(0), 1.0);
  EXPECT_EQ(m.dependencies[0].retries_of(0), 0);
  json document = listed();
  document["components"][0]["capacity_rps"] = 400;
  document["dependencies"][0]["calls"] = 2.5;
  document["dependencies"][0]["retries"] = 3;
  document["dependencies"][1]["retries"] = 1;
  document["dependencies"][1]["to"] = {"db", {{"id", "db2"}, {"retries", 2}, {"calls", 3}}};
  m = model_of(document);
  EXPECT_EQ(m.components[0].capacity_rps, std::optional<double>(400.0));
  EXPECT_EQ(m.dependencies[0].calls_of(0), 2.5);
  EXPECT_EQ(m.dependencies[0].retries_of(0), 3);
  const Dependency& row = m.dependencies[1];
  EXPECT_EQ(row.to, (std::vector<std::string>{"db", "db2"}));
  ASSERT_EQ(row.target_traffic.size(), 2U);
  EXPECT_TRUE(row.target_traffic[0].empty());
  EXPECT_EQ(row.retries_of(0), 1);  // a string target takes the row's values
  EXPECT_EQ(row.calls_of(0), 1.0);
  EXPECT_EQ(row.retries_of(1), 2);
  EXPECT_EQ(row.calls_of(1), 3.0);
  EXPECT_EQ(row.routing_or_default(), Routing::kFailover);
  // {"id"} alone is a plain target.
  document["dependencies"][1]["to"] = {"db", {{"id", "db2"}}};
  EXPECT_TRUE(model_of(document).dependencies[1].target_traffic.empty());
}

TEST(TrafficKeys, RoutingDefaultsByMinUp) {
  json document = listed();
  document["components"].push_back({{"id", "db3"}, {"mtbf", "4000h"}, {"mttr", "6h"}});
  document["dependencies"][1] = {{"from", "api"}, {"to", {"db", "db2", "db3"}}, {"min_up", 2}};
  EXPECT_EQ(model_of(document).dependencies[1].routing_or_default(), Routing::kAll);
  document["dependencies"][1]["min_up"] = 1;
  document["dependencies"][1]["routing"] = "all";
  const Model m = model_of(document);
  EXPECT_EQ(m.dependencies[1].routing, std::optional<Routing>(Routing::kAll));
  EXPECT_EQ(m.dependencies[1].routing_or_default(), Routing::kAll);
}

TEST(TrafficKeys, BadValues) {
  json document = loaded();
  document["components"][1]["capacity_rps"] = 0;
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/capacity_rps: must be a positive number; got 0");
  document = loaded();
  document["dependencies"][0]["calls"] = -1;
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/calls: must be a positive number; got -1");
  document = loaded();
  document["dependencies"][0]["retries"] = 101;
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/retries: must be an integer from 0 to 100; got 101");
  document["dependencies"][0]["retries"] = 1.5;
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/retries: must be an integer from 0 to 100; got 1.5");
  document = listed();
  document["dependencies"][1]["routing"] = "random";
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/routing: must be \"failover\" or \"all\"; got \"random\"");
  document = listed();
  document["dependencies"][1]["to"] = {"db", {{"id", "db2"}, {"retries", -1}}};
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/to/1/retries: must be an integer from 0 to 100; got -1");
  document["dependencies"][1]["to"] = {"db", {{"retries", 1}}};
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/to/1: missing \"id\" (the id of the target component)");
}

TEST(TrafficKeys, RowKeysOnATargetAreUnknownKeys) {
  json document = listed();
  document["dependencies"][1]["to"] = {"db", {{"id", "db2"}, {"min_up", 1}}};
  const std::string message = parse_error(document);
  EXPECT_EQ(message.rfind("m.json: /dependencies/1/to/1/min_up: unknown key", 0), 0U) << message;
  EXPECT_NE(message.find("known keys of a dependency target: id, calls, retries, circuit_breaker"),
            std::string::npos)
      << message;
  // The mode and its keys belong to the row too.
  for (const char* key :
       {"mode", "impact", "hit_ratio", "stale_if_error", "warmup", "stale_below", "routing"}) {
    document["dependencies"][1]["to"] = {"db", {{"id", "db2"}, {key, 1}}};
    EXPECT_EQ(parse_error(document).rfind(
                  std::string("m.json: /dependencies/1/to/1/") + key + ": unknown key", 0),
              0U)
        << key;
  }
}

TEST(TrafficKeys, RoutingRules) {
  json document = loaded();
  document["dependencies"][0]["routing"] = "all";
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/routing: only allowed when \"to\" is a list of component "
            "ids; got \"all\"");
  document = listed();
  document["dependencies"][1]["min_up"] = 2;
  document["dependencies"][1]["routing"] = "failover";
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/routing: \"failover\" tries one target after another, so "
            "it needs \"min_up\" 1; use \"all\" for a quorum; got \"failover\" with min_up 2");
  document = listed();
  document["dependencies"][1]["routing"] = "all";
  document["dependencies"][1]["failover"] = {{"time", "5m"}};
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/routing: \"all\" calls every target, which a timed "
            "\"failover\" (one target at a time) contradicts; remove one of them; got \"all\"");
}

TEST(TrafficKeys, EveryKeyNeedsATopLevelLoad) {
  const auto without_load = [](json document) {
    document.erase("load");
    return parse_error(document);
  };
  json document = loaded();
  document["components"][2]["capacity_rps"] = 400;
  EXPECT_EQ(without_load(document),
            "m.json: /components/2/capacity_rps: a traffic key, which needs a top-level load");
  document = loaded();
  document["dependencies"][1]["calls"] = 2;
  EXPECT_EQ(without_load(document),
            "m.json: /dependencies/1/calls: a traffic key, which needs a top-level load");
  document = loaded();
  document["dependencies"][0]["retries"] = 0;
  EXPECT_EQ(without_load(document),
            "m.json: /dependencies/0/retries: a traffic key, which needs a top-level load");
  document = listed();
  document["dependencies"][1]["routing"] = "failover";
  EXPECT_EQ(without_load(document),
            "m.json: /dependencies/1/routing: a traffic key, which needs a top-level load");
  document = listed();
  document["dependencies"][1]["to"] = {"db", {{"id", "db2"}, {"calls", 2}}};
  EXPECT_EQ(without_load(document),
            "m.json: /dependencies/1/to/1/calls: a traffic key, which needs a top-level load");
  // Each of them is fine with a load.
  EXPECT_NO_THROW(model_of(document));
}

TEST(TrafficKeys, WithALoadOneRowPerPair) {
  json document = loaded();
  document["dependencies"].push_back({{"from", "web"}, {"to", "api"}});
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/2/to: joins \"web\" to \"api\" again (/dependencies/0 "
            "already does); with a load, two components are joined by at most one row (use "
            "\"calls\"); got \"api\"");
  // List targets count.
  document = listed();
  document["dependencies"].push_back({{"from", "api"}, {"to", "db2"}});
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/2/to: joins \"api\" to \"db2\" again (/dependencies/1 "
            "already does); with a load, two components are joined by at most one row (use "
            "\"calls\"); got \"db2\"");
  // Without a load two rows stay allowed, as before.
  document.erase("load");
  EXPECT_NO_THROW(model_of(document));
}

TEST(TrafficKeys, Overrides) {
  json document = listed();
  Model m = model_of(document, {"web.capacity_rps=500", "web->api.retries=3", "web->api.calls=2",
                                "api->db2.retries=2", "api->db.routing=\"all\""});
  EXPECT_EQ(m.components[0].capacity_rps, std::optional<double>(500.0));
  EXPECT_EQ(m.dependencies[0].retries, std::optional<std::int64_t>(3));
  EXPECT_EQ(m.dependencies[0].calls, std::optional<double>(2.0));
  // On a list: TO's own retries (a string target becomes an object), the row's routing.
  const Dependency& row = m.dependencies[1];
  EXPECT_FALSE(row.retries.has_value());
  ASSERT_EQ(row.target_traffic.size(), 2U);
  EXPECT_EQ(row.target_traffic[1].retries, std::optional<std::int64_t>(2));
  EXPECT_TRUE(row.target_traffic[0].empty());
  EXPECT_EQ(row.routing, std::optional<Routing>(Routing::kAll));
  // A target that is already an object keeps its other settings.
  document["dependencies"][1]["to"] = {"db", {{"id", "db2"}, {"calls", 3}}};
  m = model_of(document, {"api->db2.retries=4"});
  EXPECT_EQ(m.dependencies[1].target_traffic[1].calls, std::optional<double>(3.0));
  EXPECT_EQ(m.dependencies[1].target_traffic[1].retries, std::optional<std::int64_t>(4));
  // Bad values are reported at the key the override wrote.
  EXPECT_EQ(parse_error(listed(), {"api->db2.retries=200"}),
            "m.json: /dependencies/1/to/1/retries: must be an integer from 0 to 100; got 200 "
            "(from override \"api->db2.retries=200\")");
  // Without a load the key is refused like one in the file.
  json plain = testing::three_tier();
  EXPECT_EQ(parse_error(plain, {"api->db.retries=3"}),
            "m.json: /dependencies/1/retries: a traffic key, which needs a top-level load "
            "(from override \"api->db.retries=3\")");
}

TEST(TrafficKeys, ToJsonRoundTripsEveryKey) {
  json document = listed();
  document["components"][0]["capacity_rps"] = 400;
  document["components"][2]["capacity_rps"] = 0.25;
  document["dependencies"][0]["calls"] = 2.5;
  document["dependencies"][0]["retries"] = 0;
  document["dependencies"][1]["retries"] = 1;
  document["dependencies"][1]["routing"] = "all";
  document["dependencies"][1]["to"] = {"db", {{"id", "db2"}, {"retries", 2}, {"calls", 3}}};
  const Model model = model_of(document);
  const json written = to_json(model);
  EXPECT_EQ(model_of(written), model) << written.dump();
  // A target without own settings stays a string; stated defaults stay stated.
  EXPECT_EQ(written["dependencies"][1]["to"][0], "db");
  EXPECT_EQ(written["dependencies"][1]["to"][1],
            (json{{"id", "db2"}, {"retries", 2}, {"calls", 3.0}}));
  EXPECT_EQ(written["dependencies"][0]["retries"], 0);
  EXPECT_EQ(written["dependencies"][1]["routing"], "all");
  EXPECT_EQ(written["components"][0]["capacity_rps"], 400.0);
  // Absent keys stay absent.
  const json plain = to_json(model_of(loaded()));
  EXPECT_FALSE(plain["dependencies"][0].contains("calls"));
  EXPECT_FALSE(plain["components"][0].contains("capacity_rps"));
}

TEST(TrafficKeys, ToJsonLikeWritesAChangedCapacity) {
  const nlohmann::ordered_json original = nlohmann::ordered_json::parse(
      R"({"components": [{"id": "web", "mtbf": "1000h", "mttr": "10h", "capacity_rps": 10}],
          "load": {"rps": 10}})");
  Model model = parse_model(json::parse(original.dump()), "m.json").model;
  model.components[0].capacity_rps = 20.0;
  const auto changed = to_json_like(model, original);
  EXPECT_EQ(changed["components"][0]["capacity_rps"], 20.0);
  EXPECT_EQ(changed["components"][0]["mtbf"], "1000h");
}

}  // namespace
}  // namespace nines::models
