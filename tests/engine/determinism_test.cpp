// The same seed gives the same figures whatever the thread count, the replication split, or an
// unrelated component's changes (common random numbers).
#include <gtest/gtest.h>

#include <cmath>

#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/models/error.hpp"

namespace nines::engine {
namespace {

using testing::depends;
using testing::pool;
using testing::single;

models::Model shop() {
  models::Model m = single(pool("frontend", 3, 2, 2000.0, 1.0), 8760.0, 300, 7);
  auto api = pool("api", 2, 1, 1500.0, 0.75);
  api.failure = models::Weibull{1.3, 1500.0};
  api.detection = models::Exponential{5.0 / 60.0};
  api.repair = models::Lognormal{std::log(0.75), 0.8};
  api.crew = "oncall";
  auto db = pool("db", 2, 1, 4000.0, 6.0);
  db.standby.mode = models::StandbyMode::kWarm;
  db.standby.dormant_failure = models::Exponential{20000.0};
  db.standby.switchover = models::Fixed{2.0 / 60.0};
  db.standby.switch_success = 0.98;
  m.components.push_back(api);
  m.components.push_back(db);
  m.components.push_back(pool("db-replica-eu", 1, 1, 4000.0, 6.0));
  m.crews.push_back({"oncall", 1});
  m.dependencies = {depends("frontend", {"api"}), depends("api", {"db", "db-replica-eu"}, 1)};
  m.target = 0.9995;
  return m;
}

void expect_same_figures(const RunResult& a, const RunResult& b) {
  EXPECT_EQ(a.replications, b.replications);
  EXPECT_EQ(a.availability.mean, b.availability.mean);
  EXPECT_EQ(a.availability.stderr_, b.availability.stderr_);
  EXPECT_EQ(a.outages_per_year.mean, b.outages_per_year.mean);
  EXPECT_EQ(a.downtime_hours_per_year.mean, b.downtime_hours_per_year.mean);
  EXPECT_EQ(a.outages, b.outages);
  EXPECT_EQ(a.outages_cut_at_horizon, b.outages_cut_at_horizon);
  EXPECT_EQ(a.events, b.events);
  ASSERT_EQ(a.outage_duration.has_value(), b.outage_duration.has_value());
  if (a.outage_duration) {
    EXPECT_EQ(a.outage_duration->p90_hours, b.outage_duration->p90_hours);
    EXPECT_EQ(a.outage_duration->max_hours, b.outage_duration->max_hours);
  }
  ASSERT_EQ(a.sla.has_value(), b.sla.has_value());
  if (a.sla) {
    EXPECT_EQ(a.sla->probability_met, b.sla->probability_met);
  }
  ASSERT_EQ(a.components.size(), b.components.size());
  for (std::size_t c = 0; c < a.components.size(); ++c) {
    EXPECT_EQ(a.components[c].availability, b.components[c].availability);
    EXPECT_EQ(a.components[c].service_availability, b.components[c].service_availability);
    EXPECT_EQ(a.components[c].downtime_share, b.components[c].downtime_share);
  }
}

TEST(Determinism, SameFiguresForAnyThreadCount) {
  const models::Model m = shop();
  RunOptions one;
  one.threads = 1;
  RunOptions three;
  three.threads = 3;
  const RunResult a = run(m, one);
  const RunResult b = run(m, three);
  EXPECT_GT(a.outages, 0);
  expect_same_figures(a, b);
}

TEST(Determinism, ChangingOneComponentLeavesOthersDrawsAlone) {
  models::Model base = single(pool("a", 1, 1), 8760.0, 200, 3);
  base.components.push_back(pool("b", 1, 1));
  base.dependencies = {depends("a", {"b"})};
  models::Model variant = base;
  variant.components[1].instances = 2;  // b gets a hot spare
  const RunResult r1 = run(base);
  const RunResult r2 = run(variant);
  // a's draws are keyed by its id, so its own pool availability is bit-identical.
  EXPECT_EQ(r1.components[0].availability, r2.components[0].availability);
  EXPECT_NE(r1.components[1].availability, r2.components[1].availability);
}

TEST(Determinism, ComponentOrderInTheFileDoesNotMatter) {
  models::Model m = shop();
  models::Model reordered = m;
  std::swap(reordered.components[0], reordered.components[3]);
  const RunResult a = run(m);
  const RunResult b = run(reordered);
  EXPECT_EQ(a.availability.mean, b.availability.mean);
  EXPECT_EQ(a.events, b.events);
}

TEST(Determinism, CancellationStopsEarlyAndSaysSo) {
  models::Model m = shop();
  m.replications = 100000;
  std::atomic<bool> cancel{false};
  RunOptions options;
  options.threads = 2;
  options.cancel = &cancel;
  options.progress_interval_seconds = 0.01;
  options.progress = [&cancel](const Progress& p) {
    if (p.done > 0) cancel = true;
  };
  const RunResult r = run(m, options);
  EXPECT_TRUE(r.cancelled);
  EXPECT_LT(r.replications, 100000);
}

TEST(Run, TheLastProgressCountsEveryEvent) {
  RunOptions options;
  options.threads = 2;
  std::uint64_t last_events = 0;
  options.progress = [&last_events](const Progress& p) { last_events = p.events; };
  const RunResult r = run(shop(), options);
  EXPECT_GT(r.events, 0U);
  EXPECT_EQ(last_events, r.events);  // the final callback comes after every block
}

}  // namespace
}  // namespace nines::engine

namespace nines::engine {
namespace {

TEST(Determinism, RangesMergeIntoExactlyTheWholeRun) {
  const models::Model m = shop();
  const RunResult whole = run(m);
  RunOptions first;
  first.replications = 137;
  first.threads = 1;
  RunOptions second;
  second.first_replication = 137;
  second.replications = m.replications - 137;
  second.threads = 2;
  RangeResult merged = simulate_range(m, first);
  append_range(merged, simulate_range(m, second));
  expect_same_figures(whole, summarize_range(m, merged));
  EXPECT_THROW(append_range(merged, simulate_range(m, second)), std::invalid_argument);
}

}  // namespace
}  // namespace nines::engine

namespace nines::engine {
namespace {

TEST(Engine, RefusesAnUnvalidatedModelWithAClearError) {
  models::Model m = testing::single(testing::pool("a", 2, 3), 8760.0, 10);
  try {
    run(m);
    FAIL() << "expected a ModelError";
  } catch (const nines::ModelError& e) {
    EXPECT_STREQ(e.what(),
                 "<model>: /components/0/min_up: must be from 1 to \"instances\" (2); got 3");
  }
  m.components[0].min_up = 1;
  m.entry = "nope";
  EXPECT_THROW(run(m), nines::ModelError);
  m.entry = "a";
  m.horizon_hours = 0.0;
  EXPECT_THROW(run(m), nines::ModelError);
}

}  // namespace
}  // namespace nines::engine
