// Which traffic mechanisms of a model the exact solvers cannot answer (flow mode).
#pragma once

#include <string>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::analysis::detail {

/// One clause per traffic mechanism that serves part of the load (flow mode), each naming the
/// mechanism and its JSON pointer, in file order: components (`capacity_rps`, `overload`,
/// `load_shedding`),
/// dependency rows (`mode` "soft" or "cache", `circuit_breaker` of the row or of a list
/// target), the load (`limit_rps`, `spikes`, `journeys`). Empty without a load, or with hard
/// edges only (any `routing`, `calls` and `retries`), which analyse exactly as without a load.
std::vector<std::string> flow_refusals(const models::Model& model);

}  // namespace nines::analysis::detail
