// Tests of the engine's rules replayed on counts, where they are subtle.
#include "group_events.hpp"

#include <gtest/gtest.h>

namespace nines::analysis::detail {
namespace {

GroupSpec cold_pair() {
  GroupSpec spec;
  ChainComponent c;
  c.id = "app";
  c.instances = 2;
  c.min_up = 1;
  c.hot = false;
  c.failure_rate_per_hour = 0.01;
  c.repair = ChainLaw{false, 0.1};
  c.switchover = ChainLaw{false, 30.0};
  spec.components = {c};
  return spec;
}

TEST(GroupEvents, StartsAllNewWithMinUpActive) {
  const GroupConfig start = initial_config(cold_pair());
  EXPECT_EQ(start.counts[0], (ComponentCounts{1, 1, 0, 0, 0, 0, 0}));
}

// A zero repair still passes through the engine's event queue at the same instant, after the
// failure handler has started the switchover; the repaired instance then becomes active because
// return_to_service counts active instances only, not the one switching. So the pool never goes
// down, and the switching instance will end idle.
TEST(GroupEvents, ZeroRepairReturnsWhileASwitchoverRuns) {
  GroupSpec spec = cold_pair();
  spec.components[0].repair = ChainLaw{};
  std::vector<Outcome> out;
  apply_event(spec, initial_config(spec), EventKind::kActiveFailure, 0, out);
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].probability, 1.0);
  EXPECT_EQ(out[0].config.counts[0], (ComponentCounts{1, 0, 0, 0, 0, 1, 0}));
  EXPECT_TRUE(pool_up(spec, out[0].config, 0));

  std::vector<Outcome> after;
  apply_event(spec, out[0].config, EventKind::kSwitchEnd, 0, after);
  ASSERT_EQ(after.size(), 1U);
  EXPECT_EQ(after[0].config, initial_config(spec));
}

// An instant switchover that fails sends that instance to repair and tries the next idle one:
// with two spares, the outcomes are success (p), fail then success ((1-p) p), both fail.
TEST(GroupEvents, FailedInstantSwitchoverTriesTheNextIdleInstance) {
  GroupSpec spec = cold_pair();
  spec.components[0].instances = 3;
  spec.components[0].switchover = ChainLaw{};
  spec.components[0].switch_success = 0.75;
  std::vector<Outcome> out;
  apply_event(spec, initial_config(spec), EventKind::kActiveFailure, 0, out);
  ASSERT_EQ(out.size(), 3U);
  double total = 0.0;
  for (const Outcome& o : out) {
    total += o.probability;
    const ComponentCounts& n = o.config.counts[0];
    if (n.in_repair == 1) {
      EXPECT_DOUBLE_EQ(o.probability, 0.75);
      EXPECT_EQ(n, (ComponentCounts{1, 1, 0, 0, 1, 0, 0}));
    } else if (n.in_repair == 2) {
      EXPECT_DOUBLE_EQ(o.probability, 0.25 * 0.75);
      EXPECT_EQ(n, (ComponentCounts{1, 0, 0, 0, 2, 0, 0}));
    } else {
      EXPECT_DOUBLE_EQ(o.probability, 0.25 * 0.25);
      EXPECT_EQ(n, (ComponentCounts{0, 0, 0, 0, 3, 0, 0}));
    }
  }
  EXPECT_DOUBLE_EQ(total, 1.0);
}

}  // namespace
}  // namespace nines::analysis::detail
