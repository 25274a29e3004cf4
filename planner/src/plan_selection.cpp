// The plan's sequence: budget, exact screening, pilots, then rounds of batches in cost order
// until every candidate cheaper than the cheapest that meets is decided (docs/planner.md).
// Decisions read only the merged figures at batch ends, so threads change nothing.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "nines/analysis/system_analysis.hpp"
#include "nines/planner/plan.hpp"
#include "nines/planner/plan_judge.hpp"

namespace nines::planner {

namespace {

/// Runs the replications and keeps the count for progress and run_info.
class Simulator {
 public:
  explicit Simulator(const PlanSettings& settings)
      : settings_(settings), start_(std::chrono::steady_clock::now()) {}

  /// Replications [first, first + count) of `model`; empty when Ctrl-C cut them short (a batch
  /// cut short is dropped, as run_to_precision drops it).
  std::optional<engine::RangeResult> simulate(const models::Model& model, std::int64_t first,
                                              std::int64_t count) {
    engine::RunOptions options;
    options.threads = settings_.threads;
    options.first_replication = first;
    options.replications = count;
    options.window_hours = settings_.window_hours;
    options.cancel = settings_.cancel;
    options.processes = settings_.processes;
    if (settings_.progress) {
      options.progress = [this](const engine::Progress& p) {
        engine::Progress all = p;
        all.done = spent_ + p.done;
        all.total = std::max(planned_, all.done);
        all.elapsed_seconds = seconds();
        settings_.progress(all);
      };
    }
    engine::RangeResult range = engine::simulate_range(model, options);
    // Cut short on any rank: the merged range has a gap, or a rank's Ctrl-C came after its share.
    bool cut = std::any_of(range.unavailability.begin(), range.unavailability.end(),
                           [](double u) { return std::isnan(u); });
    cut = cut || (settings_.cancel != nullptr && settings_.cancel->load());
    if (settings_.processes != nullptr) cut = settings_.processes->any(cut);
    if (cut) return std::nullopt;
    spent_ += count;
    events_ += range.totals.events;
    return range;
  }
  /// The replications the current phase still plans, for the bar's total.
  void plan_more(std::int64_t replications) { planned_ = spent_ + replications; }
  /// Past --max-time, by process 0's clock (the ranks must agree).
  [[nodiscard]] bool out_of_time() const {
    const bool late = seconds() > settings_.max_seconds;
    return settings_.processes != nullptr ? settings_.processes->first_decides(late ? 1 : 0) != 0
                                          : late;
  }
  [[nodiscard]] double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  [[nodiscard]] std::int64_t spent() const { return spent_; }
  [[nodiscard]] std::uint64_t events() const { return events_; }

 private:
  const PlanSettings& settings_;
  std::chrono::steady_clock::time_point start_;
  std::int64_t spent_ = 0;
  std::int64_t planned_ = 0;
  std::uint64_t events_ = 0;
};

/// Candidate indices by cost (no cost last), then point order.
std::vector<std::size_t> cost_order(const std::vector<Candidate>& candidates) {
  std::vector<std::size_t> order(candidates.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = candidates[a].cost_per_month;
    const auto& y = candidates[b].cost_per_month;
    if (x.has_value() != y.has_value()) return x.has_value();
    return x && *x < *y;
  });
  return order;
}

/// The analyze horizon value of `model`, when the solvers have one (exponential laws).
std::optional<double> horizon_availability(const models::Model& model) {
  analysis::AnalyzeOptions options;
  options.importance = false;
  try {
    return analysis::analyze(model, options).horizon_availability;
  } catch (const std::exception&) {  // outside the solvers' classes: the pilot decides
    return std::nullopt;
  }
}

class Selection {
 public:
  Selection(PlanResult& plan, const PlanSettings& settings, const DocumentFunction& document)
      : plan_(plan), settings_(settings), document_(document), simulator_(settings) {}

  /// Gives candidate c `count` more replications and judges it; false after Ctrl-C.
  bool extend(Candidate& c, std::int64_t count) {
    const std::int64_t first =
        c.range ? static_cast<std::int64_t>(c.range->unavailability.size()) : 0;
    std::optional<engine::RangeResult> next = simulator_.simulate(*c.model, first, count);
    if (!next) return false;
    if (c.range) {
      engine::append_range(*c.range, *next);
    } else {
      c.range = std::move(*next);
    }
    c.result = engine::summarize_range(*c.model, *c.range);
    return true;
  }

  Verdict verdict(const Candidate& c) const {
    const nlohmann::json doc =
        settings_.criteria.constraints.empty() ? nlohmann::json(nullptr) : document_(c, *c.result);
    return judge(settings_.criteria, *c.result, *c.range, doc, c.model->horizon_hours);
  }

  /// Every candidate within budget not screened out gets its pilot, in cost order.
  bool pilots() {
    std::vector<std::size_t> due;
    for (const std::size_t i : plan_.order) {
      if (plan_.candidates[i].model && plan_.candidates[i].status == CandidateStatus::kUndecided) {
        due.push_back(i);
      }
    }
    simulator_.plan_more(static_cast<std::int64_t>(due.size()) * settings_.pilot);
    for (const std::size_t i : due) {
      Candidate& c = plan_.candidates[i];
      if (!extend(c, settings_.pilot)) return false;
      switch (verdict(c)) {
        case Verdict::kFails:
          c.status = CandidateStatus::kScreenedOut;
          c.screening = Screening::kPilot;
          break;
        case Verdict::kMeets:
          c.status = CandidateStatus::kMeets;
          break;
        case Verdict::kOpen:
          c.open = true;
          break;
      }
      close_at_ceiling(c);
      notify(c);
    }
    return true;
  }

  /// Rounds of batches until no open candidate is cheaper than the cheapest that meets.
  bool rounds() {
    while (true) {
      std::vector<std::size_t> due;
      for (const std::size_t i : plan_.order) {
        const Candidate& c = plan_.candidates[i];
        if (c.status == CandidateStatus::kMeets) break;
        if (c.open) due.push_back(i);
      }
      if (due.empty()) return true;
      simulator_.plan_more(static_cast<std::int64_t>(due.size()) * settings_.batch);
      for (const std::size_t i : due) {
        Candidate& c = plan_.candidates[i];
        const std::int64_t have = c.result->replications;
        if (!extend(c, std::min(settings_.batch, settings_.max_replications - have))) {
          return false;
        }
        const Verdict v = verdict(c);
        if (v != Verdict::kOpen) {
          c.open = false;
          c.status = v == Verdict::kMeets ? CandidateStatus::kMeets : CandidateStatus::kFails;
        }
        close_at_ceiling(c);
        notify(c);
      }
      if (simulator_.out_of_time()) return true;  // at a round end only
    }
  }

  void close_at_ceiling(Candidate& c) const {
    if (c.open && c.result->replications >= settings_.max_replications) {
      c.open = false;
      c.status = CandidateStatus::kUndecided;
    }
  }

  void notify(const Candidate& c) const {
    if (settings_.candidate_changed) settings_.candidate_changed(c);
  }

  Simulator& simulator() { return simulator_; }

 private:
  PlanResult& plan_;
  const PlanSettings& settings_;
  const DocumentFunction& document_;
  Simulator simulator_;
};

void check_settings(const PlanSettings& s) {
  if (s.pilot < 2 || s.batch < 1 || s.max_replications < s.pilot) {
    throw std::invalid_argument(
        "run_plan: needs pilot >= 2, batch >= 1 and max_replications >= pilot");
  }
}

/// The cheapest candidate that meets, when every cheaper one is decided.
void choose_winner(PlanResult& plan) {
  for (const std::size_t i : plan.order) {
    switch (plan.candidates[i].status) {
      case CandidateStatus::kMeets:
        plan.best = i;
        plan.outcome = PlanOutcome::kFound;
        return;
      case CandidateStatus::kUndecided:
        plan.outcome = PlanOutcome::kUndecided;
        return;
      default:
        break;
    }
  }
  plan.outcome = PlanOutcome::kNoneMeets;
}

}  // namespace

PlanResult run_plan(std::vector<Candidate> candidates, const PlanSettings& settings,
                    const DocumentFunction& document) {
  check_settings(settings);
  PlanResult plan;
  plan.candidates = std::move(candidates);
  plan.order = cost_order(plan.candidates);

  // Known before simulating: what lies over the budget.
  std::size_t within = 0;
  for (Candidate& c : plan.candidates) {
    if (!c.model) continue;
    if (settings.budget && *c.cost_per_month > *settings.budget) {
      c.status = CandidateStatus::kOverBudget;
      if (settings.candidate_changed) settings.candidate_changed(c);
    } else {
      ++within;
    }
  }
  if (within == 0) {
    plan.outcome = PlanOutcome::kNoCandidateWithinBudget;
    return plan;
  }

  // The horizon value is exact where it exists: below the target, no simulation can help.
  if (settings.criteria.objective == Objective::kAvailability) {
    for (Candidate& c : plan.candidates) {
      if (!c.model || c.status != CandidateStatus::kUndecided) continue;
      c.exact = horizon_availability(*c.model);
      if (c.exact && *c.exact < settings.criteria.target) {
        c.status = CandidateStatus::kScreenedOut;
        c.screening = Screening::kExact;
        if (settings.candidate_changed) settings.candidate_changed(c);
      }
    }
  }

  Selection selection(plan, settings, document);
  const bool finished = selection.pilots() && selection.rounds();
  for (Candidate& c : plan.candidates) {
    if (c.open) {  // at the ceiling of time, or more expensive than a winner
      c.open = false;
      c.status = CandidateStatus::kUndecided;
      if (settings.candidate_changed) settings.candidate_changed(c);
    }
  }
  if (finished) {
    choose_winner(plan);
  } else {
    plan.cancelled = true;
    plan.outcome = PlanOutcome::kUndecided;
  }

  if (plan.best) {
    const Candidate& winner = plan.candidates[*plan.best];
    models::Model again = *winner.model;
    again.seed = winner.model->seed + 1;  // unsigned: wraps mod 2^64
    std::optional<engine::RangeResult> range =
        selection.simulator().simulate(again, 0, winner.result->replications);
    if (!range) {
      plan.cancelled = true;
      plan.best.reset();
      plan.outcome = PlanOutcome::kUndecided;
    } else {
      plan.confirmation = engine::summarize_range(again, *range);
      plan.confirmation_range = std::move(range);
      Candidate probe = winner;
      probe.model = again;
      probe.result = plan.confirmation;
      probe.range = plan.confirmation_range;
      plan.confirmed = selection.verdict(probe) == Verdict::kMeets;
    }
  }
  plan.front = plan_front(plan.candidates);
  plan.replications = selection.simulator().spent();
  plan.events = selection.simulator().events();
  return plan;
}

}  // namespace nines::planner
