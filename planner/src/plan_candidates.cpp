// The candidates of a plan: every point loaded as a file would be, with its monthly cost; the
// names of statuses and outcomes; the front of the simulated ones.
#include <algorithm>
#include <limits>

#include "nines/models/error.hpp"
#include "nines/planner/plan.hpp"

namespace nines::planner {

std::string_view status_name(CandidateStatus status) {
  switch (status) {
    case CandidateStatus::kMeets:
      return "meets";
    case CandidateStatus::kFails:
      return "fails";
    case CandidateStatus::kUndecided:
      return "undecided";
    case CandidateStatus::kScreenedOut:
      return "screened-out";
    case CandidateStatus::kOverBudget:
      return "over-budget";
    case CandidateStatus::kInvalid:
      return "invalid";
  }
  return "undecided";
}

std::string_view screening_name(Screening screening) {
  return screening == Screening::kExact ? "exact" : "pilot";
}

std::string_view outcome_name(PlanOutcome outcome) {
  switch (outcome) {
    case PlanOutcome::kFound:
      return "found";
    case PlanOutcome::kNoneMeets:
      return "none-meets";
    case PlanOutcome::kUndecided:
      return "undecided";
    case PlanOutcome::kNoCandidateWithinBudget:
      return "no-candidate-within-budget";
  }
  return "undecided";
}

std::vector<Candidate> load_candidates(
    const PointGrid& grid, const std::function<models::Model(std::size_t point)>& load) {
  std::vector<Candidate> candidates;
  std::size_t valid = 0;
  bool any_cost = false;
  for (std::size_t p = 0; p < grid.size(); ++p) {
    Candidate c;
    c.point = p;
    try {
      c.model = load(p);
      c.cost_per_month = c.model->cost_per_month();
      any_cost = any_cost || c.cost_per_month.has_value();
      ++valid;
    } catch (const ModelError& e) {
      c.status = CandidateStatus::kInvalid;
      c.message = e.what();
    }
    candidates.push_back(std::move(c));
  }
  if (valid == 0) {
    throw ModelError("nines plan: every one of the " + std::to_string(grid.size()) +
                     " candidates is invalid; the first: " + candidates.front().message);
  }
  if (!any_cost) {
    throw ModelError(
        "nines plan: no candidate has a cost, so none is cheapest (give components a `cost`, "
        "see docs/model-format.md#cost)");
  }
  // A point whose varied keys remove every cost cannot be ranked with the others.
  for (Candidate& c : candidates) {
    if (c.model && !c.cost_per_month) {
      c.status = CandidateStatus::kInvalid;
      c.message = "has no cost (nothing in it has a `cost`), so it cannot be ranked";
      c.model.reset();
    }
  }
  return candidates;
}

std::vector<std::size_t> plan_front(const std::vector<Candidate>& candidates) {
  std::vector<std::size_t> simulated;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].result && candidates[i].cost_per_month) simulated.push_back(i);
  }
  // By cost, then the higher mean first, then point order: the first of each cost is its best.
  std::stable_sort(simulated.begin(), simulated.end(), [&](std::size_t a, std::size_t b) {
    const Candidate& x = candidates[a];
    const Candidate& y = candidates[b];
    if (*x.cost_per_month != *y.cost_per_month) return *x.cost_per_month < *y.cost_per_month;
    return x.result->availability.mean > y.result->availability.mean;
  });
  std::vector<std::size_t> front;
  double best = -std::numeric_limits<double>::infinity();
  std::optional<double> last_cost;
  for (const std::size_t i : simulated) {
    const Candidate& c = candidates[i];
    if (last_cost && *last_cost == *c.cost_per_month) continue;
    last_cost = c.cost_per_month;
    if (c.result->availability.mean > best) {
      front.push_back(i);
      best = c.result->availability.mean;
    }
  }
  return front;
}

}  // namespace nines::planner
