// Tests of the dependency graph: topological order, cycles, reachability, roots, DOT output.
#include "nines/models/dependency_graph.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

Model web_shop() {
  return load_model(std::filesystem::path(NINES_TEST_DATA_DIR) / "valid" / "web_shop.json").model;
}

TEST(TopologicalOrder, PutsDependenciesBeforeDependents) {
  const Model m = web_shop();
  const auto order = topological_order(m);
  ASSERT_EQ(order.size(), m.components.size());
  std::vector<std::size_t> position(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) position[static_cast<std::size_t>(order[i])] = i;
  for (const auto& dependency : m.dependencies) {
    for (const auto& to : dependency.to) {
      EXPECT_LT(position[static_cast<std::size_t>(m.component_index(to))],
                position[static_cast<std::size_t>(m.component_index(dependency.from))]);
    }
  }
  EXPECT_EQ(order.back(), 0);  // the entry, frontend, comes last
}

TEST(FindCycle, ReturnsNothingForAnAcyclicGraph) {
  EXPECT_FALSE(find_cycle(web_shop()).has_value());
}

TEST(FindCycle, ReturnsTheCycleClosedOnItself) {
  Model m = web_shop();
  m.dependencies.push_back(Dependency{"db", {"frontend"}, 1, false, {}});
  const auto cycle = find_cycle(m);
  ASSERT_TRUE(cycle.has_value());
  EXPECT_EQ(*cycle, (std::vector<std::int64_t>{0, 1, 2, 0}));  // frontend -> api -> db -> frontend
}

TEST(ReachableFromEntry, FollowsDependenciesFromTheEntry) {
  Model m = web_shop();
  EXPECT_EQ(reachable_from_entry(m), (std::vector<bool>{true, true, true, true}));
  m.entry = "api";
  EXPECT_EQ(reachable_from_entry(m), (std::vector<bool>{false, true, true, true}));
  m.entry = "";
  EXPECT_EQ(reachable_from_entry(m), (std::vector<bool>{false, false, false, false}));
}

TEST(Roots, AreTheComponentsNothingDependsOn) {
  Model m = web_shop();
  EXPECT_EQ(roots(m), (std::vector<std::int64_t>{0}));
  m.dependencies.pop_back();
  EXPECT_EQ(roots(m), (std::vector<std::int64_t>{0, 2, 3}));
}

TEST(WriteDot, LabelsPoolsJunctionsAndTheEntry) {
  std::ostringstream out;
  write_dot(web_shop(), out);
  const std::string dot = out.str();
  EXPECT_EQ(dot.rfind("digraph G {", 0), 0u) << dot;
  EXPECT_NE(dot.find(R"(0[label="frontend\n2 of 3", penwidth=3)"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"(1[label="api\n1 of 2"])"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"(3[label="db-replica-eu"])"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"(4[label="1 of 2", shape=diamond])"), std::string::npos) << dot;
  for (const char* edge : {"0->1", "1->4", "4->2", "4->3"}) {
    EXPECT_NE(dot.find(edge), std::string::npos) << edge << "\n" << dot;
  }
}

TEST(WriteDot, LabelsPlacedPoolsWithTheirZones) {
  const Model m = parse_model(testing::zoned(), "m.json").model;
  EXPECT_EQ(placement_label(m, m.components[0]), "eu-a:2 eu-b:1");
  EXPECT_EQ(placement_label(m, m.components[1]), "eu-a:2 eu-b:1");
  std::ostringstream out;
  write_dot(m, out);
  EXPECT_NE(out.str().find(R"(1[label="db\n1 of 3\neu-a:2 eu-b:1"])"), std::string::npos)
      << out.str();
  EXPECT_EQ(placement_label(web_shop(), web_shop().components[0]), "");
}

TEST(WriteDot, LabelsAListsFailoverOnItsJunction) {
  Model m = web_shop();
  Failover failover;
  failover.time = Fixed{5.0 / 60.0};
  failover.success = 0.99;
  failover.failback = Failback::kManual;
  m.dependencies[1].failover = failover;
  std::ostringstream out;
  write_dot(m, out);
  EXPECT_NE(out.str().find(R"(4[label="1 of 2\nfixed failover 5m, 99 % succeed, manual failback")"),
            std::string::npos)
      << out.str();
  failover.time = Exponential{0.5};
  failover.success = 1.0;
  failover.failback = Failback::kAutomatic;
  EXPECT_EQ(failover_label(failover), "failover 30m");
}

TEST(WriteDot, EscapesTheModelName) {
  Model m = web_shop();
  m.name = "say \"hi\"\\";
  std::ostringstream out;
  write_dot(m, out);
  EXPECT_NE(out.str().find(R"(label="say \"hi\"\\";)"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace nines::models
