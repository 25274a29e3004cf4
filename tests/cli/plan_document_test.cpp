// The plan's documents in process: the JSON's keys and statuses, the CSV's header and rows, and
// the text report's winner, front and reproducing line.
#include "nines/report/plan_document.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "nines/models/model_loader.hpp"
#include "nines/planner/plan.hpp"

namespace nines::report {
namespace {

using nlohmann::json;

/// A plan of a 3-needed pool of 5 to 8 instances (a = 0.9 each, 40 EUR an instance): 5 and 6
/// are screened out exactly, 7 wins.
PlanDocument pool_plan(const planner::PointGrid& grid, std::optional<double> budget = {}) {
  const json model = json::parse(
      R"({"name": "pool", "horizon": "1y", "seed": 11, "target": 0.9995, "currency": "EUR",
          "components": [{"id": "pool", "instances": 3, "min_up": 3, "mtbf": "90h",
                          "mttr": "10h", "cost": 40}]})");
  planner::PlanSettings settings;
  settings.criteria.target = 0.9995;
  settings.pilot = 100;
  settings.batch = 100;
  settings.threads = 1;
  settings.budget = budget;
  PlanDocument doc;
  doc.model_file = "pool.json";
  doc.model_name = "pool";
  doc.seed = 11;
  doc.currency = "EUR";
  doc.criteria = settings.criteria;
  doc.budget = budget;
  doc.pilot = settings.pilot;
  doc.batch = settings.batch;
  doc.grid = &grid;
  doc.plan = planner::run_plan(
      planner::load_candidates(
          grid,
          [&](std::size_t p) {
            return models::parse_model(model, "pool.json", grid.overrides(p)).model;
          }),
      settings, [](const planner::Candidate&, const engine::RunResult&) { return json(); });
  doc.exact_checks.resize(doc.plan.candidates.size());
  return doc;
}

TEST(PlanDocument, TheJsonHasEveryKeyAndEveryCandidate) {
  const planner::PointGrid grid({planner::parse_vary("pool.instances=5..8")});
  const json doc = plan_to_json(pool_plan(grid));
  for (const char* key : {"format_version", "model", "seed", "objective", "target", "probability",
                          "confidence", "budget", "constraints", "currency", "vary", "outcome",
                          "best", "front", "candidates", "cancelled", "run_info"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  EXPECT_EQ(doc["outcome"], "found");
  EXPECT_EQ(doc["best"]["values"], json({{"pool.instances", 7}}));
  EXPECT_EQ(doc["best"]["overrides"], json({"pool.instances=7"}));
  ASSERT_EQ(doc["candidates"].size(), 4U);
  EXPECT_EQ(doc["candidates"][0]["status"], "screened-out");
  EXPECT_EQ(doc["candidates"][0]["screening"], "exact");
  EXPECT_TRUE(doc["candidates"][0]["result"].is_null());
  EXPECT_TRUE(doc["candidates"][2]["difference"].is_null());  // the winner itself
  EXPECT_TRUE(doc["candidates"][3]["difference"].is_object());
  EXPECT_EQ(doc["candidates"][3]["result"]["cost_per_month"], 320);
  EXPECT_EQ(doc["candidates"][3]["result"]["currency"], "EUR");
}

TEST(PlanDocument, TheCsvHasTheSweepColumnsAndAFrontColumn) {
  const planner::PointGrid grid({planner::parse_vary("pool.instances=5..8")});
  std::ostringstream csv;
  write_plan_csv(pool_plan(grid), csv);
  const std::string text = csv.str();
  EXPECT_EQ(text.rfind("pool.instances,status,availability,availability_ci95_lo,", 0), 0U);
  EXPECT_NE(text.find(",significant,message,front\r\n"), std::string::npos);
  // An unsimulated candidate: its value, status and cost only.
  EXPECT_NE(text.find("\r\n5,screened-out,,,,,,,200,0,,,,,,0\r\n"), std::string::npos) << text;
}

TEST(PlanDocument, TheReportNamesTheWinnerTheFrontAndTheLineThatReproducesIt) {
  const planner::PointGrid grid({planner::parse_vary("pool.instances=5..8")});
  std::ostringstream out;
  write_plan_report(pool_plan(grid), out);
  const std::string text = out.str();
  EXPECT_NE(text.find("availability >= 99.95 % at 95 % confidence"), std::string::npos) << text;
  EXPECT_NE(text.find("4 candidates: 2 meets, 0 fails, 0 undecided, 2 screened out"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Winner: pool.instances=7, 280 EUR per month"), std::string::npos) << text;
  EXPECT_NE(text.find("confirmed with seed 12"), std::string::npos) << text;
  EXPECT_NE(text.find("Front ("), std::string::npos) << text;
  EXPECT_NE(text.find("nines run pool.json --set pool.instances=7 --replications 100\n"),
            std::string::npos)
      << text;
}

TEST(PlanDocument, ABudgetBelowEveryCandidateNamesTheCheapest) {
  const planner::PointGrid grid({planner::parse_vary("pool.instances=5..8")});
  std::ostringstream out;
  write_plan_report(pool_plan(grid, 100.0), out);
  EXPECT_NE(out.str().find("the budget of 100 EUR; the cheapest costs 200 EUR per month"),
            std::string::npos)
      << out.str();
}

}  // namespace
}  // namespace nines::report
