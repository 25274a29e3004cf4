// Recovery after trigger episodes and metastability (recovery_episodes.cpp), on hand-worked
// timelines: injections are the triggers, fixed laws make every history the same.
#include <gtest/gtest.h>

#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

RunOptions one_thread() {
  RunOptions options;
  options.threads = 1;
  return options;
}

models::Injection inject(const std::string& id, double at, std::optional<double> for_hours) {
  return {at, models::Injection::Target::kComponent, id, 1, for_hours};
}

/// `a` never fails and needs `b`, which fails after exactly 10.5 h of life and is repaired in
/// exactly 3 h: b is down [10.5, 13.5), [24, 27), [37.5, 40.5) in every history. A load, no
/// injection yet.
models::Model front_and_back(double horizon_hours) {
  models::Component a = testing::pool("a", 1, 1);
  a.failure = models::Never{};
  models::Component b = testing::pool("b", 1, 1);
  b.failure = models::Fixed{10.5};
  b.repair = models::Fixed{3.0};
  models::Model m = testing::single(a, horizon_hours, 2);
  m.components.push_back(b);
  m.dependencies.push_back(testing::depends("a", {"b"}));
  m.load = models::Load{};
  m.load->rps = 10.0;
  return m;
}

TEST(RecoveryEpisodes, RecoveryRunsFromTheEpisodesEndUntilTheSystemIsUp) {
  // Trigger [10, 11) (a held down); b fails at 10.5, so the system is still down at 11 and
  // comes up at 13.5: a recovery of 2.5 h, above metastable_after (1 h).
  models::Model m = front_and_back(48.0);
  m.inject.push_back(inject("a", 10.0, 1.0));
  const RunResult r = run(m, one_thread());
  ASSERT_TRUE(r.recovery_hours.has_value());
  EXPECT_EQ(r.recovery_hours->count, 2);  // one per history
  EXPECT_EQ(r.recovery_hours->cut_at_horizon, 0);
  EXPECT_DOUBLE_EQ(r.recovery_hours->mean_hours, 2.5);
  EXPECT_DOUBLE_EQ(r.recovery_hours->max_hours, 2.5);
  EXPECT_DOUBLE_EQ(r.recovery_hours->p90_hours, 2.5);
  ASSERT_TRUE(r.metastable_per_year.has_value());
  EXPECT_DOUBLE_EQ(r.metastable_per_year->mean, models::kHoursPerYear / 48.0);
  // With metastable_after 3 h the same recovery is not metastable.
  m.load->metastable_after_hours = 3.0;
  EXPECT_EQ(run(m, one_thread()).metastable_per_year->mean, 0.0);
}

TEST(RecoveryEpisodes, TouchingTriggersFormOneEpisode) {
  // [10, 11) and [11, 12): one episode ending at 12, recovered at 13.5 (1.5 h).
  models::Model m = front_and_back(48.0);
  m.inject.push_back(inject("a", 10.0, 1.0));
  m.inject.push_back(inject("a", 11.0, 1.0));
  const RunResult r = run(m, one_thread());
  ASSERT_TRUE(r.recovery_hours.has_value());
  EXPECT_EQ(r.recovery_hours->count, 2);
  EXPECT_DOUBLE_EQ(r.recovery_hours->mean_hours, 1.5);
  // Overlapping ones too: [10, 12) and [11, 11.5) end at 12.
  models::Model overlapping = front_and_back(48.0);
  overlapping.inject.push_back(inject("a", 10.0, 2.0));
  overlapping.inject.push_back(inject("a", 11.0, 0.5));
  const RunResult o = run(overlapping, one_thread());
  EXPECT_EQ(o.recovery_hours->count, 2);
  EXPECT_DOUBLE_EQ(o.recovery_hours->mean_hours, 1.5);
}

TEST(RecoveryEpisodes, ARecoveryRunningAtTheHorizonIsCutThereAndCounts) {
  // Horizon 12.5: the recovery from 11 is cut at 1.5 h, still above 1 h.
  models::Model m = front_and_back(12.5);
  m.inject.push_back(inject("a", 10.0, 1.0));
  const RunResult r = run(m, one_thread());
  ASSERT_TRUE(r.recovery_hours.has_value());
  EXPECT_EQ(r.recovery_hours->cut_at_horizon, 2);
  EXPECT_DOUBLE_EQ(r.recovery_hours->mean_hours, 1.5);
  EXPECT_DOUBLE_EQ(r.metastable_per_year->mean, models::kHoursPerYear / 12.5);
  // An episode still running at the horizon has no recovery.
  models::Model running = front_and_back(10.75);
  running.inject.push_back(inject("a", 10.0, 1.0));
  const RunResult q = run(running, one_thread());
  EXPECT_FALSE(q.recovery_hours.has_value());
  EXPECT_EQ(q.metastable_per_year->mean, 0.0);
}

TEST(RecoveryEpisodes, AnInjectionWithoutForEndsWhenWhatItTookIsRepaired) {
  // b injected at 5 h without `for`: failed, repaired at 8 h (its 3 h repair); the system is up
  // then, so the recovery is 0. b's later failures are no trigger.
  models::Model m = front_and_back(48.0);
  m.inject.push_back(inject("b", 5.0, std::nullopt));
  const RunResult r = run(m, one_thread());
  ASSERT_TRUE(r.recovery_hours.has_value());
  EXPECT_EQ(r.recovery_hours->count, 2);
  EXPECT_EQ(r.recovery_hours->max_hours, 0.0);
  EXPECT_EQ(r.metastable_per_year->mean, 0.0);
  // A recovery of 0 is not above a metastable_after of 0.
  m.load->metastable_after_hours = 0.0;
  EXPECT_EQ(run(m, one_thread()).metastable_per_year->mean, 0.0);
}

TEST(RecoveryEpisodes, NullWithoutInjectionsOrWithoutALoad) {
  const RunResult no_inject = run(front_and_back(48.0), one_thread());
  EXPECT_FALSE(no_inject.recovery_hours.has_value());
  EXPECT_FALSE(no_inject.metastable_per_year.has_value());
  models::Model no_load = front_and_back(48.0);
  no_load.load.reset();
  no_load.inject.push_back(inject("a", 10.0, 1.0));
  const RunResult r = run(no_load, one_thread());
  EXPECT_FALSE(r.recovery_hours.has_value());
  EXPECT_FALSE(r.metastable_per_year.has_value());
  // The episodes change no other figure.
  models::Model with_load = no_load;
  with_load.load = models::Load{};
  const RunResult l = run(with_load, one_thread());
  EXPECT_EQ(l.availability.mean, r.availability.mean);
  EXPECT_EQ(l.events, r.events);
  EXPECT_EQ(l.outages, r.outages);
}

}  // namespace
}  // namespace nines::engine
