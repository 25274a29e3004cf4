// Tests of a list dependency's timed `failover`: loading, every error, overrides and saving.
#include <gtest/gtest.h>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using nlohmann::json;
using testing::parse_error;

/// app needs one of db-a, db-b, with a failover.
json two_databases() {
  return json::parse(R"({
    "components": [
      {"id": "app", "mtbf": "1000h", "mttr": "1h"},
      {"id": "db-a", "mtbf": "2000h", "mttr": "2h"},
      {"id": "db-b", "mtbf": "2000h", "mttr": "2h"}
    ],
    "dependencies": [{"from": "app", "to": ["db-a", "db-b"], "min_up": 1,
                      "failover": {"time": "5m", "success": 0.9, "failback": "manual"}}]
  })");
}

TEST(Failover, LoadsWithItsDefaults) {
  const Model m = parse_model(two_databases(), "m.json").model;
  ASSERT_TRUE(m.dependencies[0].failover);
  const Failover& f = *m.dependencies[0].failover;
  EXPECT_EQ(f.time, Distribution{Exponential{5.0 / 60.0}});
  EXPECT_EQ(f.success, 0.9);
  EXPECT_EQ(f.failback, Failback::kManual);
  json document = two_databases();
  document["dependencies"][0]["failover"] = {{"time", {{"type", "fixed"}, {"value", "2m"}}}};
  const Model defaults = parse_model(document, "m.json").model;
  EXPECT_EQ(defaults.dependencies[0].failover->success, 1.0);
  EXPECT_EQ(defaults.dependencies[0].failover->failback, Failback::kAutomatic);
  EXPECT_EQ(defaults.dependencies[0].failover->time, Distribution{Fixed{2.0 / 60.0}});
}

TEST(Failover, EveryErrorNamesItsPointer) {
  json document = two_databases();
  document["dependencies"][0]["min_up"] = 2;
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/failover: only allowed on a list dependency with \"min_up\" "
            "1 (it moves between alternatives)");
  document = two_databases();
  document["dependencies"][0]["to"] = "db-a";
  document["dependencies"][0].erase("min_up");
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/failover: only allowed on a list dependency with \"min_up\" "
            "1 (it moves between alternatives)");
  document = two_databases();
  document["dependencies"][0]["failover"]["success"] = 1.5;
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/failover/success: must be a probability between 0 and 1; got "
            "1.5");
  document = two_databases();
  document["dependencies"][0]["failover"]["failback"] = "auto";
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/failover/failback: must be \"automatic\" or \"manual\"; got "
            "\"auto\"");
  document = two_databases();
  document["dependencies"][0]["failover"].erase("time");
  EXPECT_NE(parse_error(document).find("/dependencies/0/failover: missing \"time\""),
            std::string::npos)
      << parse_error(document);
  document = two_databases();
  document["dependencies"][0]["failover"]["time"] = 0;
  EXPECT_NE(parse_error(document).find("/dependencies/0/failover/time"), std::string::npos)
      << parse_error(document);
  document = two_databases();
  document["dependencies"][0]["failover"]["retries"] = 2;
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/failover/retries: unknown key \"retries\"; known keys of a "
            "failover: time, success, failback");
}

TEST(Failover, TwoRowsFromOneComponentToTheSameFirstTargetCannotBothBeNamedByIt) {
  json document = two_databases();
  document["components"].push_back({{"id", "db-c"}, {"mtbf", "2000h"}, {"mttr", "2h"}});
  document["dependencies"].push_back({{"from", "app"}, {"to", {"db-a", "db-c"}}, {"min_up", 2}});
  EXPECT_EQ(parse_error(document),
            "m.json: /dependencies/0/failover: another row from \"app\" also lists \"db-a\" first "
            "(/dependencies/1); a failover is named app->db-a, so merge the rows or reorder one; "
            "got \"app->db-a\"");
}

TEST(Failover, OverridesReachItThroughAnyListedTarget) {
  const Model m =
      parse_model(two_databases(), "m.json",
                  {"app->db-b.failover.time=10m", "app->db-a.failover.failback=automatic"})
          .model;
  EXPECT_EQ(m.dependencies[0].failover->time, Distribution{Exponential{10.0 / 60.0}});
  EXPECT_EQ(m.dependencies[0].failover->failback, Failback::kAutomatic);
  json plain = two_databases();
  plain["dependencies"][0].erase("failover");
  const Model added = parse_model(plain, "m.json", {R"(app->db-a.failover={"time":"5m"})"}).model;
  ASSERT_TRUE(added.dependencies[0].failover);
  EXPECT_EQ(added.dependencies[0].failover->success, 1.0);
}

TEST(Failover, SavesAndReadsBack) {
  const Model m = parse_model(two_databases(), "m.json").model;
  const json written = to_json(m);
  EXPECT_EQ(written["dependencies"][0]["failover"]["failback"], "manual");
  EXPECT_EQ(parse_model(written, "w.json").model, m);
}

}  // namespace
}  // namespace nines::models
