// The engine's instance lifecycle (engine/src/instance_lifecycle.cpp) replayed on counts. Each
// handler here names the engine function it mirrors; the order of steps is the engine's, because
// at one instant it decides who gets a crew member and whether a switchover is needed.
#include "group_events.hpp"

#include <cassert>
#include <deque>
#include <utility>

namespace nines::analysis::detail {
namespace {

/// One step of the engine's call chain still to run at the current instant.
enum class Step : std::uint8_t {
  kDetected,
  kBeginRepair,
  kTrySwitchover,
  kResolveSwitch,
  kRepairEnd
};

struct Task {
  Step step;
  std::uint32_t component;
};

/// A partial history at the current instant: the state, the rest of the running handler (a stack:
/// back runs next), and the zero-length repairs the engine has queued for the same instant, which
/// it handles after the running handler in the order they were scheduled (ties break by
/// sequence number).
struct Branch {
  double probability = 1.0;
  GroupConfig config;
  std::vector<Task> stack;
  std::deque<std::uint32_t> zero_repairs;
};

class Cascade {
 public:
  Cascade(const GroupSpec& spec, std::vector<Outcome>& out) : spec_(spec), out_(out) {}

  void run(Branch first) {
    pending_.push_back(std::move(first));
    while (!pending_.empty()) {
      Branch branch = std::move(pending_.back());
      pending_.pop_back();
      finish(branch);
      out_.push_back(Outcome{branch.probability, std::move(branch.config)});
    }
  }

 private:
  void finish(Branch& b) {
    for (;;) {
      if (b.stack.empty()) {
        if (b.zero_repairs.empty()) return;
        b.stack.push_back(Task{Step::kRepairEnd, b.zero_repairs.front()});
        b.zero_repairs.pop_front();
      }
      const Task task = b.stack.back();
      b.stack.pop_back();
      switch (task.step) {
        case Step::kDetected:
          on_detected(b, task.component);
          break;
        case Step::kBeginRepair:
          begin_repair(b, task.component);
          break;
        case Step::kTrySwitchover:
          try_switchover(b, task.component);
          break;
        case Step::kResolveSwitch:
          resolve_switch(b, task.component);
          break;
        case Step::kRepairEnd:
          on_repair_end(b, task.component);
          break;
      }
    }
  }

  // on_detected: begin_repair, then try_switchover.
  static void on_detected(Branch& b, std::uint32_t c) {
    b.stack.push_back(Task{Step::kTrySwitchover, c});
    b.stack.push_back(Task{Step::kBeginRepair, c});
  }

  // begin_repair: a crew with no free member queues the repair at the back.
  void begin_repair(Branch& b, std::uint32_t c) const {
    ComponentCounts& n = b.config.counts[c];
    const std::int32_t crew = spec_.components[c].crew;
    if (crew >= 0 && free_members(b.config, static_cast<std::uint32_t>(crew)) == 0) {
      ++n.waiting;
      b.config.queues[static_cast<std::size_t>(crew)].push_back(static_cast<std::uint16_t>(c));
      return;
    }
    start_repair(b, c);
  }

  // A zero repair still passes through the engine's queue, at the same instant.
  void start_repair(Branch& b, std::uint32_t c) const {
    ++b.config.counts[c].in_repair;
    if (spec_.components[c].repair.zero) b.zero_repairs.push_back(c);
  }

  // try_switchover: while active + switching < min_up, take an idle instance; a zero switchover
  // resolves inline before the loop tests again.
  void try_switchover(Branch& b, std::uint32_t c) const {
    ComponentCounts& n = b.config.counts[c];
    const ChainComponent& cc = spec_.components[c];
    if (n.active + n.switching >= cc.min_up || n.idle == 0) return;
    --n.idle;
    ++n.switching;
    b.stack.push_back(Task{Step::kTrySwitchover, c});
    if (cc.switchover.zero) b.stack.push_back(Task{Step::kResolveSwitch, c});
  }

  // resolve_switch: success with probability switch_success (certain at >= 1, never at <= 0,
  // as `p >= 1 || uniform_open() < p`); a failed attempt goes straight to repair; a success joins
  // the active ones only if still short (a repair may have filled the gap), else waits idle.
  void resolve_switch(Branch& b, std::uint32_t c) {
    const double p = spec_.components[c].switch_success;
    --b.config.counts[c].switching;
    if (p < 1.0) {
      if (p > 0.0) {
        Branch failed = b;
        failed.probability *= 1.0 - p;
        failed.stack.push_back(Task{Step::kBeginRepair, c});
        pending_.push_back(std::move(failed));
        b.probability *= p;
      } else {
        b.stack.push_back(Task{Step::kBeginRepair, c});
        return;
      }
    }
    return_up(b, c, false);
  }

  // on_repair_end: the freed member goes straight to the longest-waiting repair, then
  // return_to_service: active if the pool is short of min_up *active* instances (switching ones
  // do not count) or hot, else idle. No switchover attempt follows a repair.
  void on_repair_end(Branch& b, std::uint32_t c) const {
    --b.config.counts[c].in_repair;
    const std::int32_t crew = spec_.components[c].crew;
    if (crew >= 0) {
      auto& queue = b.config.queues[static_cast<std::size_t>(crew)];
      if (!queue.empty()) {
        const std::uint32_t next = queue.front();
        queue.erase(queue.begin());
        --b.config.counts[next].waiting;
        start_repair(b, next);
      }
    }
    return_up(b, c, spec_.components[c].hot);
  }

  void return_up(Branch& b, std::uint32_t c, bool hot) const {
    ComponentCounts& n = b.config.counts[c];
    if (hot || n.active < spec_.components[c].min_up) {
      ++n.active;
    } else {
      ++n.idle;
    }
  }

  [[nodiscard]] std::uint32_t free_members(const GroupConfig& config, std::uint32_t crew) const {
    std::uint32_t busy = 0;
    for (const std::uint32_t c : spec_.crews[crew].components) busy += config.counts[c].in_repair;
    assert(busy <= spec_.crews[crew].size);
    return spec_.crews[crew].size - busy;
  }

  const GroupSpec& spec_;
  std::vector<Outcome>& out_;
  std::vector<Branch> pending_;
};

}  // namespace

GroupConfig initial_config(const GroupSpec& spec) {
  GroupConfig config;
  for (const ChainComponent& c : spec.components) {
    ComponentCounts n;
    n.active = c.hot ? c.instances : c.min_up;
    n.idle = c.instances - n.active;
    config.counts.push_back(n);
  }
  config.queues.resize(spec.crews.size());
  return config;
}

double event_rate(const GroupSpec& spec, const GroupConfig& config, EventKind kind,
                  std::uint32_t component) {
  const ChainComponent& c = spec.components[component];
  const ComponentCounts& n = config.counts[component];
  const auto times = [](std::uint32_t count, double rate) {
    return count == 0 ? 0.0 : static_cast<double>(count) * rate;
  };
  switch (kind) {
    case EventKind::kActiveFailure:
      return times(n.active, c.failure_rate_per_hour);
    case EventKind::kDormantFailure:
      return times(n.idle, c.dormant_rate_per_hour);
    case EventKind::kDetection:
      return c.detection.zero ? 0.0 : times(n.undetected, c.detection.rate_per_hour);
    case EventKind::kRepairEnd:
      return c.repair.zero ? 0.0 : times(n.in_repair, c.repair.rate_per_hour);
    case EventKind::kSwitchEnd:
      return c.switchover.zero ? 0.0 : times(n.switching, c.switchover.rate_per_hour);
    case EventKind::kMissedDetection:
      return c.undetected.zero ? 0.0 : times(n.missed, c.undetected.rate_per_hour);
  }
  return 0.0;
}

void apply_event(const GroupSpec& spec, const GroupConfig& from, EventKind kind,
                 std::uint32_t component, std::vector<Outcome>& out) {
  Branch first{1.0, from, {}, {}};
  ComponentCounts& n = first.config.counts[component];
  const std::uint32_t c = component;
  switch (kind) {
    case EventKind::kActiveFailure:   // on_active_failure, then after_failure
    case EventKind::kDormantFailure:  // on_dormant_failure, then after_failure
      if (kind == EventKind::kActiveFailure) {
        assert(n.active > 0);
        --n.active;
      } else {
        assert(n.idle > 0);
        --n.idle;
      }
      if (spec.components[c].coverage < 1.0) {
        // after_failure's coin: caught with probability c (then `detection`), else missed
        // (then `undetected`); each branch then runs as the engine does.
        const double coverage = spec.components[c].coverage;
        Branch missed = first;
        missed.probability = 1.0 - coverage;
        if (spec.components[c].undetected.zero) {
          missed.stack.push_back(Task{Step::kDetected, c});
        } else {
          ++missed.config.counts[c].missed;
        }
        Cascade(spec, out).run(std::move(missed));
        if (coverage <= 0.0) return;
        first.probability = coverage;
      }
      if (spec.components[c].detection.zero) {
        first.stack.push_back(Task{Step::kDetected, c});
      } else {
        ++n.undetected;
      }
      break;
    case EventKind::kDetection:
      assert(n.undetected > 0);
      --n.undetected;
      first.stack.push_back(Task{Step::kDetected, c});
      break;
    case EventKind::kMissedDetection:
      assert(n.missed > 0);
      --n.missed;
      first.stack.push_back(Task{Step::kDetected, c});
      break;
    case EventKind::kRepairEnd:
      first.stack.push_back(Task{Step::kRepairEnd, c});
      break;
    case EventKind::kSwitchEnd:  // on_switch_end: resolve_switch, then try_switchover
      first.stack.push_back(Task{Step::kTrySwitchover, c});
      first.stack.push_back(Task{Step::kResolveSwitch, c});
      break;
  }
  Cascade(spec, out).run(std::move(first));
}

}  // namespace nines::analysis::detail
