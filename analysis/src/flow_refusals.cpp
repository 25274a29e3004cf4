// The traffic mechanisms the exact solvers refuse (flow_refusals.hpp).
#include "flow_refusals.hpp"

namespace nines::analysis::detail {

std::vector<std::string> flow_refusals(const models::Model& model) {
  std::vector<std::string> refused;
  if (!model.load) return refused;
  for (std::size_t c = 0; c < model.components.size(); ++c) {
    const models::Component& component = model.components[c];
    const std::string at = "/components/" + std::to_string(c);
    if (component.capacity_rps) {
      refused.push_back(at + "/capacity_rps: component \"" + component.id +
                        "\" has a capacity, which serves part of the load (flow mode)");
    }
    if (component.overload) {
      refused.push_back(at + "/overload: component \"" + component.id +
                        "\" crashes when overloaded (flow mode)");
    }
    if (component.load_shedding.value_or(false)) {
      refused.push_back(at + "/load_shedding: component \"" + component.id +
                        "\" sheds the demand above its capacity (flow mode)");
    }
  }
  for (std::size_t d = 0; d < model.dependencies.size(); ++d) {
    const models::Dependency& row = model.dependencies[d];
    const std::string at = "/dependencies/" + std::to_string(d);
    const std::string edge = "\"" + row.from + "\" -> " +
                             (row.is_list ? std::string("its list") : "\"" + row.to.front() + "\"");
    for (std::size_t i = 0; i < row.target_traffic.size(); ++i) {
      if (!row.target_traffic[i].circuit_breaker) continue;
      refused.push_back(at + "/to/" + std::to_string(i) +
                        "/circuit_breaker: a circuit breaker on \"" + row.from + "\" -> \"" +
                        row.to[i] + "\" stops the calls to a failing target (flow mode)");
    }
    if (row.mode == models::DependencyMode::kSoft) {
      refused.push_back(at + "/mode: the soft dependency " + edge +
                        " fails only part of the calls (flow mode)");
    } else if (row.mode == models::DependencyMode::kCache) {
      refused.push_back(at + "/mode: the cache on " + edge +
                        " answers part of the calls (flow mode)");
    }
    if (row.circuit_breaker) {
      refused.push_back(at + "/circuit_breaker: a circuit breaker on " + edge +
                        " stops the calls to a failing target (flow mode)");
    }
  }
  if (model.load->limit_rps) {
    refused.push_back("/load/limit_rps: a rate limit serves part of the load (flow mode)");
  }
  if (!model.load->spikes.empty()) {
    refused.push_back("/load/spikes: " + std::to_string(model.load->spikes.size()) +
                      " spike source(s) change the load over time (flow mode)");
  }
  if (!model.load->journeys.empty()) {
    refused.push_back("/load/journeys: journeys split the load between " +
                      std::to_string(model.load->journeys.size()) + " entries (flow mode)");
  }
  return refused;
}

}  // namespace nines::analysis::detail
