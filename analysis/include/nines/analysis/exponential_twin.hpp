// The exponential twin of a model: every law replaced by the exponential law of the same mean,
// for `nines analyze --approximate exponential`; and the laws the Markov solver cannot carry.
#pragma once

#include <string>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::analysis {

struct ExponentialTwin {
  models::Model model;
  /// The laws that were replaced, as "db.repair (lognormal)", in model order.
  std::vector<std::string> replaced;
  /// Components with a replaced law whose instances are coupled (a crew, warm/cold standby):
  /// their steady state is an approximation. An independent pool's steady state depends on its
  /// laws' means only (insensitivity), so for it the twin's answer is exact. Also the timed
  /// failovers ("FROM->FIRST") whose time or targets' laws were replaced: their chain is one.
  std::vector<std::string> approximated;
};

/// The model with every law that is neither exponential nor zero replaced by the exponential
/// law of the same mean (components, zones and regions).
ExponentialTwin exponential_twin(const models::Model& model);

/// Every law that keeps the Markov solver from a coupled component (a crew, warm/cold standby),
/// as `component "db": its repair is lognormal`, in model order; empty when there is none.
std::vector<std::string> non_exponential_chain_laws(const models::Model& model);

}  // namespace nines::analysis
