// Turns a group's components into chain rates, refusing laws a Markov chain cannot carry.
#include "group_spec.hpp"

#include <algorithm>
#include <stdexcept>

#include "nines/models/error.hpp"

namespace nines::analysis::detail {
namespace {

constexpr const char* kUseRun = "; use 'nines run' for a simulation estimate";

[[noreturn]] void refuse_law(const models::Component& component, const std::string& key,
                             const std::string& what) {
  throw NotAnalysableError("component \"" + component.id + "\": its " + key + " is " + what +
                           "; the Markov solver needs exponential (or zero) laws when a crew or "
                           "warm/cold standby couples instances" +
                           kUseRun);
}

/// The engine runs a zero law inline, so a zero detection, repair or switchover is an instant
/// step of the chain; a zero failure would fail forever at one instant, so it is refused.
ChainLaw chain_law(const models::Component& component, const std::string& key,
                   const models::Distribution& law, bool zero_allowed) {
  if (models::is_zero(law)) {
    if (!zero_allowed) refuse_law(component, key, "always 0");
    return ChainLaw{};
  }
  if (!models::is_exponential(law)) refuse_law(component, key, models::type_name(law));
  return ChainLaw{false, 1.0 / std::get<models::Exponential>(law).mean_hours};
}

/// A count of a validated model, within the packed state's 16-bit counters.
std::uint32_t checked_count(const models::Component& component, std::int64_t value,
                            const char* key) {
  if (component.instances > kMaxChainInstances) {
    throw NotAnalysableError("component \"" + component.id + "\": more than " +
                             std::to_string(kMaxChainInstances) +
                             " instances for the Markov solver" + kUseRun);
  }
  if (value < 1 || value > component.instances) {
    throw std::invalid_argument("component \"" + component.id + "\": bad " + key +
                                " (was the model validated?)");
  }
  return static_cast<std::uint32_t>(value);
}

ChainComponent chain_component(const models::Component& c) {
  ChainComponent out;
  out.id = c.id;
  out.instances = checked_count(c, c.instances, "instances");
  out.min_up = checked_count(c, c.min_up, "min_up");
  out.hot = c.standby.mode == models::StandbyMode::kHot;
  // Keys in the order and spelling of the model file.
  out.failure_rate_per_hour = chain_law(c, "failure", c.failure, false).rate_per_hour;
  out.detection = chain_law(c, "detection", c.detection, true);
  if (c.inspections) {
    throw NotAnalysableError("component \"" + c.id +
                             "\": periodic inspections make an instance neither a renewal "
                             "process nor a Markov chain" +
                             kUseRun);
  }
  out.coverage = c.coverage.value_or(1.0);
  if (out.coverage < 1.0 && c.undetected) {
    out.undetected = chain_law(c, "undetected", *c.undetected, true);
  }
  out.repair = chain_law(c, "repair", c.repair, true);
  if (!out.hot) {
    out.switchover = chain_law(c, "standby.switchover", c.standby.switchover, true);
    out.switch_success = c.standby.switch_success;
    if (c.standby.mode == models::StandbyMode::kWarm && c.standby.dormant_failure) {
      out.dormant_rate_per_hour =
          chain_law(c, "standby.dormant_failure", *c.standby.dormant_failure, false).rate_per_hour;
    }
  }
  return out;
}

}  // namespace

GroupSpec make_group_spec(const models::Model& model, std::span<const std::int64_t> indices) {
  GroupSpec spec;
  std::vector<bool> in_group(model.components.size(), false);
  for (const std::int64_t index : indices) {
    if (index < 0 || static_cast<std::size_t>(index) >= model.components.size() ||
        in_group[static_cast<std::size_t>(index)]) {
      throw std::invalid_argument("GroupChain: bad or repeated component index " +
                                  std::to_string(index));
    }
    in_group[static_cast<std::size_t>(index)] = true;
  }
  if (indices.empty()) throw std::invalid_argument("GroupChain: an empty group");
  if (indices.size() > 16) {
    throw NotAnalysableError("a Markov chain of more than 16 components" + std::string(kUseRun));
  }
  for (const std::int64_t index : indices) {
    const models::Component& c = model.components[static_cast<std::size_t>(index)];
    spec.components.push_back(chain_component(c));
    if (c.crew.empty()) continue;
    const auto local = static_cast<std::uint32_t>(spec.components.size() - 1);
    auto it = std::find_if(spec.crews.begin(), spec.crews.end(),
                           [&](const ChainCrew& crew) { return crew.id == c.crew; });
    if (it == spec.crews.end()) {
      const auto crew = std::find_if(model.crews.begin(), model.crews.end(),
                                     [&](const models::Crew& k) { return k.id == c.crew; });
      if (crew == model.crews.end() || crew->size < 1) {
        throw std::invalid_argument("component \"" + c.id + "\": unknown crew \"" + c.crew + "\"");
      }
      spec.crews.push_back(ChainCrew{crew->id, static_cast<std::uint32_t>(crew->size), {}});
      it = spec.crews.end() - 1;
    }
    it->components.push_back(local);
    spec.components.back().crew = static_cast<std::int32_t>(it - spec.crews.begin());
  }
  // A crew shared with a component outside the group would couple this chain to another.
  for (std::size_t i = 0; i < model.components.size(); ++i) {
    const std::string& crew = model.components[i].crew;
    if (in_group[i] || crew.empty()) continue;
    for (const ChainCrew& k : spec.crews) {
      if (k.id == crew) {
        throw std::invalid_argument("GroupChain: crew \"" + crew + "\" also serves component \"" +
                                    model.components[i].id + "\" outside the group");
      }
    }
  }
  return spec;
}

std::string describe_group(const GroupSpec& spec) {
  std::string out = spec.components.size() == 1 ? "component " : "components ";
  for (std::size_t i = 0; i < spec.components.size(); ++i) {
    out += (i == 0 ? "\"" : ", \"") + spec.components[i].id + "\"";
  }
  if (!spec.crews.empty()) {
    out += spec.crews.size() == 1 ? " (crew " : " (crews ";
    for (std::size_t k = 0; k < spec.crews.size(); ++k) {
      out += (k == 0 ? "\"" : ", \"") + spec.crews[k].id + "\"";
    }
    out += ")";
  }
  return out;
}

}  // namespace nines::analysis::detail
