// The request flow against values solved by hand (docs/traffic.md): retries on a saturated
// backend, a two-level chain with retries, failover demand and breakers, an `all` quorum, soft
// and cache rows.
#include "nines/engine/request_flow.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace nines::engine {
namespace {

constexpr double kUnlimited = std::numeric_limits<double>::infinity();
constexpr double kTight = 1e-9;

/// Components 0 .. n-1 with the given capacities (per instance, one instance each, min_up 1),
/// load entering at component 0.
FlowGraph chain_of(std::vector<double> capacities) {
  FlowGraph g;
  g.capacity_per_instance = std::move(capacities);
  g.min_up.assign(g.capacity_per_instance.size(), 1);
  g.entries = {0};
  g.entry_shares = {1.0};
  return g;
}

void add_row(FlowGraph& g, std::uint32_t from, std::vector<FlowTarget> targets,
             FlowRouting routing = FlowRouting::kFailover, int quorum = 1) {
  FlowRow row;
  row.from = from;
  row.first_target = static_cast<std::uint32_t>(g.targets.size());
  row.target_count = static_cast<std::uint32_t>(targets.size());
  row.routing = routing;
  row.quorum = quorum;
  for (const auto& t : targets) g.targets.push_back(t);
  g.rows.push_back(row);
}

FlowState state_for(const FlowGraph& g, double load) {
  FlowState s;
  s.serving.assign(g.capacity_per_instance.size(), 1);
  s.breaker_open.assign(g.targets.size(), 0);
  s.cache_valid.assign(g.rows.size(), 1);
  s.admitted_rps = load;
  return s;
}

TEST(RequestFlow, RetriesOnASaturatedBackendGiveTheClosedForm) {
  // s_B = 1 - (1 - C/L)^(1/(n+1)): every processed attempt succeeds, and L S = C.
  const double capacity = 400.0;
  const double load = 1000.0;
  for (const int retries : {0, 1, 3, 7}) {
    FlowGraph g = chain_of({kUnlimited, capacity});
    add_row(g, 0, {{1, 1.0, retries}});
    FlowSolver solver(g);
    const FlowSolution& f = solver.solve(state_for(g, load));
    ASSERT_TRUE(f.converged) << retries;
    const double expected = 1.0 - std::pow(1.0 - capacity / load, 1.0 / (retries + 1));
    EXPECT_NEAR(f.success[1], expected, kTight) << retries;
    EXPECT_NEAR(f.success[0], capacity / load, kTight) << retries;
    EXPECT_NEAR(f.demand[1] * f.success[1], capacity, kTight * capacity) << retries;
  }
}

TEST(RequestFlow, OneRetryIsTheQuadraticsRoot) {
  // D = L (1 + (1 - s)) and s D = C: s^2 - 2 s + C/L = 0, the root in [0, 1].
  FlowGraph g = chain_of({kUnlimited, 300.0});
  add_row(g, 0, {{1, 1.0, 1}});
  FlowSolver solver(g);
  const FlowSolution& f = solver.solve(state_for(g, 500.0));
  const double s = 1.0 - std::sqrt(1.0 - 300.0 / 500.0);
  EXPECT_NEAR(f.success[1], s, kTight);
  EXPECT_NEAR(f.demand[1], 500.0 * (2.0 - s), 1e-7);
}

TEST(RequestFlow, TwoLevelChainWithRetriesSolvedByHand) {
  // E -1 retry-> A (unlimited) -1 retry-> B (capacity C): with S_B = 1 - (1 - x)^2 for x = s_B,
  // x D_B = C and D_B = L (2 - S_B)(2 - x) give S_B (2 - S_B) L = C.
  const double c = 250.0;
  const double l = 1000.0;
  FlowGraph g = chain_of({kUnlimited, kUnlimited, c});
  add_row(g, 0, {{1, 1.0, 1}});
  add_row(g, 1, {{2, 1.0, 1}});
  FlowSolver solver(g);
  const FlowSolution& f = solver.solve(state_for(g, l));
  ASSERT_TRUE(f.converged);
  const double s_b_with_retry = 1.0 - std::sqrt(1.0 - c / l);
  EXPECT_NEAR(f.success[1], s_b_with_retry, kTight);
  EXPECT_NEAR(f.success[2], 1.0 - std::sqrt(1.0 - s_b_with_retry), kTight);
  EXPECT_NEAR(f.success[0], c / l, kTight);
  EXPECT_NEAR(f.demand[1], l * (2.0 - s_b_with_retry), 1e-7);
}

TEST(RequestFlow, FailoverSendsTheFailedShareDownTheListAndABreakerSkipsItsTarget) {
  // E -> [a (capacity 300), b (unlimited)] failover under 1000 rps: a fails 700 of them, which
  // go on to b.
  FlowGraph g = chain_of({kUnlimited, 300.0, kUnlimited});
  add_row(g, 0, {{1, 1.0, 0}, {2, 1.0, 0}});
  FlowSolver solver(g);
  FlowState state = state_for(g, 1000.0);
  const FlowSolution& f = solver.solve(state);
  EXPECT_NEAR(f.demand[1], 1000.0, kTight);
  EXPECT_NEAR(f.demand[2], 700.0, 1e-9);
  EXPECT_NEAR(f.success[0], 1.0, kTight);  // 1 - (1 - 0.3)(1 - 1)
  // a's breaker open: a gets nothing and counts S = 0, so everything goes to b.
  state.breaker_open[0] = 1;
  const FlowSolution& g2 = solver.solve(state);
  EXPECT_EQ(g2.demand[1], 0.0);
  EXPECT_NEAR(g2.demand[2], 1000.0, kTight);
  EXPECT_EQ(g2.target_success[0], 0.0);
}

TEST(RequestFlow, AllRoutingNeedsTheQuorumOfIndependentSuccesses) {
  // Targets a, b, c at s = 0.5, 0.8, 1 (capacities 50, 80 and unlimited under 100 rps each):
  // P(at least 2) = 1 - P(exactly 1) - P(none) = 1 - 0.5 x 0.2 x 1 - 0 = 0.9.
  FlowGraph g = chain_of({kUnlimited, 50.0, 80.0, kUnlimited});
  add_row(g, 0, {{1, 1.0, 0}, {2, 1.0, 0}, {3, 1.0, 0}}, FlowRouting::kAll, 2);
  FlowSolver solver(g);
  const FlowSolution& f = solver.solve(state_for(g, 100.0));
  EXPECT_NEAR(f.success[1], 0.5, kTight);
  EXPECT_NEAR(f.success[2], 0.8, kTight);
  EXPECT_NEAR(f.demand[3], 100.0, kTight);  // every target gets the whole row under `all`
  EXPECT_NEAR(f.success[0], 0.9, kTight);
  std::vector<double> scratch;
  const double p[] = {0.5, 0.8, 1.0};
  EXPECT_NEAR(at_least_k_of(p, 3, 3, scratch), 0.4, 1e-15);
  EXPECT_NEAR(at_least_k_of(p, 3, 1, scratch), 1.0, 1e-15);
}

TEST(RequestFlow, CallsScaleDemandOnly) {
  FlowGraph g = chain_of({kUnlimited, 600.0});
  add_row(g, 0, {{1, 3.0, 0}});
  FlowSolver solver(g);
  const FlowSolution& f = solver.solve(state_for(g, 400.0));
  EXPECT_NEAR(f.demand[1], 1200.0, kTight);
  EXPECT_NEAR(f.success[0], 0.5, kTight);  // the row's success is the target's: 600 / 1200
}

TEST(RequestFlow, SoftAndCacheRowsSoftenABackendOutage) {
  FlowGraph g = chain_of({kUnlimited, kUnlimited});
  add_row(g, 0, {{1, 1.0, 0}});
  g.rows[0].mode = FlowMode::kSoft;
  g.rows[0].impact = 0.3;
  FlowState down = state_for(g, 100.0);
  down.serving[1] = 0;  // below min_up: processes nothing
  {
    FlowSolver solver(g);
    EXPECT_NEAR(solver.solve(down).success[0], 0.7, kTight);  // 1 - impact (1 - 0)
  }
  g.rows[0].mode = FlowMode::kCache;
  g.rows[0].hit_ratio = 0.8;
  FlowSolver solver(g);
  const FlowSolution& valid = solver.solve(down);
  EXPECT_NEAR(valid.success[0], 0.8, kTight);  // h + (1 - h) x 0
  EXPECT_NEAR(valid.demand[1], 20.0, kTight);  // misses only
  down.cache_valid[0] = 0;
  const FlowSolution& expired = solver.solve(down);
  EXPECT_EQ(expired.success[0], 0.0);
  EXPECT_NEAR(expired.demand[1], 100.0, kTight);  // the refill: every call reaches the backend
}

TEST(RequestFlow, JourneysSplitTheAdmittedLoad) {
  FlowGraph g = chain_of({kUnlimited, kUnlimited, 100.0});
  g.entries = {0, 1};
  g.entry_shares = {0.75, 0.25};
  add_row(g, 0, {{2, 1.0, 0}});
  add_row(g, 1, {{2, 1.0, 0}});
  FlowSolver solver(g);
  const FlowSolution& f = solver.solve(state_for(g, 400.0));
  EXPECT_NEAR(f.demand[2], 400.0, kTight);
  EXPECT_NEAR(f.success[0], 0.25, kTight);
  EXPECT_NEAR(f.success[1], 0.25, kTight);
}

TEST(RequestFlow, RefusesACycle) {
  FlowGraph g = chain_of({kUnlimited, kUnlimited});
  add_row(g, 0, {{1, 1.0, 0}});
  add_row(g, 1, {{0, 1.0, 0}});
  EXPECT_THROW(FlowSolver{g}, std::invalid_argument);
}

}  // namespace
}  // namespace nines::engine
