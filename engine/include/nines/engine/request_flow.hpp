// The request flow of the traffic issue (docs/traffic.md): for a state of the system (serving
// instances, open breakers, valid caches) and the admitted load, each component's demand D and
// success s, solved as the largest fixed point of the demand and success equations. Dense
// arrays and buffers kept between evaluations: an evaluation allocates nothing.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace nines::engine {

enum class FlowMode : std::uint8_t { kHard, kSoft, kCache };
enum class FlowRouting : std::uint8_t { kFailover, kAll };

/// A target of a dependency row: calls per request the caller processes, retries.
struct FlowTarget {
  std::uint32_t component = 0;
  double calls = 1.0;
  int retries = 0;
  /// Its circuit breaker (the target's own or the row's; open_for 0: none): the event loop
  /// opens it while the target's success is below the threshold (the solver only reads whether
  /// it is open, FlowState::breaker_open).
  double breaker_threshold = 0.0;
  double breaker_open_for_hours = 0.0;
};

/// A dependency row: its caller, its targets (targets[first_target .. + target_count)), how a
/// list routes, and its mode.
struct FlowRow {
  std::uint32_t from = 0;
  std::uint32_t first_target = 0;
  std::uint32_t target_count = 1;
  FlowRouting routing = FlowRouting::kFailover;
  /// `all`: the successes needed (the row's min_up).
  int quorum = 1;
  FlowMode mode = FlowMode::kHard;
  double impact = 1.0;     // soft
  double hit_ratio = 0.0;  // cache
  /// Cache clocks (the event loop's; the solver only reads whether the cache is valid,
  /// FlowState::cache_valid): it expires after its targets' success has stayed below
  /// stale_below for stale_if_error, and is valid again once it has stayed at or above for
  /// warmup.
  double stale_if_error_hours = 0.0;
  double warmup_hours = 0.0;
  double stale_below = 0.5;
};

/// The structure: components' capacity per serving instance (infinity: unlimited) and min_up,
/// the rows and their targets, and where the load enters. The rows must form a DAG.
struct FlowGraph {
  std::vector<double> capacity_per_instance;
  std::vector<int> min_up;
  std::vector<FlowRow> rows;
  std::vector<FlowTarget> targets;
  /// Entry components and the share of the admitted load each receives (journeys; one entry
  /// with share 1 otherwise).
  std::vector<std::uint32_t> entries;
  std::vector<double> entry_shares;
};

/// What the flow depends on besides the structure.
struct FlowState {
  std::vector<int> serving;                // per component
  std::vector<std::uint8_t> breaker_open;  // per target (1: open)
  std::vector<std::uint8_t> cache_valid;   // per row (read for cache rows)
  /// Timed failover rows (empty: none): per row, the target in use (its index in the row's
  /// list; -1 for a row without a timed failover, which splits by failure share) and whether
  /// a failover is running (its calls fail).
  std::vector<std::int32_t> in_use{};
  std::vector<std::uint8_t> failing_over{};
  double admitted_rps = 0.0;
};

/// The fixed point: per component demand (rps reaching it, retries included), processed share
/// and success; whether the passes converged and how many there were.
struct FlowSolution {
  std::vector<double> demand;
  std::vector<double> processed;
  std::vector<double> success;
  /// Per target: its success S with retries (0 behind an open breaker), for caches and breakers.
  std::vector<double> target_success;
  bool converged = true;
  int passes = 0;
};

/// S = 1 - (1 - s)^(n+1): a call succeeds when one of its n + 1 attempts does.
inline double flow_success_with_retries(double s, int retries) {
  if (retries == 0) return s;
  double fail = 1.0 - s;
  double all_fail = fail;
  for (int k = 0; k < retries; ++k) all_fail *= fail;
  return 1.0 - all_fail;
}

/// A = sum over k = 0..n of (1 - s)^k: attempts per call (a failed attempt is retried).
inline double flow_attempts_per_call(double s, int retries) {
  if (retries == 0) return 1.0;
  double attempts = 0.0;
  double fail = 1.0;
  for (int k = 0; k <= retries; ++k) {
    attempts += fail;
    fail *= 1.0 - s;
  }
  return attempts;
}

inline constexpr double kFlowTolerance = 1e-12;
inline constexpr int kFlowMaxPasses = 10'000;

/// Solves the flow by the reference: from s = 1 everywhere, a top-down demand sweep
/// then a bottom-up success sweep per pass, until max(|delta s|, |delta D| / max(1, D)) is below
/// kFlowTolerance, at most kFlowMaxPasses passes. Demand falls as success rises, so this reaches
/// the largest fixed point.
class FlowSolver {
 public:
  /// Throws std::invalid_argument when the rows do not form a DAG or an index is out of range.
  explicit FlowSolver(FlowGraph graph);

  /// The solution for `state`; valid until the next call. Allocates nothing.
  const FlowSolution& solve(const FlowState& state);

  [[nodiscard]] const FlowGraph& graph() const { return graph_; }
  /// Callers before their targets.
  [[nodiscard]] const std::vector<std::uint32_t>& order() const { return order_; }

 private:
  void demand_sweep(const FlowState& state);
  void success_sweep(const FlowState& state);
  [[nodiscard]] double processed_share(std::uint32_t c, const FlowState& state) const;
  [[nodiscard]] double row_success(const FlowRow& row, const FlowState& state,
                                   std::size_t row_index);

  FlowGraph graph_;
  std::vector<std::uint32_t> order_;
  std::vector<std::vector<std::uint32_t>> rows_from_;  // per component, its rows
  FlowSolution solution_;
  std::vector<double> previous_demand_;
  std::vector<double> previous_success_;
  std::vector<double> quorum_scratch_;
};

/// The probability that at least `k` of independent events with probabilities `p` occur.
double at_least_k_of(const double* p, std::size_t n, int k, std::vector<double>& scratch);

}  // namespace nines::engine
