// Scheduled deploys against timelines worked out by hand (issue 10, section 8): fixed laws make
// every outage's start, length and cause known in advance.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "batch_check.hpp"
#include "exact_checks.hpp"
#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/replication_simulator.hpp"
#include "nines/engine/trace_run.hpp"

namespace nines::engine {
namespace {

using testing::fixed_pool;

constexpr double kMinute = 1.0 / 60.0;
constexpr double kBeyond = 1e7;  // a fixed life past every horizon used here

models::Deploys bad_deploys(models::DeployStrategy strategy, double detection_hours,
                            double rollback_hours, double bad_probability = 1.0) {
  models::Deploys d;
  d.period_hours = 168.0;
  d.bad_probability = bad_probability;
  d.strategy = strategy;
  d.detection = models::Fixed{detection_hours};
  d.rollback = models::Fixed{rollback_hours};
  return d;
}

models::Model with_deploys(models::Component c, const models::Deploys& deploys, double horizon,
                           std::int64_t replications, std::uint64_t seed = 7) {
  c.deploys = deploys;
  return testing::single(std::move(c), horizon, replications, seed);
}

RunResult run_one_thread(const models::Model& m) {
  RunOptions options;
  options.threads = 1;
  return run(m, options);
}

/// Every outage lasts `hours`: the mean and the longest (both exact) equal it.
void expect_every_outage_lasts(const RunResult& r, double hours) {
  ASSERT_TRUE(r.outage_duration.has_value());
  EXPECT_NEAR(r.outage_duration->mean_hours, hours, 1e-9);
  EXPECT_NEAR(r.outage_duration->max_hours, hours, 1e-9);
}

/// Deploys due before `horizon`: first_at + k period < horizon.
std::int64_t due_count(double first_at, double period, double horizon) {
  std::int64_t count = 0;
  while (first_at + static_cast<double>(count) * period < horizon) ++count;
  return count;
}

TEST(Deploys, AllAtOnceBadDeploysCauseOneOutageOfDetectionPlusRollbackEach) {
  const double detection = 0.5;
  const double rollback = 0.25;
  const double p = 0.3;
  const double horizon = 8760.0;
  const models::Model m = with_deploys(
      fixed_pool("web", 3, 2, kBeyond, 1.0),
      bad_deploys(models::DeployStrategy::kAllAtOnce, detection, rollback, p), horizon, 2000);
  const RunResult r = run_one_thread(m);
  const double deploys_per_year =
      static_cast<double>(due_count(168.0, 168.0, horizon)) * models::kHoursPerYear / horizon;
  testing::expect_within_4_se(r.outages_per_year, deploys_per_year * p);
  expect_every_outage_lasts(r, detection + rollback);
  const ComponentResult& web = r.components.at(0);
  EXPECT_DOUBLE_EQ(*web.restarts_per_year, deploys_per_year * 3.0);
  EXPECT_DOUBLE_EQ(*web.deploy_downtime_share, 1.0);
  EXPECT_DOUBLE_EQ(*web.deploys_skipped_per_year, 0.0);
  // Bad deploys per year equal the outages per year: each bad one causes exactly one.
  EXPECT_DOUBLE_EQ(*web.bad_deploys_per_year, r.outages_per_year.mean);
  ASSERT_FALSE(r.causes.empty());
  EXPECT_EQ(r.causes[0].kind, "deploy");
  EXPECT_EQ(r.causes[0].id, "web");
}

TEST(Deploys, RollingOutageRunsFromTheBatchLeavingThreeServingToTheRollbacksEnd) {
  // Six instances, four needed, one per 5 minutes: the batch at 10 minutes leaves three serving.
  models::Deploys d = bad_deploys(models::DeployStrategy::kRolling, 12 * kMinute, 20 * kMinute);
  d.batch = 1;
  d.batch_interval_hours = 5 * kMinute;
  const double horizon = 1000.0;
  const models::Model m = with_deploys(fixed_pool("web", 6, 4, kBeyond, 1.0), d, horizon, 3);
  const RunResult r = run_one_thread(m);
  const auto deploys = static_cast<double>(due_count(168.0, 168.0, horizon));
  EXPECT_DOUBLE_EQ(r.outages_per_year.mean, deploys * models::kHoursPerYear / horizon);
  expect_every_outage_lasts(r, (12.0 + 20.0 - 10.0) * kMinute);
  // Reached: three instances per deploy (0, 5, 10 minutes); the verdict stops the rest.
  EXPECT_DOUBLE_EQ(*r.components[0].restarts_per_year,
                   3.0 * deploys * models::kHoursPerYear / horizon);
}

TEST(Deploys, RollingVerdictAtTheThirdBatchStopsItSoNoOutage) {
  models::Deploys d = bad_deploys(models::DeployStrategy::kRolling, 10 * kMinute, 20 * kMinute);
  d.batch_interval_hours = 5 * kMinute;
  const double horizon = 1000.0;
  const RunResult r =
      run_one_thread(with_deploys(fixed_pool("web", 6, 4, kBeyond, 1.0), d, horizon, 3));
  EXPECT_EQ(r.outages_per_year.mean, 0.0);
  const auto deploys = static_cast<double>(due_count(168.0, 168.0, horizon));
  EXPECT_DOUBLE_EQ(*r.components[0].restarts_per_year,
                   2.0 * deploys * models::kHoursPerYear / horizon);
}

models::Deploys canary(double detection_hours) {
  models::Deploys d = bad_deploys(models::DeployStrategy::kCanary, detection_hours, 20 * kMinute);
  d.canary_fraction = 0.2;  // two of ten
  d.bake_hours = 30 * kMinute;
  d.batch_interval_hours = 5 * kMinute;
  return d;
}

TEST(Deploys, CanaryWithinTheSpareCapacityAndAVerdictBeforeTheBakeNeverCausesAnOutage) {
  const RunResult r = run_one_thread(
      with_deploys(fixed_pool("web", 10, 8, kBeyond, 1.0), canary(10 * kMinute), 2000.0, 3));
  EXPECT_EQ(r.outages_per_year.mean, 0.0);
  EXPECT_GT(*r.components[0].bad_deploys_per_year, 0.0);
}

TEST(Deploys, CanaryWithAVerdictAfterTheBakeCausesTheOutagesCountedByHand) {
  // Canary 0-1 at due; the rest from due + 30 min, one per 5 min: instance 2 at 30 min leaves
  // seven serving (outage), 3 at 35 min; the verdict at 40 min stops the batch due then.
  const double horizon = 2000.0;
  const RunResult r = run_one_thread(
      with_deploys(fixed_pool("web", 10, 8, kBeyond, 1.0), canary(40 * kMinute), horizon, 3));
  const auto deploys = static_cast<double>(due_count(168.0, 168.0, horizon));
  EXPECT_DOUBLE_EQ(r.outages_per_year.mean, deploys * models::kHoursPerYear / horizon);
  expect_every_outage_lasts(r, (40.0 + 20.0 - 30.0) * kMinute);
  EXPECT_DOUBLE_EQ(*r.components[0].restarts_per_year,
                   4.0 * deploys * models::kHoursPerYear / horizon);
}

models::Deploys good(models::DeployStrategy strategy, double restart_hours) {
  models::Deploys d;
  d.period_hours = 168.0;
  d.strategy = strategy;
  d.batch_interval_hours = 1.0;
  d.restart = models::Fixed{restart_hours};
  return d;
}

TEST(Deploys, AGoodAllAtOnceDeployCausesOneOutageOfTheRestartEach) {
  const double horizon = 2000.0;
  const RunResult r = run_one_thread(
      with_deploys(fixed_pool("web", 3, 2, kBeyond, 1.0),
                   good(models::DeployStrategy::kAllAtOnce, 2 * kMinute), horizon, 3));
  const auto deploys = static_cast<double>(due_count(168.0, 168.0, horizon));
  EXPECT_DOUBLE_EQ(r.outages_per_year.mean, deploys * models::kHoursPerYear / horizon);
  expect_every_outage_lasts(r, 2 * kMinute);
  EXPECT_DOUBLE_EQ(*r.components[0].bad_deploys_per_year, 0.0);
}

TEST(Deploys, ARollingRestartWithASpareCausesNoOutage) {
  const RunResult r =
      run_one_thread(with_deploys(fixed_pool("web", 3, 2, kBeyond, 1.0),
                                  good(models::DeployStrategy::kRolling, 0.5), 2000.0, 3));
  EXPECT_EQ(r.outages_per_year.mean, 0.0);
}

TEST(Deploys, AFailureDuringARestartIsChargedToTheComponent) {
  // Both instances fail at 200 h (fixed lives); instance 0 restarts from 199.75 h to 200.25 h.
  models::Deploys d = good(models::DeployStrategy::kRolling, 0.5);
  d.first_at_hours = 199.75;
  d.period_hours = 1e6;
  const RunResult r =
      run_one_thread(with_deploys(fixed_pool("web", 2, 1, 200.0, 10.0), d, 250.0, 1));
  ASSERT_EQ(r.causes.size(), 1U);
  EXPECT_EQ(r.causes[0].kind, "component");
  expect_every_outage_lasts(r, 10.0);
}

TEST(Deploys, ABatchAfterAFailureIsChargedToTheDeploy) {
  // Cold pair: instance 0 fails at 100 h and instance 1 takes over at once; the deploy at 105 h
  // reaches instance 1 only (0 is in repair until 110 h): down for its 1 h restart.
  models::Component c = fixed_pool("db", 2, 1, 100.0, 10.0);
  c.standby.mode = models::StandbyMode::kCold;
  models::Deploys d = good(models::DeployStrategy::kAllAtOnce, 1.0);
  d.first_at_hours = 105.0;
  d.period_hours = 1e6;
  const RunResult r = run_one_thread(with_deploys(c, d, 150.0, 1));
  ASSERT_EQ(r.causes.size(), 1U);
  EXPECT_EQ(r.causes[0].kind, "deploy");
  EXPECT_EQ(r.causes[0].id, "db");
  expect_every_outage_lasts(r, 1.0);
}

TEST(Deploys, EveryOtherDeployIsSkippedWhileTheBadOneBeforeItRuns) {
  // Period 10 h; each bad deploy runs detection + rollback = 14 h: due at 10, 20, ..., 90 h, the
  // ones at 20, 40, 60, 80 h are skipped.
  models::Deploys d = bad_deploys(models::DeployStrategy::kAllAtOnce, 8.0, 6.0);
  d.period_hours = 10.0;
  const double horizon = 100.0;
  const RunResult r =
      run_one_thread(with_deploys(fixed_pool("web", 2, 1, kBeyond, 1.0), d, horizon, 2));
  const double per_year = models::kHoursPerYear / horizon;
  EXPECT_DOUBLE_EQ(*r.components[0].deploys_skipped_per_year, 4.0 * per_year);
  EXPECT_DOUBLE_EQ(*r.components[0].bad_deploys_per_year, 5.0 * per_year);
}

TEST(Deploys, ADeployDueAsThePreviousOneEndsRuns) {
  // 12 + 8 = 20 h = two periods: the deploy due at 30 h comes as the one of 10 h ends.
  models::Deploys d = bad_deploys(models::DeployStrategy::kAllAtOnce, 12.0, 8.0);
  d.period_hours = 10.0;
  const double horizon = 100.0;
  const RunResult r =
      run_one_thread(with_deploys(fixed_pool("web", 2, 1, kBeyond, 1.0), d, horizon, 2));
  const double per_year = models::kHoursPerYear / horizon;
  EXPECT_DOUBLE_EQ(*r.components[0].deploys_skipped_per_year, 4.0 * per_year);
  EXPECT_DOUBLE_EQ(*r.components[0].bad_deploys_per_year, 5.0 * per_year);
}

/// The times of the verdicts "bad" in replication `rep`.
std::vector<double> verdicts(const models::Model& m, std::uint64_t rep) {
  std::vector<double> times;
  for (const TraceRow& row : trace_replication(m, rep).trace.rows) {
    if (row.event == TraceEvent::kDeployBad) times.push_back(row.time_hours);
  }
  return times;
}

std::vector<double> failures(const models::Model& m, std::uint64_t rep) {
  std::vector<double> times;
  for (const TraceRow& row : trace_replication(m, rep).trace.rows) {
    if (row.event == TraceEvent::kFailure) times.push_back(row.time_hours);
  }
  return times;
}

models::Model stream_model(models::DeployStrategy strategy, double p, bool with) {
  models::Component c = testing::pool("web", 6, 4, 300.0, 2.0);
  models::Deploys d;
  d.period_hours = 24.0;
  d.bad_probability = p;
  d.strategy = strategy;
  d.batch = 2;
  d.batch_interval_hours = 0.1;
  d.canary_fraction = 0.2;
  d.bake_hours = 0.5;
  d.detection = models::Exponential{0.3};
  d.rollback = models::Exponential{0.2};
  d.restart = models::Exponential{0.05};
  if (with) c.deploys = d;
  return testing::single(c, 2000.0, 1, 99);
}

TEST(Deploys, StrategiesShareTheirBadDeploysAndAHigherProbabilityOnlyAddsSome) {
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    const auto all = verdicts(stream_model(models::DeployStrategy::kAllAtOnce, 0.1, true), rep);
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(verdicts(stream_model(models::DeployStrategy::kRolling, 0.1, true), rep), all);
    EXPECT_EQ(verdicts(stream_model(models::DeployStrategy::kCanary, 0.1, true), rep), all);
    const auto fewer = verdicts(stream_model(models::DeployStrategy::kAllAtOnce, 0.05, true), rep);
    EXPECT_LT(fewer.size(), all.size());
    EXPECT_TRUE(std::includes(all.begin(), all.end(), fewer.begin(), fewer.end()));
  }
}

TEST(Deploys, AddingDeploysMovesNoFailure) {
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    EXPECT_EQ(failures(stream_model(models::DeployStrategy::kRolling, 0.1, true), rep),
              failures(stream_model(models::DeployStrategy::kRolling, 0.1, false), rep));
  }
}

TEST(Deploys, IncrementalStateMatchesTheFullCheckAfterEveryBatch) {
  for (const auto mode :
       {models::StandbyMode::kHot, models::StandbyMode::kWarm, models::StandbyMode::kCold}) {
    for (const auto strategy :
         {models::DeployStrategy::kAllAtOnce, models::DeployStrategy::kRolling,
          models::DeployStrategy::kCanary}) {
      models::Model m = stream_model(strategy, 0.3, true);
      m.components[0].standby.mode = mode;
      if (mode == models::StandbyMode::kWarm) {
        m.components[0].standby.dormant_failure = models::Exponential{600.0};
      }
      m.components[0].detection = models::Exponential{0.2};
      m.zones.push_back(testing::zone("a", 400.0, 5.0));
      m.zones.push_back(testing::zone("b", 400.0, 5.0));
      m.components[0].zones = {"a", "b"};
      testing::run_checking_every_batch(compile(m), 3);
    }
  }
}

}  // namespace
}  // namespace nines::engine
