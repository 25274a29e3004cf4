// The incremental flow evaluator against the reference solver (issue 11, §2 and §8): on random
// DAGs with capacities, retries, soft rows, failover and quorum lists, after random sequences of
// state changes, every demand and success equals the reference's from s = 1 to 1e-9 (relative)
// wherever the reference converged.
#include "nines/engine/flow_evaluator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace nines::engine {
namespace {

struct RandomFlow {
  FlowGraph graph;
  FlowState state;
};

/// Components 0..n-1, rows only from lower to higher indices (a DAG), entry 0.
RandomFlow random_flow(std::mt19937_64& rng, int n, bool with_retries, bool with_lists,
                       bool with_caches = false) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  RandomFlow f;
  FlowGraph& g = f.graph;
  for (int c = 0; c < n; ++c) {
    g.capacity_per_instance.push_back(unit(rng) < 0.2 ? std::numeric_limits<double>::infinity()
                                                      : 50.0 + 200.0 * unit(rng));
    g.min_up.push_back(1 + static_cast<int>(rng() % 2));
  }
  for (int c = 0; c + 1 < n; ++c) {
    const int rows = 1 + static_cast<int>(rng() % 2);
    for (int r = 0; r < rows; ++r) {
      FlowRow row;
      row.from = static_cast<std::uint32_t>(c);
      row.first_target = static_cast<std::uint32_t>(g.targets.size());
      const int remaining = n - c - 1;
      row.target_count = with_lists
                             ? 1 + static_cast<std::uint32_t>(
                                       rng() % static_cast<std::uint64_t>(std::min(3, remaining)))
                             : 1;
      std::vector<int> picked;
      while (static_cast<int>(picked.size()) < static_cast<int>(row.target_count)) {
        const int t = c + 1 + static_cast<int>(rng() % static_cast<std::uint64_t>(remaining));
        if (std::find(picked.begin(), picked.end(), t) == picked.end()) picked.push_back(t);
      }
      for (const int t : picked) {
        g.targets.push_back(FlowTarget{static_cast<std::uint32_t>(t), 0.5 + 1.5 * unit(rng),
                                       with_retries ? static_cast<int>(rng() % 4) : 0});
        if (with_caches && unit(rng) < 0.4) {
          g.targets.back().breaker_threshold = 0.5;
          g.targets.back().breaker_open_for_hours = 0.1;
        }
      }
      row.routing =
          row.target_count > 1 && unit(rng) < 0.5 ? FlowRouting::kAll : FlowRouting::kFailover;
      row.quorum =
          row.routing == FlowRouting::kAll ? 1 + static_cast<int>(rng() % row.target_count) : 1;
      if (unit(rng) < 0.3) {
        row.mode = FlowMode::kSoft;
        row.impact = unit(rng);
      } else if (with_caches && unit(rng) < 0.4) {
        row.mode = FlowMode::kCache;
        row.hit_ratio = 0.9 * unit(rng);
      }
      g.rows.push_back(row);
    }
  }
  g.entries = {0};
  g.entry_shares = {1.0};
  f.state.serving.assign(static_cast<std::size_t>(n), 3);
  f.state.breaker_open.assign(g.targets.size(), 0);
  f.state.cache_valid.assign(g.rows.size(), 1);
  f.state.admitted_rps = 300.0;
  if (with_caches) {
    f.state.in_use.assign(g.rows.size(), -1);
    f.state.failing_over.assign(g.rows.size(), 0);
  }
  return f;
}

void expect_equal_to_reference(FlowEvaluator& evaluator, FlowSolver& reference,
                               const FlowState& state, int step) {
  const bool converged = evaluator.evaluate();
  const FlowSolution& r = reference.solve(state);
  if (!r.converged) return;
  EXPECT_TRUE(converged) << "step " << step;
  for (std::uint32_t c = 0; c < state.serving.size(); ++c) {
    const double ds = std::fabs(evaluator.success(c) - r.success[c]);
    const double dd = std::fabs(evaluator.demand(c) - r.demand[c]);
    EXPECT_LE(ds, 1e-9 * std::max(1.0, std::fabs(r.success[c]))) << "step " << step << " c " << c;
    EXPECT_LE(dd, 1e-9 * std::max(1.0, std::fabs(r.demand[c]))) << "step " << step << " c " << c;
  }
}

/// One random change of a cache's validity, a breaker or a timed failover's route (a list row
/// with failover routing), to the state and the evaluator alike.
void change_mechanism(std::mt19937_64& rng, RandomFlow& f, FlowEvaluator& evaluator) {
  const FlowGraph& g = f.graph;
  const auto r = static_cast<std::uint32_t>(rng() % g.rows.size());
  const FlowRow& row = g.rows[r];
  switch (rng() % 3) {
    case 0:
      f.state.cache_valid[r] = f.state.cache_valid[r] != 0 ? 0 : 1;
      evaluator.set_cache_valid(r, f.state.cache_valid[r] != 0);
      break;
    case 1: {
      const std::uint32_t k =
          row.first_target + static_cast<std::uint32_t>(rng() % row.target_count);
      if (g.targets[k].breaker_open_for_hours <= 0.0) break;  // only a breaker opens
      f.state.breaker_open[k] = f.state.breaker_open[k] != 0 ? 0 : 1;
      evaluator.set_breaker(k, f.state.breaker_open[k] != 0);
      break;
    }
    default:
      if (row.target_count < 2 || row.routing != FlowRouting::kFailover) break;
      f.state.in_use[r] = static_cast<std::int32_t>(rng() % row.target_count);
      f.state.failing_over[r] = rng() % 3 == 0 ? 1 : 0;
      evaluator.set_route(r, static_cast<std::uint32_t>(f.state.in_use[r]),
                          f.state.failing_over[r] != 0);
      break;
  }
}

void run_random_sequences(bool with_retries, bool with_lists, bool with_caches = false) {
  std::mt19937_64 rng(with_caches ? 13 : with_retries ? 7 : 11);
  for (int graph = 0; graph < 40; ++graph) {
    RandomFlow f =
        random_flow(rng, 3 + static_cast<int>(rng() % 10), with_retries, with_lists, with_caches);
    FlowSolver reference(f.graph);
    FlowEvaluator evaluator(f.graph);
    if (!with_retries && !with_lists) {
      EXPECT_FALSE(evaluator.coupled());
    }
    for (std::uint32_t c = 0; c < f.state.serving.size(); ++c) {
      evaluator.set_serving(c, f.state.serving[c]);
    }
    evaluator.set_admitted(f.state.admitted_rps);
    expect_equal_to_reference(evaluator, reference, f.state, -1);
    for (int step = 0; step < 60; ++step) {
      const int changes = 1 + static_cast<int>(rng() % 3);
      for (int k = 0; k < changes; ++k) {
        if (rng() % 5 == 0) {
          f.state.admitted_rps = 50.0 + static_cast<double>(rng() % 900);
          evaluator.set_admitted(f.state.admitted_rps);
        } else if (with_caches && !f.graph.rows.empty() && rng() % 3 == 0) {
          change_mechanism(rng, f, evaluator);
        } else {
          const auto c = static_cast<std::uint32_t>(rng() % f.state.serving.size());
          f.state.serving[c] = static_cast<int>(rng() % 5);
          evaluator.set_serving(c, f.state.serving[c]);
        }
      }
      expect_equal_to_reference(evaluator, reference, f.state, step);
    }
  }
}

TEST(FlowEvaluator, UncoupledGraphsEqualTheReferenceAfterEveryChange) {
  run_random_sequences(false, false);
}

TEST(FlowEvaluator, RetriesEqualTheReferenceAfterEveryChange) { run_random_sequences(true, false); }

TEST(FlowEvaluator, ListsAndRetriesEqualTheReferenceAfterEveryChange) {
  run_random_sequences(true, true);
}

TEST(FlowEvaluator, CachesBreakersAndTimedFailoversEqualTheReferenceAfterEveryChange) {
  // Valid and expired caches, open breakers and timed failover routes (a target in use, calls
  // failing while a failover runs) toggled at random between evaluations.
  run_random_sequences(true, true, true);
  run_random_sequences(false, false, true);  // the uncoupled pass
}

TEST(FlowEvaluator, SaturatedBackendWithRetriesMatchesTheClosedForm) {
  // Load L on a backend of capacity C < L called with n retries: s = 1 - (1 - C/L)^(1/(n+1)).
  FlowGraph g;
  g.capacity_per_instance = {std::numeric_limits<double>::infinity(), 100.0};
  g.min_up = {1, 1};
  g.rows = {FlowRow{0, 0, 1}};
  g.entries = {0};
  g.entry_shares = {1.0};
  for (const int retries : {0, 1, 3}) {
    g.targets = {FlowTarget{1, 1.0, retries}};
    FlowEvaluator evaluator(g);
    evaluator.set_serving(0, 1);
    evaluator.set_serving(1, 2);  // C = 200
    evaluator.set_admitted(500.0);
    ASSERT_TRUE(evaluator.evaluate());
    const double expected = 1.0 - std::pow(1.0 - 200.0 / 500.0, 1.0 / (retries + 1));
    EXPECT_NEAR(evaluator.success(1), expected, 1e-9) << retries << " retries";
    // The caller succeeds when one of its attempts does: 1 - (1 - s)^(n+1) = C / L.
    EXPECT_NEAR(evaluator.success(0), 200.0 / 500.0, 1e-9) << retries << " retries";
  }
}

TEST(FlowEvaluator, OnlyWhatABatchChangesIsRecomputed) {
  // A chain of five with room to spare: a lost instance deep down changes no demand, so only
  // that component and (when its success does not move) nothing above it is recomputed.
  FlowGraph g;
  for (int c = 0; c < 5; ++c) {
    g.capacity_per_instance.push_back(100.0);
    g.min_up.push_back(1);
  }
  for (std::uint32_t c = 0; c + 1 < 5; ++c) {
    g.rows.push_back(FlowRow{c, c, 1});
    g.targets.push_back(FlowTarget{c + 1, 1.0, 0});
  }
  g.entries = {0};
  g.entry_shares = {1.0};
  FlowEvaluator evaluator(g);
  for (std::uint32_t c = 0; c < 5; ++c) evaluator.set_serving(c, 5);
  evaluator.set_admitted(200.0);
  evaluator.evaluate();
  EXPECT_EQ(evaluator.touched().size(), 5U);
  evaluator.set_serving(3, 4);  // 400 of capacity for 200: nothing moves
  evaluator.evaluate();
  EXPECT_EQ(evaluator.touched().size(), 1U);
  EXPECT_DOUBLE_EQ(evaluator.entry_success(), 1.0);
  evaluator.set_serving(3, 1);  // 100 for 200: half succeeds, all the way up
  evaluator.evaluate();
  EXPECT_DOUBLE_EQ(evaluator.success(3), 0.5);
  EXPECT_DOUBLE_EQ(evaluator.entry_success(), 0.5);
  EXPECT_DOUBLE_EQ(evaluator.demand(4), 100.0);  // the processed half passes on
}

}  // namespace
}  // namespace nines::engine
