// Replaces laws by exponentials of the same mean, and lists the laws a Markov chain cannot carry.
#include "nines/analysis/exponential_twin.hpp"

#include "nines/analysis/coupling_groups.hpp"
#include "nines/models/distribution.hpp"

namespace nines::analysis {

namespace {

/// Laws the twin keeps: exponential, zero, and never (a component that never fails stays so).
bool exponential_or_zero(const models::Distribution& law) {
  return models::is_exponential(law) || models::is_zero(law) || models::is_never(law);
}

/// Calls `visit(key, law)` for every law of the component the Markov solver reads, with the
/// key as a model file spells it.
template <typename Visit>
void for_each_law(models::Component& c, Visit visit) {
  visit("failure", c.failure);
  visit("detection", c.detection);
  visit("repair", c.repair);
  // The undetected law is read only when coverage is below 1.
  if (c.undetected && c.coverage.value_or(1.0) < 1.0) visit("undetected", *c.undetected);
  if (c.standby.mode == models::StandbyMode::kHot) return;
  visit("standby.switchover", c.standby.switchover);
  if (c.standby.dormant_failure) visit("standby.dormant_failure", *c.standby.dormant_failure);
}

}  // namespace

ExponentialTwin exponential_twin(const models::Model& model) {
  ExponentialTwin twin;
  twin.model = model;
  const auto replace = [&](const std::string& owner, const std::string& key,
                           models::Distribution& law) {
    if (exponential_or_zero(law)) return false;
    twin.replaced.push_back(owner + "." + key + " (" + models::type_name(law) + ")");
    law = models::Exponential{models::mean_hours(law)};
    return true;
  };
  for (auto& c : twin.model.components) {
    bool replaced = false;
    for_each_law(c, [&](const char* key, models::Distribution& law) {
      replaced = replace(c.id, key, law) || replaced;
    });
    if (replaced && is_coupled(c)) twin.approximated.push_back(c.id);
  }
  for (auto& z : twin.model.zones) {
    replace(z.id, "failure", z.failure);
    replace(z.id, "repair", z.repair);
  }
  for (auto& r : twin.model.regions) {
    replace(r.id, "failure", r.failure);
    replace(r.id, "repair", r.repair);
  }
  // A failover's chain is exact only with exponential laws, so its twin is an approximation
  // when any law it follows (its time, its targets') was replaced.
  for (auto& d : twin.model.dependencies) {
    if (!d.failover) continue;
    const std::string id = d.from + "->" + d.to.front();
    bool replaced = replace(id, "failover.time", d.failover->time);
    for (const auto& target : d.to) {
      for (const auto& replaced_law : twin.replaced) {
        if (replaced_law.rfind(target + ".", 0) == 0) replaced = true;
      }
    }
    if (replaced) twin.approximated.push_back(id);
  }
  return twin;
}

std::vector<std::string> non_exponential_chain_laws(const models::Model& model) {
  std::vector<std::string> laws;
  models::Model copy = model;
  for (auto& c : copy.components) {
    if (!is_coupled(c)) continue;
    for_each_law(c, [&](const char* key, models::Distribution& law) {
      if (!exponential_or_zero(law)) {
        laws.push_back("component \"" + c.id + "\": its " + key + " is " + models::type_name(law));
      }
    });
  }
  return laws;
}

}  // namespace nines::analysis
