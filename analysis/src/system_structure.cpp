// Builds the service BDD of every component, dependencies first.
#include "nines/analysis/system_structure.hpp"

#include <cstddef>
#include <ranges>
#include <string_view>
#include <unordered_map>

#include "nines/models/dependency_graph.hpp"

namespace nines::analysis {

namespace {

/// The dependencies as indices: which ones each component has, and their targets.
struct Edges {
  std::vector<std::vector<std::size_t>> dependencies_of;  // indices into model.dependencies
  std::vector<std::vector<std::size_t>> targets;          // per dependency, component indices
};

Edges index_edges(const models::Model& model) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t c = 0; c < model.components.size(); ++c) index[model.components[c].id] = c;
  Edges edges;
  edges.dependencies_of.resize(model.components.size());
  for (std::size_t d = 0; d < model.dependencies.size(); ++d) {
    const models::Dependency& dep = model.dependencies[d];
    edges.dependencies_of[index.at(dep.from)].push_back(d);
    auto& targets = edges.targets.emplace_back();
    for (const auto& to : dep.to) targets.push_back(index.at(to));
  }
  return edges;
}

/// Pre-order of a depth-first walk from the entry, then from every component not yet seen.
std::vector<std::uint32_t> depth_first_variables(const models::Model& model, const Edges& edges) {
  const std::size_t n = model.components.size();
  std::vector<std::uint32_t> variable_of(n, 0);
  std::vector<bool> seen(n, false);
  std::uint32_t next = 0;
  std::vector<std::size_t> stack;
  auto walk_from = [&](std::size_t start) {
    stack.push_back(start);
    while (!stack.empty()) {
      const std::size_t c = stack.back();
      stack.pop_back();
      if (seen[c]) continue;
      seen[c] = true;
      variable_of[c] = next++;
      // Push in reverse so the first listed dependency is visited first.
      const auto& deps = edges.dependencies_of[c];
      for (const std::size_t d : std::views::reverse(deps)) {
        for (const std::size_t t : std::views::reverse(edges.targets[d])) {
          if (!seen[t]) stack.push_back(t);
        }
      }
    }
  };
  walk_from(static_cast<std::size_t>(model.component_index(model.entry)));
  for (std::size_t c = 0; c < n; ++c) {
    if (!seen[c]) walk_from(c);
  }
  return variable_of;
}

}  // namespace

SystemStructure build_system_structure(const models::Model& model, std::size_t max_nodes) {
  SystemStructure s{Bdd(max_nodes), {}, {}, Bdd::kFalse, Bdd(0), Bdd::kFalse};
  const Edges edges = index_edges(model);
  s.variable_of = depth_first_variables(model, edges);
  s.service.assign(model.components.size(), Bdd::kFalse);
  std::vector<BddRef> targets;
  std::vector<BddRef> terms;
  for (const std::int64_t c : models::topological_order(model)) {
    const auto uc = static_cast<std::size_t>(c);
    // Its pool and every row met, conjoined at once: an entry with thousands of rows would
    // otherwise rebuild its growing conjunction once per row.
    terms.assign(1, s.bdd.variable(s.variable_of[uc]));
    for (const std::size_t d : edges.dependencies_of[uc]) {
      targets.clear();
      for (const std::size_t to : edges.targets[d]) targets.push_back(s.service[to]);
      terms.push_back(s.bdd.at_least(model.dependencies[d].min_up, targets));
    }
    s.service[uc] = s.bdd.conjunction(terms);
  }
  s.bdd.compact(s.service);
  s.system = s.service[static_cast<std::size_t>(model.component_index(model.entry))];
  s.system_only = s.bdd;
  std::vector<BddRef> root = {s.system};
  s.system_only.compact(root);
  s.system_only_root = root.front();
  return s;
}

}  // namespace nines::analysis
