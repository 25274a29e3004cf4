// Builds the request flow's structure (request_flow.hpp) from a validated model: components in
// the engine's compiled order (sorted by id), capacities, min_up, dependency rows with their
// calls, retries and routing, and the entry. The first step of flow mode (docs/traffic.md); the
// event loop does not evaluate it yet.
#pragma once

#include "nines/engine/request_flow.hpp"
#include "nines/models/model.hpp"

namespace nines::engine {

/// The flow graph of `model` (validated, with a load or not): component k is the k-th id in
/// bytewise order, as in CompiledModel; capacity per serving instance is `capacity_rps` or
/// infinity; rows are ordered by (from id, target ids) so the file's order changes nothing, and a
/// list keeps its targets in list order (the order `failover` routing tries them). Throws
/// std::invalid_argument when the model names an unknown id (it was not validated).
FlowGraph build_flow_graph(const models::Model& model);

}  // namespace nines::engine
