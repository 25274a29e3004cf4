// Tests of the model's own look-ups: the monthly cost of a design (Model::cost_per_month), and
// the cost keys through the loader, the validator, overrides, scenarios and the writer.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using nlohmann::json;
using testing::message_of;

/// Hot, warm and cold pools (with and without idle_cost), a crew, a zone and a region.
json costed() {
  return json::parse(R"({
    "currency": "EUR",
    "regions": [{"id": "eu", "mtbf": "5y", "mttr": "12h", "cost": 300}],
    "zones": [{"id": "eu-a", "region": "eu", "mtbf": "1y", "mttr": "4h", "cost": 100},
              {"id": "eu-b", "region": "eu", "mtbf": "1y", "mttr": "4h"}],
    "crews": [{"id": "ops", "size": 3, "cost": 9000}],
    "components": [
      {"id": "web", "instances": 4, "min_up": 2, "mtbf": "1000h", "mttr": "1h", "cost": 50,
       "idle_cost": 1, "zones": ["eu-a", "eu-b"]},
      {"id": "api", "instances": 3, "min_up": 1, "mtbf": "1000h", "mttr": "1h", "cost": 80,
       "standby": {"mode": "warm", "dormant_failure": "5000h"}, "idle_cost": 20},
      {"id": "db", "instances": 2, "mtbf": "4000h", "mttr": "6h", "cost": 400,
       "standby": {"mode": "cold"}, "crew": "ops"},
      {"id": "cache", "instances": 3, "mtbf": "4000h", "mttr": "6h", "idle_cost": 7,
       "standby": {"mode": "cold"}},
      {"id": "queue", "mtbf": "4000h", "mttr": "6h"}
    ],
    "dependencies": [{"from": "web", "to": ["api", "db", "cache", "queue"], "min_up": 4}]
  })");
}

TEST(ModelCost, IsTheSumOfEveryStatedCost) {
  const Model m = parse_model(costed(), "m.json").model;
  EXPECT_EQ(m.currency, "EUR");
  // web: hot, idle_cost unused: 4 x 50. api: warm, 1 in service x 80 + 2 idle x 20.
  // db: cold without idle_cost: both instances at cost, 2 x 400. cache: cold, no cost: 1 x 0 +
  // 2 idle x 7. queue: nothing stated. Crew: 3 x 9000. Zones 100 (+ none), region 300.
  const double hand = 4 * 50 + (1 * 80 + 2 * 20) + 2 * 400 + (0 + 2 * 7) + 3 * 9000 + 100 + 300;
  ASSERT_TRUE(m.cost_per_month().has_value());
  EXPECT_EQ(*m.cost_per_month(), hand);
}

TEST(ModelCost, IsEmptyWhenNothingHasACostAndZeroWhenACostIsZero) {
  Model m = parse_model(testing::three_tier(), "m.json").model;
  EXPECT_EQ(m.currency, "units");
  EXPECT_FALSE(m.cost_per_month().has_value());
  m.components[1].cost = 0.0;
  ASSERT_TRUE(m.cost_per_month().has_value());
  EXPECT_EQ(*m.cost_per_month(), 0.0);
}

TEST(ModelCost, OverridesAndScenariosReachEveryCostKey) {
  const Model m = parse_model(costed(), "m.json",
                              {"web.cost=60", "api.idle_cost=0", "ops.cost=1", "eu-b.cost=5",
                               "eu.cost=0", "queue.cost=2.5", "currency=USD"})
                      .model;
  EXPECT_EQ(m.currency, "USD");
  EXPECT_EQ(*m.cost_per_month(), 4 * 60 + 80 + 2 * 400 + 2 * 7 + 3 * 1 + 100 + 5 + 0 + 2.5);
  json document = costed();
  document["scenarios"] = json::parse(R"([{"name": "cheap", "set": {"db.cost": 200}}])");
  const Model variant = parse_model(document, "m.json", {}, "cheap").model;
  EXPECT_EQ(*variant.cost_per_month(),
            *parse_model(costed(), "m.json").model.cost_per_month() - 2 * 200);
}

TEST(ModelCost, RoundTripsThroughTheWriter) {
  const Model m = parse_model(costed(), "m.json").model;
  EXPECT_EQ(parse_model(to_json(m), "written.json").model, m);
  const auto original = nlohmann::ordered_json::parse(costed().dump());
  Model changed = m;
  changed.components[0].cost = 55.0;
  changed.currency = "GBP";
  const Model back =
      parse_model(json::parse(to_json_like(changed, original).dump()), "w.json").model;
  EXPECT_EQ(back, changed);
}

TEST(ModelCost, BadCostsAndCurrenciesFailWithTheLoadersMessage) {
  json document = costed();
  document["components"][1]["cost"] = "12 EUR";
  EXPECT_EQ(message_of<ModelError>([&] { parse_model(document, "shop.json"); }),
            R"(shop.json: /components/1/cost: must be a non-negative number; got "12 EUR")");
  EXPECT_NE(message_of<ModelError>([&] {
              parse_model(costed(), "shop.json", {"db.idle_cost=-1"});
            }).find("/components/2/idle_cost: must be a non-negative number; got -1"),
            std::string::npos);
  // A model built in code is checked as its file would be.
  Model m = parse_model(costed(), "m.json").model;
  m.crews[0].cost = -2.0;
  EXPECT_EQ(message_of<ModelError>([&] { validate_model(m, "m.json"); }),
            "m.json: /crews/0/cost: must be a non-negative number; got -2.0");
  m.crews[0].cost = std::numeric_limits<double>::infinity();
  EXPECT_NE(message_of<ModelError>([&] {
              validate_model(m, "m.json");
            }).find("/crews/0/cost: must be a non-negative number"),
            std::string::npos);
  m.crews[0].cost.reset();
  m.currency = "";
  EXPECT_NE(message_of<ModelError>([&] {
              validate_model(m, "m.json");
            }).find(R"(/currency: must be a non-empty string)"),
            std::string::npos);
}

}  // namespace
}  // namespace nines::models
