// A layered drawing of the dependency graph (entry at the top), for views that draw the model.
#pragma once

#include <cstdint>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::models {

/// One box of the drawing: a component, or the junction of a list dependency ("k of m").
struct LayoutNode {
  /// Index into Model::components, or -1 for a junction.
  std::int64_t component = -1;
  /// For a junction, its index into Model::dependencies; else -1.
  std::int64_t dependency = -1;
  /// 0 at the top; a node sits below every node that depends on it.
  int layer = 0;
  /// Position inside its layer in slot units (0, 1, 2, ...), centred on the widest layer.
  double x = 0.0;
};

/// An arrow "from needs to": from a dependent (or a junction) down to what it needs.
struct LayoutEdge {
  std::size_t from = 0;
  std::size_t to = 0;
  /// The dependency row it draws, and the list target it reaches (-1: the row's caller edge, or
  /// a single-target row).
  std::int64_t dependency = -1;
  std::int64_t target = -1;
};

struct GraphLayout {
  /// Components first (node i is component i), then one junction per list dependency.
  std::vector<LayoutNode> nodes;
  std::vector<LayoutEdge> edges;
  int layers = 0;
  /// False when the graph has a cycle (an invalid model): then every node is in layer 0.
  bool acyclic = true;
};

/// Lays the model out in layers by topological order (Boost.Graph): a node's layer is one more
/// than the deepest node that needs it, so the components nothing depends on (the entry among
/// them) form the top layer. Inside a layer nodes are ordered by the mean position of the nodes
/// that need them (a few barycentre sweeps), which keeps arrows short and rarely crossing.
/// Linear in nodes and edges per sweep: a 1,000-component model takes milliseconds. Dependencies
/// naming unknown ids are skipped, so it also draws models that do not validate.
GraphLayout layered_layout(const Model& model);

/// Rows for drawing `layout` (one per node, 0 at the top) that wrap a wide drawing into a taller
/// one, the way a paragraph wraps a long line: the nodes, in depth-first order from the top
/// (children in layer order), are cut into consecutive bands of equal size, so a band holds
/// whole subtrees; a node joins the band of its lowest dependent when that is later, so every
/// edge still points down; each band keeps its layers and starts below the band before it.
/// The number of bands minimises max(widest row, `width_per_height` x rows) with a node counted
/// as kNodeWidthPerRow rows wide, so the drawing is about `width_per_height` times as wide as
/// it is high (1 band, the plain layers, when that is best). A cyclic layout keeps its layers.
std::vector<int> wrapped_rows(const GraphLayout& layout, double width_per_height);

/// How much wider a box is than a row is high, on average, in wrapped_rows' estimate.
inline constexpr double kNodeWidthPerRow = 1.7;

}  // namespace nines::models
