// GroupChain: builds a group's chain once and turns its state probabilities into pattern laws.
#include "nines/analysis/group_chain.hpp"

#include <utility>

#include "group_spec.hpp"
#include "group_state_space.hpp"
#include "steady_state_solver.hpp"
#include "transient_solver.hpp"

namespace nines::analysis {

struct GroupChain::Impl {
  detail::GroupStateSpace space;

  /// Sums state probabilities (and their down flows) by the pattern of up pools.
  [[nodiscard]] GroupLaw law(const Eigen::VectorXd& probability) const {
    const std::size_t m = space.components;
    const std::size_t patterns = std::size_t{1} << m;
    GroupLaw out;
    out.pattern_probability.assign(patterns, 0.0);
    out.down_rate_per_hour.assign(m, std::vector<double>(patterns, 0.0));
    for (std::size_t s = 0; s < space.pattern.size(); ++s) {
      const double p = probability[static_cast<Eigen::Index>(s)];
      const std::uint32_t mask = space.pattern[s];
      out.pattern_probability[mask] += p;
      for (std::size_t j = 0; j < m; ++j) {
        out.down_rate_per_hour[j][mask] += p * space.down_rate_per_hour[s * m + j];
      }
    }
    return out;
  }

  [[nodiscard]] Eigen::VectorXd stationary() const {
    return detail::solve_steady_state(space.generator);
  }
};

GroupChain::GroupChain(const models::Model& model, std::vector<std::int64_t> component_indices,
                       std::size_t max_states)
    : impl_(std::make_unique<Impl>()) {
  const detail::GroupSpec spec = detail::make_group_spec(model, component_indices);
  impl_->space = detail::build_state_space(spec, max_states);
}

GroupChain::~GroupChain() = default;
GroupChain::GroupChain(GroupChain&&) noexcept = default;
GroupChain& GroupChain::operator=(GroupChain&&) noexcept = default;

std::size_t GroupChain::states() const { return impl_->space.pattern.size(); }
std::size_t GroupChain::transitions() const { return impl_->space.transitions; }

GroupLaw GroupChain::steady_state() const { return impl_->law(impl_->stationary()); }

std::vector<GroupLaw> GroupChain::transient(std::span<const double> times_hours) const {
  const Eigen::VectorXd steady = impl_->stationary();
  Eigen::VectorXd start = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(states()));
  start[0] = 1.0;  // state 0 is the all-new start
  std::vector<GroupLaw> out(times_hours.size());
  detail::transient_laws(impl_->space.generator, start, steady, times_hours,
                         [&](std::size_t k, const Eigen::VectorXd& p) { out[k] = impl_->law(p); });
  return out;
}

}  // namespace nines::analysis
