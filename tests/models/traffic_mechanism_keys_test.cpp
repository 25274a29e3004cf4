// Tests of the traffic mechanisms' keys of issue 11 (parsers, traffic_validator.cpp, overrides,
// the writer): a component's overload and load_shedding, a dependency's mode with its keys and
// circuit_breaker (also per list target), the load's spikes and journeys; their messages, the
// "needs a top-level load" rule, overrides and saving.
#include <gtest/gtest.h>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using nlohmann::json;
using testing::parse_error;

/// three_tier with a load and a capacity on `web`.
json loaded() {
  json document = testing::three_tier();
  document["load"] = {{"rps", 1000}};
  document["components"][0]["capacity_rps"] = 400;
  return document;
}

/// loaded() with `api` depending on a list of two databases.
json listed() {
  json document = loaded();
  document["components"].push_back({{"id", "db2"}, {"mtbf", "4000h"}, {"mttr", "6h"}});
  document["dependencies"][1] = {{"from", "api"}, {"to", {"db", "db2"}}, {"min_up", 1}};
  return document;
}

Model model_of(const json& document, const std::vector<std::string>& overrides = {}) {
  return parse_model(document, "m.json", overrides).model;
}

std::string without_load(json document) {
  document.erase("load");
  return parse_error(document);
}

const json kBreaker = {{"threshold", 0.5}, {"open_for", "30s"}};

// ---- Overload and shedding -------------------------------------------------------------------

TEST(TrafficMechanismKeys, OverloadAndShedding) {
  json document = loaded();
  document["components"][0]["overload"] = {{"crash_after", "10m"},
                                           {"restart", {{"type", "fixed"}, {"value", "5m"}}}};
  document["components"][0]["load_shedding"] = true;
  const Model m = model_of(document);
  ASSERT_TRUE(m.components[0].overload.has_value());
  EXPECT_EQ(m.components[0].overload->crash_after, Distribution{Exponential{10.0 / 60.0}});
  EXPECT_EQ(m.components[0].overload->restart, Distribution{Fixed{5.0 / 60.0}});
  EXPECT_EQ(m.components[0].load_shedding, std::optional<bool>(true));
  EXPECT_FALSE(m.components[1].overload.has_value());
  EXPECT_FALSE(m.components[1].load_shedding.has_value());
}

TEST(TrafficMechanismKeys, OverloadBadInput) {
  json document = loaded();
  document["components"][0]["overload"] = {{"crash_after", "10m"}};
  EXPECT_EQ(parse_error(document),
            "m.json: /components/0/overload: missing \"restart\" (the time a crashed instance "
            "takes to restart, a law with a mean above 0)");
  document["components"][0]["overload"] = {{"restart", "10m"}};
  EXPECT_EQ(
      parse_error(document).rfind("m.json: /components/0/overload: missing \"crash_after\"", 0),
      0U);
  document["components"][0]["overload"] = {{"crash_after", 0}, {"restart", "1m"}};
  EXPECT_EQ(parse_error(document),
            "m.json: /components/0/overload/crash_after: must be a positive duration; got 0");
  document["components"][0]["overload"] = {{"crash_after", "1m"},
                                           {"restart", {{"type", "fixed"}, {"value", 0}}}};
  EXPECT_NE(parse_error(document).find("/components/0/overload/restart"), std::string::npos);
  document["components"][0]["overload"] = {{"crash_after", "1m"}, {"restart", "1m"}, {"x", 1}};
  EXPECT_EQ(parse_error(document).rfind("m.json: /components/0/overload/x: unknown key", 0), 0U);
  document["components"][0]["overload"] = "10m";
  EXPECT_EQ(parse_error(document),
            "m.json: /components/0/overload: must be an object (a component's overload); got "
            "\"10m\"");
  // Both need a capacity on the same component.
  document = loaded();
  document["components"][1]["overload"] = {{"crash_after", "1m"}, {"restart", "1m"}};
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/overload: needs \"capacity_rps\" on the same component (an "
            "overload is demand above capacity)");
  document = loaded();
  document["components"][1]["load_shedding"] = true;
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/load_shedding: needs \"capacity_rps\" on the same component "
            "(it sheds the demand above capacity); got true");
  document["components"][1]["load_shedding"] = "yes";
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/load_shedding: must be true or false; got \"yes\"");
}

// ---- Dependency modes ------------------------------------------------------------------------

TEST(TrafficMechanismKeys, ModesAndTheirDefaults) {
  json document = loaded();
  EXPECT_EQ(model_of(document).dependencies[0].mode_or_default(), DependencyMode::kHard);
  document["dependencies"][0]["mode"] = "soft";
  document["dependencies"][0]["impact"] = 0.3;
  Model m = model_of(document);
  EXPECT_EQ(m.dependencies[0].mode, std::optional<DependencyMode>(DependencyMode::kSoft));
  EXPECT_EQ(m.dependencies[0].impact, std::optional<double>(0.3));
  document["dependencies"][1] = {
      {"from", "api"},          {"to", "db"},     {"mode", "cache"}, {"hit_ratio", 0},
      {"stale_if_error", "0s"}, {"warmup", "2m"}, {"stale_below", 1}};
  m = model_of(document);
  const Dependency& cache = m.dependencies[1];
  EXPECT_EQ(cache.mode, std::optional<DependencyMode>(DependencyMode::kCache));
  EXPECT_EQ(cache.hit_ratio, std::optional<double>(0.0));
  EXPECT_EQ(cache.stale_if_error_hours, std::optional<double>(0.0));
  EXPECT_EQ(cache.warmup_hours, std::optional<double>(2.0 / 60.0));
  EXPECT_EQ(cache.stale_below, std::optional<double>(1.0));
  document["dependencies"][1].erase("warmup");
  document["dependencies"][1].erase("stale_below");
  m = model_of(document);
  EXPECT_FALSE(m.dependencies[1].warmup_hours.has_value());
  EXPECT_FALSE(m.dependencies[1].stale_below.has_value());
  // A stated hard mode stays stated.
  document["dependencies"][0] = {{"from", "web"}, {"to", "api"}, {"mode", "hard"}};
  EXPECT_EQ(model_of(document).dependencies[0].mode,
            std::optional<DependencyMode>(DependencyMode::kHard));
}

TEST(TrafficMechanismKeys, ModeBadInput) {
  json document = loaded();
  auto& row = document["dependencies"][1];
  row["mode"] = "lazy";
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/mode: must be \"hard\", \"soft\" or "
            "\"cache\"; got \"lazy\"");
  row["mode"] = "soft";
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1: missing \"impact\": \"mode\": \"soft\" needs the share of "
            "the row's failed calls that fail the caller, a number in [0, 1]");
  row["impact"] = 1.5;
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/impact: must be a probability between 0 and 1; got 1.5");
  row = {{"from", "api"}, {"to", "db"}, {"mode", "cache"}, {"stale_if_error", "5m"}};
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1: missing \"hit_ratio\": \"mode\": \"cache\" needs the share "
            "of calls the cache answers while valid, a number in [0, 1)");
  row["hit_ratio"] = 1;
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/hit_ratio: must be a number in [0, 1); got 1");
  row["hit_ratio"] = 0.9;
  row.erase("stale_if_error");
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1: missing \"stale_if_error\": \"mode\": \"cache\" needs how "
            "long the cache outlives a failing target, a fixed duration >= 0");
  row["stale_if_error"] = "-1m";
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/stale_if_error: must be a non-negative duration; got \"-1m\"");
  row["stale_if_error"] = {{"type", "fixed"}, {"value", "1m"}};
  EXPECT_EQ(parse_error(document).rfind(
                "m.json: /dependencies/1/stale_if_error: must be a non-negative duration like", 0),
            0U);
  row["stale_if_error"] = "5m";
  row["warmup"] = "-1s";
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/warmup: must be a non-negative duration; got \"-1s\"");
  row["warmup"] = "1m";
  row["stale_below"] = 0;
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/stale_below: must be a number in (0, 1]; got 0");
}

TEST(TrafficMechanismKeys, AKeyOfAnotherModeIsAnError) {
  json document = loaded();
  auto& row = document["dependencies"][1];
  row["impact"] = 0.5;
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/impact: only allowed with \"mode\": \"soft\" (this row's "
            "mode is \"hard\")");
  row = {{"from", "api"},          {"to", "db"},   {"mode", "cache"}, {"hit_ratio", 0.5},
         {"stale_if_error", "5m"}, {"impact", 0.5}};
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/1/impact: only allowed with \"mode\": \"soft\" (this row's "
            "mode is \"cache\")");
  for (const char* key : {"hit_ratio", "stale_if_error", "warmup", "stale_below"}) {
    row = {{"from", "api"}, {"to", "db"}, {"mode", "soft"}, {"impact", 0.5}, {key, 0.5}};
    EXPECT_EQ(parse_error(document), std::string("m.json: /dependencies/1/") + key +
                                         ": only allowed with \"mode\": \"cache\" (this row's "
                                         "mode is \"soft\")")
        << key;
  }
}

// ---- Circuit breakers ------------------------------------------------------------------------

TEST(TrafficMechanismKeys, BreakersOnRowsAndTargets) {
  json document = listed();
  document["dependencies"][0]["circuit_breaker"] = {{"threshold", 0.4}, {"open_for", "1m"}};
  document["dependencies"][1]["circuit_breaker"] = kBreaker;
  document["dependencies"][1]["to"] = {
      "db", {{"id", "db2"}, {"circuit_breaker", {{"threshold", 1}, {"open_for", "2h"}}}}};
  const Model m = model_of(document);
  EXPECT_EQ(m.dependencies[0].circuit_breaker, (CircuitBreaker{0.4, 1.0 / 60.0}));
  const Dependency& row = m.dependencies[1];
  EXPECT_EQ(row.circuit_breaker_of(0), (CircuitBreaker{0.5, 30.0 / 3600.0}));
  EXPECT_EQ(row.circuit_breaker_of(1), (CircuitBreaker{1.0, 2.0}));  // its own wins
  EXPECT_FALSE(model_of(loaded()).dependencies[0].circuit_breaker_of(0).has_value());
}

TEST(TrafficMechanismKeys, BreakerBadInput) {
  json document = loaded();
  auto& breaker = document["dependencies"][0]["circuit_breaker"];
  breaker = {{"threshold", 0}, {"open_for", "30s"}};
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/circuit_breaker/threshold: must be a number in (0, 1]; got 0");
  breaker = {{"threshold", 1.1}, {"open_for", "30s"}};
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/circuit_breaker/threshold: must be a "
            "number in (0, 1]; got 1.1");
  breaker = {{"threshold", 0.5}, {"open_for", 0}};
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/circuit_breaker/open_for: must be a positive duration; got 0");
  breaker = {{"threshold", 0.5}};
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/circuit_breaker: missing \"open_for\" (how long it stays "
            "open, a fixed duration above 0)");
  breaker = {{"open_for", "30s"}};
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/circuit_breaker: missing \"threshold\" (the target success "
            "below which it opens, a number in (0, 1])");
  breaker = {{"threshold", 0.5}, {"open_for", "30s"}, {"half_open", true}};
  EXPECT_EQ(parse_error(document).rfind(
                "m.json: /dependencies/0/circuit_breaker/half_open: unknown key", 0),
            0U);
  document = listed();
  document["dependencies"][1]["to"] = {"db", {{"id", "db2"}, {"circuit_breaker", {{"x", 1}}}}};
  EXPECT_EQ(
      parse_error(document).rfind("m.json: /dependencies/1/to/1/circuit_breaker/x: unknown key", 0),
      0U);
}

// ---- Spikes ----------------------------------------------------------------------------------

TEST(TrafficMechanismKeys, Spikes) {
  json document = loaded();
  document["load"]["spikes"] = {
      {{"id", "ddos"}, {"gap", "30d"}, {"duration", "2h"}, {"multiplier", 6}},
      {{"at", {"200d", "30d", "30d", 0}},
       {"duration", {{"type", "fixed"}, {"value", "1h"}}},
       {"multiplier", 0.5}}};
  const Model m = model_of(document);
  ASSERT_EQ(m.load->spikes.size(), 2U);
  const Spike& random = m.load->spikes[0];
  EXPECT_EQ(random.id, "ddos");
  EXPECT_EQ(random.gap, std::optional<Distribution>(Exponential{720.0}));
  EXPECT_TRUE(random.at_hours.empty());
  EXPECT_EQ(random.duration, Distribution{Exponential{2.0}});
  EXPECT_EQ(random.multiplier, 6.0);
  const Spike& scheduled = m.load->spikes[1];
  EXPECT_EQ(scheduled.id, "");
  EXPECT_FALSE(scheduled.gap.has_value());
  EXPECT_EQ(scheduled.at_hours, (std::vector<double>{4800.0, 720.0, 720.0, 0.0}));
  EXPECT_EQ(scheduled.multiplier, 0.5);  // a dip
}

TEST(TrafficMechanismKeys, SpikeBadInput) {
  const auto spike_error = [](const json& spike) {
    json document = loaded();
    document["load"]["spikes"] = {spike};
    return parse_error(document);
  };
  EXPECT_EQ(spike_error({{"gap", "1d"}, {"at", {"1d"}}, {"duration", "1h"}, {"multiplier", 2}}),
            "m.json: /load/spikes/0/at: give either \"gap\" (random spikes) or \"at\" (scheduled "
            "ones), not both");
  EXPECT_EQ(spike_error({{"duration", "1h"}, {"multiplier", 2}}),
            "m.json: /load/spikes/0: missing \"gap\" (the time between random spikes, a law) or "
            "\"at\" (a list of fixed start times)");
  EXPECT_EQ(spike_error({{"gap", "1d"}, {"multiplier", 2}}),
            "m.json: /load/spikes/0: missing \"duration\" (how long a spike lasts, a law with a "
            "mean above 0)");
  EXPECT_EQ(spike_error({{"gap", "1d"}, {"duration", "1h"}}),
            "m.json: /load/spikes/0: missing \"multiplier\" (the factor on the offered load while "
            "a spike runs, above 0)");
  EXPECT_EQ(spike_error({{"gap", "1d"}, {"duration", "1h"}, {"multiplier", 0}}),
            "m.json: /load/spikes/0/multiplier: must be a positive number; got 0");
  EXPECT_EQ(spike_error({{"gap", 0}, {"duration", "1h"}, {"multiplier", 2}}),
            "m.json: /load/spikes/0/gap: must be a positive duration; got 0");
  EXPECT_EQ(spike_error({{"gap", "1d"}, {"duration", 0}, {"multiplier", 2}}),
            "m.json: /load/spikes/0/duration: must be a positive duration; got 0");
  EXPECT_EQ(spike_error({{"at", json::array()}, {"duration", "1h"}, {"multiplier", 2}}),
            "m.json: /load/spikes/0/at: must be a non-empty list of fixed times >= 0, like "
            "[\"30d\", \"200d\"]; got []");
  EXPECT_EQ(spike_error({{"at", {"1d", "-1h"}}, {"duration", "1h"}, {"multiplier", 2}}),
            "m.json: /load/spikes/0/at/1: must be a non-negative duration; got \"-1h\"");
  EXPECT_EQ(spike_error({{"id", "a b"}, {"gap", "1d"}, {"duration", "1h"}, {"multiplier", 2}}),
            "m.json: /load/spikes/0/id: must be a non-empty id made of letters, digits, '_', '.' "
            "and '-'; got \"a b\"");
  EXPECT_EQ(spike_error({{"gap", "1d"}, {"duration", "1h"}, {"multiplier", 2}, {"every", 1}})
                .rfind("m.json: /load/spikes/0/every: unknown key", 0),
            0U);
  json document = loaded();
  document["load"]["spikes"] = json::object();
  EXPECT_EQ(parse_error(document), "m.json: /load/spikes: must be a list; got {}");
}

TEST(TrafficMechanismKeys, SpikeIdsAreUnique) {
  json document = loaded();
  const json spike = {{"id", "ddos"}, {"gap", "30d"}, {"duration", "1h"}, {"multiplier", 6}};
  json unnamed = spike;
  unnamed.erase("id");
  document["load"]["spikes"] = {spike, unnamed, unnamed, spike};
  EXPECT_EQ(parse_error(document),
            "m.json: /load/spikes/3/id: duplicate spike id; first used at /load/spikes/0; got "
            "\"ddos\"");
}

// ---- Journeys --------------------------------------------------------------------------------

json journeyed() {
  json document = loaded();
  document["components"].push_back({{"id", "checkout"}, {"mtbf", "1000h"}, {"mttr", "1h"}});
  document["dependencies"].push_back({{"from", "checkout"}, {"to", "api"}});
  document["load"]["journeys"] = {{{"entry", "web"}, {"share", 0.8}},
                                  {{"entry", "checkout"}, {"share", 0.2}}};
  return document;
}

TEST(TrafficMechanismKeys, JourneysReplaceTheEntry) {
  Model m;
  std::vector<std::string> warnings;
  const auto loaded_model = parse_model(journeyed(), "m.json");
  m = loaded_model.model;
  ASSERT_EQ(m.load->journeys.size(), 2U);
  EXPECT_EQ(m.load->journeys[1], (Journey{"checkout", 0.2}));
  EXPECT_EQ(m.entry, "web");  // the first journey's
  // Every journey's entry reaches its components: no "not reached" warning for checkout.
  EXPECT_TRUE(loaded_model.warnings.empty()) << loaded_model.warnings.front();
  // Without journeys, two roots need an entry, as before.
  json document = journeyed();
  document["load"].erase("journeys");
  EXPECT_NE(parse_error(document).find("/entry: missing, and 2 components"), std::string::npos);
  // Shares that sum to 1 within 1e-9.
  document = journeyed();
  document["load"]["journeys"] = {{{"entry", "web"}, {"share", 0.1}},
                                  {{"entry", "checkout"}, {"share", 0.2}},
                                  {{"entry", "api"}, {"share", 0.7}}};
  EXPECT_NO_THROW(model_of(document));
}

TEST(TrafficMechanismKeys, JourneyBadInput) {
  json document = journeyed();
  document["entry"] = "web";
  EXPECT_EQ(parse_error(document),
            "m.json: /entry: not allowed beside \"load.journeys\" (each journey names its own "
            "entry); remove one of them; got \"web\"");
  document = journeyed();
  document["load"]["journeys"][1]["share"] = 0.3;
  EXPECT_EQ(parse_error(document),
            "m.json: /load/journeys: shares must sum to 1 (within 1e-9); they sum to 1.1");
  document["load"]["journeys"][1]["share"] = 0;
  EXPECT_EQ(parse_error(document),
            "m.json: /load/journeys/1/share: must be a number in (0, 1]; got 0");
  document["load"]["journeys"][1] = {{"entry", "shop"}, {"share", 0.2}};
  EXPECT_EQ(parse_error(document),
            "m.json: /load/journeys/1/entry: unknown component id; known component ids: web, "
            "api, db, checkout; got \"shop\"");
  document["load"]["journeys"][1] = {{"entry", "web"}, {"share", 0.2}};
  EXPECT_EQ(parse_error(document),
            "m.json: /load/journeys/1/entry: another journey has this entry "
            "(/load/journeys/0); give each entry one journey; got \"web\"");
  document["load"]["journeys"][1] = {{"share", 0.2}};
  EXPECT_EQ(parse_error(document),
            "m.json: /load/journeys/1: missing \"entry\" (the id of the component this journey "
            "reaches)");
  document["load"]["journeys"] = json::array();
  EXPECT_EQ(parse_error(document),
            "m.json: /load/journeys: must be a non-empty list of journeys like {\"entry\": "
            "\"storefront\", \"share\": 0.8}; got []");
}

// ---- Every key needs a load ------------------------------------------------------------------

TEST(TrafficMechanismKeys, EveryKeyNeedsATopLevelLoad) {
  json document = loaded();
  document["components"][0].erase("capacity_rps");
  json overload = document;
  overload["components"][0]["overload"] = {{"crash_after", "1m"}, {"restart", "1m"}};
  EXPECT_EQ(without_load(overload),
            "m.json: /components/0/overload: a traffic key, which needs a top-level load");
  json shedding = document;
  shedding["components"][0]["load_shedding"] = false;
  EXPECT_EQ(without_load(shedding),
            "m.json: /components/0/load_shedding: a traffic key, which "
            "needs a top-level load; got false");
  const std::vector<std::pair<json, std::string>> rows = {
      {{{"mode", "hard"}}, "mode"},
      {{{"mode", "soft"}, {"impact", 0.2}}, "mode"},
      {{{"mode", "cache"}, {"hit_ratio", 0.2}, {"stale_if_error", "1m"}}, "mode"},
      {{{"circuit_breaker", kBreaker}}, "circuit_breaker"}};
  for (const auto& [keys, first] : rows) {
    json row = document;
    row["dependencies"][1].update(keys);
    EXPECT_EQ(without_load(row),
              "m.json: /dependencies/1/" + first + ": a traffic key, which needs a top-level load")
        << keys.dump();
  }
  json target = listed();
  target["components"][0].erase("capacity_rps");
  target["dependencies"][1]["to"] = {"db", {{"id", "db2"}, {"circuit_breaker", kBreaker}}};
  EXPECT_EQ(without_load(target),
            "m.json: /dependencies/1/to/1/circuit_breaker: a traffic key, "
            "which needs a top-level load");
  // Each of them is fine with a load.
  EXPECT_NO_THROW(model_of(target));
}

// ---- Overrides -------------------------------------------------------------------------------

TEST(TrafficMechanismKeys, Overrides) {
  Model m = model_of(loaded(), {"web.overload.crash_after=10m", "web.overload.restart=1h",
                                "web.overload.restart.mean=2h", "web.load_shedding=true",
                                "api->db.mode=\"soft\"", "api->db.impact=0.3",
                                "web->api.circuit_breaker={\"threshold\":0.5,\"open_for\":\"1m\"}",
                                "web->api.circuit_breaker.threshold=0.4"});
  EXPECT_EQ(m.components[0].overload,
            (Overload{Exponential{10.0 / 60.0}, Distribution{Exponential{2.0}}}));
  EXPECT_EQ(m.components[0].load_shedding, std::optional<bool>(true));
  EXPECT_EQ(m.dependencies[1].mode, std::optional<DependencyMode>(DependencyMode::kSoft));
  EXPECT_EQ(m.dependencies[1].impact, std::optional<double>(0.3));
  EXPECT_EQ(m.dependencies[0].circuit_breaker, (CircuitBreaker{0.4, 1.0 / 60.0}));
  // Setting mode removes the other modes' keys.
  json document = loaded();
  document["dependencies"][1].update(
      {{"mode", "cache"}, {"hit_ratio", 0.9}, {"stale_if_error", "5m"}, {"warmup", "1m"}});
  m = model_of(document, {"api->db.mode=soft", "api->db.impact=1"});
  EXPECT_EQ(m.dependencies[1].mode, std::optional<DependencyMode>(DependencyMode::kSoft));
  EXPECT_FALSE(m.dependencies[1].hit_ratio.has_value());
  EXPECT_FALSE(m.dependencies[1].warmup_hours.has_value());
  m = model_of(document, {"api->db.mode=hard"});
  EXPECT_EQ(m.dependencies[1].mode, std::optional<DependencyMode>(DependencyMode::kHard));
  EXPECT_FALSE(m.dependencies[1].stale_if_error_hours.has_value());
  // Whole lists of the load.
  m = model_of(loaded(), {R"(load.spikes=[{"at": ["30d"], "duration": "1h", "multiplier": 3}])"});
  ASSERT_EQ(m.load->spikes.size(), 1U);
  EXPECT_EQ(m.load->spikes[0].at_hours, std::vector<double>{720.0});
  // Journeys replace the entry, and an entry the journeys.
  document = journeyed();
  document.erase("load");
  document["entry"] = "web";
  document["load"] = {{"rps", 10}};
  document["components"][0].erase("capacity_rps");
  const std::string journeys =
      R"(load.journeys=[{"entry": "web", "share": 0.5}, {"entry": "checkout", "share": 0.5}])";
  m = model_of(document, {journeys});
  EXPECT_EQ(m.load->journeys.size(), 2U);
  m = model_of(journeyed(), {"entry=checkout"});
  EXPECT_TRUE(m.load->journeys.empty());
  EXPECT_EQ(m.entry, "checkout");
  // A bad value is reported at the key the override wrote.
  EXPECT_EQ(parse_error(loaded(), {"api->db.mode=soft"}),
            "m.json: /dependencies/1: missing \"impact\": \"mode\": \"soft\" needs the share of "
            "the row's failed calls that fail the caller, a number in [0, 1]");
  EXPECT_EQ(parse_error(loaded(), {"web.overload.crash_after=0"}),
            "m.json: /components/0/overload/crash_after: must be a positive duration; got 0 (from "
            "override \"web.overload.crash_after=0\")");
}

TEST(TrafficMechanismKeys, OverridesSetAListTargetsOwnBreaker) {
  json document = listed();
  document["dependencies"][1]["circuit_breaker"] = kBreaker;
  // A string target becomes an object; a breaker key starts from the row's breaker.
  Model m = model_of(document, {"api->db2.circuit_breaker.threshold=0.25"});
  const Dependency& row = m.dependencies[1];
  ASSERT_EQ(row.target_traffic.size(), 2U);
  EXPECT_TRUE(row.target_traffic[0].empty());
  EXPECT_EQ(row.target_traffic[1].circuit_breaker, (CircuitBreaker{0.25, 30.0 / 3600.0}));
  EXPECT_EQ(row.circuit_breaker, (CircuitBreaker{0.5, 30.0 / 3600.0}));  // the row's stays
  m = model_of(listed(), {R"(api->db.circuit_breaker={"threshold": 1, "open_for": "1h"})"});
  EXPECT_EQ(m.dependencies[1].circuit_breaker_of(0), (CircuitBreaker{1.0, 1.0}));
  EXPECT_FALSE(m.dependencies[1].circuit_breaker.has_value());
  // The row's keys stay the row's.
  m = model_of(listed(), {"api->db2.mode=soft", "api->db2.impact=0.5"});
  EXPECT_EQ(m.dependencies[1].impact, std::optional<double>(0.5));
  EXPECT_TRUE(m.dependencies[1].target_traffic.empty());
}

// ---- Saving ----------------------------------------------------------------------------------

TEST(TrafficMechanismKeys, ToJsonRoundTripsEveryKey) {
  json document = journeyed();
  document["components"][0]["overload"] = {
      {"crash_after", {{"type", "weibull"}, {"shape", 2}, {"scale", "10m"}}}, {"restart", "5m"}};
  document["components"][0]["load_shedding"] = false;
  document["dependencies"][0].update(
      {{"mode", "soft"}, {"impact", 0}, {"circuit_breaker", kBreaker}});
  document["components"].push_back({{"id", "db2"}, {"mtbf", "4000h"}, {"mttr", "6h"}});
  document["dependencies"][1] = {
      {"from", "api"},
      {"to", {"db", {{"id", "db2"}, {"circuit_breaker", {{"threshold", 1}, {"open_for", "2h"}}}}}},
      {"min_up", 1},
      {"mode", "cache"},
      {"hit_ratio", 0.75},
      {"stale_if_error", "15m"},
      {"warmup", 0},
      {"stale_below", 0.9}};
  document["load"]["spikes"] = {
      {{"id", "ddos"}, {"gap", "30d"}, {"duration", "2h"}, {"multiplier", 6}},
      {{"at", {"200d", "30d"}}, {"duration", "1h"}, {"multiplier", 0.5}}};
  const Model model = model_of(document);
  const json written = to_json(model);
  EXPECT_EQ(model_of(written), model) << written.dump();
  EXPECT_FALSE(written.contains("entry"));  // journeys replace it
  EXPECT_EQ(written["dependencies"][1]["to"][0], "db");
  EXPECT_EQ(written["dependencies"][1]["to"][1]["circuit_breaker"],
            (json{{"threshold", 1.0}, {"open_for", "2h"}}));
  EXPECT_EQ(written["dependencies"][1]["mode"], "cache");
  EXPECT_EQ(written["dependencies"][1]["warmup"], "0h");
  EXPECT_EQ(written["components"][0]["load_shedding"], false);
  EXPECT_EQ(written["load"]["spikes"][1]["at"], (json{"200d", "30d"}));
  EXPECT_FALSE(written["load"]["spikes"][1].contains("id"));
  // Absent keys stay absent.
  const json plain = to_json(model_of(loaded()));
  EXPECT_FALSE(plain["dependencies"][0].contains("mode"));
  EXPECT_FALSE(plain["components"][0].contains("overload"));
  EXPECT_FALSE(plain["load"].contains("spikes"));
  EXPECT_FALSE(plain["load"].contains("journeys"));
}

TEST(TrafficMechanismKeys, ToJsonLikeKeepsJourneysWithoutAnEntry) {
  nlohmann::ordered_json original = nlohmann::ordered_json::parse(journeyed().dump());
  original.erase("load");
  original["entry"] = "web";
  original["load"] = {{"rps", 10}};
  Model model = parse_model(json::parse(original.dump()), "m.json").model;
  model.load->journeys = {{"web", 0.5}, {"checkout", 0.5}};
  model.components[0].overload = Overload{Exponential{1.0}, Exponential{2.0}};
  const auto changed = to_json_like(model, original);
  EXPECT_FALSE(changed.contains("entry")) << changed.dump();
  EXPECT_EQ(changed["components"][0]["overload"]["crash_after"]["mean"], "1h");
  EXPECT_EQ(parse_model(json::parse(changed.dump()), "m.json").model, model);
}

}  // namespace
}  // namespace nines::models
