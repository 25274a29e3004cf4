// The reference flow solver: passes of a top-down demand sweep (callers before targets) and a
// bottom-up success sweep (targets before callers) from s = 1, until nothing moves. The
// equations are in docs/traffic.md; each line below names the one it computes.
#include "nines/engine/request_flow.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <stdexcept>
#include <string>

namespace nines::engine {

double at_least_k_of(const double* p, std::size_t n, int k, std::vector<double>& scratch) {
  if (k <= 0) return 1.0;
  if (static_cast<std::size_t>(k) > n) return 0.0;
  // scratch[j]: probability of exactly j successes among the events seen so far.
  scratch.assign(n + 1, 0.0);
  scratch[0] = 1.0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j > 0; --j) {
      scratch[j] = scratch[j] * (1.0 - p[i]) + scratch[j - 1] * p[i];
    }
    scratch[0] *= 1.0 - p[i];
  }
  double total = 0.0;
  for (std::size_t j = static_cast<std::size_t>(k); j <= n; ++j) total += scratch[j];
  return std::min(1.0, total);
}

FlowSolver::FlowSolver(FlowGraph graph) : graph_(std::move(graph)) {
  const std::size_t n = graph_.capacity_per_instance.size();
  if (graph_.min_up.size() != n) throw std::invalid_argument("FlowGraph: min_up size");
  if (graph_.entries.size() != graph_.entry_shares.size() || graph_.entries.empty()) {
    throw std::invalid_argument("FlowGraph: entries and shares");
  }
  rows_from_.resize(n);
  std::vector<int> callers(n, 0);
  for (std::size_t r = 0; r < graph_.rows.size(); ++r) {
    const FlowRow& row = graph_.rows[r];
    if (row.from >= n || row.target_count == 0 ||
        row.first_target + row.target_count > graph_.targets.size()) {
      throw std::invalid_argument("FlowGraph: row " + std::to_string(r) + " out of range");
    }
    rows_from_[row.from].push_back(static_cast<std::uint32_t>(r));
    for (std::uint32_t i = 0; i < row.target_count; ++i) {
      const std::uint32_t t = graph_.targets[row.first_target + i].component;
      if (t >= n) throw std::invalid_argument("FlowGraph: target out of range");
      ++callers[t];
    }
  }
  for (const std::uint32_t e : graph_.entries) {
    if (e >= n) throw std::invalid_argument("FlowGraph: entry out of range");
  }
  // Kahn's order, components in index order among the ready ones.
  std::deque<std::uint32_t> ready;
  for (std::uint32_t c = 0; c < n; ++c) {
    if (callers[c] == 0) ready.push_back(c);
  }
  while (!ready.empty()) {
    const std::uint32_t c = ready.front();
    ready.pop_front();
    order_.push_back(c);
    for (const std::uint32_t r : rows_from_[c]) {
      const FlowRow& row = graph_.rows[r];
      for (std::uint32_t i = 0; i < row.target_count; ++i) {
        const std::uint32_t t = graph_.targets[row.first_target + i].component;
        if (--callers[t] == 0) ready.push_back(t);
      }
    }
  }
  if (order_.size() != n) throw std::invalid_argument("FlowGraph: the rows form a cycle");
  solution_.demand.assign(n, 0.0);
  solution_.processed.assign(n, 1.0);
  solution_.success.assign(n, 1.0);
  solution_.target_success.assign(graph_.targets.size(), 1.0);
  previous_demand_.assign(n, 0.0);
  previous_success_.assign(n, 1.0);
  quorum_scratch_.reserve(graph_.targets.size() + 1);
}

double FlowSolver::processed_share(std::uint32_t c, const FlowState& state) const {
  // p = 0 below min_up, else min(1, C / D) (1 without demand or without a capacity).
  const int n = state.serving[c];
  if (n < graph_.min_up[c]) return 0.0;
  const double capacity = graph_.capacity_per_instance[c] * n;
  const double demand = solution_.demand[c];
  if (!(demand > 0.0) || std::isinf(capacity)) return 1.0;
  return std::min(1.0, capacity / demand);
}

void FlowSolver::demand_sweep(const FlowState& state) {
  std::fill(solution_.demand.begin(), solution_.demand.end(), 0.0);
  for (std::size_t e = 0; e < graph_.entries.size(); ++e) {
    solution_.demand[graph_.entries[e]] += state.admitted_rps * graph_.entry_shares[e];
  }
  for (const std::uint32_t c : order_) {
    const double p = processed_share(c, state);
    solution_.processed[c] = p;
    for (const std::uint32_t r : rows_from_[c]) {
      const FlowRow& row = graph_.rows[r];
      // R = D p (1 - h), h only for a valid cache.
      const bool cached = row.mode == FlowMode::kCache && state.cache_valid[r] != 0;
      const double passed = solution_.demand[c] * p * (cached ? 1.0 - row.hit_ratio : 1.0);
      double reaching = 1.0;  // failover: the share the earlier targets failed
      const std::int32_t in_use = state.in_use.empty() ? -1 : state.in_use[r];
      for (std::uint32_t i = 0; i < row.target_count; ++i) {
        const std::uint32_t k = row.first_target + i;
        if (state.breaker_open[k] != 0) continue;  // no demand; S = 0, so its share passes on
        // A timed failover sends every call to its target in use.
        if (in_use >= 0 && i != static_cast<std::uint32_t>(in_use)) continue;
        const FlowTarget& target = graph_.targets[k];
        const double s = solution_.success[target.component];
        solution_.demand[target.component] +=
            passed * target.calls * flow_attempts_per_call(s, target.retries) * reaching;
        if (row.routing == FlowRouting::kFailover) {
          reaching *= 1.0 - flow_success_with_retries(s, target.retries);
        }
      }
    }
  }
}

double FlowSolver::row_success(const FlowRow& row, const FlowState& state, std::size_t row_index) {
  double* const s_targets = solution_.target_success.data() + row.first_target;
  for (std::uint32_t i = 0; i < row.target_count; ++i) {
    const std::uint32_t k = row.first_target + i;
    const FlowTarget& target = graph_.targets[k];
    s_targets[i] =
        state.breaker_open[k] != 0
            ? 0.0
            : flow_success_with_retries(solution_.success[target.component], target.retries);
  }
  // E: one target S; failover 1 - prod(1 - S_i); all: at least `quorum` of the S_i; a timed
  // failover: S of its target in use, 0 while a failover runs.
  double combined = 0.0;
  const std::int32_t in_use = state.in_use.empty() ? -1 : state.in_use[row_index];
  if (in_use >= 0) {
    combined = state.failing_over[row_index] != 0 ? 0.0 : s_targets[in_use];
  } else if (row.routing == FlowRouting::kAll && row.target_count > 1) {
    combined = at_least_k_of(s_targets, row.target_count, row.quorum, quorum_scratch_);
  } else {
    double all_fail = 1.0;
    for (std::uint32_t i = 0; i < row.target_count; ++i) all_fail *= 1.0 - s_targets[i];
    combined = 1.0 - all_fail;
  }
  switch (row.mode) {
    case FlowMode::kHard:
      return combined;
    case FlowMode::kSoft:
      return 1.0 - row.impact * (1.0 - combined);
    case FlowMode::kCache:
      return state.cache_valid[row_index] != 0 ? row.hit_ratio + (1.0 - row.hit_ratio) * combined
                                               : combined;
  }
  return combined;
}

void FlowSolver::success_sweep(const FlowState& state) {
  for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
    const std::uint32_t c = *it;
    // s = p x the product of its rows' successes e.
    double s = processed_share(c, state);
    solution_.processed[c] = s;
    for (const std::uint32_t r : rows_from_[c]) s *= row_success(graph_.rows[r], state, r);
    solution_.success[c] = s;
  }
}

const FlowSolution& FlowSolver::solve(const FlowState& state) {
  std::fill(solution_.success.begin(), solution_.success.end(), 1.0);
  std::fill(solution_.demand.begin(), solution_.demand.end(), 0.0);
  solution_.converged = false;
  for (int pass = 1; pass <= kFlowMaxPasses; ++pass) {
    previous_demand_ = solution_.demand;
    previous_success_ = solution_.success;
    demand_sweep(state);
    success_sweep(state);
    double delta = 0.0;
    for (std::size_t c = 0; c < solution_.success.size(); ++c) {
      delta = std::max(delta, std::fabs(solution_.success[c] - previous_success_[c]));
      delta = std::max(delta, std::fabs(solution_.demand[c] - previous_demand_[c]) /
                                  std::max(1.0, solution_.demand[c]));
    }
    solution_.passes = pass;
    if (delta < kFlowTolerance) {
      solution_.converged = true;
      break;
    }
  }
  return solution_;
}

}  // namespace nines::engine
