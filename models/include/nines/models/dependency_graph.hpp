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

/// For each component, whether the entry (with `load.journeys`, any journey's entry) reaches it
/// through dependencies (the entry itself: true).
std::vector<bool> reachable_from_entry(const Model& model);

/// Indices of the components nothing depends on (candidates for the entry).
std::vector<std::int64_t> roots(const Model& model);

/// Where a component's instances are, as "eu-a:2 eu-b:1" (zones in the order instances are
/// handed out; zones holding none left out), or "" when it is outside every zone.
std::string placement_label(const Model& model, const Component& component);

/// How a warm or cold pool takes over: "cold standby, switchover 3m, 97 % succeed". The
/// switchover as a model file writes it: an exponential law by its mean ("switchover 3m", the
/// bare duration), a fixed one as "fixed switchover 30s" or "instant switchover", any other law
/// by its mean ("switchover mean 4.2m"). "" for hot standby.
std::string standby_label(const Component& component);

/// A list dependency's failover for its junction's label: "failover 5m", "fixed failover 5m,
/// 99 % succeed, manual failback".
std::string failover_label(const Failover& failover);

/// What a run found for one component, for write_dot to draw on its node.
struct NodeFigures {
  /// Fraction of the system downtime charged to it, in [0, 1]; picks the fill colour.
  double downtime_share = 0.0;
  /// Lines added to its label, e.g. "99.95 % available\n12.0 % of downtime".
  std::string caption;
};

/// The fill colour of a node with this share of the downtime, as Graphviz "H S V": pale green
/// at 0 through orange to red at 1 (the GUI's graph view uses the same rule).
std::string share_colour(double downtime_share);

/// Graphviz DOT, drawn top-down (dependents above what they need): pools labelled "id\nk of n",
/// a line with their placement_label when placed in zones and one with their standby_label when
/// warm or cold; list dependencies drawn through a junction node labelled "k of m"; each crew a
/// note with dashed lines to its components. Wide graphs are wrapped (see wrapped_rows): every
/// row is a `rank=same` group, kept in order by invisible edges, and edges spanning several
/// rows have weight 0 so they bend around the bands instead of pushing them apart.
/// `figures`: empty, or one per component (then nodes are filled with share_colour and labelled
/// with the caption).
void write_dot(const Model& model, std::ostream& out, const std::vector<NodeFigures>& figures = {});

}  // namespace nines::models
