// The structure function of a model: for every component, when it can serve, as a BDD over the
// up/down states of the pools.
#pragma once

#include <cstdint>
#include <vector>

#include "nines/analysis/bdd.hpp"
#include "nines/models/model.hpp"

namespace nines::analysis {

struct SystemStructure {
  Bdd bdd;
  /// BDD variable of each component's pool (model order). Variables follow a depth-first walk
  /// from the entry, which keeps a service next to what it depends on.
  std::vector<std::uint32_t> variable_of;
  /// When each component can serve: its pool up and its dependencies met (model order).
  std::vector<BddRef> service;
  /// The entry's service: the system.
  BddRef system = Bdd::kFalse;
  /// The system's function alone, for evaluations that need nothing else (over the horizon).
  Bdd system_only;
  BddRef system_only_root = Bdd::kFalse;
};

/// Builds the structure of a validated model. Throws NotAnalysableError past `max_nodes`.
SystemStructure build_system_structure(const models::Model& model,
                                       std::size_t max_nodes = 20'000'000);

}  // namespace nines::analysis
