// The slice of a model one group's Markov chain needs: checked laws as rates, pool sizes, crews.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::analysis::detail {

/// A duration law the chain can carry: instantaneous (the engine's inline zero) or exponential.
struct ChainLaw {
  bool zero = true;
  double rate_per_hour = 0.0;
};

struct ChainComponent {
  std::string id;
  std::uint32_t instances = 1;
  std::uint32_t min_up = 1;
  bool hot = true;
  /// Only warm idle instances fail; the rate is zero for hot and cold pools.
  double dormant_rate_per_hour = 0.0;
  double failure_rate_per_hour = 0.0;
  ChainLaw detection;
  /// Monitoring coverage: a failure is caught (then `detection`) with this probability, else
  /// missed (then `undetected`).
  double coverage = 1.0;
  ChainLaw undetected;
  ChainLaw repair;
  ChainLaw switchover;
  double switch_success = 1.0;
  /// Index into GroupSpec::crews, or -1 when repairs start at once.
  std::int32_t crew = -1;
};

struct ChainCrew {
  std::string id;
  std::uint32_t size = 1;
  /// Group-local indices of the components it serves.
  std::vector<std::uint32_t> components;
};

struct GroupSpec {
  std::vector<ChainComponent> components;
  std::vector<ChainCrew> crews;
};

/// Largest pool the packed state can count (16-bit counters).
inline constexpr std::uint32_t kMaxChainInstances = 65535;

/// Reads the group's components from the model. Throws NotAnalysableError for a law that is not
/// exponential (or zero where the engine allows zero), and std::invalid_argument for a caller
/// error (bad or repeated index, a crew also used outside the group).
GroupSpec make_group_spec(const models::Model& model, std::span<const std::int64_t> indices);

/// `components "a", "b" (crew "oncall")`: how messages name the group.
std::string describe_group(const GroupSpec& spec);

}  // namespace nines::analysis::detail
