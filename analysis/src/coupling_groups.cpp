// Groups the coupled components: one group per crew (with everything that uses it), one per
// standby pool without a crew.
#include "nines/analysis/coupling_groups.hpp"

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
  return groups;
}

}  // namespace nines::analysis
