// Layered layout of the dependency graph: layers from a Boost.Graph topological sort, order inside
// layers by barycentre sweeps.
#include "nines/models/graph_layout.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/exception.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace nines::models {
namespace {

/// Vertex i is layout node i; an edge u -> v means "u needs v".
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

constexpr int kSweeps = 4;

/// Builds the nodes and edges of the layout (junctions for list dependencies) and its graph.
Graph build(const Model& model, GraphLayout& layout) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < model.components.size(); ++i) {
    index.emplace(model.components[i].id, i);
    layout.nodes.push_back({static_cast<std::int64_t>(i), -1, 0, 0.0});
  }
  for (std::size_t d = 0; d < model.dependencies.size(); ++d) {
    const Dependency& dependency = model.dependencies[d];
    const auto from = index.find(dependency.from);
    if (from == index.end()) continue;
    std::size_t source = from->second;
    if (dependency.is_list) {
      source = layout.nodes.size();
      layout.nodes.push_back({-1, static_cast<std::int64_t>(d), 0, 0.0});
      layout.edges.push_back({from->second, source});
    }
    for (const auto& id : dependency.to) {
      const auto to = index.find(id);
      if (to != index.end()) layout.edges.push_back({source, to->second});
    }
  }
  Graph graph(layout.nodes.size());
  for (const auto& edge : layout.edges) boost::add_edge(edge.from, edge.to, graph);
  return graph;
}

/// Orders the nodes of each layer by the mean slot of their parents (the layer above), keeping
/// the previous order on ties so the result is deterministic.
void order_layers(const Graph& graph, GraphLayout& layout) {
  std::vector<std::vector<std::size_t>> by_layer(static_cast<std::size_t>(layout.layers));
  for (std::size_t v = 0; v < layout.nodes.size(); ++v) {
    by_layer[static_cast<std::size_t>(layout.nodes[v].layer)].push_back(v);
  }
  std::vector<double> slot(layout.nodes.size(), 0.0);
  for (const auto& layer : by_layer) {
    for (std::size_t i = 0; i < layer.size(); ++i) slot[layer[i]] = static_cast<double>(i);
  }
  std::vector<double> key(layout.nodes.size(), 0.0);
  for (int sweep = 0; sweep < kSweeps; ++sweep) {
    for (std::size_t l = 1; l < by_layer.size(); ++l) {
      auto& layer = by_layer[l];
      for (std::size_t v : layer) {
        double sum = 0.0;
        int count = 0;
        for (auto [e, end] = boost::in_edges(v, graph); e != end; ++e) {
          sum += slot[boost::source(*e, graph)];
          ++count;
        }
        key[v] = count > 0 ? sum / count : slot[v];
      }
      std::stable_sort(layer.begin(), layer.end(),
                       [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
      for (std::size_t i = 0; i < layer.size(); ++i) slot[layer[i]] = static_cast<double>(i);
    }
  }
  std::size_t widest = 0;
  for (const auto& layer : by_layer) widest = std::max(widest, layer.size());
  for (const auto& layer : by_layer) {
    // Centre every layer under the widest one.
    const double offset = (static_cast<double>(widest) - static_cast<double>(layer.size())) / 2.0;
    for (std::size_t v : layer) layout.nodes[v].x = slot[v] + offset;
  }
}

}  // namespace

GraphLayout layered_layout(const Model& model) {
  GraphLayout layout;
  const Graph graph = build(model, layout);
  std::vector<Vertex> order;
  order.reserve(layout.nodes.size());
  try {
    boost::topological_sort(graph, std::back_inserter(order));
  } catch (const boost::not_a_dag&) {
    layout.acyclic = false;
    order.clear();
  }
  if (layout.acyclic) {
    // Boost lists what is needed before what needs it; walk it backwards so every node's layer
    // is final before the nodes it needs are placed.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const int below = layout.nodes[*it].layer + 1;
      for (auto [e, end] = boost::out_edges(*it, graph); e != end; ++e) {
        auto& target = layout.nodes[boost::target(*e, graph)];
        target.layer = std::max(target.layer, below);
      }
    }
  }
  for (const auto& node : layout.nodes) layout.layers = std::max(layout.layers, node.layer + 1);
  order_layers(graph, layout);
  return layout;
}

}  // namespace nines::models
