// The model compiled to dense, integer-indexed arrays: what the event loop reads.
//
// Everything is compiled in a canonical order independent of the file: components, zones,
// regions and injections sorted by (kind, id bytes, list order). Queue slots are numbered in that
// order, so a slot number is also its rank among same-instant events of one class
// (docs/engine.md, "Same-instant batches"), and permuting the file changes no figure.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "nines/engine/law_sampler.hpp"
#include "nines/engine/random_stream.hpp"
#include "nines/engine/request_flow.hpp"
#include "nines/engine/request_integral.hpp"
#include "nines/models/model.hpp"

namespace nines::engine {

enum class Standby : std::uint8_t { kHot, kWarm, kCold };

struct CompiledComponent {
  std::uint32_t first_instance = 0;
  std::uint32_t instance_count = 0;
  std::uint32_t min_up = 0;
  std::int32_t crew = -1;  // -1: repairs start at once
  Standby standby = Standby::kHot;
  /// Monitoring: the probability that a failure is caught (then detected after `detection`);
  /// a missed one is detected after `undetected`, or with inspections (inspection_every_hours
  /// > 0) at the first multiple of it strictly after the failure. Read at every failure.
  double coverage = 1.0;
  // What every failure and repair reads comes first: one or two cache lines per event.
  CompiledLaw failure;
  CompiledLaw detection;
  CompiledLaw repair;
  CompiledLaw dormant_failure;
  CompiledLaw switchover;
  double switch_success = 1.0;
  CompiledLaw undetected;
  double inspection_every_hours = 0.0;
  /// Key part of this component's streams (source_hash of kind component and its id).
  std::uint64_t stream_source = 0;
  /// Gates this component's service needs, in `gates`: [first_gate, first_gate + gate_count).
  std::uint32_t first_gate = 0;
  std::uint32_t gate_count = 0;
  /// Components that need this one through a plain dependency, in `direct_parents`.
  std::uint32_t first_direct_parent = 0;
  std::uint32_t direct_parent_count = 0;
  /// Links to the other gates (k of a list) that list this component, in `parent_links`.
  std::uint32_t first_parent_link = 0;
  std::uint32_t parent_link_count = 0;
  /// Warm and cold pools: the slot of the first instance's second clock (block detection); the
  /// instance k of the pool has slot first_block_slot + k.
  std::uint32_t first_block_slot = 0;
  /// Index into `deploys` when the component has scheduled deploys, or -1.
  std::int32_t deploys = -1;
  /// A hot pool without crew, deploys or detection delay, fully covered by the monitoring, whose
  /// failures come: an instance goes active -> in repair -> active, and the event loop takes a
  /// shorter way for it (the same figures as the general handlers).
  bool plain = false;
};

/// A component's deploy schedule: an event source with four slots of its own (the next due
/// deploy, the next batch, the verdict, the rollback's end) and one restart clock per instance.
struct CompiledDeploys {
  /// Slot roles, from first_slot.
  static constexpr std::uint32_t kDueSlot = 0;
  static constexpr std::uint32_t kBatchSlot = 1;
  static constexpr std::uint32_t kVerdictSlot = 2;
  static constexpr std::uint32_t kRollbackSlot = 3;
  static constexpr std::uint32_t kFirstRestartSlot = 4;

  std::uint32_t component = 0;
  models::DeployStrategy strategy = models::DeployStrategy::kAllAtOnce;
  double period_hours = 0.0;
  double first_at_hours = 0.0;
  double bad_probability = 0.0;
  /// Instances per batch after the first, the first batch's size (all-at-once: every instance;
  /// canary: ceil(canary_fraction x instances)), and the times between them.
  std::uint32_t batch = 1;
  std::uint32_t first_batch = 1;
  double batch_interval_hours = 0.0;
  double bake_hours = 0.0;
  CompiledLaw detection;
  CompiledLaw rollback;
  CompiledLaw restart;
  /// Key part of its streams: source_hash of kind deploy and the component's id.
  std::uint64_t stream_source = 0;
  std::uint32_t cause = 0;
  std::uint32_t first_slot = 0;
};

/// Deploy k's draws start at draw number k << kDeployDrawBits of their streams, so deploy k has
/// the same draws whatever ran before it; at most 2^20 deploys per history, 4,096 draws each.
inline constexpr std::uint32_t kDeployDrawBits = 12;
inline constexpr std::uint32_t kMaxDeploys = 1U << 20U;

/// One dependency row: its owner's service needs at least `need` of the children up.
struct Gate {
  std::uint32_t owner = 0;
  std::uint32_t need = 0;
  std::uint32_t first_child = 0;
  std::uint32_t child_count = 0;
  /// Index into `failovers` when the row has a timed failover (then it is satisfied while its
  /// target in use is up), or -1.
  std::int32_t failover = -1;
};

/// A list dependency's timed failover: an event source whose event is the end of an attempt.
struct CompiledFailover {
  std::uint32_t gate = 0;
  CompiledLaw time;
  double success = 1.0;
  bool automatic_failback = true;
  /// Key part of its streams: source_hash of kind failover and "FROM->FIRST_TARGET".
  std::uint64_t stream_source = 0;
};

/// From a child to a gate with several children (or a need above 1) that lists it. A gate with
/// one child and need 1 (a plain dependency) is satisfied exactly when its child is up, so it
/// is kept apart, in `direct_parents`, and propagation updates its owner without gate state.
struct ParentLink {
  std::uint32_t owner = 0;
  std::uint32_t gate = 0;
};

/// A zone or a region: an independent two-state unit whose outage blocks its members.
struct CompiledDomain {
  CompiledLaw failure;
  CompiledLaw repair;
  std::uint64_t stream_source = 0;
  /// Zones: the region's index, or -1. Regions: unused.
  std::int32_t region = -1;
  /// Zones: instances in `zone_instances`; regions: zones in `region_zones`.
  std::uint32_t first_member = 0;
  std::uint32_t member_count = 0;
};

/// A scheduled fault.
struct CompiledInjection {
  enum class Target : std::uint8_t { kComponent, kZone, kRegion };
  Target target = Target::kComponent;
  std::uint32_t index = 0;  // compiled index of the component, zone or region
  std::uint32_t instances = 1;
  double at_hours = 0.0;
  double for_hours = 0.0;  // 0: no `for` (the target fails by its own laws)
  std::uint32_t cause = 0;
  /// Where the instances it holds are kept, in the simulator's held-instance array.
  std::uint32_t first_held = 0;
};

/// A component's overload behaviour in flow mode (docs/traffic.md, "Overload, shedding and
/// cascades").
struct CompiledOverload {
  /// `overload`: serving instances crash after `crash_after` while the component is overloaded
  /// and restart after `restart`.
  bool crashes = false;
  /// `load_shedding`: the excess demand is rejected at once; never overloaded (wins).
  bool shedding = false;
  CompiledLaw crash_after;
  CompiledLaw restart;
  /// Its `overload` cause, and the slot of its first instance's crash clock (instance k of the
  /// pool: first_crash_slot + k).
  std::uint32_t cause = 0;
  std::uint32_t first_crash_slot = 0;
};

/// A source of load spikes (flow mode): its slots, from first_slot, are one for a `gap` source
/// (its spikes never overlap) and one per `at` time before the horizon (sorted; they may).
struct CompiledSpikes {
  std::uint64_t stream_source = 0;
  bool scheduled = false;  // `at`
  CompiledLaw gap;
  CompiledLaw duration;
  double multiplier = 1.0;
  std::vector<double> at_hours{};
  std::uint32_t first_slot = 0;
  std::uint32_t slot_count = 0;
  /// Its `load` cause (id: the spike's id, or #N).
  std::uint32_t cause = 0;
};

/// The model's load in Boolean mode (docs/engine.md, "Load in Boolean mode"): every request is
/// served while the system is up and fails while it is down, so requests are integrated in
/// closed form over outages; load steps are no events.
struct CompiledLoad {
  RequestIntegral integral;
  /// Requests in one load-hour: rps x the profile's largest multiplier x 3600.
  double requests_per_load_hour = 0.0;
  /// Offered load-hours over [0, horizon): the same in every history.
  double offered_load_hours = 0.0;
  /// slo_basis "requests": sla, windows and precision judge request availability.
  bool requests_basis = false;
  /// Recovery episodes: the model has injections (triggers); an episode is metastable when its
  /// recovery lasts longer than metastable_after_hours.
  bool episodes = false;
  double metastable_after_hours = 1.0;

  /// Flow mode (docs/traffic.md): a capacity or a rate limit makes shares partial, so the
  /// request flow is evaluated after every batch and load steps are events. False: Boolean mode.
  bool flow = false;
  FlowGraph graph{};  // flow mode only
  double rps = 0.0;
  /// The profile's multiplier of each hour of its period (1, 24 or 168 values).
  std::vector<double> multipliers{};
  /// Per hour of the period: whole hours until the multiplier next differs (0: it never does).
  std::vector<std::uint32_t> next_change{};
  double limit_rps = std::numeric_limits<double>::infinity();
  double outage_below = 0.5;
  double degraded_below = 0.99;
  /// The `load` cause (flow mode only): an outage begun by a load step.
  std::uint32_t cause = 0;
  /// Flow mode: per component (compiled order), its overload behaviour; whether any crashes
  /// (then cascades are tracked) or sheds.
  std::vector<CompiledOverload> overload{};
  bool crashes = false;
  bool sheds = false;
  /// Crash clocks: slots [first_crash_slot, first_crash_slot + crash_slot_count).
  std::uint32_t first_crash_slot = 0;
  std::uint32_t crash_slot_count = 0;
  /// Per crash slot (from first_crash_slot): its instance.
  std::vector<std::uint32_t> crash_slot_instance{};
  /// Spike sources in id byte order (ids, else #N), their slots from first_spike_slot, and per
  /// spike slot its source.
  std::vector<CompiledSpikes> spikes{};
  std::vector<std::string> spike_ids{};
  std::uint32_t first_spike_slot = 0;
  std::vector<std::uint32_t> spike_slot_source{};
  /// Windows on slo_basis "requests" with spikes: each window's offered requests differ
  /// between histories, so each history keeps its own per window.
  bool offered_per_window() const { return requests_basis && !spikes.empty(); }
  /// Circuit breakers: graph targets with one, in scan order (from id, then target id); breaker
  /// b's closing has slot first_breaker_slot + b; ids "FROM->TO" for traces.
  std::vector<std::uint32_t> breakers{};
  std::vector<std::string> breaker_ids{};
  std::uint32_t first_breaker_slot = 0;
  /// Caches: graph rows in "cache" mode, in row order (from id, then target ids); cache c's
  /// clock (expiry or warm-up end) has slot first_cache_slot + c; ids "FROM->TO" (a list's
  /// targets joined by ",") for traces.
  std::vector<std::uint32_t> caches{};
  std::vector<std::string> cache_ids{};
  std::uint32_t first_cache_slot = 0;
  /// Per timed failover (compiled order): its graph row, whose calls all go to the target in
  /// use and fail while a failover runs.
  std::vector<std::uint32_t> failover_rows{};
  /// Journeys: the graph's entries are the journeys' (with their shares), in file order.
  bool journeys = false;
  std::vector<std::string> journey_entries{};
};

/// Kinds of cause, in the same-instant order (results list them in this order on ties).
enum class CauseKind : std::uint8_t {
  kComponent,
  kZone,
  kRegion,
  kInject,
  kDeploy,
  kOverload,
  kLoad,
  kOther
};

/// "component", "zone", "region", "inject", "deploy", "overload", "load" or "other" (the
/// results' `kind`).
const char* cause_kind_name(CauseKind kind);
/// Whether causes of `kind` have no id (`load`, `other`: JSON null).
inline bool cause_kind_has_id(CauseKind kind) {
  return kind != CauseKind::kLoad && kind != CauseKind::kOther;
}

struct CompiledModel {
  std::vector<CompiledComponent> components;  // sorted by id
  std::vector<std::string> component_ids;     // for results only, never read in the loop
  /// For each component of the model file (model order), its compiled index.
  std::vector<std::uint32_t> component_of_model;
  std::vector<std::uint32_t> instance_component;
  /// Per instance: its zone's compiled index, or -1.
  std::vector<std::int32_t> instance_zone;
  std::vector<Gate> gates;
  std::vector<std::uint32_t> gate_children;   // component indices
  std::vector<std::uint32_t> direct_parents;  // owners of plain dependencies, by child
  std::vector<ParentLink> parent_links;       // the other gates, grouped by child component
  std::vector<std::uint32_t> crew_sizes;
  std::vector<double> law_table;  // empirical samples

  std::vector<CompiledDomain> zones;    // sorted by id
  std::vector<CompiledDomain> regions;  // sorted by id
  std::vector<std::string> zone_ids;
  std::vector<std::string> region_ids;
  std::vector<std::uint32_t> zone_of_model;    // model order -> compiled index
  std::vector<std::uint32_t> region_of_model;  // model order -> compiled index
  std::vector<std::uint32_t> zone_instances;   // instances, grouped by zone
  std::vector<std::uint32_t> region_zones;     // zones, grouped by region
  std::vector<CompiledInjection> injections;   // sorted by (target id, list order)
  std::uint32_t held_instances = 0;            // sum of `instances` of component injections
  std::vector<CompiledFailover> failovers;     // sorted by id, FROM->FIRST_TARGET
  std::vector<std::string> failover_ids;
  std::vector<CompiledDeploys> deploys;  // by component (compiled order)
  /// Per deploy slot (from first_deploy_slot): the index of its deploy schedule.
  std::vector<std::uint32_t> deploy_slot_owner;

  /// The cause registry: index -> (kind, id). Components [0, C), zones, regions, injection
  /// targets (one per distinct target id, sorted), deploys (by component), and `other` last.
  std::vector<CauseKind> cause_kinds;
  std::vector<std::string> cause_ids;
  std::uint32_t first_zone_cause = 0;
  std::uint32_t first_region_cause = 0;
  std::uint32_t other_cause = 0;

  /// Queue slots: instances [0, instance_count), then zones, regions, injections, deploys,
  /// failovers, then the block-detection clocks of warm and cold pools.
  std::uint32_t first_zone_slot = 0;
  std::uint32_t first_region_slot = 0;
  std::uint32_t first_injection_slot = 0;
  std::uint32_t first_deploy_slot = 0;
  std::uint32_t first_failover_slot = 0;
  std::uint32_t first_block_slot = 0;
  std::uint32_t slot_count = 0;
  /// Flow mode: the load steps' slot, after every other (slot_count otherwise).
  std::uint32_t load_step_slot = 0;
  /// Per block-detection slot (from first_block_slot): its instance.
  std::vector<std::uint32_t> block_slot_instance;

  std::uint32_t entry = 0;
  std::uint32_t instance_count = 0;
  double horizon_hours = 0.0;
  std::uint64_t seed = 0;
  /// The availability target: with it, each replication counts its whole years meeting it.
  std::optional<double> target;
  /// Empty without a `load`: such a model pays nothing for traffic.
  std::optional<CompiledLoad> load;
};

/// Empty totals sized for `model` (components, causes, zones, regions).
struct RunTotals;
RunTotals totals_for(const CompiledModel& model);

/// Compiles a validated model. Throws ModelError when it exceeds the engine's limits, when two
/// source ids of the model hash alike (their streams would not be distinct).
CompiledModel compile(const models::Model& model);

}  // namespace nines::engine
