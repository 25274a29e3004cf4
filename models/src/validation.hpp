// The semantic checks of validate_model, split by subject; shared by parse_model and code users.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nines/models/distribution.hpp"
#include "nines/models/model.hpp"
#include "reporter.hpp"

namespace nines::models::detail {

/// Checks a model and fills an empty entry; returns the warnings. Throws ModelError.
std::vector<std::string> validate(Model& model, const Reporter& reporter);

/// Checks a law's parameters; `pointer` is where the law is in a file ("/components/0/repair").
/// With `zero_allowed` false the mean must be positive.
void check_law(const Reporter& reporter, const std::string& pointer, const Distribution& law,
               bool zero_allowed);

/// Checks the standby rules of the component at `pointer` ("/components/3").
/// `coverage`, `undetected` and inspections of a component at `pointer` (their pairing rules).
void check_monitoring(const Reporter& reporter, const std::string& pointer,
                      const Component& component);
void check_standby(const Reporter& reporter, const std::string& pointer, const Standby& standby);

/// Checks the deploy schedule of the component at `pointer` ("/components/3") with the loader's
/// messages, and that at most kMaxDeploys of its deploys are due before `horizon_hours`.
void check_deploys(const Reporter& reporter, const std::string& pointer, const Deploys& deploys,
                   double horizon_hours);

/// Checks dependencies (ids, lists, cycles) and the entry (fills it when empty and inferable);
/// appends warnings for components the entry does not reach.
void check_dependencies_and_entry(Model& model, const Reporter& reporter,
                                  std::vector<std::string>& warnings);

/// Checks regions and zones (ids, regions of zones, laws) and sorts each component's placement
/// by zone id (the order a JSON object gives).
void check_zones_and_regions(Model& model, const Reporter& reporter);

/// Checks the zones or placement of the component at `index` (after check_zones_and_regions);
/// warns when it lists more zones than it has instances.
void check_placement(const Model& model, std::size_t index, const Reporter& reporter,
                     std::vector<std::string>& warnings);

/// Fails when two ids of different kinds (component, crew, zone, region) are equal, or an id is
/// a top-level key name, naming both places.
void check_id_clashes(const Model& model, const Reporter& reporter);

/// Warns about regions that hold no zone.
void warn_about_empty_regions(const Model& model, const Reporter& reporter,
                              std::vector<std::string>& warnings);

/// Checks fault injections; warns about those at or after the horizon.
void check_injections(const Model& model, const Reporter& reporter,
                      std::vector<std::string>& warnings);

/// Checks the traffic keys (capacity_rps, calls, retries, routing, list targets' settings):
/// each needs a top-level load; with a load, two components are joined by at most one row.
void check_traffic(const Model& model, const Reporter& reporter);

/// Checks the scenarios' names (non-empty, unique) and keys (well-formed, not the seed, no two
/// whose effect depends on their order); applying them is check_scenarios' job.
void check_scenario_list(const Model& model, const Reporter& reporter);

}  // namespace nines::models::detail
