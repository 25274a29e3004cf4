// The request flow's structure from a model (flow_graph_builder.hpp).
#include "nines/engine/flow_graph_builder.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace nines::engine {
namespace {

std::uint32_t index_of(const std::unordered_map<std::string_view, std::uint32_t>& index,
                       const std::string& id) {
  const auto it = index.find(id);
  if (it == index.end()) {
    throw std::invalid_argument("build_flow_graph: unknown component id \"" + id + "\"");
  }
  return it->second;
}

}  // namespace

FlowGraph build_flow_graph(const models::Model& model) {
  const std::size_t n = model.components.size();
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0U);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return model.components[a].id < model.components[b].id;
  });
  FlowGraph graph;
  std::unordered_map<std::string_view, std::uint32_t> index;
  graph.capacity_per_instance.reserve(n);
  graph.min_up.reserve(n);
  for (const std::uint32_t m : order) {
    const models::Component& c = model.components[m];
    index.emplace(c.id, static_cast<std::uint32_t>(graph.min_up.size()));
    graph.capacity_per_instance.push_back(
        c.capacity_rps.value_or(std::numeric_limits<double>::infinity()));
    graph.min_up.push_back(static_cast<int>(c.min_up));
  }
  // Rows by (from id, target ids): the file's order of rows changes nothing.
  std::vector<std::size_t> rows(model.dependencies.size());
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    const models::Dependency& x = model.dependencies[a];
    const models::Dependency& y = model.dependencies[b];
    if (x.from != y.from) return x.from < y.from;
    return x.to < y.to;
  });
  for (const std::size_t d : rows) {
    const models::Dependency& dependency = model.dependencies[d];
    FlowRow row;
    row.from = index_of(index, dependency.from);
    row.first_target = static_cast<std::uint32_t>(graph.targets.size());
    row.target_count = static_cast<std::uint32_t>(dependency.to.size());
    row.routing = dependency.routing_or_default() == models::Routing::kFailover
                      ? FlowRouting::kFailover
                      : FlowRouting::kAll;
    row.quorum = static_cast<int>(dependency.min_up);
    switch (dependency.mode_or_default()) {
      case models::DependencyMode::kHard:
        row.mode = FlowMode::kHard;
        break;
      case models::DependencyMode::kSoft:
        row.mode = FlowMode::kSoft;
        row.impact = dependency.impact.value_or(1.0);
        break;
      case models::DependencyMode::kCache:
        row.mode = FlowMode::kCache;
        row.hit_ratio = dependency.hit_ratio.value_or(0.0);
        row.stale_if_error_hours = dependency.stale_if_error_hours.value_or(0.0);
        row.warmup_hours = dependency.warmup_hours.value_or(models::kDefaultCacheWarmupHours);
        row.stale_below =
            dependency.stale_below.value_or(model.load ? model.load->outage_below : 0.5);
        break;
    }
    for (std::size_t i = 0; i < dependency.to.size(); ++i) {
      FlowTarget target{index_of(index, dependency.to[i]), dependency.calls_of(i),
                        static_cast<int>(dependency.retries_of(i))};
      if (const auto breaker = dependency.circuit_breaker_of(i)) {
        target.breaker_threshold = breaker->threshold;
        target.breaker_open_for_hours = breaker->open_for_hours;
      }
      graph.targets.push_back(target);
    }
    graph.rows.push_back(row);
  }
  if (model.load && !model.load->journeys.empty()) {
    // Journeys: each sends its share of the admitted load to its entry.
    for (const models::Journey& journey : model.load->journeys) {
      graph.entries.push_back(index_of(index, journey.entry));
      graph.entry_shares.push_back(journey.share);
    }
  } else if (!model.entry.empty()) {
    graph.entries = {index_of(index, model.entry)};
    graph.entry_shares = {1.0};
  }
  return graph;
}

}  // namespace nines::engine
