// The dependency graph on Boost.Graph: topological order, cycles, reachability and DOT output.
#include "nines/models/dependency_graph.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>
#include <string>
#include <unordered_map>

namespace nines::models {
namespace {

/// Vertex i is component i; an edge u -> v means "u depends on v".
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

/// The graph of `model`; dependencies naming unknown ids are skipped (validation reports them).
Graph build_graph(const Model& model) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < model.components.size(); ++i)
    index.emplace(model.components[i].id, i);
  Graph graph(model.components.size());
  for (const auto& dependency : model.dependencies) {
    auto from = index.find(dependency.from);
    if (from == index.end()) continue;
    for (const auto& id : dependency.to) {
      auto to = index.find(id);
      if (to != index.end()) boost::add_edge(from->second, to->second, graph);
    }
  }
  return graph;
}

/// Records the first back edge found by a depth-first search, and the DFS tree to rebuild it.
class CycleRecorder : public boost::default_dfs_visitor {
 public:
  CycleRecorder(std::vector<Vertex>& parent, std::optional<std::pair<Vertex, Vertex>>& back)
      : parent_(&parent), back_(&back) {}
  void tree_edge(boost::graph_traits<Graph>::edge_descriptor e, const Graph& g) const {
    (*parent_)[boost::target(e, g)] = boost::source(e, g);
  }
  void back_edge(boost::graph_traits<Graph>::edge_descriptor e, const Graph& g) const {
    if (!*back_) *back_ = std::make_pair(boost::source(e, g), boost::target(e, g));
  }

 private:
  std::vector<Vertex>* parent_;
  std::optional<std::pair<Vertex, Vertex>>* back_;
};

std::string quoted_dot(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";  // a line break inside a DOT label
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::vector<std::int64_t> topological_order(const Model& model) {
  const Graph graph = build_graph(model);
  std::vector<Vertex> order;
  order.reserve(boost::num_vertices(graph));
  // Boost emits vertices in reverse topological order of the edges (u -> v: v first), which is
  // exactly "dependencies before their dependents".
  boost::topological_sort(graph, std::back_inserter(order));
  return {order.begin(), order.end()};
}

std::optional<std::vector<std::int64_t>> find_cycle(const Model& model) {
  const Graph graph = build_graph(model);
  const auto n = boost::num_vertices(graph);
  std::vector<Vertex> parent(n);
  for (Vertex v = 0; v < n; ++v) parent[v] = v;
  std::optional<std::pair<Vertex, Vertex>> back;
  std::vector<boost::default_color_type> colors(n);
  boost::depth_first_search(graph,
                            boost::visitor(CycleRecorder(parent, back))
                                .color_map(boost::make_iterator_property_map(
                                    colors.begin(), boost::get(boost::vertex_index, graph))));
  if (!back) return std::nullopt;
  // back = (u, v): v is an ancestor of u in the DFS tree; the cycle is v -> ... -> u -> v.
  const auto [u, v] = *back;
  std::vector<std::int64_t> path;
  for (Vertex w = u; w != v; w = parent[w]) path.push_back(static_cast<std::int64_t>(w));
  path.push_back(static_cast<std::int64_t>(v));
  std::vector<std::int64_t> cycle(path.rbegin(), path.rend());
  cycle.push_back(static_cast<std::int64_t>(v));
  return cycle;
}

std::vector<bool> reachable_from_entry(const Model& model) {
  std::vector<bool> reached(model.components.size(), false);
  const std::int64_t entry = model.component_index(model.entry);
  if (entry < 0) return reached;
  const Graph graph = build_graph(model);
  std::vector<boost::default_color_type> colors(boost::num_vertices(graph));
  auto color_map =
      boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph));
  boost::breadth_first_search(graph, static_cast<Vertex>(entry), boost::color_map(color_map));
  for (std::size_t i = 0; i < reached.size(); ++i) {
    reached[i] = colors[i] != boost::white_color;
  }
  return reached;
}

std::vector<std::int64_t> roots(const Model& model) {
  const Graph graph = build_graph(model);
  std::vector<bool> has_dependent(boost::num_vertices(graph), false);
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    has_dependent[boost::target(*it, graph)] = true;
  }
  std::vector<std::int64_t> result;
  for (std::size_t i = 0; i < has_dependent.size(); ++i) {
    if (!has_dependent[i]) result.push_back(static_cast<std::int64_t>(i));
  }
  return result;
}

std::string placement_label(const Model& model, const Component& component) {
  // Zones in the order instances are handed out, each with its number of instances.
  std::vector<std::pair<std::int64_t, std::int64_t>> counts;
  for (const std::int64_t zone : model.instance_zones(component)) {
    if (zone < 0) continue;
    auto it = std::find_if(counts.begin(), counts.end(),
                           [zone](const auto& entry) { return entry.first == zone; });
    if (it == counts.end()) {
      counts.emplace_back(zone, 1);
    } else {
      ++it->second;
    }
  }
  std::string label;
  for (const auto& [zone, count] : counts) {
    if (!label.empty()) label += ' ';
    label += model.zones[static_cast<std::size_t>(zone)].id + ":" + std::to_string(count);
  }
  return label;
}

void write_dot(const Model& model, std::ostream& out) {
  // Vertices: the components, then one junction per list dependency.
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < model.components.size(); ++i)
    index.emplace(model.components[i].id, i);
  std::vector<std::string> attributes;
  for (const auto& component : model.components) {
    std::string label = component.id;
    if (component.instances != 1 || component.min_up != 1) {
      label +=
          "\n" + std::to_string(component.min_up) + " of " + std::to_string(component.instances);
    }
    if (const std::string zones = placement_label(model, component); !zones.empty()) {
      label += "\n" + zones;
    }
    std::string attribute = "[label=" + quoted_dot(label);
    if (component.id == model.entry) attribute += ", penwidth=3, style=filled, fillcolor=lightblue";
    attributes.push_back(attribute + "]");
  }
  Graph graph(model.components.size());
  for (const auto& dependency : model.dependencies) {
    auto from = index.find(dependency.from);
    if (from == index.end()) continue;
    Vertex source = from->second;
    if (dependency.is_list) {
      const Vertex junction = boost::add_vertex(graph);
      attributes.push_back("[label=" +
                           quoted_dot(std::to_string(dependency.min_up) + " of " +
                                      std::to_string(dependency.to.size())) +
                           ", shape=diamond]");
      boost::add_edge(source, junction, graph);
      source = junction;
    }
    for (const auto& id : dependency.to) {
      auto to = index.find(id);
      if (to != index.end()) boost::add_edge(source, to->second, graph);
    }
  }
  auto vertex_writer = [&attributes](std::ostream& os, Vertex v) { os << attributes[v]; };
  auto graph_writer = [&model](std::ostream& os) {
    if (!model.name.empty()) os << "label=" << quoted_dot(model.name) << ";\n";
    os << "node [shape=box];\n";
  };
  boost::write_graphviz(out, graph, vertex_writer, boost::default_writer(), graph_writer);
}

}  // namespace nines::models
