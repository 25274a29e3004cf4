// The Markov chain of a list dependency with a timed failover and its targets: the targets'
// instance counts, the target in use (an attempt runs exactly while that one is down and another
// is up, so the attempt is not state of its own when its time is exponential).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "nines/analysis/group_chain.hpp"
#include "nines/models/model.hpp"

namespace nines::analysis {

/// Why the failover of dependency row `dependency` cannot be solved exactly ("" when it can):
/// its time must be exponential, and its targets independent hot pools with exponential laws
/// (detection may be zero), outside zones, without dependencies of their own, used by no other
/// row and not the entry.
std::string failover_refusal(const models::Model& model, std::size_t dependency);

/// The group law it gives the structure function has one bit per target (in `members` order):
/// the bit of the target in use is set while the dependency is satisfied, no bit while it is
/// not. The row's "any one of" then reads exactly "satisfied", and the only down flows are those
/// that end it: the target in use losing its pool.
class FailoverChain {
 public:
  /// `members`: the row's targets as component indices, in the group's order. Throws
  /// NotAnalysableError when the chain has more than `max_states` states.
  FailoverChain(const models::Model& model, std::size_t dependency,
                std::vector<std::int64_t> members, std::size_t max_states);

  [[nodiscard]] std::size_t states() const { return pattern_.size(); }
  [[nodiscard]] GroupLaw steady_state() const;
  [[nodiscard]] std::vector<GroupLaw> transient(std::span<const double> times_hours) const;
  /// Per member: the steady probability that its own pool is up (what the virtual pattern of
  /// steady_state() does not say).
  [[nodiscard]] std::vector<double> steady_pool_availability() const;

 private:
  [[nodiscard]] GroupLaw law(const std::vector<double>& probability) const;
  [[nodiscard]] std::vector<double> stationary() const;

  std::size_t members_ = 0;
  std::vector<std::uint32_t> pattern_;      // per state: the virtual pattern
  std::vector<double> down_rate_per_hour_;  // per state: flow out of "satisfied"
  std::vector<std::uint32_t> pools_up_;     // per state: members whose own pool is up
  // Generator as triplets (from, to, rate), rows summing to 0 once the diagonal is added.
  std::vector<std::size_t> from_;
  std::vector<std::size_t> to_;
  std::vector<double> rate_;
  std::size_t start_ = 0;  // every instance up, the first target in use
};

}  // namespace nines::analysis
