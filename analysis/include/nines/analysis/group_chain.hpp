// The continuous-time Markov chain of a group of components that share state: a repair crew, or
// warm/cold standby. Groups are independent of each other, so the system combines their laws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "nines/models/model.hpp"

namespace nines::analysis {

/// The up/down law of a group's pools at one time (or in steady state).
/// Bit j of a pattern is the j-th component of the group (in the order given to GroupChain): set
/// when that pool is up (at least min_up instances active and up, as the simulator counts it).
struct GroupLaw {
  /// pattern_probability[mask]: probability that exactly the pools set in `mask` are up.
  /// Size 2^m for a group of m components; sums to 1.
  std::vector<double> pattern_probability;
  /// down_rate_per_hour[j][mask]: probability flow (per hour) of transitions that take pool j
  /// from up to down while the group's pattern is `mask` (bit j set). Zero where bit j is clear.
  std::vector<std::vector<double>> down_rate_per_hour;
};

/// Default limit on the number of states (`nines analyze --max-states`).
inline constexpr std::size_t kDefaultMaxStates = 2'000'000;

/// The chain of one group. Every law of its components (failure, detection, repair, switchover,
/// dormant failure) must be exponential or zero; a crew named by a component of the group must be
/// used only by components of the group. Instances start new: all up, the first min_up active.
class GroupChain {
 public:
  /// Builds the state space and generator. Throws NotAnalysableError when a law is not
  /// exponential (naming the component, the key and its type) or when the chain has more than
  /// `max_states` states (naming the size and suggesting `nines run`).
  GroupChain(const models::Model& model, std::vector<std::int64_t> component_indices,
             std::size_t max_states = kDefaultMaxStates);
  ~GroupChain();
  GroupChain(GroupChain&&) noexcept;
  GroupChain& operator=(GroupChain&&) noexcept;
  GroupChain(const GroupChain&) = delete;
  GroupChain& operator=(const GroupChain&) = delete;

  [[nodiscard]] std::size_t states() const;
  [[nodiscard]] std::size_t transitions() const;

  /// The stationary law (pi Q = 0, sum pi = 1). Sparse LU for small chains, an iterative solver
  /// for large ones.
  [[nodiscard]] GroupLaw steady_state() const;

  /// The laws at each of `times_hours` (non-decreasing, >= 0) from the all-new start.
  [[nodiscard]] std::vector<GroupLaw> transient(std::span<const double> times_hours) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nines::analysis
