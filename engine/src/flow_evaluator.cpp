// The incremental flow evaluator (flow_evaluator.hpp). The equations are the reference's
// (request_flow.cpp, docs/traffic.md); what differs is which components are recomputed.
#include "nines/engine/flow_evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace nines::engine {

FlowEvaluator::FlowEvaluator(const FlowGraph& graph) : graph_(graph) {
  const FlowSolver topology(graph_);  // validates the graph and gives callers-first order
  order_ = topology.order();
  const std::size_t n = graph_.min_up.size();
  position_.resize(n);
  for (std::uint32_t k = 0; k < n; ++k) position_[order_[k]] = k;
  rows_from_begin_.assign(n + 1, 0);
  into_begin_.assign(n + 1, 0);
  for (const FlowRow& row : graph_.rows) ++rows_from_begin_[row.from + 1];
  for (const FlowTarget& t : graph_.targets) ++into_begin_[t.component + 1];
  for (std::size_t c = 0; c < n; ++c) {
    rows_from_begin_[c + 1] += rows_from_begin_[c];
    into_begin_[c + 1] += into_begin_[c];
  }
  rows_from_.resize(graph_.rows.size());
  into_.resize(graph_.targets.size());
  target_row_.resize(graph_.targets.size());
  std::vector<std::uint32_t> fill_rows(rows_from_begin_.begin(), rows_from_begin_.end() - 1);
  std::vector<std::uint32_t> fill_into(into_begin_.begin(), into_begin_.end() - 1);
  for (std::uint32_t r = 0; r < graph_.rows.size(); ++r) {
    const FlowRow& row = graph_.rows[r];
    rows_from_[fill_rows[row.from]++] = r;
    for (std::uint32_t i = 0; i < row.target_count; ++i) {
      const std::uint32_t k = row.first_target + i;
      target_row_[k] = r;
      into_[fill_into[graph_.targets[k].component]++] = k;
      if (graph_.targets[k].retries > 0) coupled_ = true;
    }
    if (row.routing == FlowRouting::kFailover && row.target_count > 1) coupled_ = true;
  }
  incoming_.resize(into_.size());
  for (std::size_t j = 0; j < into_.size(); ++j) {
    const std::uint32_t k = into_[j];
    const FlowTarget& t = graph_.targets[k];
    const FlowRow& row = graph_.rows[target_row_[k]];
    // Lists take the general way: failover routing and a timed failover (set later) decide
    // which target gets what.
    incoming_[j] = Incoming{row.from,
                            row.target_count == 1 && t.retries == 0 &&
                                t.breaker_open_for_hours <= 0.0 && row.mode != FlowMode::kCache,
                            t.calls};
  }
  plain_target_.assign(graph_.rows.size(), kNotPlain);
  for (std::size_t r = 0; r < graph_.rows.size(); ++r) {
    const FlowRow& row = graph_.rows[r];
    const FlowTarget& t = graph_.targets[row.first_target];
    if (row.mode == FlowMode::kHard && row.target_count == 1 && t.retries == 0 &&
        t.breaker_open_for_hours <= 0.0) {
      plain_target_[r] = t.component;
    }
  }
  entry_share_.assign(n, 0.0);
  for (std::size_t e = 0; e < graph_.entries.size(); ++e) {
    entry_share_[graph_.entries[e]] += graph_.entry_shares[e];
    if (std::find(entries_.begin(), entries_.end(), graph_.entries[e]) == entries_.end()) {
      entries_.push_back(graph_.entries[e]);
    }
  }
  serving_.assign(n, 0);
  breaker_open_.assign(graph_.targets.size(), 0);
  cache_valid_.assign(graph_.rows.size(), 1);
  in_use_.assign(graph_.rows.size(), -1);
  failing_over_.assign(graph_.rows.size(), 0);
  demand_.assign(n, 0.0);
  processed_.assign(n, 1.0);
  success_.assign(n, 1.0);
  target_success_.assign(graph_.targets.size(), 1.0);
  quorum_scratch_.reserve(graph_.targets.size() + 1);
  seeded_.assign(n, 0);
  seeds_.reserve(n);
  words_.assign((n + 63) / 64, 0);
  in_demand_.assign(n, 0);
  in_success_.assign(n, 0);
  demand_set_.reserve(n);
  success_set_.reserve(n);
  stack_.reserve(n);
  touched_.reserve(n);
  is_touched_.assign(n, 0);
  previous_.reserve(2 * n);
  reset();
}

void FlowEvaluator::reset() {
  std::fill(demand_.begin(), demand_.end(), 0.0);
  std::fill(processed_.begin(), processed_.end(), 1.0);
  std::fill(success_.begin(), success_.end(), 1.0);
  std::fill(target_success_.begin(), target_success_.end(), 1.0);
  for (const std::uint32_t c : seeds_) seeded_[c] = 0;
  seeds_.clear();
  for (std::uint32_t c = 0; c < demand_.size(); ++c) seed(c);
}

void FlowEvaluator::seed(std::uint32_t c) {
  if (seeded_[c] != 0) return;
  seeded_[c] = 1;
  seeds_.push_back(c);
}

void FlowEvaluator::touch(std::uint32_t c) {
  if (is_touched_[c] != 0) return;
  is_touched_[c] = 1;
  touched_.push_back(c);
}

double FlowEvaluator::entry_success() const {
  double s = 0.0;
  for (std::size_t e = 0; e < graph_.entries.size(); ++e) {
    s += graph_.entry_shares[e] * success_[graph_.entries[e]];
  }
  return s;
}

double FlowEvaluator::processed_share(std::uint32_t c, double demand) const {
  // p = 0 below min_up, else min(1, C / D) (1 without demand or without a capacity).
  const int n = serving_[c];
  if (n < graph_.min_up[c]) return 0.0;
  const double capacity = graph_.capacity_per_instance[c] * n;
  // Room to spare is the common case: no division on the chain of dependent demands.
  if (!(demand > capacity)) return 1.0;
  return capacity / demand;
}

double FlowEvaluator::pulled_demand(std::uint32_t c) const {
  double demand = entry_share_[c] * admitted_;
  for (std::uint32_t j = into_begin_[c]; j < into_begin_[c + 1]; ++j) {
    const Incoming& in = incoming_[j];
    if (in.plain) {
      demand += demand_[in.from] * processed_[in.from] * in.calls;
      continue;
    }
    const std::uint32_t k = into_[j];
    if (breaker_open_[k] != 0) continue;  // an open breaker sends its target nothing
    const std::uint32_t r = target_row_[k];
    const FlowRow& row = graph_.rows[r];
    // A timed failover sends every call to its target in use, none to the others.
    if (in_use_[r] >= 0 && k != row.first_target + static_cast<std::uint32_t>(in_use_[r])) {
      continue;
    }
    // R = D p for the caller; failover: times the share its earlier targets failed (an earlier
    // target behind an open breaker fails every call: its share passes on whole).
    double reaching = demand_[row.from] * processed_[row.from];
    if (row.mode == FlowMode::kCache && cache_valid_[r] != 0) {
      reaching *= 1.0 - row.hit_ratio;  // a valid cache answers its hits itself
    }
    if (row.routing == FlowRouting::kFailover && in_use_[r] < 0) {
      for (std::uint32_t i = row.first_target; i < k; ++i) {
        if (breaker_open_[i] != 0) continue;
        const FlowTarget& earlier = graph_.targets[i];
        reaching *= 1.0 - flow_success_with_retries(success_[earlier.component], earlier.retries);
      }
    }
    const FlowTarget& target = graph_.targets[k];
    demand += reaching * target.calls * flow_attempts_per_call(success_[c], target.retries);
  }
  return demand;
}

double FlowEvaluator::row_success(std::uint32_t r) {
  const FlowRow& row = graph_.rows[r];
  double* const s_targets = target_success_.data() + row.first_target;
  for (std::uint32_t i = 0; i < row.target_count; ++i) {
    const FlowTarget& target = graph_.targets[row.first_target + i];
    s_targets[i] = breaker_open_[row.first_target + i] != 0
                       ? 0.0
                       : flow_success_with_retries(success_[target.component], target.retries);
  }
  double combined = 0.0;
  if (in_use_[r] >= 0) {
    combined = failing_over_[r] != 0 ? 0.0 : s_targets[in_use_[r]];
  } else if (row.routing == FlowRouting::kAll && row.target_count > 1) {
    combined = at_least_k_of(s_targets, row.target_count, row.quorum, quorum_scratch_);
  } else {
    double all_fail = 1.0;
    for (std::uint32_t i = 0; i < row.target_count; ++i) all_fail *= 1.0 - s_targets[i];
    combined = 1.0 - all_fail;
  }
  if (row.mode == FlowMode::kSoft) return 1.0 - row.impact * (1.0 - combined);
  if (row.mode == FlowMode::kCache && cache_valid_[r] != 0) {
    return row.hit_ratio + (1.0 - row.hit_ratio) * combined;
  }
  return combined;
}

double FlowEvaluator::row_target_success(std::uint32_t r) const {
  const FlowRow& row = graph_.rows[r];
  double* const s_targets = target_success_.data() + row.first_target;
  for (std::uint32_t i = 0; i < row.target_count; ++i) {
    s_targets[i] = success_[graph_.targets[row.first_target + i].component];
  }
  if (row.routing == FlowRouting::kAll && row.target_count > 1) {
    return at_least_k_of(s_targets, row.target_count, row.quorum, quorum_scratch_);
  }
  double all_fail = 1.0;
  for (std::uint32_t i = 0; i < row.target_count; ++i) all_fail *= 1.0 - s_targets[i];
  return 1.0 - all_fail;
}

double FlowEvaluator::own_success(std::uint32_t c) {
  double s = processed_[c];
  for (std::uint32_t j = rows_from_begin_[c]; j < rows_from_begin_[c + 1]; ++j) {
    const std::uint32_t r = rows_from_[j];
    const std::uint32_t plain = plain_target_[r];
    s *= plain != kNotPlain ? success_[plain] : row_success(r);
  }
  return s;
}

bool FlowEvaluator::evaluate() {
  for (const std::uint32_t c : touched_) is_touched_[c] = 0;
  touched_.clear();
  if (seeds_.empty()) return true;
  bool converged = true;
  if (coupled_) {
    converged = evaluate_coupled();
  } else {
    evaluate_uncoupled();
  }
  for (const std::uint32_t c : seeds_) seeded_[c] = 0;
  seeds_.clear();
  return converged;
}

template <typename Visit>
void FlowEvaluator::sweep_down(Visit visit) {
  // Visits marked positions in increasing order; a visit may mark positions after its own.
  for (std::uint32_t w = lowest_; w <= highest_ && lowest_ != 0xffffffffU; ++w) {
    while (words_[w] != 0) {
      const auto bit = static_cast<std::uint32_t>(__builtin_ctzll(words_[w]));
      words_[w] &= words_[w] - 1;
      visit(order_[(w << 6U) | bit]);
    }
  }
  lowest_ = 0xffffffffU;
  highest_ = 0;
}

template <typename Visit>
void FlowEvaluator::sweep_up(Visit visit) {
  // Visits marked positions in decreasing order; a visit may mark positions before its own.
  if (lowest_ == 0xffffffffU) return;
  for (std::uint32_t w = highest_ + 1; w-- > lowest_;) {
    while (words_[w] != 0) {
      const auto bit = static_cast<std::uint32_t>(63 - __builtin_clzll(words_[w]));
      words_[w] &= ~(std::uint64_t{1} << bit);
      visit(order_[(w << 6U) | bit]);
    }
  }
  lowest_ = 0xffffffffU;
  highest_ = 0;
}

void FlowEvaluator::evaluate_uncoupled() {
  // Top-down: a component is recomputed after all its callers (positions in order); its
  // targets only when its demand or processed share moved.
  for (const std::uint32_t c : seeds_) {
    mark(position_[c]);
    in_success_[c] = 1;  // its processed share may change: its success is recomputed below
  }
  sweep_down([&](std::uint32_t c) {
    touch(c);
    const double demand = pulled_demand(c);
    const double processed = processed_share(c, demand);
    if (demand == demand_[c] && processed == processed_[c]) return;
    // Success depends on the processed share, not on demand: a load step that saturates no
    // one leaves every success as it was, and the bottom-up pass visits only the seeds.
    if (processed != processed_[c]) in_success_[c] = 1;
    demand_[c] = demand;
    processed_[c] = processed;
    for (std::uint32_t j = rows_from_begin_[c]; j < rows_from_begin_[c + 1]; ++j) {
      const FlowRow& row = graph_.rows[rows_from_[j]];
      for (std::uint32_t i = 0; i < row.target_count; ++i) {
        const std::uint32_t p = position_[graph_.targets[row.first_target + i].component];
        words_[p >> 6U] |= std::uint64_t{1} << (p & 63U);
        highest_ = std::max(highest_, p >> 6U);
      }
    }
  });
  // Bottom-up: a component is recomputed after all its targets (positions in reverse); its
  // callers only when its success moved.
  for (const std::uint32_t c : touched_) {
    if (in_success_[c] != 0) mark(position_[c]);
  }
  sweep_up([&](std::uint32_t c) {
    in_success_[c] = 0;
    touch(c);
    const double s = own_success(c);
    if (s == success_[c]) return;
    success_[c] = s;
    for (std::uint32_t j = into_begin_[c]; j < into_begin_[c + 1]; ++j) {
      const std::uint32_t caller = graph_.rows[target_row_[into_[j]]].from;
      mark(position_[caller]);
    }
  });
}

void FlowEvaluator::close_over_coupling() {
  // demand_set_: components whose demand is recomputed; success_set_: whose success is. A
  // demand change flows to the targets and makes the component's own success change; a success
  // change flows to the callers and, through retries and failover, to demands.
  const auto add_demand = [this](std::uint32_t c) {
    if (in_demand_[c] != 0) return;
    in_demand_[c] = 1;
    demand_set_.push_back(c);
    stack_.push_back(c);
  };
  const auto add_success = [this](std::uint32_t c) {
    if (in_success_[c] != 0) return;
    in_success_[c] = 1;
    success_set_.push_back(c);
    stack_.push_back(c);
  };
  for (const std::uint32_t c : seeds_) add_demand(c);
  while (!stack_.empty()) {
    const std::uint32_t c = stack_.back();
    stack_.pop_back();
    if (in_demand_[c] != 0) {
      add_success(c);
      for (std::uint32_t j = rows_from_begin_[c]; j < rows_from_begin_[c + 1]; ++j) {
        const FlowRow& row = graph_.rows[rows_from_[j]];
        for (std::uint32_t i = 0; i < row.target_count; ++i) {
          add_demand(graph_.targets[row.first_target + i].component);
        }
      }
    }
    if (in_success_[c] == 0) continue;
    for (std::uint32_t j = into_begin_[c]; j < into_begin_[c + 1]; ++j) {
      const std::uint32_t k = into_[j];
      const FlowRow& row = graph_.rows[target_row_[k]];
      add_success(row.from);
      if (graph_.targets[k].retries > 0) add_demand(c);
      if (row.routing == FlowRouting::kFailover) {
        for (std::uint32_t i = k + 1; i < row.first_target + row.target_count; ++i) {
          add_demand(graph_.targets[i].component);
        }
      }
    }
  }
}

bool FlowEvaluator::evaluate_coupled() {
  close_over_coupling();
  const auto by_position = [this](std::uint32_t a, std::uint32_t b) {
    return position_[a] < position_[b];
  };
  std::sort(demand_set_.begin(), demand_set_.end(), by_position);
  std::sort(success_set_.begin(), success_set_.end(), by_position);
  for (const std::uint32_t c : success_set_) {
    success_[c] = 1.0;  // the restart from s = 1
    touch(c);
  }
  for (const std::uint32_t c : demand_set_) demand_[c] = 0.0;
  bool converged = false;
  for (int pass = 1; pass <= kFlowMaxPasses && !converged; ++pass) {
    previous_.clear();
    for (const std::uint32_t c : success_set_) {
      previous_.push_back(success_[c]);
      previous_.push_back(demand_[c]);
    }
    for (const std::uint32_t c : demand_set_) {
      demand_[c] = pulled_demand(c);
      processed_[c] = processed_share(c, demand_[c]);
    }
    for (auto it = success_set_.rbegin(); it != success_set_.rend(); ++it) {
      processed_[*it] = processed_share(*it, demand_[*it]);
      success_[*it] = own_success(*it);
    }
    double delta = 0.0;
    for (std::size_t j = 0; j < success_set_.size(); ++j) {
      const std::uint32_t c = success_set_[j];
      delta = std::max(delta, std::fabs(success_[c] - previous_[2 * j]));
      delta =
          std::max(delta, std::fabs(demand_[c] - previous_[2 * j + 1]) / std::max(1.0, demand_[c]));
    }
    converged = delta < kFlowTolerance;
  }
  for (const std::uint32_t c : demand_set_) in_demand_[c] = 0;
  for (const std::uint32_t c : success_set_) in_success_[c] = 0;
  demand_set_.clear();
  success_set_.clear();
  return converged;
}

}  // namespace nines::engine
