// Cache rows in flow mode (issue 11, docs/traffic.md "Caches"): a valid cache answers its hit
// ratio while its backend fails; its stale clock expires it after stale_if_error; an expired
// cache refills once the backend has stayed healthy for warmup, and its refill burst (every
// call reaching the backend) can keep an undersized backend down for good. Timelines worked by
// hand with fixed durations that are exact in binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "batch_check.hpp"
#include "model_builders.hpp"
#include "nines/engine/compiled_model.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/replication_simulator.hpp"
#include "nines/engine/request_flow.hpp"
#include "nines/engine/trace.hpp"
#include "nines/engine/trace_run.hpp"

namespace nines::engine {
namespace {

RunOptions one_thread() {
  RunOptions options;
  options.threads = 1;
  return options;
}

/// front -> db through a cache (hit ratio 0.8, stale_if_error 0.5 h, warmup 0.25 h) under
/// 100 rps for 24 h; nothing fails by itself; db held out from 10 h for `out_hours`.
models::Model catalog(double out_hours, double db_capacity_rps = 1000.0) {
  models::Component front = testing::pool("front", 1, 1);
  front.failure = models::Never{};
  models::Component db = testing::pool("db", 1, 1);
  db.failure = models::Never{};
  db.capacity_rps = db_capacity_rps;
  models::Model m = testing::single(front, 24.0, 1);
  m.components.push_back(db);
  models::Dependency row = testing::depends("front", {"db"});
  row.mode = models::DependencyMode::kCache;
  row.hit_ratio = 0.8;
  row.stale_if_error_hours = 0.5;
  row.warmup_hours = 0.25;
  m.dependencies.push_back(row);
  m.load = models::Load{};
  m.load->rps = 100.0;
  m.inject.push_back(testing::inject_component("db", 10.0, 1, out_hours));
  return m;
}

/// The trace's cache events as "TIME EVENT" lines.
std::vector<std::string> cache_events(const models::Model& m) {
  const TracedReplication t = trace_replication(m, 0);
  std::vector<std::string> lines;
  for (const TraceRow& row : t.trace.rows) {
    if (row.kind != SourceKind::kCache) continue;
    lines.push_back(std::to_string(row.time_hours) + " " +
                    std::string(trace_event_name(row.event)));
  }
  return lines;
}

TEST(Cache, AValidCacheAnswersItsHitsThroughABackendOutageShorterThanStaleIfError) {
  // db out over [10, 10.25): the cache answers 0.8 of the calls, sigma 0.8: up but degraded.
  const models::Model m = catalog(0.25);
  const RunResult r = run(m, one_thread());
  EXPECT_EQ(r.availability.mean, 1.0);
  EXPECT_EQ(r.outages, 0);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - 0.2 * 0.25 / 24.0, 1e-14);
  const double years = 24.0 / models::kHoursPerYear;
  EXPECT_NEAR(r.degraded_hours_per_year->mean, 0.25 / years, 1e-9);
  // The stale clock started at 10 and stopped at 10.25: no expiry, no event of its own.
  EXPECT_TRUE(cache_events(m).empty());
  EXPECT_EQ(r.events, 2u);  // the injection's start and end
  ASSERT_EQ(r.caches.size(), 1u);
  EXPECT_EQ(r.caches[0].expiries_per_year, 0.0);
  EXPECT_EQ(r.caches[0].expired_hours_per_year, 0.0);
}

TEST(Cache, ABackendOutageLongerThanStaleIfErrorExpiresTheCache) {
  // db out over [10, 11): 0.8 served until the cache expires at 10.5, then nothing until db is
  // back at 11 (an expired cache sends every call to db, which has room); valid again at 11.25.
  const models::Model m = catalog(1.0);
  const RunResult r = run(m, one_thread());
  EXPECT_NEAR(r.availability.mean, 1.0 - 0.5 / 24.0, 1e-15);
  EXPECT_EQ(r.outages, 1);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - (0.2 * 0.5 + 1.0 * 0.5) / 24.0, 1e-14);
  // The outage began with the expiry alone: no loss in its batch, so its cause is `other`.
  ASSERT_EQ(r.causes.size(), 1u);
  EXPECT_EQ(r.causes[0].kind, "other");
  EXPECT_EQ(cache_events(m),
            (std::vector<std::string>{"10.500000 cache-expiry", "11.250000 cache-warmup-end"}));
  EXPECT_EQ(r.events, 4u);
  // One expiry and 0.75 h expired in a 24 h history.
  const double years = 24.0 / models::kHoursPerYear;
  ASSERT_EQ(r.caches.size(), 1u);
  EXPECT_EQ(r.caches[0].id, "front->db");
  EXPECT_NEAR(r.caches[0].expiries_per_year, 1.0 / years, 1e-9);
  EXPECT_NEAR(r.caches[0].expired_hours_per_year, 0.75 / years, 1e-9);
}

TEST(Cache, TheRefillBurstKeepsAnUndersizedBackendDownForGood) {
  // db carries 30 rps: 20 behind a valid cache, but not the 100 of the refill. db out over
  // [10, 11), the cache expires at 10.5; from 11 db gets every call, serves 30 of 100 (success
  // 0.3, below stale_below 0.5): the warm-up never starts and the system stays down (sigma 0.3)
  // after its trigger is gone, to the horizon: a metastable episode.
  const models::Model m = catalog(1.0, 30.0);
  const RunResult r = run(m, one_thread());
  EXPECT_NEAR(r.availability.mean, 1.0 - 13.5 / 24.0, 1e-15);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - (0.2 * 0.5 + 0.5 + 0.7 * 13.0) / 24.0, 1e-14);
  EXPECT_EQ(cache_events(m), (std::vector<std::string>{"10.500000 cache-expiry"}));
  // Expired from 10.5 h to the horizon: 13.5 h, cut there.
  ASSERT_EQ(r.caches.size(), 1u);
  EXPECT_NEAR(r.caches[0].expired_hours_per_year, 13.5 * models::kHoursPerYear / 24.0, 1e-9);
  ASSERT_TRUE(r.recovery_hours.has_value());
  EXPECT_EQ(r.recovery_hours->count, 1);
  EXPECT_EQ(r.recovery_hours->cut_at_horizon, 1);
  EXPECT_NEAR(r.recovery_hours->max_hours, 13.0, 1e-12);
  const double years = 24.0 / models::kHoursPerYear;
  EXPECT_NEAR(r.metastable_per_year->mean, 1.0 / years, 1e-9);
  ASSERT_TRUE(r.components[1].utilisation.has_value());
}

TEST(Cache, ALowerStaleBelowLetsTheRefillBurstWarmTheCacheUp) {
  // As above, but the clocks follow db against 0.25: from 11 db's 0.3 counts as healthy, so
  // the warm-up runs to 11.25 while the burst fails 70 % of the calls (sigma 0.3: still down);
  // then the valid cache takes 80 % of the calls off db and everything is served.
  models::Model m = catalog(1.0, 30.0);
  m.dependencies[0].stale_below = 0.25;
  const RunResult r = run(m, one_thread());
  EXPECT_NEAR(r.availability.mean, 1.0 - 0.75 / 24.0, 1e-15);
  EXPECT_EQ(r.outages, 1);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - (0.2 * 0.5 + 0.5 + 0.7 * 0.25) / 24.0, 1e-14);
  EXPECT_EQ(cache_events(m),
            (std::vector<std::string>{"10.500000 cache-expiry", "11.250000 cache-warmup-end"}));
  EXPECT_EQ(r.metastable_per_year->mean, 0.0);
}

TEST(Cache, AZeroStaleIfErrorExpiresInTheNextBatchAtTheSameInstant) {
  // stale_if_error 0: the loss at 10 leaves the cache valid (sigma 0.8, up); its expiry is due
  // at the same instant and forms the next batch there, which takes the system down.
  models::Model m = catalog(1.0);
  m.dependencies[0].stale_if_error_hours = 0.0;
  const RunResult r = run(m, one_thread());
  EXPECT_NEAR(r.availability.mean, 1.0 - 1.0 / 24.0, 1e-15);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - 1.0 / 24.0, 1e-14);
  EXPECT_EQ(cache_events(m),
            (std::vector<std::string>{"10.000000 cache-expiry", "11.250000 cache-warmup-end"}));
}

TEST(Cache, AnOpenBreakerLeavesTheValidCacheAnsweringItsHits) {
  // A breaker (threshold 0.5) on the cached row opens when db fails at 10: db gets no demand
  // from the row and counts S = 0, yet the valid cache still answers 0.8; its clocks follow
  // db's real success, so the outage shorter than stale_if_error passes without expiry.
  models::Model m = catalog(0.25);
  m.dependencies[0].circuit_breaker = models::CircuitBreaker{0.5, 0.125};
  const RunResult r = run(m, one_thread());
  EXPECT_EQ(r.availability.mean, 1.0);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - 0.2 * 0.25 / 24.0, 1e-14);
  EXPECT_TRUE(cache_events(m).empty());
}

TEST(Cache, IncrementalStateAndCacheClocksHoldAfterEveryBatch) {
  // Random failures under a diurnal load: a cached list (failover, retries: a coupled graph)
  // in front of crashing backends. After every batch the incremental flow equals the
  // reference with the same valid caches, and each cache's clock runs exactly when it should.
  models::Model m = testing::single(testing::pool("front", 2, 1, 300.0, 2.0), 3000.0, 1, 5);
  m.components[0].capacity_rps = 900.0;
  for (const char* id : {"primary", "replica"}) {
    models::Component db = testing::pool(id, 2, 1, 80.0, 3.0);
    db.capacity_rps = 250.0;
    db.overload = models::Overload{models::Exponential{0.3}, models::Exponential{0.2}};
    m.components.push_back(db);
  }
  models::Dependency row = testing::depends("front", {"primary", "replica"});
  row.mode = models::DependencyMode::kCache;
  row.hit_ratio = 0.6;
  row.stale_if_error_hours = 0.25;
  row.warmup_hours = 0.125;
  row.retries = 1;
  m.dependencies.push_back(row);
  m.load = models::Load{};
  m.load->rps = 500.0;
  m.load->profile.type = models::LoadProfile::Type::kDiurnal;
  m.load->profile.peak_to_mean = 1.6;
  const RunTotals totals = testing::run_checking_every_batch(compile(m), 4);
  EXPECT_GT(totals.overload_crashes[1] + totals.overload_crashes[2], 0);
  EXPECT_EQ(totals.flow_not_converged, 0U);
  // The histories exercise the cache: it expired and warmed up again.
  int expiries = 0;
  int warmups = 0;
  for (std::uint64_t r = 0; r < 4; ++r) {
    for (const TraceRow& traced : trace_replication(m, r).trace.rows) {
      expiries += traced.event == TraceEvent::kCacheExpiry ? 1 : 0;
      warmups += traced.event == TraceEvent::kCacheWarmupEnd ? 1 : 0;
    }
  }
  EXPECT_GT(expiries, 0);
  EXPECT_GT(warmups, 0);
}

TEST(Cache, ATracedHistoryCarriesEpisodesCascadesAndTheRequestFigures) {
  // One traced replication is summarised like a run of one: with an injection (an episode),
  // overload (cascades) and the refill burst, its figures are those of the run.
  models::Model m = catalog(1.0, 30.0);
  m.components[1].overload = models::Overload{models::Fixed{0.125}, models::Fixed{0.25}};
  const TracedReplication t = trace_replication(m, 0);
  const RunResult r = run(m, one_thread());
  EXPECT_EQ(t.result.availability.mean, r.availability.mean);
  EXPECT_EQ(t.result.requests->availability.mean, r.requests->availability.mean);
  ASSERT_TRUE(t.result.metastable_per_year.has_value());
  EXPECT_EQ(t.result.metastable_per_year->mean, r.metastable_per_year->mean);
  ASSERT_TRUE(t.result.cascades.has_value());
  EXPECT_EQ(t.result.cascades->per_year.mean, r.cascades->per_year.mean);
  EXPECT_GT(r.cascades->per_year.mean, 0.0);
  // The history starts with everything served: 100 rps offered, 100 served.
  EXPECT_EQ(t.trace.initial_offered_rps, 100.0);
  EXPECT_EQ(t.trace.initial_served_rps, 100.0);
  // db sized for 10 rps: behind the valid cache 20 reach it, 10 served: 0.8 + 0.2 x 0.5.
  models::Model small = catalog(1.0, 10.0);
  const TracedReplication starved = trace_replication(small, 0);
  EXPECT_NEAR(starved.trace.initial_served_rps, 90.0, 1e-12);
}

TEST(Cache, TheSolverMatchesTheCacheFormulas) {
  // front -> db (cache h = 0.8) with db at success 0.5 (capacity 10 for a demand of 20):
  // valid, db gets 100 x 0.2 = 20 and the row succeeds 0.8 + 0.2 x 0.5 = 0.9; expired, db gets
  // 100, serves 10 (success 0.1) and the row succeeds 0.1.
  FlowGraph g;
  g.capacity_per_instance = {1e300, 10.0};
  g.min_up = {1, 1};
  g.rows.push_back(FlowRow{
      .from = 0, .first_target = 0, .target_count = 1, .mode = FlowMode::kCache, .hit_ratio = 0.8});
  g.targets.push_back(FlowTarget{.component = 1});
  g.entries = {0};
  g.entry_shares = {1.0};
  FlowSolver solver(g);
  FlowState state{.serving = {1, 1}, .breaker_open = {0}, .cache_valid = {1}, .admitted_rps = 100};
  const FlowSolution& valid = solver.solve(state);
  EXPECT_NEAR(valid.demand[1], 20.0, 1e-12);
  EXPECT_NEAR(valid.success[1], 0.5, 1e-12);
  EXPECT_NEAR(valid.success[0], 0.9, 1e-12);
  state.cache_valid = {0};
  const FlowSolution& expired = solver.solve(state);
  EXPECT_NEAR(expired.demand[1], 100.0, 1e-12);
  EXPECT_NEAR(expired.success[0], 0.1, 1e-12);
}

}  // namespace
}  // namespace nines::engine
