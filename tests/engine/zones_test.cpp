// Zones and regions against exact horizon values: pools of independent two-state units whose
// up-probabilities are known in closed form at every time, integrated over the horizon.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "../support/two_state_unit.hpp"
#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

RunOptions threads(int n) {
  RunOptions options;
  options.threads = n;
  return options;
}

using testing::pool;
using testing::region;
using testing::zone;

/// P(up at t) of a unit with exponential laws of these means that starts up.
double up_at(double mtbf, double mttr, double t) {
  return testing::up_at(1.0 / mtbf, 1.0 / mttr, t);
}

using testing::horizon_average;
using testing::two_of_three;

constexpr double kMtbf = 100.0;
constexpr double kMttr = 10.0;
constexpr double kZoneMtbf = 400.0;
constexpr double kZoneMttr = 25.0;
constexpr double kHorizon = 2000.0;

void expect_within_four_stderr(const RunResult& r, double exact) {
  EXPECT_NEAR(r.availability.mean, exact, 4.0 * r.availability.stderr_)
      << "exact " << exact << ", stderr " << r.availability.stderr_;
}

TEST(Zones, TwoOfThreeInOneZoneMatchesConditioningOnTheZone) {
  models::Model m = testing::single(pool("web", 3, 2, kMtbf, kMttr), kHorizon, 4000, 11);
  m.zones.push_back(zone("a", kZoneMtbf, kZoneMttr));
  m.components[0].zones = {"a"};
  const double exact = horizon_average(
      [](double t) {
        return up_at(kZoneMtbf, kZoneMttr, t) * two_of_three(up_at(kMtbf, kMttr, t));
      },
      kHorizon);
  expect_within_four_stderr(run(m, threads(2)), exact);
}

TEST(Zones, TwoOfThreeOverThreeZonesMatchesIndependentInstanceZonePairs) {
  models::Model m = testing::single(pool("web", 3, 2, kMtbf, kMttr), kHorizon, 4000, 12);
  for (const char* id : {"a", "b", "c"}) m.zones.push_back(zone(id, kZoneMtbf, kZoneMttr));
  m.components[0].zones = {"a", "b", "c"};
  const double exact = horizon_average(
      [](double t) {
        return two_of_three(up_at(kZoneMtbf, kZoneMttr, t) * up_at(kMtbf, kMttr, t));
      },
      kHorizon);
  const RunResult r = run(m, threads(2));
  expect_within_four_stderr(r, exact);
  ASSERT_EQ(r.zones.size(), 3U);
  EXPECT_NEAR(r.zones[0].availability,
              horizon_average([](double t) { return up_at(kZoneMtbf, kZoneMttr, t); }, kHorizon),
              0.01);
}

TEST(Zones, OneOfTwoOverTwoZonesOfOneRegion) {
  models::Model m = testing::single(pool("db", 2, 1, kMtbf, kMttr), kHorizon, 4000, 13);
  m.regions.push_back(region("eu", 1500.0, 30.0));
  m.zones.push_back(zone("eu-a", kZoneMtbf, kZoneMttr, "eu"));
  m.zones.push_back(zone("eu-b", kZoneMtbf, kZoneMttr, "eu"));
  m.components[0].placement = {{"eu-a", 1}, {"eu-b", 1}};
  const double exact = horizon_average(
      [](double t) {
        const double r = up_at(kZoneMtbf, kZoneMttr, t) * up_at(kMtbf, kMttr, t);
        return up_at(1500.0, 30.0, t) * (1.0 - (1.0 - r) * (1.0 - r));
      },
      kHorizon);
  const RunResult r = run(m, threads(2));
  expect_within_four_stderr(r, exact);
  // The region's outages take both zones' instances at once: common causes are counted only
  // when two or more pools go down, and there is one pool here.
  EXPECT_EQ(r.common_cause_outages_per_year.mean, 0.0);
  ASSERT_EQ(r.regions.size(), 1U);
  EXPECT_GT(r.regions[0].outages_caused, 0);
}

TEST(Zones, HotPoolsInZonesDrawTheSameDurationsAsWithout) {
  // Adding zones changes no instance stream: with zones that never fail within the horizon the
  // figures are those of the model without zones, exactly.
  models::Model plain = testing::single(pool("web", 3, 2, kMtbf, kMttr), kHorizon, 200, 14);
  models::Model zoned = plain;
  zoned.zones.push_back(zone("a", 1e12, 1.0));
  zoned.zones.push_back(zone("b", 1e12, 1.0));
  zoned.components[0].zones = {"a", "b"};
  const RunResult a = run(plain, threads(1));
  const RunResult b = run(zoned, threads(2));
  EXPECT_EQ(a.availability.mean, b.availability.mean);
  EXPECT_EQ(a.outages, b.outages);
  EXPECT_EQ(a.events, b.events);  // zones that never fail add no event
}

}  // namespace
}  // namespace nines::engine
