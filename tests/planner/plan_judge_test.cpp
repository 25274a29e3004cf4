// The interval test of one look: intervals at the plan's confidence against each threshold.
#include "nines/planner/plan_judge.hpp"

#include <gtest/gtest.h>

#include "nines/engine/precision_run.hpp"

namespace nines::planner {
namespace {

using nlohmann::json;

engine::RunResult run_with(double mean, double stderr_, std::int64_t n, std::int64_t outages) {
  engine::RunResult r;
  r.availability.mean = mean;
  r.availability.stderr_ = stderr_;
  r.replications = n;
  r.outages = outages;
  return r;
}

PlanCriteria target(double t, double confidence = 0.95) {
  PlanCriteria k;
  k.target = t;
  k.confidence = confidence;
  return k;
}

TEST(PlanJudge, AvailabilityByTheLowerEndOfItsInterval) {
  const engine::RangeResult range;
  const double t = engine::two_sided_t_quantile(0.95, 99);
  const json none = nullptr;
  // Lower end above the target: meets; interval straddling it: open; wholly below: fails.
  EXPECT_EQ(judge(target(0.999), run_with(0.9995, 0.0004 / t, 100, 5), range, none, 8760),
            Verdict::kMeets);
  EXPECT_EQ(judge(target(0.999), run_with(0.9995, 0.0006 / t, 100, 5), range, none, 8760),
            Verdict::kOpen);
  EXPECT_EQ(judge(target(0.999), run_with(0.998, 0.0009 / t, 100, 5), range, none, 8760),
            Verdict::kFails);
  // A higher confidence widens the interval: what met at 95% is open at 99.9%.
  EXPECT_EQ(judge(target(0.999, 0.999), run_with(0.9995, 0.0004 / t, 100, 5), range, none, 8760),
            Verdict::kOpen);
  // No outage seen: never meets, however narrow the interval.
  EXPECT_EQ(judge(target(0.999), run_with(1.0, 0.0, 100, 0), range, none, 8760), Verdict::kOpen);
}

TEST(PlanJudge, ConstraintsReadEstimatesNumbersAndNulls) {
  const json doc = json::parse(R"({"replications": 100,
      "outages_per_year": {"mean": 2.0, "stderr": 0.1, "ci95": [1.8, 2.2]},
      "outages": 40, "outage_duration_hours": null,
      "components": [{"id": "db", "availability": 0.99}]})");
  const double t = engine::two_sided_t_quantile(0.9, 99);
  const auto interval =
      constraint_interval(parse_constraint("outages_per_year < 3"), doc, 100, 0.9);
  ASSERT_TRUE(interval);
  EXPECT_DOUBLE_EQ(interval->lo, 2.0 - 0.1 * t);
  EXPECT_DOUBLE_EQ(interval->hi, 2.0 + 0.1 * t);
  const auto db =
      constraint_interval(parse_constraint("components.db.availability > 0"), doc, 100, 0.9);
  ASSERT_TRUE(db);
  EXPECT_EQ(db->lo, 0.99);
  EXPECT_EQ(db->hi, 0.99);
  EXPECT_FALSE(
      constraint_interval(parse_constraint("outage_duration_hours.p99 < 3"), doc, 100, 0.9));

  PlanCriteria k = target(0.9);
  const engine::RangeResult range;
  const engine::RunResult run = run_with(0.95, 0.001, 100, 40);
  k.constraints = {parse_constraint("outages_per_year.mean <= 1")};  // a number: 2 > 1
  EXPECT_EQ(judge(k, run, range, doc, 8760), Verdict::kFails);
  k.constraints = {parse_constraint("outages_per_year <= 2.1")};  // straddles
  EXPECT_EQ(judge(k, run, range, doc, 8760), Verdict::kOpen);
  k.constraints = {parse_constraint("outages_per_year <= 3")};
  EXPECT_EQ(judge(k, run, range, doc, 8760), Verdict::kMeets);
  k.constraints = {parse_constraint("outage_duration_hours.p99 <= 3")};  // null fails
  EXPECT_EQ(judge(k, run, range, doc, 8760), Verdict::kFails);
}

TEST(PlanJudge, UnknownKeysAreNamedButKeysBelowANullAreNot) {
  const json doc = json::parse(
      R"({"a": {"b": 1}, "n": null, "components": [{"id": "db", "availability": 0.9}]})");
  EXPECT_FALSE(unknown_segment({"a", "b"}, doc));
  EXPECT_EQ(unknown_segment({"a", "c"}, doc), 1U);
  EXPECT_EQ(unknown_segment({"x"}, doc), 0U);
  EXPECT_FALSE(unknown_segment({"n", "p99"}, doc));
  EXPECT_FALSE(unknown_segment({"components", "db", "availability"}, doc));
  EXPECT_EQ(unknown_segment({"components", "web", "availability"}, doc), 1U);
  // A cause may be listed in another run: any id of a component is known in an array.
  const json causes =
      json::parse(R"({"causes": [{"id": "web"}], "components": [{"id": "web"}, {"id": "db"}]})");
  EXPECT_FALSE(unknown_segment({"causes", "db", "downtime_share"}, causes));
  EXPECT_EQ(unknown_segment({"causes", "dbb", "downtime_share"}, causes), 1U);
  // An element whose id is not a string is no match, and no error.
  const json odd = json::parse(R"({"causes": [{"id": null, "kind": "other"}]})");
  EXPECT_EQ(unknown_segment({"causes", "db"}, odd), 1U);
}

}  // namespace
}  // namespace nines::planner
