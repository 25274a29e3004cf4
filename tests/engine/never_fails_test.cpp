// A component whose failure is "never": the engine schedules no failure for it, so it is up
// unless a zone, a region or an injection blocks it, and it causes no outage of its own.
#include <gtest/gtest.h>

#include "../support/two_state_unit.hpp"
#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"

namespace nines::engine {
namespace {

using testing::depends;
using testing::pool;
using testing::single;
using testing::zone;

models::Component never_fails(std::string id, std::int64_t instances = 1) {
  models::Component c;
  c.id = std::move(id);
  c.instances = instances;
  c.min_up = instances;
  c.failure = models::Never{};
  return c;
}

const ComponentResult& component(const RunResult& r, const std::string& id) {
  for (const auto& c : r.components) {
    if (c.id == id) return c;
  }
  throw std::runtime_error("no component " + id);
}

TEST(NeverFails, AloneItIsUpTheWholeHorizonWithoutAnEvent) {
  const RunResult r = run(single(never_fails("users", 3), 8760.0, 50, 5));
  EXPECT_EQ(r.availability.mean, 1.0);
  EXPECT_EQ(r.availability.stderr_, 0.0);
  EXPECT_EQ(r.outages, 0);
  EXPECT_EQ(r.events, 0u);
  EXPECT_EQ(component(r, "users").availability, 1.0);
}

TEST(NeverFails, InSeriesItChangesNoFigureOfWhatItDependsOn) {
  // users -> web: the system is up exactly when web is, on web's own streams (its draws come
  // from its id, not from what else the model holds), so every figure equals web's alone.
  const models::Model alone = single(pool("web", 2, 1, 300.0, 20.0), 2000.0, 400, 9);
  models::Model series = alone;
  series.components.insert(series.components.begin(), never_fails("users"));
  series.entry = "users";
  series.dependencies.push_back(depends("users", {"web"}));
  const RunResult a = run(alone);
  const RunResult s = run(series);
  EXPECT_GT(a.outages, 0);
  EXPECT_EQ(s.availability.mean, a.availability.mean);
  EXPECT_EQ(s.outages, a.outages);
  EXPECT_EQ(s.events, a.events);
  const ComponentResult& users = component(s, "users");
  EXPECT_EQ(users.availability, 1.0);
  EXPECT_NEAR(users.service_availability, s.availability.mean, 1e-12);  // summed apart
  EXPECT_EQ(users.outages_caused, 0);
  EXPECT_EQ(users.downtime_share, 0.0);
  EXPECT_EQ(component(s, "web").outages_caused, s.outages);
  for (const auto& cause : s.causes) EXPECT_NE(cause.id, "users");
}

TEST(NeverFails, ItsZoneStillBlocksIt) {
  constexpr double kZoneMtbf = 400.0;
  constexpr double kZoneMttr = 25.0;
  constexpr double kHorizon = 2000.0;
  models::Model m = single(never_fails("gate"), kHorizon, 4000, 13);
  m.zones.push_back(zone("a", kZoneMtbf, kZoneMttr));
  m.components[0].zones = {"a"};
  const RunResult r = run(m);
  const double exact = testing::horizon_average(
      [](double t) { return testing::up_at(1.0 / kZoneMtbf, 1.0 / kZoneMttr, t); }, kHorizon);
  EXPECT_LT(r.availability.mean, 1.0);
  EXPECT_NEAR(r.availability.mean, exact, 4.0 * r.availability.stderr_);
  EXPECT_EQ(component(r, "gate").outages_caused, 0);
}

TEST(NeverFails, AnInjectionWithForHoldsItDown) {
  models::Model m = single(never_fails("gate"), 100.0, 3, 1);
  m.inject.push_back(
      models::Injection{10.0, models::Injection::Target::kComponent, "gate", 1, 5.0});
  const RunResult r = run(m);
  EXPECT_DOUBLE_EQ(r.availability.mean, 0.95);
  EXPECT_EQ(r.outages, 3);
}

}  // namespace
}  // namespace nines::engine
