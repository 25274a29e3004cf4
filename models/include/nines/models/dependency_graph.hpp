// The dependency graph of a model on Boost.Graph: order, cycles, reachability, DOT output.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::models {

/// Component indices such that every component comes after all components it depends on.
/// Precondition: the graph is acyclic (validated models are).
std::vector<std::int64_t> topological_order(const Model& model);

/// A cycle as component indices (first == last), or nothing when the graph is acyclic.
std::optional<std::vector<std::int64_t>> find_cycle(const Model& model);

/// For each component, whether the entry reaches it through dependencies (the entry itself: true).
std::vector<bool> reachable_from_entry(const Model& model);

/// Indices of the components nothing depends on (candidates for the entry).
std::vector<std::int64_t> roots(const Model& model);

/// Where a component's instances are, as "eu-a:2 eu-b:1" (zones in the order instances are
/// handed out; zones holding none left out), or "" when it is outside every zone.
std::string placement_label(const Model& model, const Component& component);

/// Graphviz DOT via boost::write_graphviz: pools labelled "id\nk of n" and, when placed in
/// zones, a line with their placement_label; list dependencies drawn through a junction node
/// labelled "k of m".
void write_dot(const Model& model, std::ostream& out);

}  // namespace nines::models
