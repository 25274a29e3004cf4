// The dependency graph on Boost.Graph: topological order, cycles, reachability; DOT output.
#include "nines/models/dependency_graph.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>
#include <cmath>
#include <iomanip>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>

#include "nines/models/graph_layout.hpp"

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

/// `value` with at most `digits` significant digits and no trailing zeros: 97, 4.2, 0.5.
std::string significant(double value, int digits) {
  std::ostringstream text;
  text << std::setprecision(digits) << value;
  return text.str();
}

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

/// A duration for a label, in one unit with up to 3 significant digits: "3m", "4.2m", "2h", "3d".
std::string short_duration(double hours) {
  if (hours < 1.0 / 60.0) return significant(hours * 3600.0, 3) + "s";
  if (hours < 1.0) return significant(hours * 60.0, 3) + "m";
  if (hours < 48.0) return significant(hours, 3) + "h";
  return significant(hours / 24.0, 3) + "d";
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
  std::vector<std::int64_t> entries;
  if (model.load && !model.load->journeys.empty()) {
    for (const Journey& journey : model.load->journeys) {
      entries.push_back(model.component_index(journey.entry));
    }
  } else {
    entries.push_back(model.component_index(model.entry));
  }
  const Graph graph = build_graph(model);
  for (const std::int64_t entry : entries) {
    if (entry < 0) continue;
    std::vector<boost::default_color_type> colors(boost::num_vertices(graph));
    auto color_map =
        boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph));
    boost::breadth_first_search(graph, static_cast<Vertex>(entry), boost::color_map(color_map));
    for (std::size_t i = 0; i < reached.size(); ++i) {
      if (colors[i] != boost::white_color) reached[i] = true;
    }
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

std::string standby_label(const Component& component) {
  const Standby& standby = component.standby;
  if (standby.mode == StandbyMode::kHot) return "";
  std::string label = standby.mode == StandbyMode::kWarm ? "warm standby" : "cold standby";
  // As a model file writes it: a bare duration is an exponential law of that mean.
  if (const auto* fixed = std::get_if<Fixed>(&standby.switchover)) {
    label += fixed->value_hours > 0.0 ? ", fixed switchover " + short_duration(fixed->value_hours)
                                      : ", instant switchover";
  } else if (const auto* exponential = std::get_if<Exponential>(&standby.switchover)) {
    label += ", switchover " + short_duration(exponential->mean_hours);
  } else {
    label += ", switchover mean " + short_duration(mean_hours(standby.switchover));
  }
  if (standby.switch_success < 1.0) {
    label += ", " + significant(100.0 * standby.switch_success, 3) + " % succeed";
  }
  return label;
}

std::string failover_label(const Failover& failover) {
  // As a model file writes it: a bare duration is an exponential law of that mean.
  std::string label;
  if (const auto* fixed = std::get_if<Fixed>(&failover.time)) {
    label = "fixed failover " + short_duration(fixed->value_hours);
  } else if (const auto* exponential = std::get_if<Exponential>(&failover.time)) {
    label = "failover " + short_duration(exponential->mean_hours);
  } else {
    label = "failover mean " + short_duration(mean_hours(failover.time));
  }
  if (failover.success < 1.0) {
    label += ", " + significant(100.0 * failover.success, 3) + " % succeed";
  }
  if (failover.failback == Failback::kManual) label += ", manual failback";
  return label;
}

std::string share_colour(double downtime_share) {
  // The square root spreads the small shares, which are most of them, over the greens.
  const double s = std::sqrt(std::clamp(downtime_share, 0.0, 1.0));
  std::ostringstream colour;
  colour << std::fixed << std::setprecision(3) << 0.33 * (1.0 - s) << ' ' << 0.12 + 0.7 * s
         << " 1.000";
  return colour.str();
}

namespace {

std::string shortest_number(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

/// The traffic settings an edge carries: on a row's caller edge (or a single target's), the
/// row's mode, calls, retries and breaker; on a list target's edge, the target's own.
std::string traffic_label(const Dependency& row, std::int64_t target) {
  std::vector<std::string> parts;
  if (target < 0) {
    switch (row.mode_or_default()) {
      case DependencyMode::kSoft:
        parts.push_back("soft " + shortest_number(row.impact.value_or(0.0)));
        break;
      case DependencyMode::kCache:
        parts.push_back("cache " + shortest_number(row.hit_ratio.value_or(0.0)));
        break;
      case DependencyMode::kHard:
        break;
    }
    if (row.calls && *row.calls != 1.0) parts.push_back("calls " + shortest_number(*row.calls));
    if (row.retries && *row.retries > 0) parts.push_back("x" + std::to_string(*row.retries + 1));
    if (row.circuit_breaker) parts.emplace_back("breaker");
  } else if (static_cast<std::size_t>(target) < row.target_traffic.size()) {
    const TargetTraffic& own = row.target_traffic[static_cast<std::size_t>(target)];
    if (own.calls && *own.calls != 1.0) parts.push_back("calls " + shortest_number(*own.calls));
    if (own.retries && *own.retries > 0) parts.push_back("x" + std::to_string(*own.retries + 1));
    if (own.circuit_breaker) parts.emplace_back("breaker");
  }
  std::string label;
  for (const auto& part : parts) label += (label.empty() ? "" : ", ") + part;
  return label;
}

/// A component's capacity and overload behaviour ("400 rps each, crashes"), or "".
std::string capacity_label(const Component& component) {
  if (!component.capacity_rps) return "";
  std::string label = shortest_number(*component.capacity_rps) + " rps each";
  if (component.load_shedding.value_or(false)) {
    label += ", sheds";
  } else if (component.overload) {
    label += ", crashes";
  }
  return label;
}

}  // namespace

void write_dot(const Model& model, std::ostream& out, const std::vector<NodeFigures>& figures) {
  // Nodes as layered_layout numbers them: the components, then one junction per list dependency.
  const GraphLayout layout = layered_layout(model);
  // Half as wide as high by wrapped_rows' estimate: dot spreads the bands sideways to route
  // the edges between them, and the 190-component sample then renders about 1.8 times as
  // wide as high (2.6 with 0.6, 4.1 with 0.7: the margin is needed).
  constexpr double kWidthPerHeight = 0.5;
  const std::vector<int> row = wrapped_rows(layout, kWidthPerHeight);

  out << "digraph G {\n";
  std::string title = model.name;
  if (!figures.empty()) {
    title += (title.empty() ? "" : "\n") +
             std::string("fill: share of the system downtime, pale green none .. red all");
  }
  if (!title.empty()) out << "label=" << quoted_dot(title) << ";\n";
  out << "newrank=true;\n";
  out << "node [shape=box];\n";
  for (std::size_t v = 0; v < layout.nodes.size(); ++v) {
    const LayoutNode& node = layout.nodes[v];
    out << v << '[';
    if (node.component < 0) {
      const Dependency& dependency = model.dependencies[static_cast<std::size_t>(node.dependency)];
      std::string label =
          std::to_string(dependency.min_up) + " of " + std::to_string(dependency.to.size());
      if (dependency.failover) label += "\n" + failover_label(*dependency.failover);
      out << "label=" << quoted_dot(label) << ", shape=diamond];\n";
      continue;
    }
    const auto c = static_cast<std::size_t>(node.component);
    const Component& component = model.components[c];
    std::string label = component.id;
    if (component.instances != 1 || component.min_up != 1) {
      label +=
          "\n" + std::to_string(component.min_up) + " of " + std::to_string(component.instances);
    }
    if (const std::string zones = placement_label(model, component); !zones.empty()) {
      label += "\n" + zones;
    }
    if (const std::string standby = standby_label(component); !standby.empty()) {
      label += "\n" + standby;
    }
    if (const std::string capacity = capacity_label(component); !capacity.empty()) {
      label += "\n" + capacity;
    }
    if (!figures.empty() && !figures[c].caption.empty()) label += "\n" + figures[c].caption;
    out << "label=" << quoted_dot(label);
    if (component.id == model.entry) out << ", penwidth=3";
    if (!figures.empty()) {
      out << ", style=filled, fillcolor=" << quoted_dot(share_colour(figures[c].downtime_share));
    } else if (component.id == model.entry) {
      out << ", style=filled, fillcolor=lightblue";
    }
    out << "];\n";
  }
  // An edge across several rows (into another band, or to a pool many depend on) may bend:
  // kept straight, it would push the bands it passes apart.
  // Traffic: a soft row is dashed; an edge is labelled with its mode, calls, retries ("x3": up
  // to three attempts) and breaker.
  for (const LayoutEdge& edge : layout.edges) {
    out << edge.from << "->" << edge.to;
    std::vector<std::string> attributes;
    if (row[edge.to] - row[edge.from] > 1) attributes.emplace_back("weight=0");
    if (edge.dependency >= 0) {
      const Dependency& dependency = model.dependencies[static_cast<std::size_t>(edge.dependency)];
      // A row's settings go on its caller edge (into a list's junction), a list target's own
      // on the edge to that target.
      if (edge.target < 0 && dependency.mode_or_default() == DependencyMode::kSoft) {
        attributes.emplace_back("style=dashed");
      }
      if (const std::string label = traffic_label(dependency, edge.target); !label.empty()) {
        attributes.push_back("label=" + quoted_dot(label));
      }
    }
    if (!attributes.empty()) {
      out << " [";
      for (std::size_t k = 0; k < attributes.size(); ++k)
        out << (k > 0 ? ", " : "") << attributes[k];
      out << ']';
    }
    out << ";\n";
  }
  // Crews: a note each, with an undirected dashed line to every component it repairs; these
  // lines neither rank nor straighten anything.
  for (std::size_t k = 0; k < model.crews.size(); ++k) {
    const Crew& crew = model.crews[k];
    out << 'c' << k << "[label="
        << quoted_dot("crew " + crew.id + "\n" + std::to_string(crew.size) +
                      (crew.size == 1 ? " repairer" : " repairers"))
        << ", shape=note];\n";
    for (std::size_t c = 0; c < model.components.size(); ++c) {
      if (model.components[c].crew != crew.id) continue;
      out << 'c' << k << "->" << c
          << " [style=dashed, arrowhead=none, constraint=false, weight=0, color=gray40];\n";
    }
  }
  // The rows: one rank each, in order (an invisible edge from each row to the next).
  std::map<int, std::vector<std::size_t>> rows;
  for (std::size_t v = 0; v < row.size(); ++v) rows[row[v]].push_back(v);
  const std::vector<std::size_t>* above = nullptr;
  for (const auto& [r, nodes] : rows) {
    out << "{rank=same;";
    for (const std::size_t v : nodes) out << ' ' << v << ';';
    out << "}\n";
    if (above != nullptr) out << above->front() << "->" << nodes.front() << " [style=invis];\n";
    above = &nodes;
  }
  out << "}\n";
}

}  // namespace nines::models
