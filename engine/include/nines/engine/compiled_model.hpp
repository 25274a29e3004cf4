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
  CompiledLaw failure;
  CompiledLaw dormant_failure;
  CompiledLaw detection;
  CompiledLaw repair;
  CompiledLaw switchover;
  double switch_success = 1.0;
  /// Gates this component's service needs, in `gates`: [first_gate, first_gate + gate_count).
  std::uint32_t first_gate = 0;
  std::uint32_t gate_count = 0;
  /// Links to the gates that list this component as a child, in `parent_links`.
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

/// From a child to a gate that needs it. A gate with one child and need 1 (a plain dependency)
/// is satisfied exactly when its child is up, so its link says kDirect and propagation updates
/// the owner without touching gate state.
struct ParentLink {
  static constexpr std::uint32_t kDirect = 0xffffffffU;
  std::uint32_t owner = 0;
  std::uint32_t gate = kDirect;
};

struct CompiledModel {
  std::vector<CompiledComponent> components;
  std::vector<std::uint64_t> component_hashes;  // of the ids: keys of the random streams
  std::vector<std::string> component_ids;       // for results only, never read in the loop
  std::vector<std::uint32_t> instance_component;
  std::vector<Gate> gates;
  std::vector<std::uint32_t> gate_children;  // component indices
  std::vector<ParentLink> parent_links;      // grouped by child component
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
