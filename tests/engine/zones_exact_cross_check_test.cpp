// The simulator against `nines analyze` on zoned models: the simulated availability and outage
// rate of models with zones and regions lie within 4 standard errors of the exact horizon values.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "exact_checks.hpp"
#include "model_builders.hpp"
#include "nines/analysis/system_analysis.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

using testing::depends;
using testing::pool;
using testing::region;
using testing::zone;

using testing::expect_within_4_se;

RunResult simulate(const models::Model& model) {
  RunOptions options;
  options.threads = 2;
  return run(model, options);
}

/// A web tier (2 of 3 over three zones) needing a crewed database pair in one zone and a cold
/// standby cache pair in another; two of the zones share a region.
models::Model zoned_shop() {
  models::Model m = testing::single(pool("web", 3, 2, 300.0, 5.0), 4000.0, 6000, 21);
  m.regions.push_back(region("eu", 2000.0, 40.0));
  m.zones.push_back(zone("eu-a", 600.0, 20.0, "eu"));
  m.zones.push_back(zone("eu-b", 800.0, 10.0, "eu"));
  m.zones.push_back(zone("us-a", 500.0, 30.0));
  m.components[0].zones = {"eu-a", "eu-b", "us-a"};
  models::Component db = pool("db", 2, 1, 200.0, 20.0);
  db.crew = "oncall";
  db.zones = {"eu-a"};
  models::Component cache = pool("cache", 2, 1, 150.0, 10.0);
  cache.standby.mode = models::StandbyMode::kCold;
  cache.standby.switchover = models::Exponential{0.5};
  cache.placement = {{"us-a", 2}};
  m.components.push_back(db);
  m.components.push_back(cache);
  m.crews.push_back({"oncall", 1});
  m.dependencies = {depends("web", {"db"}), depends("web", {"cache"})};
  return m;
}

TEST(ZonesExactCrossCheck, SimulationMatchesTheHorizonValueOfAnalyze) {
  const models::Model m = zoned_shop();
  const analysis::Analysis exact = analysis::analyze(m);
  ASSERT_TRUE(exact.horizon_availability.has_value()) << exact.horizon_note;
  EXPECT_EQ(exact.domain_patterns, 16U);
  const RunResult r = simulate(m);
  expect_within_4_se(r.availability, *exact.horizon_availability);
  expect_within_4_se(r.outages_per_year, *exact.horizon_outages_per_year);
}

TEST(ZonesExactCrossCheck, LongRunMatchesTheSteadyStateWithNonExponentialZones) {
  // A zone with a lognormal repair: only its mean matters in the long run.
  models::Model m = testing::single(pool("web", 3, 2, 300.0, 5.0), 200 * 8760.0, 300, 22);
  m.zones.push_back(zone("a", 900.0, 1.0));
  m.zones.push_back(zone("b", 700.0, 1.0));
  const double sigma = 0.8;
  m.zones[0].repair = models::Lognormal{std::log(12.0) - sigma * sigma / 2.0, sigma};
  m.zones[1].failure = models::Weibull{2.0, 700.0 / std::tgamma(1.5)};
  m.components[0].zones = {"a", "b"};
  const analysis::Analysis exact = analysis::analyze(m);
  EXPECT_FALSE(exact.horizon_availability.has_value());
  const RunResult r = simulate(m);
  expect_within_4_se(r.availability, exact.availability);
  expect_within_4_se(r.outages_per_year, exact.outages_per_year);
}

}  // namespace
}  // namespace nines::engine
