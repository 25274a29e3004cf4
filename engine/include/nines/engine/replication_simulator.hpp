// The discrete-event simulation of one history: every instance's life (failure, detection,
// repair, switchover) with incremental component and system state.
#pragma once

#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/event_queue.hpp"
#include "nines/engine/random_stream.hpp"
#include "nines/engine/range_result.hpp"

namespace nines::engine {

/// Per-replication figures that are stored per replication (the rest goes into RunTotals).
struct ReplicationOutcome {
  double unavailability = 0.0;
  std::uint32_t outages = 0;
  /// Downtime hours of each whole window (empty without windows); valid until the next run.
  std::span<const double> window_downtime_hours;
};

/// Simulates replications one after another, reusing its arrays: no allocation per event or per
/// replication. One per worker thread; not thread-safe itself.
class ReplicationSimulator {
 public:
  /// `window_hours` > 0 keeps the downtime of each whole window of that length (RunOptions).
  explicit ReplicationSimulator(const CompiledModel& model, double window_hours = 0.0);

  /// Simulates replication `replication` over [0, horizon), adds its figures to `totals` and
  /// returns true; returns false (adding nothing) when `cancel` was set meanwhile.
  bool run(std::uint64_t replication, RunTotals& totals, ReplicationOutcome& outcome,
           const std::atomic<bool>* cancel = nullptr);

 private:
  enum class State : std::uint8_t {
    kActive,            // up and serving; pending: its failure
    kIdle,              // standby; pending: its dormant failure (warm) or nothing (cold)
    kFailedUndetected,  // pending: its detection
    kWaitingCrew,       // in its crew's queue; nothing pending
    kInRepair,          // pending: the end of its repair
    kSwitching,         // being brought into service; pending: the end of the switchover
  };
  static constexpr std::uint32_t kNone = 0xffffffffU;

  void reset(std::uint64_t replication);
  void handle(std::uint32_t instance);
  void on_active_failure(std::uint32_t instance);
  void on_dormant_failure(std::uint32_t instance);
  void after_failure(std::uint32_t instance);
  void on_detected(std::uint32_t instance);
  void begin_repair(std::uint32_t instance);
  void on_repair_end(std::uint32_t instance);
  void return_to_service(std::uint32_t instance);
  void activate(std::uint32_t instance);
  void make_idle(std::uint32_t instance);
  void try_switchover(std::uint32_t component);
  void on_switch_end(std::uint32_t instance);
  void resolve_switch(std::uint32_t instance);

  void set_pool_up(std::uint32_t component, bool up);
  void propagate(std::uint32_t component, bool up);
  void on_system_change(bool up);
  void record_outage(double hours);
  void add_window_downtime(double start, double end);
  void finish(RunTotals& totals, ReplicationOutcome& outcome);

  double draw(const CompiledLaw& law, std::uint32_t instance) {
    return sample_law(law, instances_[instance].rng, model_.law_table.data());
  }

  // Intrusive FIFO lists through next_/prev_ (an instance is in at most one list at a time).
  struct List {
    std::uint32_t head = kNone;
    std::uint32_t tail = kNone;
  };
  void push_back(List& list, std::uint32_t instance);
  std::uint32_t pop_front(List& list);
  void unlink(List& list, std::uint32_t instance);

  const CompiledModel& model_;
  EventQueue queue_;
  double now_ = 0.0;
  std::uint64_t events_ = 0;

  // Per instance: what every event reads in one record (one cache line, not four arrays).
  struct Instance {
    RandomStream rng;
    /// When the current life began: the seam for age-dependent hazards (see docs/engine.md).
    double life_start_hours = 0.0;
    std::uint32_t component = 0;
    State state = State::kActive;
  };
  std::vector<Instance> instances_;
  std::vector<std::uint32_t> next_;
  std::vector<std::uint32_t> prev_;

  // Per component.
  std::vector<std::uint32_t> active_up_;
  std::vector<std::uint32_t> switching_;
  std::vector<List> idle_;
  /// What propagation reads and writes per component, packed into 24 bytes: a visit touches
  /// one node, and the nodes of a large model stay in the first-level cache.
  struct Node {
    std::uint32_t unsatisfied_gates = 0;
    std::uint8_t pool_up = 1;
    std::uint8_t service_up = 1;
    std::uint8_t has_gate_parents = 0;  // then the component's parent_links say which
    std::uint32_t first_direct_parent = 0;
    std::uint32_t direct_parent_count = 0;
    /// Service up-time, accumulated signed (as pool_up_hours_ below).
    double service_up_hours = 0.0;
  };
  std::vector<Node> nodes_;
  /// Pool up-time, accumulated signed: minus the time when going up, plus the time when going
  /// down, plus the horizon at the end if still up. Apart from the nodes: propagation never
  /// reads it.
  std::vector<double> pool_up_hours_;
  std::vector<double> charged_hours_;
  std::vector<std::uint32_t> caused_;

  // Per gate and per crew.
  struct GateState {
    std::uint32_t owner = 0;
    std::uint32_t need = 0;
    std::uint32_t up_children = 0;
  };
  std::vector<GateState> gates_;
  std::vector<std::uint32_t> crew_free_;
  std::vector<List> crew_queue_;

  // System.
  /// The work list of propagate(): one slot per parent link, plus the pool that changed.
  std::vector<std::uint32_t> work_;
  std::uint32_t pool_change_cause_ = 0;
  std::uint32_t outage_cause_ = 0;
  double down_since_ = 0.0;
  double downtime_hours_ = 0.0;
  std::uint32_t outages_ = 0;
  std::int64_t outages_cut_ = 0;
  /// This replication's outage durations, moved into the totals only when it completes (so a
  /// cancelled replication leaves no trace). Reused: it stops allocating once warmed up.
  std::vector<double> outage_hours_;
  /// Per whole window of `window_hours_`: downtime hours in this replication.
  double window_hours_ = 0.0;
  std::vector<double> window_downtime_;
};

}  // namespace nines::engine
