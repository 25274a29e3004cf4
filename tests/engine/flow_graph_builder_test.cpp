// The flow graph built from a model (flow_graph_builder.cpp): compiled component order,
// capacities, rows with calls, retries and routing, and hand-worked flows of issue 11 section 8
// solved on it (three servers of 400 rps under 1000 rps; retries on a saturated backend).
#include "nines/engine/flow_graph_builder.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "nines/models/model_loader.hpp"

namespace nines::engine {
namespace {

using nlohmann::json;

models::Model model_of(const json& document) {
  return models::parse_model(document, "m.json").model;
}

/// users -> web (3 x 400 rps) -> db (list of db-a, db-b); entry users; 1000 rps.
json shop() {
  return json::parse(R"({"entry": "users", "load": {"rps": 1000},
    "components": [
      {"id": "web", "instances": 3, "mtbf": "1000h", "mttr": "1h", "capacity_rps": 400},
      {"id": "users", "failure": "never"},
      {"id": "db-b", "mtbf": "1000h", "mttr": "1h"},
      {"id": "db-a", "mtbf": "1000h", "mttr": "1h", "capacity_rps": 5000}],
    "dependencies": [
      {"from": "web", "to": ["db-b", {"id": "db-a", "retries": 2, "calls": 3}], "min_up": 1,
       "retries": 1},
      {"from": "users", "to": "web", "calls": 1}]})");
}

FlowState state_for(const FlowGraph& g, std::vector<int> serving, double admitted) {
  FlowState s;
  s.serving = std::move(serving);
  s.breaker_open.assign(g.targets.size(), 0);
  s.cache_valid.assign(g.rows.size(), 1);
  s.admitted_rps = admitted;
  return s;
}

TEST(FlowGraphBuilder, CompiledOrderCapacitiesAndRows) {
  const FlowGraph g = build_flow_graph(model_of(shop()));
  // Sorted ids: db-a, db-b, users, web.
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(g.capacity_per_instance, (std::vector<double>{5000.0, inf, inf, 400.0}));
  EXPECT_EQ(g.min_up, (std::vector<int>{1, 1, 1, 1}));
  EXPECT_EQ(g.entries, (std::vector<std::uint32_t>{2}));
  EXPECT_EQ(g.entry_shares, (std::vector<double>{1.0}));
  ASSERT_EQ(g.rows.size(), 2U);
  // Rows by from id: users first, then web.
  EXPECT_EQ(g.rows[0].from, 2U);
  EXPECT_EQ(g.rows[0].target_count, 1U);
  EXPECT_EQ(g.rows[1].from, 3U);
  EXPECT_EQ(g.rows[1].routing, FlowRouting::kFailover);
  EXPECT_EQ(g.rows[1].quorum, 1);
  ASSERT_EQ(g.targets.size(), 3U);
  EXPECT_EQ(g.targets[0].component, 3U);  // users -> web
  // web's list keeps list order: db-b (the row's retries), then db-a (its own).
  EXPECT_EQ(g.targets[1].component, 1U);
  EXPECT_EQ(g.targets[1].calls, 1.0);
  EXPECT_EQ(g.targets[1].retries, 1);
  EXPECT_EQ(g.targets[2].component, 0U);
  EXPECT_EQ(g.targets[2].calls, 3.0);
  EXPECT_EQ(g.targets[2].retries, 2);
}

TEST(FlowGraphBuilder, TheFilesOrderChangesNothing) {
  json reordered = shop();
  std::swap(reordered["components"][0], reordered["components"][3]);
  std::swap(reordered["dependencies"][0], reordered["dependencies"][1]);
  const FlowGraph a = build_flow_graph(model_of(shop()));
  const FlowGraph b = build_flow_graph(model_of(reordered));
  EXPECT_EQ(a.capacity_per_instance, b.capacity_per_instance);
  EXPECT_EQ(a.min_up, b.min_up);
  ASSERT_EQ(a.rows.size(), b.rows.size());
  for (std::size_t r = 0; r < a.rows.size(); ++r) EXPECT_EQ(a.rows[r].from, b.rows[r].from);
  ASSERT_EQ(a.targets.size(), b.targets.size());
  for (std::size_t t = 0; t < a.targets.size(); ++t) {
    EXPECT_EQ(a.targets[t].component, b.targets[t].component);
    EXPECT_EQ(a.targets[t].calls, b.targets[t].calls);
    EXPECT_EQ(a.targets[t].retries, b.targets[t].retries);
  }
}

TEST(FlowGraphBuilder, ThreeServersOf400UnderAThousand) {
  // Issue 11 section 8: three servers of 400 rps under 1000 rps; one out leaves 800 of 1000
  // (sigma 0.8: degraded, not down with outage_below 0.5); a second out leaves 400 (0.4: down).
  json document = json::parse(R"({"entry": "web", "load": {"rps": 1000},
    "components": [{"id": "web", "instances": 3, "mtbf": "1000h", "mttr": "1h",
                    "capacity_rps": 400}]})");
  const FlowGraph g = build_flow_graph(model_of(document));
  FlowSolver solver(g);
  for (const auto& [serving, expected] :
       std::vector<std::pair<int, double>>{{3, 1.0}, {2, 0.8}, {1, 0.4}, {0, 0.0}}) {
    const FlowSolution& f = solver.solve(state_for(g, {serving}, 1000.0));
    ASSERT_TRUE(f.converged);
    EXPECT_NEAR(f.success[0], expected, 1e-12) << serving;
    EXPECT_DOUBLE_EQ(f.demand[0], 1000.0);
  }
}

TEST(FlowGraphBuilder, RetriesOnASaturatedBackendFromAModel) {
  // s = 1 - (1 - C/L)^(1/(n+1)) with C = 400 (one instance), L = 1000, n = 3.
  json document = json::parse(R"({"entry": "web", "load": {"rps": 1000},
    "components": [{"id": "web", "mtbf": "1000h", "mttr": "1h"},
                   {"id": "db", "mtbf": "1000h", "mttr": "1h", "capacity_rps": 400}],
    "dependencies": [{"from": "web", "to": "db", "retries": 3}]})");
  const FlowGraph g = build_flow_graph(model_of(document));
  FlowSolver solver(g);
  // Sorted: db (0), web (1).
  const FlowSolution& f = solver.solve(state_for(g, {1, 1}, 1000.0));
  ASSERT_TRUE(f.converged);
  const double s_db = 1.0 - std::pow(1.0 - 0.4, 1.0 / 4.0);
  EXPECT_NEAR(f.success[0], s_db, 1e-9);
  // The caller succeeds when one of its 4 attempts does: 1 - (1 - s)^4 = C / L.
  EXPECT_NEAR(f.success[1], 0.4, 1e-9);
}

TEST(FlowGraphBuilder, HardEdgesWithoutCapacityAreBoolean) {
  // No capacity: every share is 0 or 1 whatever calls, retries and routing say.
  json document = json::parse(R"({"entry": "web", "load": {"rps": 1000},
    "components": [{"id": "web", "mtbf": "1000h", "mttr": "1h"},
                   {"id": "a", "mtbf": "1000h", "mttr": "1h"},
                   {"id": "b", "mtbf": "1000h", "mttr": "1h"},
                   {"id": "c", "mtbf": "1000h", "mttr": "1h"}],
    "dependencies": [{"from": "web", "to": ["a", {"id": "b", "retries": 5}, "c"], "min_up": 2,
                      "calls": 7, "retries": 2}]})");
  const FlowGraph g = build_flow_graph(model_of(document));
  EXPECT_EQ(g.rows[0].routing, FlowRouting::kAll);
  FlowSolver solver(g);
  // Sorted: a, b, c, web. web needs 2 of a, b, c.
  for (int mask = 0; mask < 8; ++mask) {
    std::vector<int> serving = {mask & 1, (mask >> 1) & 1, (mask >> 2) & 1, 1};
    const int up = serving[0] + serving[1] + serving[2];
    const FlowSolution& f = solver.solve(state_for(g, serving, 1000.0));
    EXPECT_EQ(f.success[3], up >= 2 ? 1.0 : 0.0) << mask;
  }
}

}  // namespace
}  // namespace nines::engine
