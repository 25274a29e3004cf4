// The request flow evaluated incrementally, as the event loop needs it (docs/traffic.md, "The
// flow in the event loop"): after a batch, only what the batch can change is recomputed, and the
// result equals the reference (FlowSolver, from s = 1 everywhere) to 1e-9.
//
// Two ways, chosen once per graph:
// - Uncoupled graphs (no retries, no failover list with two or more targets): demand does not
//   depend on success, so one top-down demand pass and one bottom-up success pass are exact.
//   Both are change-driven: a component is recomputed only when an input changed, and its
//   callers or targets only when its own value changed. Each value is then the same pure
//   function of the state as a full recomputation (sums in a fixed order).
// - Coupled graphs: success and demand depend on each other, and a warm start could settle on a
//   lower fixed point. The components whose inputs changed, and everything coupled to them (the
//   closure under "demand flows to targets, success flows to callers, retries and failover tie a
//   target's demand to its success"), restart from s = 1 and run the reference's passes; the
//   rest keep their values, which do not depend on the restarted ones.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "nines/engine/request_flow.hpp"

namespace nines::engine {

class FlowEvaluator {
 public:
  /// Throws std::invalid_argument as FlowSolver does for a graph that is not a DAG.
  explicit FlowEvaluator(const FlowGraph& graph);

  /// Forgets the last evaluation: every component is recomputed by the next evaluate(). The
  /// serving counts and the admitted load are kept; set them before evaluating.
  void reset();
  void set_serving(std::uint32_t component, int serving) {
    if (serving_[component] == serving) return;
    serving_[component] = serving;
    seed(component);
  }
  void set_admitted(double rps) {
    if (admitted_ == rps) return;
    admitted_ = rps;
    for (const std::uint32_t e : entries_) seed(e);
  }

  /// Opens or closes the breaker of target `k` (an index into the graph's targets, one with a
  /// breaker: breaker_open_for_hours > 0): an open breaker sends its target no demand from the
  /// row and counts S = 0 for it.
  void set_breaker(std::uint32_t k, bool open) {
    const std::uint8_t value = open ? 1 : 0;
    if (breaker_open_[k] == value) return;
    breaker_open_[k] = value;
    seed(graph_.rows[target_row_[k]].from);
    seed(graph_.targets[k].component);
  }
  bool breaker_open(std::uint32_t k) const { return breaker_open_[k] != 0; }

  /// Marks cache row `r` valid (it answers hit_ratio of the calls and passes on the rest) or
  /// expired (every call goes to its targets). Rows start valid.
  void set_cache_valid(std::uint32_t r, bool valid) {
    const std::uint8_t value = valid ? 1 : 0;
    if (cache_valid_[r] == value) return;
    cache_valid_[r] = value;
    const FlowRow& row = graph_.rows[r];
    seed(row.from);
    for (std::uint32_t i = 0; i < row.target_count; ++i) {
      seed(graph_.targets[row.first_target + i].component);
    }
  }
  bool cache_valid(std::uint32_t r) const { return cache_valid_[r] != 0; }

  /// Row `r` has a timed failover: every call goes to its target `in_use` (an index in the
  /// row's list), and fails while `failing_over`.
  void set_route(std::uint32_t r, std::uint32_t in_use, bool failing_over) {
    const auto use = static_cast<std::int32_t>(in_use);
    const std::uint8_t failing = failing_over ? 1 : 0;
    if (in_use_[r] == use && failing_over_[r] == failing) return;
    in_use_[r] = use;
    failing_over_[r] = failing;
    const FlowRow& row = graph_.rows[r];
    seed(row.from);
    for (std::uint32_t i = 0; i < row.target_count; ++i) {
      seed(graph_.targets[row.first_target + i].component);
    }
  }
  std::int32_t in_use(std::uint32_t r) const { return in_use_[r]; }
  bool failing_over(std::uint32_t r) const { return failing_over_[r] != 0; }
  /// The success a cache's clocks follow: the row's targets' own successes (no retries, open
  /// breakers ignored) combined by its routing.
  double row_target_success(std::uint32_t r) const;
  const FlowGraph& graph() const { return graph_; }

  /// Recomputes what changed since the last evaluation; false when the passes of a coupled
  /// graph stopped at kFlowMaxPasses before converging (the values are the last pass's).
  bool evaluate();

  double demand(std::uint32_t c) const { return demand_[c]; }
  double processed(std::uint32_t c) const { return processed_[c]; }
  double success(std::uint32_t c) const { return success_[c]; }
  int serving(std::uint32_t c) const { return serving_[c]; }
  int min_up(std::uint32_t c) const { return graph_.min_up[c]; }
  double capacity(std::uint32_t c) const { return graph_.capacity_per_instance[c] * serving_[c]; }
  /// The share-weighted success of the entries: sigma is this x admitted / offered.
  double entry_success() const;
  /// The components the last evaluate() recomputed (seeds included), each once.
  std::span<const std::uint32_t> touched() const { return touched_; }
  bool coupled() const { return coupled_; }

 private:
  void seed(std::uint32_t c);
  void touch(std::uint32_t c);
  double processed_share(std::uint32_t c, double demand) const;
  /// The demand reaching `c` from the entry and its callers' rows, with the current values.
  double pulled_demand(std::uint32_t c) const;
  /// The success of row `r` with the current values (its targets' S stored in target_success_).
  double row_success(std::uint32_t r);
  double own_success(std::uint32_t c);
  void evaluate_uncoupled();
  bool evaluate_coupled();
  void close_over_coupling();

  FlowGraph graph_;
  bool coupled_ = false;
  std::vector<std::uint32_t> order_;     // callers before targets
  std::vector<std::uint32_t> position_;  // per component, its place in order_
  // Rows by caller and targets by component, flattened (CSR).
  std::vector<std::uint32_t> rows_from_begin_;
  std::vector<std::uint32_t> rows_from_;
  std::vector<std::uint32_t> into_begin_;
  std::vector<std::uint32_t> into_;  // target indices (graph_.targets) naming the component
  std::vector<std::uint32_t> target_row_;
  /// Per entry of into_, what the common case reads: a plain target (the one target of a hard
  /// or soft row, no retries, no breaker) gets demand_[from] x processed_[from] x calls.
  struct Incoming {
    std::uint32_t from = 0;
    bool plain = false;
    double calls = 1.0;
  };
  std::vector<Incoming> incoming_;
  /// Per row: its one target's component when the row's success is that target's success
  /// (hard, one target, no retries, no breaker), else kNotPlain.
  static constexpr std::uint32_t kNotPlain = 0xffffffffU;
  std::vector<std::uint32_t> plain_target_;
  std::vector<double> entry_share_;  // per component
  std::vector<std::uint32_t> entries_;

  std::vector<int> serving_;
  std::vector<std::uint8_t> breaker_open_;  // per target
  std::vector<std::uint8_t> cache_valid_;   // per row (read for cache rows)
  std::vector<std::int32_t> in_use_;        // per row: -1, or its timed failover's target
  std::vector<std::uint8_t> failing_over_;  // per row
  double admitted_ = 0.0;
  std::vector<double> demand_;
  std::vector<double> processed_;
  std::vector<double> success_;
  // Scratch of a row's combination (mutable: row_target_success() is a query).
  mutable std::vector<double> target_success_;
  mutable std::vector<double> quorum_scratch_;

  /// Positions to recompute, as bits: a pass takes them in position order (top-down) or in
  /// reverse (bottom-up), and what it adds always lies ahead of it, so one sweep of the words
  /// from the first marked to the last visits each once.
  void mark(std::uint32_t position) {
    words_[position >> 6U] |= std::uint64_t{1} << (position & 63U);
    lowest_ = std::min(lowest_, position >> 6U);
    highest_ = std::max(highest_, position >> 6U);
  }
  template <typename Visit>
  void sweep_down(Visit visit);
  template <typename Visit>
  void sweep_up(Visit visit);

  // Work of one evaluation: seeds, marked positions, membership flags.
  std::vector<std::uint32_t> seeds_;
  std::vector<std::uint8_t> seeded_;
  std::vector<std::uint64_t> words_;
  std::uint32_t lowest_ = 0xffffffffU;
  std::uint32_t highest_ = 0;
  std::vector<std::uint8_t> in_demand_;
  std::vector<std::uint8_t> in_success_;
  std::vector<std::uint32_t> demand_set_;
  std::vector<std::uint32_t> success_set_;
  std::vector<std::uint32_t> stack_;
  std::vector<std::uint32_t> touched_;
  std::vector<std::uint8_t> is_touched_;
  std::vector<double> previous_;
};

}  // namespace nines::engine
