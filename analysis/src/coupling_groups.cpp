// Groups the coupled components: one group per crew (with everything that uses it), one per
// standby pool without a crew.
#include "nines/analysis/coupling_groups.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace nines::analysis {

bool is_coupled(const models::Component& component) {
  return !component.crew.empty() || component.standby.mode != models::StandbyMode::kHot;
}

CouplingGroups find_coupling_groups(const models::Model& model) {
  CouplingGroups groups;
  groups.group_of.assign(model.components.size(), -1);
  std::map<std::string, int> group_of_crew;
  for (std::size_t c = 0; c < model.components.size(); ++c) {
    const models::Component& component = model.components[c];
    if (!is_coupled(component)) continue;
    int group = -1;
    if (!component.crew.empty()) {
      const auto [it, inserted] =
          group_of_crew.emplace(component.crew, static_cast<int>(groups.members.size()));
      group = it->second;
      if (inserted) groups.members.emplace_back();
    } else {
      group = static_cast<int>(groups.members.size());
      groups.members.emplace_back();
    }
    groups.group_of[c] = group;
    groups.members[static_cast<std::size_t>(group)].push_back(static_cast<std::int64_t>(c));
  }
  groups.failover_row.assign(groups.members.size(), -1);
  // A timed failover's targets are solved together with the row (failover_chain.hpp); rows the
  // chain cannot solve are refused before this.
  for (std::size_t d = 0; d < model.dependencies.size(); ++d) {
    const models::Dependency& row = model.dependencies[d];
    if (!row.failover) continue;
    std::vector<std::int64_t> members;
    for (const auto& target : row.to) members.push_back(model.component_index(target));
    std::sort(members.begin(), members.end());
    for (const std::int64_t c : members) {
      if (groups.group_of[static_cast<std::size_t>(c)] < 0) {
        groups.group_of[static_cast<std::size_t>(c)] = static_cast<int>(groups.members.size());
      }
    }
    groups.members.push_back(std::move(members));
    groups.failover_row.push_back(static_cast<std::int64_t>(d));
  }
  return groups;
}

}  // namespace nines::analysis
