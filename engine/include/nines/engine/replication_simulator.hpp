// The discrete-event simulation of one history: every instance's life (failure, detection,
// repair, switchover), zones and regions going down and up, scheduled fault injections, with
// incremental component and system state evaluated once per same-instant batch.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "nines/engine/compiled_model.hpp"
#include "nines/engine/event_queue.hpp"
#include "nines/engine/flow_evaluator.hpp"
#include "nines/engine/philox_block.hpp"
#include "nines/engine/random_stream.hpp"
#include "nines/engine/range_result.hpp"
#include "nines/engine/trace.hpp"

namespace nines::engine {

/// Per-replication figures that are stored per replication (the rest goes into RunTotals).
struct ReplicationOutcome {
  double unavailability = 0.0;
  std::uint32_t outages = 0;
  /// Outages whose starting batch took two or more components' own pools down.
  std::uint32_t common_cause_outages = 0;
  /// Whole years of the history (from time 0) whose availability met the target (0 without one).
  std::uint32_t years_met = 0;
  /// Downtime hours of each whole window (empty without windows); valid until the next run.
  std::span<const double> window_downtime_hours;
  /// With a load (0 and empty without): requests offered and failed in load-hours, hours
  /// degraded, and the failed load-hours of each whole window (valid until the next run).
  double offered_load_hours = 0.0;
  double failed_load_hours = 0.0;
  double degraded_hours = 0.0;
  std::span<const double> window_failed_load_hours;
  /// With spikes, windows and slo_basis "requests" (else empty): the offered load-hours of each
  /// whole window, which spikes make differ between histories (valid until the next run).
  std::span<const double> window_offered_load_hours;
  /// With a load and injections: trigger episodes whose recovery lasted longer than
  /// metastable_after (recoveries cut at the horizon included).
  std::uint32_t metastable_episodes = 0;
  /// With `overload` somewhere: cascades (one cut at the horizon included).
  std::uint32_t cascades = 0;
  /// With journeys: each journey's failed load-hours (valid until the next run).
  std::span<const double> journey_failed_load_hours;
};

/// Simulates replications one after another, reusing its arrays: no allocation per event or per
/// replication. One per worker thread; not thread-safe itself.
class ReplicationSimulator {
 public:
  /// `window_hours` > 0 keeps the downtime of each whole window of that length (RunOptions).
  explicit ReplicationSimulator(const CompiledModel& model, double window_hours = 0.0);

  /// Simulates replication `replication` over [0, horizon), adds its figures to `totals` and
  /// returns true; returns false (adding nothing) when `cancel` was set meanwhile. With `trace`,
  /// every state change is appended to it (a run without a trace pays one branch per change).
  bool run(std::uint64_t replication, RunTotals& totals, ReplicationOutcome& outcome,
           const std::atomic<bool>* cancel = nullptr, Trace* trace = nullptr);

  /// Recomputes every count and flag from scratch and throws std::logic_error naming the first
  /// that differs from the incremental state (tests call it after every batch through
  /// `set_batch_check`).
  void check_invariants() const;
  /// Calls check_invariants() after every batch (tests only: it is slow).
  void set_batch_check(bool on) { batch_check_ = on; }

 private:
  enum class State : std::uint8_t {
    kActive,            // running; pending: its failure (serving unless blocked)
    kIdle,              // standby; pending: its dormant failure (warm) or nothing (cold)
    kFailedUndetected,  // pending: its detection
    kWaitingCrew,       // in its crew's queue; nothing pending
    kInRepair,          // pending: the end of its repair
    kSwitching,         // being brought into service; pending: the end of the switchover
    kCrashed,           // crash-down after an overload crash; pending: the end of its restart
  };
  /// Same-instant batch classes (docs/engine.md): comebacks, detections, losses.
  static constexpr std::uint32_t kComeback = 0;
  static constexpr std::uint32_t kDetection = 1;
  static constexpr std::uint32_t kLoss = 2;
  /// The last class: load steps and spike starts (flow mode).
  static constexpr std::uint32_t kLoadChange = 3;
  static constexpr std::uint32_t kNone = 0xffffffffU;

  void reset(std::uint64_t replication);
  void handle_slot(std::uint32_t slot);
  /// Closes the batch: most batches change no system state and record nothing, and take the
  /// inline way; the rest go through close_batch().
  void end_batch() {
    const bool up = nodes_[model_.entry].service_up != 0;
    if (up != system_up_ || watch_batches_) [[unlikely]] {
      close_batch();
      return;
    }
    batch_pool_downs_.clear();
    first_loss_cause_ = kNone;
    ++batch_number_;
  }
  void close_batch();

  // instance_lifecycle.cpp
  void handle(std::uint32_t instance);
  // The short way of a plain component's instance (CompiledComponent::plain) in a run without a
  // trace: the general handlers' steps with what cannot happen to it left out.
  void plain_failure(std::uint32_t instance);
  void plain_repair_end(std::uint32_t instance);
  void on_active_failure(std::uint32_t instance);
  void on_dormant_failure(std::uint32_t instance);
  void after_failure(std::uint32_t instance);
  void on_detected(std::uint32_t instance);
  // monitoring.cpp: coverage, missed failures and inspections.
  void detect_with_coverage(std::uint32_t instance);
  void begin_repair(std::uint32_t instance);
  void start_repair_work(std::uint32_t instance);
  void on_repair_end(std::uint32_t instance);
  void return_to_service(std::uint32_t instance);
  void activate(std::uint32_t instance);
  void make_idle(std::uint32_t instance);
  void try_switchover(std::uint32_t component);
  std::uint32_t pop_unblocked_idle(std::uint32_t component);
  void on_switch_end(std::uint32_t instance);
  void resolve_switch(std::uint32_t instance);
  void schedule_instance(std::uint32_t instance, double time, std::uint32_t event_class) {
    queue_.schedule(instance, time, event_class, instance);
  }

  // blocking.cpp: zones, regions, injections and what they do to instances.
  void handle_zone(std::uint32_t zone);
  void handle_region(std::uint32_t region);
  void handle_injection(std::uint32_t injection);
  void on_block_detected(std::uint32_t instance);
  void set_zone_down(std::uint32_t zone, bool own, int holds_delta);
  void set_region_down(std::uint32_t region, bool own, int holds_delta);
  void zone_effective_change(std::uint32_t zone);
  void block(std::uint32_t instance);
  void unblock(std::uint32_t instance);
  void schedule_domain(std::uint32_t slot, const CompiledDomain& domain, bool up,
                       std::uint32_t& failure_draws, std::uint32_t& repair_draws);
  // failover.cpp: timed failover of list dependencies.
  void handle_failover(std::uint32_t failover);
  /// One of the gate's children flipped: returns whether the gate flips.
  bool failover_child_flipped(std::uint32_t gate);
  void update_failover(std::uint32_t failover);
  void start_failover(std::uint32_t failover);
  // deploys.cpp: scheduled deploys, their batches, restarts, verdicts and rollbacks.
  void handle_deploy(std::uint32_t slot);
  void deploy_due(std::uint32_t deploy);
  void deploy_batch(std::uint32_t deploy);
  void reach(std::uint32_t deploy, std::uint32_t instance);
  void deploy_verdict(std::uint32_t deploy);
  void rollback_end(std::uint32_t deploy);
  void restart_end(std::uint32_t deploy, std::uint32_t index);
  void end_deploy_if_over(std::uint32_t deploy);
  void unbreak(std::uint32_t instance);
  double deploy_draw(const CompiledLaw& law, const CompiledDeploys& deploys, Purpose purpose,
                     std::uint32_t index, std::uint32_t k);
  bool domain_blocks(std::uint32_t zone) const {
    const std::int32_t region = model_.zones[zone].region;
    return zone_down_[zone].down() ||
           (region >= 0 && region_down_[static_cast<std::size_t>(region)].down());
  }

  // service_state.cpp
  void set_pool_up(std::uint32_t component, bool up);
  void serving_down(std::uint32_t component) {
    if (flow_mode_) [[unlikely]]
      flow_serving_changed(component);
    if (active_up_[component]-- == model_.components[component].min_up) {
      set_pool_up(component, false);
    }
  }
  void serving_up(std::uint32_t component) {
    if (flow_mode_) [[unlikely]]
      flow_serving_changed(component);
    if (++active_up_[component] == model_.components[component].min_up) {
      set_pool_up(component, true);
    }
  }
  void propagate(std::uint32_t component, bool up);
  std::uint32_t root_cause(std::uint32_t& pools_down);
  void record_outage(double hours);
  static void add_window_downtime(std::vector<double>& windows, double length, double start,
                                  double end) {
    add_window_rate(windows, length, start, end, 1.0);
  }
  /// Adds rate x the part of [start, end) in each whole window of `length`.
  static void add_window_rate(std::vector<double>& windows, double length, double start, double end,
                              double rate);
  void finish(RunTotals& totals, ReplicationOutcome& outcome);
  // request_accounting.cpp: the load in Boolean mode, integrated over outages only.
  void reset_requests();
  /// An outage over [start, end): its requests fail and its hours are degraded.
  void record_failed_requests(double start, double end);
  void add_window_requests(std::vector<double>& windows, double length, double start,
                           double end) const;
  void finish_requests(RunTotals& totals, ReplicationOutcome& outcome);
  // flow_mode.cpp: the request flow evaluated after every batch, load steps, requests
  // integrated between batches (flow mode only).
  void reset_flow();
  void handle_load_step();
  /// Same-instant order within class 3: kind `spike` before `load` (the load step's slot comes
  /// before the spike slots, so it takes the rank of the first slot after them), then `cache`.
  std::uint32_t load_step_rank() const { return load_->first_breaker_slot; }
  /// Integrates requests up to now, applies the batch's serving changes, evaluates the flow and
  /// returns whether the system is up (sigma at or above outage_below).
  bool close_flow_batch();
  void evaluate_flow();
  void integrate_flow(double until);
  void finish_flow(RunTotals& totals);
  /// A breaker's open_for is over: it closes (the scan after the batch may reopen it).
  void handle_breaker_close(std::uint32_t breaker);
  /// After an evaluation: opens the first closed breaker (scan order) whose target's success is
  /// below its threshold, evaluates again, and repeats until none opens.
  void scan_breakers();
  /// Timed failovers: each row's target in use and whether a failover runs, into the flow.
  void set_failover_routes();
  /// A cache's clock is due: a valid cache expires, an expired one is valid again.
  void handle_cache_clock(std::uint32_t cache);
  /// After the breaker scan: each cache's clock runs while it should (a valid cache's while its
  /// targets' success is below stale_below, an expired one's while it is at or above), and
  /// starts afresh when it starts running.
  void reconcile_cache_clocks();
  /// A spike slot: a spike starts or ends.
  void handle_spike(std::uint32_t slot);
  /// The offered load from the profile's hour and the running spikes, and the admitted part.
  void set_offered_load();
  double spike_draw(const CompiledLaw& law, std::uint32_t source, bool gap);
  void flow_serving_changed(std::uint32_t component) {
    if (flow_dirty_[component] != 0) return;
    flow_dirty_[component] = 1;
    flow_changed_.push_back(component);
  }
  // overload.cpp: crash clocks, crashes, restarts and the cascades they form (flow mode with
  // `overload` only).
  void handle_crash(std::uint32_t instance);
  void on_restart_end(std::uint32_t instance);
  /// Starts the clocks of `component`'s serving instances while it is overloaded, cancels those
  /// of instances that stopped serving and all of them once it is not.
  void reconcile_crash_clocks(std::uint32_t component);
  /// After a batch: the cascade ends when no instance is crash-down and nothing is overloaded.
  void watch_cascade();
  /// The interval since the last batch: an outage overlaps a running cascade.
  void note_cascade_overlap(double until);
  void close_cascade(bool cut);
  void reset_cascades();
  void finish_cascades(RunTotals& totals, ReplicationOutcome& outcome);
  double overload_draw(const CompiledLaw& law, std::uint32_t instance);
  // recovery_episodes.cpp: triggers (injections) from start to end, the episodes they form and
  // the recovery after each (with a load only).
  void reset_episodes();
  void trigger_started(std::uint32_t injection);
  void trigger_ended(std::uint32_t injection);
  /// After a batch: the ends of triggers that end by repairs, episode ends, recoveries over.
  void watch_episodes();
  void record_recovery(double hours, bool cut);
  void finish_episodes(RunTotals& totals, ReplicationOutcome& outcome);

  /// The next draw of `law` from the stream (source, purpose, index) whose draw counter is
  /// `draws` (advanced); 0 for a zero law. The draws of every source that is not an instance's
  /// failure or repair (zones, regions, spikes, overload) go through it.
  double keyed_draw(const CompiledLaw& law, std::uint64_t source, Purpose purpose,
                    std::uint32_t index, std::uint32_t& draws) const {
    if (law.kind == LawKind::kZero) return 0.0;
    RandomStream stream(replication_key_, source, purpose, index, draws);
    const double x = sample_law(law, stream, model_.law_table.data());
    draws = stream.next_draw();
    return x;
  }
  double draw(const CompiledLaw& law, std::uint32_t instance, Purpose purpose) {
    // Failure and repair draws are most of the draws and sit on the critical path of their
    // event: their streams read from the block kept ahead in the record (StreamBlock). An
    // exponential law's draw is, 99 times in 100, that block's value through the ziggurat's core:
    // read it in place, inline, and make the stream only to refill the block behind it (or to
    // fill it at the stream's first draw). Anything else (another law, the ziggurat's rare
    // paths) takes draw_general(), which starts again from the same draw.
    if (purpose == Purpose::kFailure || purpose == Purpose::kRepair) {
      const std::size_t lane = purpose == Purpose::kFailure ? 0 : 1;
      Instance& in = instances_[instance];
      std::uint32_t& next = in.ahead_draws[lane];
      if (law.kind == LawKind::kExponential && next == 0) [[unlikely]]
        refill_ahead(instance, purpose);  // block 0
      double core = 0.0;
      if (law.kind == LawKind::kExponential && zig_.core(in.ahead[lane].halves[next & 1U], core))
          [[likely]] {
        if ((++next & 1U) == 0) refill_ahead(instance, purpose);
        return law.a * core;
      }
    }
    return draw_general(law, instance, purpose);
  }
  /// Fills the instance's block of `purpose` (failure or repair) that holds its next draw.
  [[gnu::noinline]] void refill_ahead(std::uint32_t instance, Purpose purpose) {
    Instance& in = instances_[instance];
    const CompiledComponent& cc = model_.components[in.component];
    const std::size_t lane = purpose == Purpose::kFailure ? 0 : 1;
    in.ahead[lane] = philox_block(replication_key_, cc.stream_source, purpose,
                                  instance - cc.first_instance, in.ahead_draws[lane] >> 1U);
  }
  [[gnu::noinline]] double draw_general(const CompiledLaw& law, std::uint32_t instance,
                                        Purpose purpose) {
    Instance& in = instances_[instance];
    const CompiledComponent& cc = model_.components[in.component];
    const std::uint32_t index = instance - cc.first_instance;
    if (purpose == Purpose::kFailure || purpose == Purpose::kRepair) {
      const std::size_t lane = purpose == Purpose::kFailure ? 0 : 1;
      StreamBlock& ahead = in.ahead[lane];
      RandomStream stream(replication_key_, cc.stream_source, purpose, index, in.ahead_draws[lane],
                          &ahead);
      if (in.ahead_draws[lane] == 0) [[unlikely]]
        ahead = stream.block(0);
      const double x = sample_law(law, stream, model_.law_table.data());
      in.ahead_draws[lane] = stream.next_draw();
      return x;
    }
    std::uint32_t& next = draws_[instance][static_cast<std::size_t>(purpose)];
    RandomStream stream(replication_key_, cc.stream_source, purpose, index, next);
    const double x = sample_law(law, stream, model_.law_table.data());
    next = stream.next_draw();
    return x;
  }
  bool draw_success(std::uint32_t instance, double probability) {
    return draw_coin(instance, Purpose::kSwitchSuccess, probability);
  }
  /// True with `probability`: a uniform of the instance's `purpose` stream below it.
  bool draw_coin(std::uint32_t instance, Purpose purpose, double probability) {
    const CompiledComponent& cc = model_.components[instances_[instance].component];
    std::uint32_t& next = draws_[instance][static_cast<std::size_t>(purpose)];
    RandomStream stream(replication_key_, cc.stream_source, purpose, instance - cc.first_instance,
                        next);
    const bool success = stream.uniform_open() < probability;
    next = stream.next_draw();
    return success;
  }
  void note(TraceEvent event, SourceKind kind, std::uint32_t source, std::uint32_t instance) {
    if (trace_ != nullptr) trace_note(event, kind, source, instance);
  }
  void trace_note(TraceEvent event, SourceKind kind, std::uint32_t source, std::uint32_t instance);
  /// The cause index a trace row's source stands for.
  std::int64_t trace_source_cause(const TraceRow& row) const;

  // Intrusive FIFO lists through next_/prev_ (an instance is in at most one list at a time).
  struct List {
    std::uint32_t head = kNone;
    std::uint32_t tail = kNone;
  };
  void push_back(List& list, std::uint32_t instance);
  std::uint32_t pop_front(List& list);
  void unlink(List& list, std::uint32_t instance);

  const CompiledModel& model_;
  /// The exponential law's tables (a reference kept here: the accessor's guard costs a branch).
  const ExponentialZiggurat& zig_ = ExponentialZiggurat::instance();
  EventQueue queue_;
  double now_ = 0.0;
  std::uint64_t events_ = 0;
  std::uint64_t replication_key_ = 0;

  // Per instance: what every event reads in one record.
  struct Instance {
    /// The blocks holding the next failure and repair draws, and those draws' numbers (0: no
    /// draw yet, the block is filled at the first).
    std::array<StreamBlock, 2> ahead{};
    std::array<std::uint32_t, 2> ahead_draws{};
    std::uint32_t component = 0;
    State state = State::kActive;
    /// Set when a block of a warm or cold pool's active instance was detected: standby rule 2
    /// counts it as failed until its block ends or it fails.
    std::uint8_t counted_failed : 1 = 0;
    /// Reached by a bad deploy and not yet back (at the rollback's end or its own repair's).
    std::uint8_t broken : 1 = 0;
    /// Its component is plain (CompiledComponent::plain): copied here, where the event reads.
    std::uint8_t plain : 1 = 0;
    /// Reasons it is blocked: its zone or region down (one), injections holding it, a deploy's
    /// restart, being broken by a bad deploy.
    std::uint16_t blocked = 0;
    /// While failed and undetected, when it failed; from its detection (or failed switchover) to
    /// its repair's end, when the repair became due: the mean times to detect and to repair.
    /// Kept in the record every event reads, so keeping them costs no cache miss.
    double since = 0.0;
  };
  std::vector<Instance> instances_;
  /// Per instance, the next draw number of each purpose's stream but failure and repair (rarer
  /// draws: kept out of the record every event reads).
  std::vector<std::array<std::uint32_t, kInstancePurposes>> draws_;
  std::vector<std::uint32_t> next_;
  std::vector<std::uint32_t> prev_;

  // Per component.
  /// Serving instances: active, not failed, not blocked. The pool is up while >= min_up.
  std::vector<std::uint32_t> active_up_;
  /// Warm and cold pools: active instances standby rules 2 and 5 believe up (serving, or blocked
  /// with the block not yet detected).
  std::vector<std::uint32_t> believed_up_;
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
  /// Per component, this replication: detections and their delays, repairs ended and their
  /// times from detection (crew wait included), failures missed by the monitoring.
  struct Monitoring {
    double detect_hours = 0.0;
    double repair_hours = 0.0;
    std::uint32_t detections = 0;
    std::uint32_t repairs = 0;
    std::uint32_t undetected = 0;
  };
  std::vector<Monitoring> monitoring_;
  /// Per cause (the compiled registry): downtime charged and outages caused.
  std::vector<double> charged_hours_;
  std::vector<std::uint32_t> caused_;

  // Per gate and per crew.
  struct GateState {
    std::uint32_t owner = 0;
    std::uint32_t need = 0;
    std::uint32_t up_children = 0;
    std::uint32_t failover = kNone;  // index into failovers_, or kNone
  };
  std::vector<GateState> gates_;
  /// Per timed failover: the target in use (position in its list), whether an attempt runs, whether
  /// the gate is counted satisfied, and
  /// the draw numbers of its time and success streams.
  struct FailoverState {
    std::uint32_t in_use = 0;
    bool running = false;
    /// What the owner's unsatisfied-gate count holds for this gate.
    bool satisfied = true;
    std::uint32_t time_draws = 0;
    std::uint32_t success_draws = 0;
  };
  std::vector<FailoverState> failovers_;
  /// Per deploy schedule: the deploy running (if any), where its waves are, and this
  /// replication's counts.
  struct DeployState {
    std::uint32_t next_k = 0;  // the next deploy number to come due
    std::uint32_t k = 0;       // the running deploy's number
    bool running = false;
    bool bad = false;
    bool batches_over = false;
    bool rollback_over = false;
    std::uint32_t cursor = 0;      // the next instance index a batch considers
    std::uint32_t next_batch = 0;  // the number of the next batch
    std::uint32_t restarting = 0;  // restarts it started that are not over
    double due = 0.0;
    double verdict = 0.0;  // a bad deploy's verdict time
    std::uint32_t bad_deploys = 0;
    std::uint32_t skipped = 0;
    std::uint32_t restarts = 0;
  };
  std::vector<DeployState> deploys_;
  std::vector<std::uint32_t> crew_free_;
  std::vector<List> crew_queue_;

  // Zones and regions: own life, holds by injections, draws.
  struct DomainState {
    std::uint8_t own_down = 0;
    std::uint32_t holds = 0;
    std::uint32_t failure_draws = 0;
    std::uint32_t repair_draws = 0;
    double up_hours = 0.0;  // signed, as pool_up_hours_
    bool down() const { return own_down != 0 || holds != 0; }
  };
  std::vector<DomainState> zone_down_;
  std::vector<DomainState> region_down_;
  /// Per zone: whether its instances are blocked by it (it or its region down).
  std::vector<std::uint8_t> zone_blocking_;
  /// Per injection: 0 before its start, 1 running (until `for` ends), 2 done.
  std::vector<std::uint8_t> injection_phase_;
  std::vector<std::uint32_t> held_;  // instances held by component injections with `for`
  std::vector<std::uint32_t> held_count_;

  // The batch being applied.
  /// The cause of the loss being applied (kNone outside losses).
  std::uint32_t loss_cause_ = kNone;
  std::uint32_t first_loss_cause_ = kNone;
  /// Pools that went down in this batch, in order, with the cause of the loss that did it.
  struct PoolDown {
    std::uint32_t component;
    std::uint32_t cause;
  };
  std::vector<PoolDown> batch_pool_downs_;
  std::vector<std::uint64_t> component_stamp_;
  std::uint64_t stamp_ = 0;

  // System.
  /// The work list of propagate(): one slot per parent link, plus the pool that changed.
  std::vector<std::uint32_t> work_;
  bool system_up_ = true;
  std::uint32_t outage_cause_ = 0;
  double down_since_ = 0.0;
  double downtime_hours_ = 0.0;
  std::uint32_t outages_ = 0;
  std::uint32_t common_cause_outages_ = 0;
  std::int64_t outages_cut_ = 0;
  std::uint32_t batch_number_ = 0;
  /// This replication's outage durations, moved into the totals only when it completes (so a
  /// cancelled replication leaves no trace). Reused: it stops allocating once warmed up.
  std::vector<double> outage_hours_;
  /// Per whole window of `window_hours`: downtime hours in this replication.
  double window_hours_ = 0.0;
  std::vector<double> window_downtime_;
  /// Per whole year, with a target: downtime hours (for the per-year SLA).
  std::vector<double> year_downtime_;

  /// The load (nullptr without one: then nothing below is touched).
  const CompiledLoad* load_ = nullptr;
  double failed_load_hours_ = 0.0;
  double degraded_hours_ = 0.0;
  /// With windows: failed load-hours per whole window; with spikes and slo_basis "requests"
  /// also the offered ones (flow mode integrates them; empty otherwise).
  std::vector<double> window_failed_;
  std::vector<double> window_offered_;
  /// With a target and slo_basis "requests": failed and offered load-hours per whole year.
  std::vector<double> year_failed_;
  std::vector<double> year_offered_;

  /// Flow mode (CompiledLoad::flow): the evaluator, the components whose serving count changed
  /// in this batch, the load now and the served share sigma it gives.
  bool flow_mode_ = false;
  std::optional<FlowEvaluator> flow_;
  std::vector<std::uint8_t> flow_dirty_;
  std::vector<std::uint32_t> flow_changed_;
  double offered_rps_ = 0.0;
  double admitted_rps_ = 0.0;
  double sigma_ = 1.0;
  /// Since when offered_rps_ and sigma_ hold (the last batch), and the batch holds a load step.
  double flow_since_ = 0.0;
  bool batch_load_step_ = false;
  double rejected_load_hours_ = 0.0;
  /// Offered load-hours so far (flow mode: spikes make them differ between histories).
  double offered_load_hours_ = 0.0;
  /// With journeys: per journey, its failed load-hours so far.
  std::vector<double> journey_failed_;
  std::uint64_t flow_evaluations_ = 0;
  std::uint64_t flow_not_converged_ = 0;
  /// Per component: utilisation min(1, D / C) (0 with no serving instance), whether it has a
  /// serving instance, whether its success is at least outage_below, since when those hold,
  /// and their time integrals.
  struct FlowComponent {
    double utilisation = 0.0;
    bool serving = false;
    bool up = true;
    double since = 0.0;
    double utilisation_hours = 0.0;
    double serving_hours = 0.0;
    double up_hours = 0.0;
  };
  std::vector<FlowComponent> flow_components_;
  /// The components any evaluation of this batch touched (crash clocks follow them once the
  /// breaker scan is over), each once.
  std::vector<std::uint32_t> batch_touched_;
  std::vector<std::uint8_t> in_batch_touched_;
  /// Load shedding: the calls shed per second now (the sum over shedding components of D - C)
  /// and per component; the calls shed so far, in load-hours.
  /// The profile's multiplier of the current hour; per spike slot, 1 while its spike runs; per
  /// spike source, its gap and duration draws; the first spike that started in this batch.
  double hour_multiplier_ = 1.0;
  std::vector<std::uint8_t> spike_running_;
  std::vector<std::uint32_t> spike_gap_draws_;
  std::vector<std::uint32_t> spike_duration_draws_;
  std::uint32_t batch_spike_cause_ = kNone;
  /// Per cache: its clock (expiry or warm-up end) is pending; this history's expiries, hours
  /// expired and, while expired, since when.
  std::vector<std::uint8_t> cache_clock_;
  std::vector<std::int64_t> cache_expiries_;
  std::vector<double> cache_expired_hours_;
  std::vector<double> cache_expired_since_;
  double shed_rps_ = 0.0;
  std::vector<double> shed_rps_of_;
  double shed_load_hours_ = 0.0;

  /// Overload: per instance, a crash clock pending and its overload stream's next draw; per
  /// component, overloaded now, crashes; instances crash-down and components overloaded now.
  bool crashes_ = false;
  std::vector<std::uint8_t> crash_clock_;
  std::vector<std::uint32_t> overload_draws_;
  std::vector<std::uint8_t> overloaded_;
  std::vector<std::uint32_t> crashes_of_;
  std::uint32_t crashed_count_ = 0;
  std::uint32_t overloaded_count_ = 0;
  /// The cascade running (if any): since when, the component whose crash began it, the distinct
  /// components that crashed in it (stamped with the cascade's number).
  bool cascade_open_ = false;
  bool cascade_was_open_ = false;  // as of the end of the last batch
  double last_batch_end_ = 0.0;
  std::uint32_t cascade_number_ = 0;
  std::uint32_t cascade_first_ = 0;
  std::uint32_t cascade_size_ = 0;
  std::vector<std::uint32_t> crashed_in_cascade_;
  /// This replication: cascades, cut ones, sizes, per component started and their sizes; the
  /// running outage overlaps a cascade; outages and downtime that did.
  std::uint32_t cascades_ = 0;
  std::uint32_t cascades_cut_ = 0;
  std::vector<std::int64_t> cascade_sizes_;
  std::vector<std::int64_t> cascades_started_;
  std::vector<std::int64_t> started_sizes_;
  bool outage_in_cascade_ = false;
  std::uint32_t outages_in_cascades_ = 0;
  double downtime_in_cascades_ = 0.0;

  /// Whether every batch must be closed through close_batch(): a trace, the batch check, or an
  /// open trigger episode or recovery (set where those change; the inline end_batch reads it).
  bool watch_batches_ = false;
  /// The model has a load and injections: episodes and recoveries are tracked.
  bool episodes_ = false;
  /// Per injection: 1 while its trigger runs. Per held_ slot: the instance it took is repaired.
  std::vector<std::uint8_t> trigger_open_;
  std::vector<std::uint8_t> taken_back_;
  std::uint32_t open_triggers_ = 0;
  bool episode_open_ = false;
  /// Starts of the recoveries not over yet (episodes that ended while the system was down).
  std::vector<double> recovering_since_;
  /// This replication's recovery durations and how many were cut at the horizon.
  std::vector<double> recoveries_;
  std::uint32_t recoveries_cut_ = 0;
  std::uint32_t metastable_ = 0;

  Trace* trace_ = nullptr;
  bool batch_check_ = false;
};

}  // namespace nines::engine
