// Generators of large synthetic models, built in code, for benchmarks and for timing the CLI.
#pragma once

#include <cstdint>

#include "nines/models/model.hpp"

namespace nines::bench {

/// Every generated instance fails exponentially with this mean (hours)...
inline constexpr double kMtbfHours = 1000.0;
/// ...and is repaired exponentially with this mean (hours), at once (no detection delay, no crew).
inline constexpr double kMttrHours = 10.0;

/// A random layered DAG: components "c0" .. "c<n-1>", each a pool of `instances` needing
/// `min_up`; component j >= 1 depends on min(j, `deps_per_component`) distinct components of lower
/// index drawn at random (single dependencies, all needed). The last component is the entry: to
/// make it reach everything it also depends on every other component nothing depended on, so the
/// model has exactly `components` components and one root. The draws depend only on `seed` (own
/// generator, so the model is the same on every platform). Horizon 1y, 1000 replications, seed 1.
/// Returns a validated model. Throws UsageError on a count below its minimum and ModelError when
/// the model breaks a rule (e.g. min_up > instances).
models::Model layered_random(std::int64_t components, std::int64_t instances, std::int64_t min_up,
                             std::int64_t deps_per_component, std::uint64_t seed = 1);

/// `components` pools of `instances` needing `min_up` in series: "c0" (the entry) depends on
/// "c1", which depends on "c2", and so on. Horizon 1y, 1000 replications, seed 1. Validated.
models::Model series(std::int64_t components, std::int64_t instances, std::int64_t min_up);

/// One huge pool "fleet" of `instances` needing `min_up` (defaults: 1,000,000 needing 980,000, so
/// the pool is practically never down and the run measures the raw event rate). Horizon 1y,
/// 10 replications, seed 1. Validated.
models::Model huge_pool(std::int64_t instances = 1'000'000, std::int64_t min_up = 980'000);

/// Total instances of all components of the model.
std::int64_t total_instances(const models::Model& model);

}  // namespace nines::bench
