// Hand-worked timelines with fixed laws: injections, standby across zones, root causes and
// common causes, checked event by event in the trace.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model_builders.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/trace_run.hpp"

namespace nines::engine {
namespace {

using testing::fixed_pool;

/// "time kind:id#instance event" per row, e.g. "10 component:web#0 failure".
std::vector<std::string> rows_of(const TracedReplication& t) {
  std::vector<std::string> out;
  for (const TraceRow& row : t.trace.rows) {
    std::string line = std::to_string(row.time_hours);
    line.erase(line.find_last_not_of('0') + 1);
    if (line.back() == '.') line.pop_back();
    const char* kinds[] = {"component", "zone", "region", "inject"};
    line += std::string(" ") + kinds[static_cast<int>(row.kind)] + ":" +
            trace_source_id(t.compiled, row);
    if (row.instance >= 0) line += "#" + std::to_string(row.instance);
    line += " " + std::string(trace_event_name(row.event));
    out.push_back(line);
  }
  return out;
}

models::Model model_of(std::vector<models::Component> components, double horizon = 100.0) {
  models::Model m;
  m.name = "timeline";
  m.horizon_hours = horizon;
  m.replications = 1;
  m.entry = components.front().id;
  m.components = std::move(components);
  return m;
}

TEST(Timeline, ComponentInjectionsWithAndWithoutForFewerQualifyingAndAtTheHorizon) {
  // web: 3 hot instances, 2 needed, never failing on their own; detection 0.5 h, repair 2 h.
  models::Model m = model_of({fixed_pool("web", 3, 2, 1e6, 2.0, 0.5)});
  m.inject = {testing::inject_component("web", 10.0, 2),
              testing::inject_component("web", 20.0, 5, 1.0),
              testing::inject_component("web", 100.0, 1)};
  const TracedReplication t = trace_replication(m, 0);
  const std::vector<std::string> expected = {
      "10 inject:web inject-start",        "10 component:web#0 failure",
      "10 component:web#1 failure",        "10.5 component:web#0 detection",
      "10.5 component:web#0 repair-start", "10.5 component:web#1 detection",
      "10.5 component:web#1 repair-start", "12.5 component:web#0 repair-end",
      "12.5 component:web#1 repair-end",   "20 inject:web inject-start",
      "20 component:web#0 block",          "20 component:web#1 block",
      "20 component:web#2 block",          "21 inject:web inject-end",
      "21 component:web#0 unblock",        "21 component:web#1 unblock",
      "21 component:web#2 unblock",
  };
  EXPECT_EQ(rows_of(t), expected);
  // Down 10 .. 12.5 and 20 .. 21, both charged to the injection.
  EXPECT_DOUBLE_EQ(t.trace.downtime_hours, 3.5);
  EXPECT_EQ(t.trace.outages, 2U);
  ASSERT_EQ(t.result.causes.size(), 1U);
  EXPECT_EQ(t.result.causes[0].kind, "inject");
  EXPECT_EQ(t.result.causes[0].id, "web");
  EXPECT_EQ(t.result.causes[0].outages_caused, 2);
  EXPECT_EQ(t.result.components[0].outages_caused, 0);
  // system_up is the state after each batch; the cause sits on the row that began the outage.
  EXPECT_FALSE(t.trace.rows[0].system_up);
  EXPECT_EQ(t.trace.rows[0].cause, 1);  // web is cause 0, the injection target 1
  EXPECT_TRUE(t.trace.rows[7].system_up);
}

/// db: cold 1-of-2, one instance in zone a, one in b; never failing on its own, detection
/// 0.1 h, switchover 0.05 h. Zones never fail on their own.
models::Model standby_across_zones(double block_hours) {
  models::Component db = fixed_pool("db", 2, 1, 1e6, 1.0, 0.1);
  db.standby.mode = models::StandbyMode::kCold;
  db.standby.switchover = models::Fixed{0.05};
  db.zones = {"a", "b"};
  models::Model m = model_of({db}, 200.0);
  for (const char* id : {"a", "b"}) {
    models::Zone z;
    z.id = id;
    z.failure = models::Fixed{1e6};
    z.repair = models::Fixed{1.0};
    m.zones.push_back(z);
  }
  m.inject = {testing::inject_zone("a", 100.0, block_hours)};
  return m;
}

TEST(Timeline, StandbyAcrossZonesSwitchesOverOnceTheBlockIsDetected) {
  const TracedReplication t = trace_replication(standby_across_zones(2.0), 0);
  const std::vector<std::string> expected = {
      "100 inject:a inject-start",
      "100 component:db#0 block",
      "100.1 component:db#0 block-detection",
      "100.1 component:db#1 switchover-start",
      "100.15 component:db#1 switchover-ok",
      "102 inject:a inject-end",
      "102 component:db#0 unblock",
      // Rule 5: db#1 serves, so the unblocked db#0 goes idle.
      "102 component:db#0 standby",
  };
  EXPECT_EQ(rows_of(t), expected);
  // Down from the block to the switchover's end: detection 0.1 h plus switchover 0.05 h.
  EXPECT_NEAR(t.trace.downtime_hours, 0.15, 1e-12);
  EXPECT_EQ(t.trace.outages, 1U);
  ASSERT_EQ(t.result.causes.size(), 1U);
  EXPECT_EQ(t.result.causes[0].kind, "inject");
  EXPECT_EQ(t.result.causes[0].id, "a");
  // Zone a was held down 2 h of 200.
  EXPECT_NEAR(t.result.zones[0].availability, 0.99, 1e-12);
  EXPECT_EQ(t.result.zones[1].availability, 1.0);
}

TEST(Timeline, ABlockShorterThanDetectionJustEnds) {
  const TracedReplication t = trace_replication(standby_across_zones(0.05), 0);
  const std::vector<std::string> expected = {
      "100 inject:a inject-start",
      "100 component:db#0 block",
      "100.05 inject:a inject-end",
      "100.05 component:db#0 unblock",
  };
  EXPECT_EQ(rows_of(t), expected);
  EXPECT_NEAR(t.trace.downtime_hours, 0.05, 1e-12);
}

TEST(Timeline, TheFirstPoolTakingLossIsChargedTheWholeOutage) {
  // api needs db. api fails at 10 (back at 11); db fails at 10.5 (back at 15.5): one outage
  // 10 .. 15.5, charged to api even though api recovered first.
  models::Component api = fixed_pool("api", 1, 1, 10.0, 1.0);
  models::Component db = fixed_pool("db", 1, 1, 10.5, 5.0);
  models::Model m = model_of({api, db}, 18.0);
  m.dependencies.push_back(testing::depends("api", {"db"}));
  const TracedReplication t = trace_replication(m, 0);
  EXPECT_DOUBLE_EQ(t.trace.downtime_hours, 5.5);
  EXPECT_EQ(t.trace.outages, 1U);
  ASSERT_EQ(t.result.causes.size(), 1U);
  EXPECT_EQ(t.result.causes[0].id, "api");
  EXPECT_DOUBLE_EQ(t.result.causes[0].downtime_share, 1.0);
  EXPECT_EQ(t.result.common_cause_outages_per_year.mean, 0.0);
}

TEST(Timeline, SameInstantLossesGoInIdOrderWhateverTheFileOrder) {
  // Both fail at 10 exactly. Losses apply by id: "a" first, and its pool stays down, so "a" is
  // the root cause; both pools went down in the starting batch: a common-cause outage.
  for (bool reversed : {false, true}) {
    models::Component a = fixed_pool("a", 1, 1, 10.0, 2.0);
    models::Component b = fixed_pool("b", 1, 1, 10.0, 3.0);
    models::Model m = reversed ? model_of({b, a}, 12.5) : model_of({a, b}, 12.5);
    m.entry = "top";
    models::Component top = fixed_pool("top", 1, 1, 1e6, 1.0);
    m.components.push_back(top);
    m.dependencies.push_back(testing::depends("top", {"a", "b"}, 2));
    const TracedReplication t = trace_replication(m, 0);
    ASSERT_EQ(t.result.causes.size(), 1U) << reversed;
    EXPECT_EQ(t.result.causes[0].id, "a") << reversed;
    EXPECT_EQ(t.trace.outages, 1U);
    EXPECT_DOUBLE_EQ(t.trace.downtime_hours, 2.5);  // down 10 .. 12.5 (cut at the horizon)
    EXPECT_GT(t.result.common_cause_outages_per_year.mean, 0.0);
    EXPECT_EQ(rows_of(t).front(), "10 component:a#0 failure") << reversed;
  }
}

TEST(Timeline, AZoneOutageTakingTwoPoolsIsACommonCause) {
  models::Component api = fixed_pool("api", 2, 1, 1e6, 1.0);
  models::Component db = fixed_pool("db", 2, 1, 1e6, 1.0);
  api.zones = {"z"};
  db.zones = {"z"};
  models::Model m = model_of({api, db}, 100.0);
  m.dependencies.push_back(testing::depends("api", {"db"}));
  models::Zone z;
  z.id = "z";
  z.failure = models::Fixed{40.0};
  z.repair = models::Fixed{4.0};
  m.zones.push_back(z);
  const TracedReplication t = trace_replication(m, 0);
  // Down 40 .. 44 and 84 .. 88.
  EXPECT_DOUBLE_EQ(t.trace.downtime_hours, 8.0);
  EXPECT_EQ(t.trace.outages, 2U);
  ASSERT_EQ(t.result.causes.size(), 1U);
  EXPECT_EQ(t.result.causes[0].kind, "zone");
  EXPECT_DOUBLE_EQ(t.result.common_cause_outages_per_year.mean, 2.0 / (100.0 / 8760.0));
  EXPECT_EQ(t.result.zones[0].outages_caused, 2);
  EXPECT_NEAR(t.result.zones[0].availability, 0.92, 1e-12);
}

TEST(Timeline, ATracedReplicationHasTheFiguresOfThatReplicationInAFullRun) {
  models::Model m = testing::single(testing::pool("db", 3, 2, 50.0, 5.0), 2000.0, 20, 4);
  m.zones = {testing::zone("a", 300.0, 10.0), testing::zone("b", 300.0, 10.0)};
  m.components[0].zones = {"a", "b"};
  for (const std::uint64_t r : {0U, 7U, 19U}) {
    const TracedReplication t = trace_replication(m, r);
    RunOptions options;
    options.first_replication = static_cast<std::int64_t>(r);
    options.replications = 1;
    const RunResult full = run(m, options);
    EXPECT_EQ(t.result.availability.mean, full.availability.mean) << r;
    EXPECT_EQ(t.result.outages, full.outages) << r;
    EXPECT_EQ(t.result.events, full.events) << r;
    EXPECT_FALSE(t.trace.rows.empty());
  }
}

}  // namespace
}  // namespace nines::engine
