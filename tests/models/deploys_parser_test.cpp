// Tests of a component's `deploys`: every key, the keys each strategy needs, and bad input.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "nines/models/duration.hpp"
#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using nlohmann::json;
using testing::parse_error;

/// The web tier of docs/model-format.md#deploys with `deploys` as its deploy schedule; "api"
/// never fails.
json with_deploys(const json& deploys) {
  json document = json::parse(R"({"components": [
      {"id": "api", "instances": 2, "failure": "never"},
      {"id": "web", "instances": 10, "min_up": 8, "mtbf": "2000h", "mttr": "1h"}],
      "dependencies": [{"from": "api", "to": "web"}]})");
  document["components"][1]["deploys"] = deploys;
  return document;
}

Deploys parse(const json& deploys) {
  return *parse_model(with_deploys(deploys), "m.json").model.components[1].deploys;
}

/// The issue's canary example.
json canary() {
  return json::parse(R"({"period": "1w", "first_at": "2d", "bad_probability": 0.05,
      "strategy": "canary", "batch": 2, "batch_interval": "5m", "canary_fraction": 0.1,
      "bake": "30m", "detection": "10m", "rollback": "15m",
      "restart": {"type": "fixed", "value": "1m"}})");
}

TEST(Deploys, ReadsEveryKeyOfACanary) {
  const Deploys d = parse(canary());
  EXPECT_EQ(d.period_hours, 168.0);
  EXPECT_EQ(d.first_at_hours, std::optional<double>(48.0));
  EXPECT_EQ(d.first_due_hours(), 48.0);
  EXPECT_EQ(d.bad_probability, 0.05);
  EXPECT_EQ(d.strategy, DeployStrategy::kCanary);
  EXPECT_EQ(d.batch, 2);
  EXPECT_EQ(d.batch_interval_hours, std::optional<double>(5.0 / 60.0));
  EXPECT_EQ(d.canary_fraction, std::optional<double>(0.1));
  EXPECT_EQ(d.bake_hours, std::optional<double>(0.5));
  // Bare durations are exponential laws, as everywhere.
  EXPECT_EQ(d.detection, std::optional<Distribution>(Exponential{10.0 / 60.0}));
  EXPECT_EQ(d.rollback, std::optional<Distribution>(Exponential{0.25}));
  EXPECT_EQ(d.restart, Distribution{Fixed{1.0 / 60.0}});
}

TEST(Deploys, AMaintenanceWindowIsADeployThatIsNeverBad) {
  const Deploys d = parse(json::parse(R"({"period": "4w", "bad_probability": 0,
      "strategy": "rolling", "batch_interval": "30m",
      "restart": {"type": "fixed", "value": "20m"}})"));
  EXPECT_EQ(d.period_hours, 4 * 168.0);
  EXPECT_FALSE(d.first_at_hours);
  EXPECT_EQ(d.first_due_hours(), 4 * 168.0);
  EXPECT_EQ(d.bad_probability, 0.0);
  EXPECT_EQ(d.strategy, DeployStrategy::kRolling);
  EXPECT_EQ(d.batch, 1);
  EXPECT_FALSE(d.detection);
  EXPECT_FALSE(d.rollback);
  EXPECT_EQ(d.restart, Distribution{Fixed{20.0 / 60.0}});
}

TEST(Deploys, TakeTheirDefaults) {
  const Deploys d = parse(json::parse(R"({"period": "1d", "bad_probability": 0})"));
  EXPECT_EQ(d, (Deploys{.period_hours = 24.0}));
  EXPECT_EQ(d.strategy, DeployStrategy::kAllAtOnce);
  EXPECT_EQ(d.restart, Distribution{Fixed{0.0}});
}

TEST(Deploys, ZeroLawsAreAllowed) {
  const Deploys d = parse(json::parse(R"({"period": "1d", "first_at": 0, "bad_probability": 1,
      "detection": 0, "rollback": "0m", "restart": {"type": "fixed", "value": 0}})"));
  EXPECT_EQ(d.first_at_hours, std::optional<double>(0.0));
  EXPECT_EQ(d.detection, std::optional<Distribution>(Fixed{0.0}));
  EXPECT_EQ(d.rollback, std::optional<Distribution>(Fixed{0.0}));
  EXPECT_EQ(d.restart, Distribution{Fixed{0.0}});
}

TEST(Deploys, KeysOfOtherStrategiesAreCheckedAndKept) {
  // Switching `strategy` alone stays valid: the canary's keys are kept under all-at-once.
  json all_at_once = canary();
  all_at_once.erase("strategy");
  const Deploys d = parse(all_at_once);
  EXPECT_EQ(d.strategy, DeployStrategy::kAllAtOnce);
  EXPECT_EQ(d.canary_fraction, std::optional<double>(0.1));
  EXPECT_EQ(d.bake_hours, std::optional<double>(0.5));
  all_at_once["canary_fraction"] = 1.5;
  EXPECT_EQ(parse_error(with_deploys(all_at_once)),
            "m.json: /components/1/deploys/canary_fraction: must be a fraction in (0, 1]; got 1.5");
  json rolling = canary();
  rolling["strategy"] = "rolling";
  EXPECT_EQ(parse(rolling).strategy, DeployStrategy::kRolling);
}

TEST(Deploys, AreAllowedBesideFailureNever) {
  json document = with_deploys(canary());
  document["components"][0]["deploys"] = json::parse(R"({"period": "4w", "bad_probability": 0})");
  const Model m = parse_model(document, "m.json").model;
  ASSERT_TRUE(m.components[0].deploys);
  EXPECT_EQ(m.components[0].deploys->period_hours, 4 * 168.0);
}

/// A deploy schedule, the canary example changed by `edits` (a null value removes the key), and
/// the loader's whole message for it.
struct BadDeploys {
  std::vector<std::pair<std::string, json>> edits;
  std::string message;
};

TEST(Deploys, BadInputGivesOneLineWithPointerAndValue) {
  const std::string at = "m.json: /components/1/deploys";
  const std::vector<BadDeploys> cases = {
      {{{"period", nullptr}}, at + R"(: missing "period" (the time between deploys, like "1w"))"},
      {{{"period", 0}}, at + "/period: must be a positive duration; got 0"},
      {{{"period", "-1w"}}, at + R"(/period: must be a positive duration; got "-1w")"},
      {{{"period", {{"type", "fixed"}, {"value", "1w"}}}},
       at + R"(/period: must be a positive duration like "90s", "15m", "2.5h", "3d", "2w" or )"
            R"("1y"; got {"type":"fixed","value":"1w"})"},
      {{{"first_at", "-1h"}}, at + R"(/first_at: must be a non-negative duration; got "-1h")"},
      {{{"bad_probability", nullptr}},
       at + R"(: missing "bad_probability" (the probability that a deploy is bad; 0 for )"
            "maintenance windows)"},
      {{{"bad_probability", 1.5}},
       at + "/bad_probability: must be a probability between 0 and 1; got 1.5"},
      {{{"bad_probability", -0.1}},
       at + "/bad_probability: must be a probability between 0 and 1; got -0.1"},
      {{{"strategy", "blue-green"}},
       at + R"(/strategy: must be "all-at-once", "rolling" or "canary"; got "blue-green")"},
      {{{"strategy", "canery"}},
       at + R"(/strategy: must be "all-at-once", "rolling" or "canary" (did you mean )"
            R"("canary"?); got "canery")"},
      {{{"batch", 0}}, at + "/batch: must be an integer from 1 to 1000000; got 0"},
      {{{"batch", 1.5}}, at + "/batch: must be an integer from 1 to 1000000; got 1.5"},
      {{{"batch", "2"}}, at + R"(/batch: must be an integer from 1 to 1000000; got "2")"},
      {{{"batch_interval", 0}}, at + "/batch_interval: must be a positive duration; got 0"},
      {{{"batch_interval", nullptr}},
       at + R"(: missing "batch_interval" (the time between batches; "strategy": "canary" )"
            "needs it)"},
      {{{"batch_interval", nullptr}, {"strategy", "rolling"}},
       at + R"(: missing "batch_interval" (the time between batches; "strategy": "rolling" )"
            "needs it)"},
      {{{"canary_fraction", 1.5}}, at + "/canary_fraction: must be a fraction in (0, 1]; got 1.5"},
      {{{"canary_fraction", 0}}, at + "/canary_fraction: must be a fraction in (0, 1]; got 0"},
      {{{"canary_fraction", "10%"}},
       at + R"(/canary_fraction: must be a fraction in (0, 1]; got "10%")"},
      {{{"canary_fraction", nullptr}},
       at + R"(: missing "canary_fraction" (the share of the instances in the canary batch; )"
            R"("strategy": "canary" needs it))"},
      {{{"bake", "-5m"}}, at + R"(/bake: must be a non-negative duration; got "-5m")"},
      {{{"bake", nullptr}},
       at + R"(: missing "bake" (the time from the canary batch to the first batch of the )"
            R"(rest; "strategy": "canary" needs it))"},
      {{{"detection", nullptr}},
       at + R"(: missing "detection" (the time from a bad deploy's due time to the verdict )"
            R"("bad"; needed when "bad_probability" is above 0))"},
      {{{"rollback", nullptr}},
       at + R"(: missing "rollback" (the time from the verdict to the rollback's end; needed )"
            R"(when "bad_probability" is above 0))"},
      {{{"detection", "-10m"}}, at + R"(/detection: must be a non-negative duration; got "-10m")"},
      {{{"rollback", {{"type", "fixed"}, {"value", "-1m"}}}},
       at + R"(/rollback/value: must be a non-negative duration; got "-1m")"},
      {{{"restart", "-1m"}}, at + R"(/restart: must be a non-negative duration; got "-1m")"},
      {{{"restart", {{"type", "fixd"}, {"value", "1m"}}}},
       at + R"(/restart/type: unknown distribution type (did you mean "fixed"?); known types: )"
            R"(exponential, weibull, lognormal, normal, gamma, uniform, fixed, empirical; got )"
            R"("fixd")"},
      {{{"every", "1w"}, {"period", nullptr}},
       at + R"(/every: unknown key "every" (did you mean "period"?); known keys of a deploy )"
            "schedule: period, first_at, bad_probability, strategy, batch, batch_interval, "
            "canary_fraction, bake, detection, rollback, restart"},
      {{{"rollbak", "1m"}},
       at + R"(/rollbak: unknown key "rollbak" (did you mean "rollback"?); known keys of a )"
            "deploy schedule: period, first_at, bad_probability, strategy, batch, "
            "batch_interval, canary_fraction, bake, detection, rollback, restart"},
  };
  for (const BadDeploys& bad : cases) {
    json deploys = canary();
    for (const auto& [key, value] : bad.edits) {
      if (value.is_null()) {
        deploys.erase(key);
      } else {
        deploys[key] = value;
      }
    }
    EXPECT_EQ(parse_error(with_deploys(deploys)), bad.message) << deploys.dump();
  }
  EXPECT_EQ(parse_error(with_deploys("1w")),
            "m.json: /components/1/deploys: must be an object (a deploy schedule); got \"1w\"");
}

TEST(Deploys, GoodDeploysNeedNoDetectionOrRollback) {
  json deploys = canary();
  deploys["bad_probability"] = 0;
  deploys.erase("detection");
  deploys.erase("rollback");
  EXPECT_FALSE(parse(deploys).detection);
}

TEST(Deploys, AtMostTwoToTheTwentyOverTheHorizon) {
  // 2^20 deploys fit: k = 0 .. 2^20 - 1, the last due before the horizon.
  json document = with_deploys(json::parse(R"({"period": 1, "first_at": 0,
      "bad_probability": 0})"));
  document["horizon"] = 1048576;
  EXPECT_NO_THROW(parse_model(document, "m.json"));
  document["horizon"] = 1048576.5;
  EXPECT_EQ(parse_error(document),
            "m.json: /components/1/deploys/period: gives more than 1,048,576 deploys over the "
            "horizon (" +
                format_duration(1048576.5) +
                "), the most a component can have; use a longer period; got \"1h\"");
  // Deploys every 20 seconds for a year.
  document = with_deploys(json::parse(R"({"period": "20s", "bad_probability": 0})"));
  EXPECT_NE(parse_error(document).find("/components/1/deploys/period: gives more than "
                                       "1,048,576 deploys over the horizon (1y)"),
            std::string::npos)
      << parse_error(document);
}

}  // namespace
}  // namespace nines::models
