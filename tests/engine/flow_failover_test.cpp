// A timed failover row in flow mode (issue 11, docs/traffic.md "Timed failover"): every call
// goes to the target in use and fails while a failover runs, instead of splitting by failure
// share. A timeline worked by hand, and the same histories as Boolean mode where capacity never
// binds (Boolean mode's figures are checked against the exact chain in failover_test.cpp).
#include <gtest/gtest.h>

#include <limits>

#include "batch_check.hpp"
#include "model_builders.hpp"
#include "nines/engine/compiled_model.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {
namespace {

RunOptions threads(int count) {
  RunOptions options;
  options.threads = count;
  return options;
}

/// front -> [db-a, db-b] under 100 rps for 24 h, a failover of 0.25 h between them; db-a
/// (1000 rps) held out over [10, 12), db-b carries 50 rps; nothing fails by itself.
models::Model two_databases(bool timed) {
  models::Component front = testing::pool("front", 1, 1);
  front.failure = models::Never{};
  models::Model m = testing::single(front, 24.0, 1);
  for (const auto& [id, capacity] : {std::pair{"db-a", 1000.0}, std::pair{"db-b", 50.0}}) {
    models::Component db = testing::pool(id, 1, 1);
    db.failure = models::Never{};
    db.capacity_rps = capacity;
    m.components.push_back(db);
  }
  m.dependencies.push_back(testing::depends("front", {"db-a", "db-b"}));
  if (timed) {
    models::Failover failover;
    failover.time = models::Fixed{0.25};
    m.dependencies.back().failover = failover;
  }
  m.load = models::Load{};
  m.load->rps = 100.0;
  m.inject.push_back(testing::inject_component("db-a", 10.0, 1, 2.0));
  return m;
}

TEST(FlowFailover, CallsFailDuringTheFailoverThenAllGoToTheTargetInUse) {
  // [10, 10.25): the failover runs, every call fails (sigma 0: down). [10.25, 12): db-b is in
  // use and gets all 100 rps, serving 50 (sigma 0.5: up, degraded). At 12 db-a is back and
  // takes over at once (automatic failback).
  const RunResult r = run(two_databases(true), threads(1));
  EXPECT_NEAR(r.availability.mean, 1.0 - 0.25 / 24.0, 1e-15);
  EXPECT_EQ(r.outages, 1);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - (0.25 + 0.5 * 1.75) / 24.0, 1e-14);
  // db-b saturated while in use, idle otherwise; db-a at 0.1 whenever it serves.
  ASSERT_TRUE(r.components[2].utilisation.has_value());
  EXPECT_NEAR(*r.components[2].utilisation, 1.75 / 24.0, 1e-12);
  EXPECT_NEAR(*r.components[1].utilisation, 0.1, 1e-12);
}

TEST(FlowFailover, WithoutTheFailoverTheListSplitsByFailureShareAtOnce) {
  // The same list without `failover`: db-a's calls pass to db-b at once, which serves 50 of
  // 100 over [10, 12): degraded, never down.
  const RunResult r = run(two_databases(false), threads(1));
  EXPECT_EQ(r.availability.mean, 1.0);
  EXPECT_NEAR(r.requests->availability.mean, 1.0 - 0.5 * 2.0 / 24.0, 1e-14);
}

TEST(FlowFailover, WhereCapacityNeverBindsFlowModeGivesBooleanModesHistories) {
  // Random failures of both targets, a random failover time that fails 30 % of attempts:
  // with capacities far above the load, flow mode decides up and down exactly as Boolean
  // mode, on the same streams.
  models::Component app = testing::pool("app", 1, 1);
  app.failure = models::Never{};
  models::Model m = testing::single(app, 2000.0, 200, 7);
  m.components.push_back(testing::pool("a", 1, 1, 50.0, 10.0));
  m.components.push_back(testing::pool("b", 1, 1, 20.0, 10.0));
  m.dependencies.push_back(testing::depends("app", {"a", "b"}));
  models::Failover failover;
  failover.time = models::Exponential{2.0};
  failover.success = 0.7;
  m.dependencies.back().failover = failover;
  m.load = models::Load{};
  m.load->rps = 100.0;
  const RunResult boolean = run(m, threads(2));
  for (models::Component& c : m.components) c.capacity_rps = 1e9;
  const RunResult flow = run(m, threads(2));
  ASSERT_GT(flow.flow_evaluations, 0U);  // flow mode indeed
  EXPECT_EQ(flow.availability.mean, boolean.availability.mean);
  EXPECT_EQ(flow.outages, boolean.outages);
  EXPECT_LT(boolean.availability.mean, 0.99);  // the failovers matter
  EXPECT_EQ(flow.requests->availability.mean, flow.availability.mean);
}

TEST(FlowFailover, IncrementalStateEqualsFromScratchAfterEveryBatch) {
  // A failover row with retries (a coupled graph) beside crashing targets under a diurnal
  // load: after every batch the engine's flow equals the reference with the same routes.
  models::Component app = testing::pool("app", 2, 1, 400.0, 2.0);
  models::Model m = testing::single(app, 3000.0, 1, 3);
  for (const char* id : {"a", "b", "c"}) {
    models::Component db = testing::pool(id, 2, 1, 60.0, 4.0);
    db.capacity_rps = 300.0;
    db.overload = models::Overload{models::Exponential{0.3}, models::Exponential{0.2}};
    m.components.push_back(db);
  }
  m.dependencies.push_back(testing::depends("app", {"a", "b", "c"}));
  m.dependencies.back().retries = 1;
  models::Failover failover;
  failover.time = models::Exponential{0.1};
  failover.success = 0.8;
  failover.failback = models::Failback::kManual;
  m.dependencies.back().failover = failover;
  m.load = models::Load{};
  m.load->rps = 400.0;
  m.load->profile.type = models::LoadProfile::Type::kDiurnal;
  m.load->profile.peak_to_mean = 1.5;
  const RunTotals totals = testing::run_checking_every_batch(compile(m), 4);
  EXPECT_GT(totals.overload_crashes[1] + totals.overload_crashes[2] + totals.overload_crashes[3],
            0);
  EXPECT_EQ(totals.flow_not_converged, 0U);
}

}  // namespace
}  // namespace nines::engine
