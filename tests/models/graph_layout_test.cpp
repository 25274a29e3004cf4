// Tests of layered_layout: entry on top, arrows pointing down, junctions for list dependencies.
#include "nines/models/graph_layout.hpp"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "test_models.hpp"

namespace nines::models {
namespace {

Model web_shop() {
  return parse_model(nlohmann::json::parse(R"({
    "entry": "web",
    "components": [
      {"id": "db", "mtbf": "4000h", "mttr": "6h"},
      {"id": "replica", "mtbf": "4000h", "mttr": "6h"},
      {"id": "api", "mtbf": "2000h", "mttr": "1h"},
      {"id": "web", "instances": 3, "min_up": 2, "mtbf": "1000h", "mttr": "10h"},
      {"id": "cache", "mtbf": "2000h", "mttr": "1h"}
    ],
    "dependencies": [{"from": "web", "to": "api"}, {"from": "web", "to": "cache"},
                     {"from": "api", "to": ["db", "replica"], "min_up": 1},
                     {"from": "cache", "to": "db"}]
  })"),
                     "m.json")
      .model;
}

TEST(LayeredLayout, PutsTheEntryOnTopAndEveryArrowDownwards) {
  const Model model = web_shop();
  const GraphLayout layout = layered_layout(model);
  ASSERT_TRUE(layout.acyclic);
  EXPECT_EQ(layout.nodes[3].layer, 0);  // web, the entry
  for (const auto& edge : layout.edges) {
    EXPECT_LT(layout.nodes[edge.from].layer, layout.nodes[edge.to].layer)
        << edge.from << " -> " << edge.to;
  }
  // db is needed by the junction (layer 2) and by cache (layer 1): it goes below the deeper one.
  EXPECT_EQ(layout.nodes[0].layer, 3);
  EXPECT_EQ(layout.layers, 4);
}

TEST(LayeredLayout, DrawsAListDependencyThroughOneJunction) {
  const Model model = web_shop();
  const GraphLayout layout = layered_layout(model);
  ASSERT_EQ(layout.nodes.size(), model.components.size() + 1);
  const LayoutNode& junction = layout.nodes.back();
  EXPECT_EQ(junction.component, -1);
  EXPECT_EQ(junction.dependency, 2);
  std::set<std::pair<std::size_t, std::size_t>> edges;
  for (const auto& edge : layout.edges) edges.emplace(edge.from, edge.to);
  const std::size_t j = layout.nodes.size() - 1;
  EXPECT_TRUE(edges.count({2, j}));  // api -> junction
  EXPECT_TRUE(edges.count({j, 0}));  // junction -> db
  EXPECT_TRUE(edges.count({j, 1}));  // junction -> replica
  EXPECT_FALSE(edges.count({2, 0}));
}

TEST(LayeredLayout, GivesDistinctSlotsInsideALayer) {
  const GraphLayout layout = layered_layout(web_shop());
  std::set<std::pair<int, double>> slots;
  for (const auto& node : layout.nodes) {
    EXPECT_TRUE(slots.emplace(node.layer, node.x).second) << "two nodes share a slot";
  }
}

TEST(LayeredLayout, DrawsACyclicModelFlatInsteadOfThrowing) {
  // The GUI draws models being edited, which may not validate.
  Model model = web_shop();
  model.dependencies.push_back({"db", {"web"}, 1, false, {}});
  model.dependencies.push_back({"db", {"no-such-id"}, 1, false, {}});
  GraphLayout layout;
  ASSERT_NO_THROW(layout = layered_layout(model));
  EXPECT_FALSE(layout.acyclic);
  EXPECT_EQ(layout.layers, 1);
}

}  // namespace
}  // namespace nines::models
