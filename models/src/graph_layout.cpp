// Layered layout of the dependency graph: layers from a Boost.Graph topological sort, order inside
// layers by barycentre sweeps.
#include "nines/models/graph_layout.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/exception.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>
#include <limits>
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
      layout.edges.push_back({from->second, source, static_cast<std::int64_t>(d), -1});
    }
    for (std::size_t i = 0; i < dependency.to.size(); ++i) {
      const auto to = index.find(dependency.to[i]);
      if (to == index.end()) continue;
      layout.edges.push_back({source, to->second, static_cast<std::int64_t>(d),
                              dependency.is_list ? static_cast<std::int64_t>(i) : -1});
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

std::vector<int> wrapped_rows(const GraphLayout& layout, double width_per_height) {
  const std::size_t n = layout.nodes.size();
  std::vector<int> layers(n);
  for (std::size_t v = 0; v < n; ++v) layers[v] = layout.nodes[v].layer;
  if (!layout.acyclic || n == 0) return layers;
  std::vector<std::vector<std::size_t>> children(n);
  std::vector<std::vector<std::size_t>> parents(n);
  for (const auto& edge : layout.edges) {
    children[edge.from].push_back(edge.to);
    parents[edge.to].push_back(edge.from);
  }
  // Top to bottom, left to right: an order in which every node follows its dependents.
  std::vector<std::size_t> by_position(n);
  std::iota(by_position.begin(), by_position.end(), std::size_t{0});
  const auto left_of = [&layout](std::size_t a, std::size_t b) {
    const auto& p = layout.nodes[a];
    const auto& q = layout.nodes[b];
    return p.layer != q.layer ? p.layer < q.layer : p.x < q.x;
  };
  std::sort(by_position.begin(), by_position.end(), left_of);
  for (auto& list : children) std::sort(list.begin(), list.end(), left_of);

  // Depth-first order from the nodes nothing needs: a subtree's nodes are consecutive.
  std::vector<std::size_t> depth_first_index(n, 0);
  std::vector<bool> seen(n, false);
  std::size_t next = 0;
  std::vector<std::size_t> stack;
  for (const std::size_t root : by_position) {
    if (!parents[root].empty()) continue;
    stack.push_back(root);
    while (!stack.empty()) {
      const std::size_t v = stack.back();
      stack.pop_back();
      if (seen[v]) continue;
      seen[v] = true;
      depth_first_index[v] = next++;
      for (auto it = children[v].rbegin(); it != children[v].rend(); ++it) {
        if (!seen[*it]) stack.push_back(*it);
      }
    }
  }

  const auto rows_with = [&](std::size_t bands) {
    std::vector<std::size_t> band(n, 0);
    for (const std::size_t v : by_position) {
      band[v] = depth_first_index[v] * bands / n;
      for (const std::size_t parent : parents[v]) band[v] = std::max(band[v], band[parent]);
    }
    std::vector<int> top(bands, std::numeric_limits<int>::max());
    std::vector<int> bottom(bands, -1);
    for (std::size_t v = 0; v < n; ++v) {
      top[band[v]] = std::min(top[band[v]], layers[v]);
      bottom[band[v]] = std::max(bottom[band[v]], layers[v]);
    }
    std::vector<int> first_row(bands, 0);
    int rows = 0;
    for (std::size_t b = 0; b < bands; ++b) {
      if (bottom[b] < 0) continue;
      first_row[b] = rows;
      rows += bottom[b] - top[b] + 1;
    }
    std::vector<int> row(n);
    for (std::size_t v = 0; v < n; ++v) row[v] = first_row[band[v]] + layers[v] - top[band[v]];
    return std::make_pair(row, rows);
  };
  const auto extent = [&](const std::vector<int>& row, int rows) {
    std::vector<int> count(static_cast<std::size_t>(rows), 0);
    int widest = 0;
    for (const int r : row) widest = std::max(widest, ++count[static_cast<std::size_t>(r)]);
    return std::max(kNodeWidthPerRow * widest, width_per_height * rows);
  };
  auto [best, best_rows] = rows_with(1);
  double best_extent = extent(best, best_rows);
  std::size_t widest_layer = 0;
  {
    std::vector<std::size_t> count(static_cast<std::size_t>(layout.layers), 0);
    for (const int layer : layers) {
      widest_layer = std::max(widest_layer, ++count[static_cast<std::size_t>(layer)]);
    }
  }
  // More bands than the widest layer has nodes only makes the drawing taller.
  for (std::size_t bands = 2; bands <= widest_layer; ++bands) {
    auto [row, rows] = rows_with(bands);
    if (const double e = extent(row, rows); e < best_extent) {
      best_extent = e;
      best = std::move(row);
    }
  }
  return best;
}

}  // namespace nines::models
