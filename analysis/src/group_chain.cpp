// Placeholder until the Markov chain builder lands: every group is refused.
#include "nines/analysis/group_chain.hpp"

#include "nines/models/error.hpp"

namespace nines::analysis {

struct GroupChain::Impl {};

GroupChain::GroupChain(const models::Model& /*model*/, std::vector<std::int64_t> /*indices*/,
                       std::size_t /*max_states*/) {
  throw NotAnalysableError("Markov chains are not built yet");
}
GroupChain::~GroupChain() = default;
GroupChain::GroupChain(GroupChain&&) noexcept = default;
GroupChain& GroupChain::operator=(GroupChain&&) noexcept = default;
std::size_t GroupChain::states() const { return 0; }
std::size_t GroupChain::transitions() const { return 0; }
GroupLaw GroupChain::steady_state() const { return {}; }
std::vector<GroupLaw> GroupChain::transient(std::span<const double> /*times_hours*/) const {
  return {};
}

}  // namespace nines::analysis
