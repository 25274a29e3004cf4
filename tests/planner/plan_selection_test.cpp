// The plan's sequence in process, as the GUI will call it: budget, exact screening, pilots and
// rounds, the winner, threads, and a cancel token.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>

#include "nines/models/model_loader.hpp"
#include "nines/planner/plan.hpp"

namespace nines::planner {
namespace {

/// A pool of 3 needed instances, a = 0.9 per instance, 40 per instance and month; `law` is the
/// failure law's JSON ("" for exponential with mean 90 h).
std::vector<Candidate> candidates(const PointGrid& grid, const std::string& law = "") {
  const std::string failure = law.empty() ? R"("mtbf": "90h")" : R"("failure": )" + law;
  const nlohmann::json document = nlohmann::json::parse(
      R"({"horizon": "1y", "replications": 100, "seed": 11, "target": 0.9995,
          "components": [{"id": "pool", "instances": 3, "min_up": 3, )" +
      failure + R"(, "mttr": "10h", "cost": 40}]})");
  return load_candidates(grid, [&](std::size_t point) {
    return models::parse_model(document, "m.json", grid.overrides(point)).model;
  });
}

PlanSettings settings(int threads = 1) {
  PlanSettings s;
  s.criteria.target = 0.9995;
  s.pilot = 100;
  s.batch = 100;
  s.threads = threads;
  return s;
}

const DocumentFunction kNoDocument = [](const Candidate&, const engine::RunResult&) {
  return nlohmann::json();
};

TEST(PlanSelection, ExactScreeningThenPilotsFindTheSmallestSufficientPool) {
  const PointGrid grid({parse_vary("pool.instances=5..8")});
  const PlanResult plan = run_plan(candidates(grid), settings(), kNoDocument);
  EXPECT_EQ(plan.outcome, PlanOutcome::kFound);
  ASSERT_TRUE(plan.best);
  EXPECT_EQ(*plan.best, 2U);  // 7 instances: 1 - A = 1.8e-4; 6 give 1.3e-3
  EXPECT_EQ(plan.candidates[0].status, CandidateStatus::kScreenedOut);
  EXPECT_EQ(plan.candidates[0].screening, Screening::kExact);
  EXPECT_FALSE(plan.candidates[0].result);
  EXPECT_TRUE(plan.confirmed);
  // Two pilots and the confirmation, nothing more.
  EXPECT_EQ(plan.replications, 300);
}

TEST(PlanSelection, ThreadsChangeNoDecisionAndNoFigure) {
  const PointGrid grid({parse_vary("pool.instances=5..8")});
  // Weibull failures: no horizon value, so every candidate is simulated and judged by looks.
  const std::string law = R"({"type": "weibull", "shape": 2, "scale": "101.55h"})";
  const PlanResult one = run_plan(candidates(grid, law), settings(1), kNoDocument);
  const PlanResult two = run_plan(candidates(grid, law), settings(2), kNoDocument);
  ASSERT_EQ(one.candidates.size(), two.candidates.size());
  for (std::size_t i = 0; i < one.candidates.size(); ++i) {
    EXPECT_EQ(one.candidates[i].status, two.candidates[i].status) << i;
    ASSERT_EQ(one.candidates[i].result.has_value(), two.candidates[i].result.has_value()) << i;
    if (!one.candidates[i].result) continue;
    EXPECT_EQ(one.candidates[i].result->replications, two.candidates[i].result->replications);
    EXPECT_EQ(one.candidates[i].result->availability.mean,
              two.candidates[i].result->availability.mean);
  }
  EXPECT_EQ(one.best, two.best);
  EXPECT_EQ(one.front, two.front);
}

TEST(PlanSelection, TheCandidateCallbackSeesEveryChangeAndChangesNoDecision) {
  const PointGrid grid({parse_vary("pool.instances=5..8")});
  const std::string law = R"({"type": "weibull", "shape": 2, "scale": "101.55h"})";
  const PlanResult quiet = run_plan(candidates(grid, law), settings(), kNoDocument);
  PlanSettings s = settings();
  std::vector<std::size_t> seen;
  std::vector<std::int64_t> replications(grid.size(), 0);
  s.candidate_changed = [&](const Candidate& c) {
    seen.push_back(c.point);
    if (c.result) replications[c.point] = c.result->replications;
  };
  const PlanResult heard = run_plan(candidates(grid, law), s, kNoDocument);
  EXPECT_EQ(quiet.best, heard.best);
  EXPECT_EQ(quiet.front, heard.front);
  EXPECT_EQ(quiet.replications, heard.replications);
  for (std::size_t i = 0; i < grid.size(); ++i) {
    EXPECT_EQ(quiet.candidates[i].status, heard.candidates[i].status) << i;
    // The last call a simulated candidate got carried its final figures.
    if (heard.candidates[i].result) {
      EXPECT_EQ(replications[i], heard.candidates[i].result->replications) << i;
      EXPECT_NE(std::find(seen.begin(), seen.end(), i), seen.end()) << i;
    }
  }
}

TEST(PlanSelection, ABudgetBelowEveryCandidateSimulatesNothing) {
  const PointGrid grid({parse_vary("pool.instances=5..8")});
  PlanSettings s = settings();
  s.budget = 199.0;
  const PlanResult plan = run_plan(candidates(grid), s, kNoDocument);
  EXPECT_EQ(plan.outcome, PlanOutcome::kNoCandidateWithinBudget);
  EXPECT_EQ(plan.replications, 0);
  for (const Candidate& c : plan.candidates) EXPECT_EQ(c.status, CandidateStatus::kOverBudget);
}

TEST(PlanSelection, ACancelledPlanHasNoWinner) {
  const PointGrid grid({parse_vary("pool.instances=5..8")});
  const std::atomic<bool> cancel{true};
  PlanSettings s = settings();
  s.cancel = &cancel;
  const PlanResult plan = run_plan(candidates(grid), s, kNoDocument);
  EXPECT_TRUE(plan.cancelled);
  EXPECT_EQ(plan.outcome, PlanOutcome::kUndecided);
  EXPECT_FALSE(plan.best);
  for (const Candidate& c : plan.candidates) EXPECT_FALSE(c.result);
}

}  // namespace
}  // namespace nines::planner
