// The chain of a timed failover and its targets. Each target is a hot pool of independent
// instances (up -> undetected -> in repair -> up), so its state is the count of instances in
// each phase; the row adds the target in use. With an exponential time (rate f) and success p,
// an attempt that runs while the target in use is down and another is up ends in a switch at
// rate f p (a failed attempt starts another at once, and the exponential forgets its age).
#include "nines/analysis/failover_chain.hpp"

#include <Eigen/Sparse>
#include <algorithm>
#include <unordered_map>

#include "nines/models/error.hpp"
#include "steady_state_solver.hpp"
#include "transient_solver.hpp"

namespace nines::analysis {

namespace {

/// A target's instance counts: up, failed but undetected (the rest are in repair).
struct PoolState {
  std::int64_t up = 0;
  std::int64_t undetected = 0;
};

/// The laws of one target, as rates per hour (0 for a zero detection: straight to repair).
struct TargetRates {
  std::int64_t instances = 1;
  std::int64_t min_up = 1;
  double failure = 0.0;
  double detection = 0.0;  // 0: instantaneous
  double repair = 0.0;
};

double rate_of(const models::Distribution& law) {
  return models::is_zero(law) || models::is_never(law) ? 0.0 : 1.0 / models::mean_hours(law);
}

}  // namespace

std::string failover_refusal(const models::Model& model, std::size_t dependency) {
  const models::Dependency& row = model.dependencies[dependency];
  const std::string name = "dependency " + row.from + "->" + row.to.front();
  if (!row.failover) return "";
  if (!models::is_exponential(row.failover->time)) {
    return name + ": its failover time is " + models::type_name(row.failover->time) +
           " (the chain needs an exponential time)";
  }
  for (const std::string& target : row.to) {
    const std::int64_t index = model.component_index(target);
    const models::Component& c = model.components[static_cast<std::size_t>(index)];
    const std::string what = name + ": target \"" + target + "\" ";
    if (!c.crew.empty() || c.standby.mode != models::StandbyMode::kHot) {
      return what + "has a crew or standby (the chain needs independent hot instances)";
    }
    if (!models::is_never(c.failure) &&
        (!models::is_exponential(c.failure) ||
         !(models::is_exponential(c.detection) || models::is_zero(c.detection)) ||
         !models::is_exponential(c.repair))) {
      return what + "has a non-exponential law";
    }
    if (!c.zones.empty() || !c.placement.empty()) return what + "is placed in zones";
    if (c.coverage && *c.coverage < 1.0) {
      return what + "has monitoring coverage below 1 (the chain follows caught failures only)";
    }
    if (target == model.entry) return what + "is the entry";
    for (std::size_t k = 0; k < model.dependencies.size(); ++k) {
      const models::Dependency& other = model.dependencies[k];
      if (other.from == target) return what + "has dependencies of its own";
      if (k == dependency) continue;
      if (std::find(other.to.begin(), other.to.end(), target) != other.to.end()) {
        return what + "is also needed by " + other.from;
      }
    }
  }
  return "";
}

FailoverChain::FailoverChain(const models::Model& model, std::size_t dependency,
                             std::vector<std::int64_t> members, std::size_t max_states)
    : members_(members.size()) {
  const models::Dependency& row = model.dependencies[dependency];
  const models::Failover& failover = *row.failover;
  const std::size_t targets = row.to.size();
  // List position -> member bit, and each target's rates.
  std::vector<std::uint32_t> bit(targets);
  std::vector<TargetRates> rates(targets);
  std::vector<std::vector<PoolState>> pool_states(targets);
  std::size_t count = targets;
  for (std::size_t i = 0; i < targets; ++i) {
    const std::int64_t index = model.component_index(row.to[i]);
    bit[i] = std::uint32_t{1} << static_cast<std::uint32_t>(
                 std::find(members.begin(), members.end(), index) - members.begin());
    const models::Component& c = model.components[static_cast<std::size_t>(index)];
    rates[i] = TargetRates{c.instances, c.min_up, rate_of(c.failure), rate_of(c.detection),
                           rate_of(c.repair)};
    for (std::int64_t up = 0; up <= c.instances; ++up) {
      const std::int64_t most_undetected = rates[i].detection > 0.0 ? c.instances - up : 0;
      for (std::int64_t undetected = 0; undetected <= most_undetected; ++undetected) {
        pool_states[i].push_back({up, undetected});
      }
    }
    count *= pool_states[i].size();
    if (count > max_states) {
      throw NotAnalysableError("the failover chain of dependency " + row.from + "->" +
                               row.to.front() + " has more than " + std::to_string(max_states) +
                               " states; use 'nines run' for a simulation estimate");
    }
  }
  // State = (pool state index per target, target in use), mixed radix with the target in use
  // last; the all-up start (index 0 of every pool list is up = 0, so reverse: see start below).
  const auto pool_index = [&](std::size_t i, PoolState s) {
    const auto& list = pool_states[i];
    return static_cast<std::size_t>(std::find_if(list.begin(), list.end(),
                                                 [&](const PoolState& x) {
                                                   return x.up == s.up &&
                                                          x.undetected == s.undetected;
                                                 }) -
                                    list.begin());
  };
  std::vector<std::size_t> radix(targets);
  std::size_t stride = targets;
  for (std::size_t i = targets; i-- > 0;) {
    radix[i] = stride;
    stride *= pool_states[i].size();
  }
  const std::size_t states = stride;
  std::vector<std::size_t> digits(targets);
  const auto decode = [&](std::size_t s, std::size_t& in_use) {
    in_use = s % targets;
    for (std::size_t i = 0; i < targets; ++i) digits[i] = (s / radix[i]) % pool_states[i].size();
  };
  const auto is_up = [&](std::size_t i, std::size_t digit) {
    return pool_states[i][digit].up >= rates[i].min_up;
  };
  const bool automatic = failover.failback == models::Failback::kAutomatic;
  const double switch_rate = failover.success / models::mean_hours(failover.time);
  // The state reached when target i moves to pool state `next`: automatic failback then gives
  // the earliest up target at once while the one in use is up.
  const auto encode = [&](const std::vector<std::size_t>& d, std::size_t in_use) {
    if (automatic && is_up(in_use, d[in_use])) {
      for (std::size_t k = 0; k < in_use; ++k) {
        if (is_up(k, d[k])) {
          in_use = k;
          break;
        }
      }
    }
    std::size_t s = in_use;
    for (std::size_t i = 0; i < targets; ++i) s += d[i] * radix[i];
    return s;
  };

  pattern_.resize(states);
  down_rate_per_hour_.assign(states, 0.0);
  pools_up_.assign(states, 0);
  const auto add = [&](std::size_t from, std::size_t to, double rate) {
    if (rate <= 0.0 || from == to) return;
    from_.push_back(from);
    to_.push_back(to);
    rate_.push_back(rate);
  };
  std::vector<std::size_t> next(targets);
  for (std::size_t s = 0; s < states; ++s) {
    std::size_t in_use = 0;
    decode(s, in_use);
    const bool satisfied = is_up(in_use, digits[in_use]);
    pattern_[s] = satisfied ? bit[in_use] : 0;
    for (std::size_t i = 0; i < targets; ++i) {
      if (is_up(i, digits[i])) pools_up_[s] |= bit[i];
    }
    for (std::size_t i = 0; i < targets; ++i) {
      const PoolState p = pool_states[i][digits[i]];
      const TargetRates& r = rates[i];
      const std::int64_t in_repair = r.instances - p.up - p.undetected;
      const auto move = [&](PoolState q, double rate) {
        if (rate <= 0.0) return;  // an impossible move names no state (no instance to fail)
        next = digits;
        next[i] = pool_index(i, q);
        add(s, encode(next, in_use), rate);
      };
      const double failing = static_cast<double>(p.up) * r.failure;
      if (r.detection > 0.0) {
        move({p.up - 1, p.undetected + 1}, failing);
        move({p.up, p.undetected - 1}, static_cast<double>(p.undetected) * r.detection);
      } else {
        move({p.up - 1, 0}, failing);
      }
      move({p.up + 1, p.undetected}, static_cast<double>(in_repair) * r.repair);
      // The in-use target losing its pool ends "satisfied".
      if (i == in_use && satisfied && p.up == r.min_up) down_rate_per_hour_[s] += failing;
    }
    if (!satisfied) {
      // An attempt runs while another target is up; a success moves to the first up one.
      for (std::size_t k = 0; k < targets; ++k) {
        if (k != in_use && is_up(k, digits[k])) {
          add(s, encode(digits, k), switch_rate);
          break;
        }
      }
    }
  }
  // The start: every instance up, the first target in use.
  std::vector<std::size_t> all_up(targets);
  for (std::size_t i = 0; i < targets; ++i) all_up[i] = pool_index(i, {rates[i].instances, 0});
  start_ = encode(all_up, 0);
}

namespace {

Eigen::SparseMatrix<double, Eigen::RowMajor> generator(std::size_t states,
                                                       const std::vector<std::size_t>& from,
                                                       const std::vector<std::size_t>& to,
                                                       const std::vector<double>& rate) {
  const auto n = static_cast<Eigen::Index>(states);
  std::vector<Eigen::Triplet<double>> triplets;
  std::vector<double> out_rate(states, 0.0);
  for (std::size_t k = 0; k < rate.size(); ++k) {
    triplets.emplace_back(static_cast<Eigen::Index>(from[k]), static_cast<Eigen::Index>(to[k]),
                          rate[k]);
    out_rate[from[k]] += rate[k];
  }
  for (std::size_t s = 0; s < states; ++s) {
    triplets.emplace_back(static_cast<Eigen::Index>(s), static_cast<Eigen::Index>(s), -out_rate[s]);
  }
  Eigen::SparseMatrix<double, Eigen::RowMajor> q(n, n);
  q.setFromTriplets(triplets.begin(), triplets.end());
  return q;
}

}  // namespace

std::vector<double> FailoverChain::stationary() const {
  const Eigen::VectorXd pi = detail::solve_steady_state(generator(states(), from_, to_, rate_));
  return {pi.data(), pi.data() + pi.size()};
}

GroupLaw FailoverChain::law(const std::vector<double>& probability) const {
  const std::size_t patterns = std::size_t{1} << members_;
  GroupLaw out;
  out.pattern_probability.assign(patterns, 0.0);
  out.down_rate_per_hour.assign(members_, std::vector<double>(patterns, 0.0));
  for (std::size_t s = 0; s < states(); ++s) {
    const std::uint32_t mask = pattern_[s];
    out.pattern_probability[mask] += probability[s];
    if (mask == 0) continue;
    const auto j = static_cast<std::size_t>(__builtin_ctz(mask));
    out.down_rate_per_hour[j][mask] += probability[s] * down_rate_per_hour_[s];
  }
  return out;
}

GroupLaw FailoverChain::steady_state() const { return law(stationary()); }

std::vector<GroupLaw> FailoverChain::transient(std::span<const double> times_hours) const {
  const auto q = generator(states(), from_, to_, rate_);
  const Eigen::VectorXd steady = detail::solve_steady_state(q);
  Eigen::VectorXd start = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(states()));
  start[static_cast<Eigen::Index>(start_)] = 1.0;
  std::vector<GroupLaw> out(times_hours.size());
  detail::transient_laws(q, start, steady, times_hours,
                         [&](std::size_t k, const Eigen::VectorXd& p) {
                           out[k] = law(std::vector<double>(p.data(), p.data() + p.size()));
                         });
  return out;
}

std::vector<double> FailoverChain::steady_pool_availability() const {
  const std::vector<double> pi = stationary();
  std::vector<double> out(members_, 0.0);
  for (std::size_t s = 0; s < states(); ++s) {
    for (std::size_t j = 0; j < members_; ++j) {
      if ((pools_up_[s] >> j) & 1U) out[j] += pi[s];
    }
  }
  return out;
}

}  // namespace nines::analysis
