// What the file's order and unrelated changes must not change: permuting components, crews,
// dependencies, zones and regions gives the same figures; a new detection law or new zones leave
// every drawn duration of the other purposes as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "batch_check.hpp"
#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/replication_simulator.hpp"
#include "nines/engine/trace_run.hpp"

namespace nines::engine {
namespace {

RunOptions threads(int n) {
  RunOptions options;
  options.threads = n;
  return options;
}

using testing::pool;

models::Model zoned_estate() {
  models::Model m;
  m.name = "estate";
  m.horizon_hours = 4000.0;
  m.replications = 300;
  m.seed = 99;
  m.entry = "web";
  models::Component web = pool("web", 3, 2, 300.0, 4.0);
  web.zones = {"z1", "z2", "z3"};
  models::Component api = pool("api", 4, 2, 200.0, 6.0);
  api.crew = "ops";
  api.zones = {"z2", "z3"};
  models::Component db = pool("db", 2, 1, 500.0, 12.0);
  db.standby.mode = models::StandbyMode::kWarm;
  db.standby.dormant_failure = models::Exponential{2000.0};
  db.standby.switchover = models::Exponential{0.1};
  db.detection = models::Exponential{0.2};
  db.placement = {{"z1", 1}, {"z3", 1}};
  models::Component cache = pool("cache", 2, 1, 150.0, 1.0);
  cache.crew = "ops";
  // Monitoring that misses failures: a law for one component, inspections for another.
  cache.coverage = 0.8;
  cache.undetected = models::Exponential{5.0};
  web.detection = models::Exponential{0.1};
  web.coverage = 0.6;
  web.inspections = models::Inspections{24.0};
  m.components = {web, api, db, cache};
  m.crews = {models::Crew{"ops", 1}, models::Crew{"dba", 2}};
  m.dependencies = {testing::depends("web", {"api"}), testing::depends("api", {"db"}),
                    testing::depends("api", {"cache", "db"}, 1)};
  m.regions = {testing::region("eu", 5000.0, 10.0), testing::region("us", 6000.0, 8.0)};
  m.zones = {testing::zone("z1", 900.0, 3.0, "eu"), testing::zone("z2", 800.0, 5.0, "eu"),
             testing::zone("z3", 1000.0, 2.0, "us")};
  m.inject = {testing::inject_zone("z2", 1000.0, 6.0), testing::inject_component("api", 2000.0, 2)};
  return m;
}

void expect_same_figures(const RunResult& a, const RunResult& b) {
  EXPECT_EQ(a.availability.mean, b.availability.mean);
  EXPECT_EQ(a.availability.stderr_, b.availability.stderr_);
  EXPECT_EQ(a.outages, b.outages);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.common_cause_outages_per_year.mean, b.common_cause_outages_per_year.mean);
  ASSERT_EQ(a.causes.size(), b.causes.size());
  for (std::size_t k = 0; k < a.causes.size(); ++k) {
    EXPECT_EQ(a.causes[k].kind, b.causes[k].kind);
    EXPECT_EQ(a.causes[k].id, b.causes[k].id);
    EXPECT_EQ(a.causes[k].downtime_share, b.causes[k].downtime_share);
  }
  auto by_id = [](std::vector<ComponentResult> list) {
    std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.id < y.id; });
    return list;
  };
  const auto ca = by_id(a.components);
  const auto cb = by_id(b.components);
  for (std::size_t k = 0; k < ca.size(); ++k) {
    EXPECT_EQ(ca[k].id, cb[k].id);
    EXPECT_EQ(ca[k].availability, cb[k].availability);
    EXPECT_EQ(ca[k].downtime_share, cb[k].downtime_share);
    EXPECT_EQ(ca[k].mean_time_to_detect_hours, cb[k].mean_time_to_detect_hours);
    EXPECT_EQ(ca[k].undetected_failures_per_year, cb[k].undetected_failures_per_year);
    EXPECT_EQ(ca[k].mean_time_to_repair_hours, cb[k].mean_time_to_repair_hours);
  }
}

TEST(CanonicalOrder, PermutingTheFileChangesNoFigure) {
  const models::Model base = zoned_estate();
  const RunResult reference = run(base, threads(1));
  EXPECT_GT(reference.outages, 0);
  std::mt19937 shuffle(5);
  for (int k = 0; k < 4; ++k) {
    models::Model m = base;
    std::shuffle(m.components.begin(), m.components.end(), shuffle);
    std::shuffle(m.crews.begin(), m.crews.end(), shuffle);
    std::shuffle(m.dependencies.begin(), m.dependencies.end(), shuffle);
    std::shuffle(m.regions.begin(), m.regions.end(), shuffle);
    std::shuffle(m.zones.begin(), m.zones.end(), shuffle);
    expect_same_figures(reference, run(m, threads(2)));
  }
}

/// Life lengths (activation to failure) and repair durations of a hot single instance, read
/// off its trace: the draws themselves, not the event times.
struct Draws {
  std::vector<double> lives;
  std::vector<double> repairs;
};

Draws draws_of(const models::Model& m) {
  const TracedReplication t = trace_replication(m, 3);
  Draws d;
  double life_start = 0.0;
  double repair_start = 0.0;
  for (const TraceRow& row : t.trace.rows) {
    if (row.kind != SourceKind::kComponent) continue;
    if (row.event == TraceEvent::kFailure) d.lives.push_back(row.time_hours - life_start);
    if (row.event == TraceEvent::kRepairStart) repair_start = row.time_hours;
    if (row.event == TraceEvent::kRepairEnd) {
      d.repairs.push_back(row.time_hours - repair_start);
      life_start = row.time_hours;
    }
  }
  return d;
}

TEST(Streams, ANewDetectionLawLeavesFailureAndRepairDrawsUnchanged) {
  models::Model m = testing::single(pool("db", 1, 1, 100.0, 5.0), 5000.0, 10, 7);
  const Draws before = draws_of(m);
  m.components[0].detection = models::Exponential{0.5};
  const Draws after = draws_of(m);
  ASSERT_GT(before.repairs.size(), 10U);
  const std::size_t n = std::min(before.repairs.size(), after.repairs.size());
  for (std::size_t k = 0; k < n; ++k) {
    EXPECT_NEAR(before.lives[k], after.lives[k], 1e-9 * (1.0 + before.lives[k])) << k;
    EXPECT_NEAR(before.repairs[k], after.repairs[k], 1e-9 * (1.0 + before.repairs[k])) << k;
  }
}

/// Failure-to-detection delays of a hot single instance, in failure order, read off its trace.
std::vector<double> detection_delays(const models::Model& m) {
  const TracedReplication t = trace_replication(m, 3);
  std::vector<double> delays;
  double failed_at = 0.0;
  for (const TraceRow& row : t.trace.rows) {
    if (row.kind != SourceKind::kComponent) continue;
    if (row.event == TraceEvent::kFailure) failed_at = row.time_hours;
    if (row.event == TraceEvent::kDetection) delays.push_back(row.time_hours - failed_at);
  }
  return delays;
}

TEST(Streams, AHigherCoverageOnlyTurnsMissedFailuresIntoCaughtOnes) {
  // The k-th failure reads the k-th coin, detection and undetected values whatever the coverage:
  // at c = 1 every delay is the detection draw D_k, at c = 0 the undetected draw U_k; in between
  // each is one of the two, and every failure caught at c = 0.5 is caught at c = 0.8.
  models::Model m = testing::single(pool("db", 1, 1, 100.0, 5.0), 20000.0, 10, 7);
  m.components[0].detection = models::Exponential{0.5};
  m.components[0].undetected = models::Exponential{30.0};
  const auto at = [&](double c) {
    models::Model copy = m;
    copy.components[0].coverage = c;
    return detection_delays(copy);
  };
  const std::vector<double> caught = at(1.0);
  const std::vector<double> missed = at(0.0);
  const std::vector<double> half = at(0.5);
  const std::vector<double> most = at(0.8);
  const std::size_t n = std::min({caught.size(), missed.size(), half.size(), most.size()});
  ASSERT_GT(n, 20U);
  std::size_t caught_half = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const auto same = [](double x, double y) { return std::fabs(x - y) <= 1e-9 * (1.0 + y); };
    const bool half_caught = same(half[k], caught[k]);
    EXPECT_TRUE(half_caught || same(half[k], missed[k])) << k;
    EXPECT_TRUE(same(most[k], caught[k]) || same(most[k], missed[k])) << k;
    if (half_caught) {
      ++caught_half;
      EXPECT_TRUE(same(most[k], caught[k])) << k;
    }
  }
  EXPECT_GT(caught_half, 0U);
  EXPECT_LT(caught_half, n);
}

TEST(Invariants, IncrementalStateEqualsFromScratchAfterEveryBatch) {
  // Random DAGs with k-of-n lists, shared dependencies, crews, standby, zones and injections.
  std::mt19937 rng(2024);
  for (int trial = 0; trial < 12; ++trial) {
    models::Model m = zoned_estate();
    m.seed = static_cast<std::uint64_t>(trial);
    m.horizon_hours = 3000.0;
    const int extra = 3 + trial % 4;
    for (int k = 0; k < extra; ++k) {
      models::Component c = pool("x" + std::to_string(k), 1 + static_cast<int>(rng() % 4), 1,
                                 50.0 + static_cast<double>(rng() % 200), 2.0);
      c.min_up = 1 + static_cast<std::int64_t>(rng() % static_cast<unsigned>(c.instances));
      if (rng() % 3 == 0) c.zones = {"z1", "z3"};
      if (rng() % 4 == 0 && c.instances > c.min_up) {
        c.standby.mode = models::StandbyMode::kCold;
        c.detection = models::Exponential{0.3};
      }
      m.components.push_back(c);
      // Depended on by an earlier component (a DAG), sometimes as part of a k-of-n list.
      const std::string owner =
          k == 0 ? "cache" : "x" + std::to_string(rng() % static_cast<unsigned>(k));
      if (rng() % 2 == 0 && k > 0) {
        m.dependencies.push_back(testing::depends(owner, {"x" + std::to_string(k), "db"},
                                                  1 + static_cast<std::int64_t>(rng() % 2)));
      } else {
        m.dependencies.push_back(testing::depends(owner, {"x" + std::to_string(k)}));
      }
    }
    SCOPED_TRACE("trial " + std::to_string(trial));
    const RunTotals totals = testing::run_checking_every_batch(compile(m), 5);
    EXPECT_GT(totals.events, 0U);
  }
}

}  // namespace
}  // namespace nines::engine
