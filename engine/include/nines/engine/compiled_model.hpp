// The model compiled to dense, integer-indexed arrays: what the event loop reads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nines/engine/law_sampler.hpp"
#include "nines/models/model.hpp"

namespace nines::engine {

enum class Standby : std::uint8_t { kHot, kWarm, kCold };

struct CompiledComponent {
  std::uint32_t first_instance = 0;
  std::uint32_t instance_count = 0;
  std::uint32_t min_up = 0;
  std::int32_t crew = -1;  // -1: repairs start at once
  Standby standby = Standby::kHot;
  // What every failure and repair reads comes first: one or two cache lines per event.
  CompiledLaw failure;
  CompiledLaw detection;
  CompiledLaw repair;
  CompiledLaw dormant_failure;
  CompiledLaw switchover;
  double switch_success = 1.0;
  /// Gates this component's service needs, in `gates`: [first_gate, first_gate + gate_count).
  std::uint32_t first_gate = 0;
  std::uint32_t gate_count = 0;
  /// Components that need this one through a plain dependency, in `direct_parents`.
  std::uint32_t first_direct_parent = 0;
  std::uint32_t direct_parent_count = 0;
  /// Links to the other gates (k of a list) that list this component, in `parent_links`.
  std::uint32_t first_parent_link = 0;
  std::uint32_t parent_link_count = 0;
};

/// One dependency row: its owner's service needs at least `need` of the children up.
struct Gate {
  std::uint32_t owner = 0;
  std::uint32_t need = 0;
  std::uint32_t first_child = 0;
  std::uint32_t child_count = 0;
};

/// From a child to a gate with several children (or a need above 1) that lists it. A gate with
/// one child and need 1 (a plain dependency) is satisfied exactly when its child is up, so it
/// is kept apart, in `direct_parents`, and propagation updates its owner without gate state.
struct ParentLink {
  std::uint32_t owner = 0;
  std::uint32_t gate = 0;
};

struct CompiledModel {
  std::vector<CompiledComponent> components;
  std::vector<std::uint64_t> component_hashes;  // of the ids: keys of the random streams
  std::vector<std::string> component_ids;       // for results only, never read in the loop
  std::vector<std::uint32_t> instance_component;
  std::vector<Gate> gates;
  std::vector<std::uint32_t> gate_children;   // component indices
  std::vector<std::uint32_t> direct_parents;  // owners of plain dependencies, by child
  std::vector<ParentLink> parent_links;       // the other gates, grouped by child component
  std::vector<std::uint32_t> crew_sizes;
  std::vector<double> law_table;  // empirical samples
  std::uint32_t entry = 0;
  std::uint32_t instance_count = 0;
  double horizon_hours = 0.0;
  std::uint64_t seed = 0;
};

/// Compiles a validated model. Throws ModelError when it exceeds the engine's limits.
CompiledModel compile(const models::Model& model);

}  // namespace nines::engine
