// The interval test of a plan's look: each figure's interval at the plan's confidence against
// its threshold. Intervals are recomputed at --confidence from the run's standard errors (Student
// t) or counts (Wilson), so a confidence other than 95% needs no other run.
#include "nines/planner/plan_judge.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

#include "nines/engine/precision_run.hpp"

namespace nines::planner {

namespace {

/// mean +- t * stderr: Student t with n - 1 degrees of freedom (0 width below two values).
Interval t_interval(double mean, double stderr_, std::int64_t n, double confidence) {
  const double half = n > 1 ? engine::two_sided_t_quantile(confidence, n - 1) * stderr_ : 0.0;
  return {mean - half, mean + half};
}

/// Wilson's score interval of successes / trials at `confidence`, as the engine reports SLA
/// shares at 95%.
Interval wilson(std::int64_t successes, std::int64_t trials, double confidence) {
  if (trials == 0) return {0.0, 1.0};
  const boost::math::normal_distribution<double> normal;
  const double z = boost::math::quantile(normal, 0.5 + confidence / 2.0);
  const auto n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double denom = 1.0 + z * z / n;
  const double centre = (p + z * z / (2.0 * n)) / denom;
  const double half = z * std::sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n)) / denom;
  return {successes == 0 ? 0.0 : std::min(p, std::max(0.0, centre - half)),
          successes == trials ? 1.0 : std::max(p, std::min(1.0, centre + half))};
}

/// The share of years (of whole years per history) meeting the target, or of histories when a
/// history is shorter than a year: the figure `sla.per_year.probability_met` (else
/// `sla.probability_met`) of the run document.
Interval sla_interval(const engine::RangeResult& range, double target, double horizon_hours,
                      double confidence) {
  const std::int64_t per_history = engine::whole_windows(horizon_hours, models::kHoursPerYear);
  std::int64_t histories = 0;
  std::int64_t met = 0;
  if (per_history < 1) {
    for (const double u : range.unavailability) {
      if (std::isnan(u)) continue;
      ++histories;
      if (1.0 - u >= target) ++met;
    }
    return wilson(met, histories, confidence);
  }
  std::vector<double> shares;
  for (std::size_t i = 0; i < range.unavailability.size(); ++i) {
    if (std::isnan(range.unavailability[i])) continue;
    ++histories;
    met += range.years_met[i];
    shares.push_back(static_cast<double>(range.years_met[i]) / static_cast<double>(per_history));
  }
  if (per_history == 1) return wilson(met, histories, confidence);
  if (histories == 0) return {0.0, 1.0};
  const double mean = static_cast<double>(met) / static_cast<double>(histories * per_history);
  double squares = 0.0;
  for (const double s : shares) squares += (s - mean) * (s - mean);
  const auto n = static_cast<double>(histories);
  const double stderr_ = histories > 1 ? std::sqrt(squares / (n - 1.0) / n) : 0.0;
  const Interval t = t_interval(mean, stderr_, histories, confidence);
  return {std::max(0.0, t.lo), std::min(1.0, t.hi)};
}

/// Where an interval lies against `threshold` for `comparison` (value OP threshold must hold).
Verdict compare(const Interval& x, Comparison comparison, double threshold) {
  switch (comparison) {
    case Comparison::kGreaterOrEqual:
      if (x.lo >= threshold) return Verdict::kMeets;
      return x.hi < threshold ? Verdict::kFails : Verdict::kOpen;
    case Comparison::kGreater:
      if (x.lo > threshold) return Verdict::kMeets;
      return x.hi <= threshold ? Verdict::kFails : Verdict::kOpen;
    case Comparison::kLessOrEqual:
      if (x.hi <= threshold) return Verdict::kMeets;
      return x.lo > threshold ? Verdict::kFails : Verdict::kOpen;
    case Comparison::kLess:
      if (x.hi < threshold) return Verdict::kMeets;
      return x.lo >= threshold ? Verdict::kFails : Verdict::kOpen;
  }
  return Verdict::kOpen;
}

/// Follows the path: object keys, array elements by their "id". Null when a step is missing.
const nlohmann::json* follow(const std::vector<std::string>& path, const nlohmann::json& document,
                             std::size_t* missing_at = nullptr) {
  const nlohmann::json* at = &document;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const nlohmann::json* next = nullptr;
    if (at->is_object()) {
      const auto it = at->find(path[i]);
      if (it != at->end()) next = &*it;
    } else if (at->is_array()) {
      for (const auto& element : *at) {
        if (element.is_object() && element.value("id", nlohmann::json()) == path[i]) {
          next = &element;
          break;
        }
      }
    }
    if (next == nullptr) {
      if (missing_at != nullptr) *missing_at = i;
      return nullptr;
    }
    at = next;
  }
  return at;
}

}  // namespace

std::optional<Interval> objective_interval(const PlanCriteria& criteria,
                                           const engine::RunResult& result,
                                           const engine::RangeResult& range, double horizon_hours) {
  switch (criteria.objective) {
    case Objective::kAvailability:
      return t_interval(result.availability.mean, result.availability.stderr_, result.replications,
                        criteria.confidence);
    case Objective::kSla:
      if (!result.sla) return std::nullopt;
      return sla_interval(range, result.sla->target, horizon_hours, criteria.confidence);
    case Objective::kWindow:
      if (!result.windows || !result.windows->probability_missed) return std::nullopt;
      return t_interval(result.windows->probability_missed->mean,
                        result.windows->probability_missed->stderr_, result.replications,
                        criteria.confidence);
  }
  return std::nullopt;
}

std::optional<Interval> constraint_interval(const Constraint& constraint,
                                            const nlohmann::json& document,
                                            std::int64_t replications, double confidence) {
  const nlohmann::json* value = follow(constraint.path, document);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (value->is_number()) {
    const auto x = value->get<double>();
    return Interval{x, x};
  }
  if (value->is_object() && value->contains("mean") && value->contains("stderr") &&
      (*value)["mean"].is_number() && (*value)["stderr"].is_number()) {
    return t_interval((*value)["mean"].get<double>(), (*value)["stderr"].get<double>(),
                      replications, confidence);
  }
  return std::nullopt;  // an object or a string is no figure: it fails
}

std::optional<std::size_t> unknown_segment(const std::vector<std::string>& path,
                                           const nlohmann::json& document) {
  std::size_t missing_at = 0;
  if (follow(path, document, &missing_at) != nullptr) return std::nullopt;
  // A null on the way (no outage seen, no target) hides what lies below it: not unknown.
  const std::vector<std::string> prefix(path.begin(),
                                        path.begin() + static_cast<std::ptrdiff_t>(missing_at));
  const nlohmann::json* parent = follow(prefix, document);
  if (parent != nullptr && parent->is_null()) return std::nullopt;
  // An array lists some ids only in some runs (causes: the sources that caused an outage); an
  // id of the model's components, zones or regions is a known key there.
  if (parent != nullptr && parent->is_array()) {
    for (const char* list : {"components", "zones", "regions"}) {
      const auto it = document.find(list);
      if (it == document.end() || !it->is_array()) continue;
      for (const auto& element : *it) {
        if (element.is_object() && element.value("id", nlohmann::json()) == path[missing_at]) {
          return std::nullopt;
        }
      }
    }
  }
  return missing_at;
}

const nlohmann::json* find_path(const std::vector<std::string>& path,
                                const nlohmann::json& document) {
  return follow(path, document);
}

Verdict judge(const PlanCriteria& criteria, const engine::RunResult& result,
              const engine::RangeResult& range, const nlohmann::json& document,
              double horizon_hours) {
  std::vector<Verdict> verdicts;
  const std::optional<Interval> objective =
      objective_interval(criteria, result, range, horizon_hours);
  if (!objective) {
    verdicts.push_back(Verdict::kFails);
  } else if (criteria.objective == Objective::kAvailability) {
    verdicts.push_back(compare(*objective, Comparison::kGreaterOrEqual, criteria.target));
  } else if (criteria.objective == Objective::kSla) {
    verdicts.push_back(
        compare(*objective, Comparison::kGreaterOrEqual, criteria.probability.value_or(1.0)));
  } else {
    verdicts.push_back(
        compare(*objective, Comparison::kLessOrEqual, 1.0 - criteria.probability.value_or(1.0)));
  }
  for (const Constraint& c : criteria.constraints) {
    const std::optional<Interval> x =
        constraint_interval(c, document, result.replications, criteria.confidence);
    if (x) {
      verdicts.push_back(compare(*x, c.comparison, c.value));
    } else {
      // A null fails, except where it only says no outage was seen yet (the percentiles of
      // outage durations): more replications may give it a value.
      verdicts.push_back(result.outages == 0 ? Verdict::kOpen : Verdict::kFails);
    }
  }
  if (std::find(verdicts.begin(), verdicts.end(), Verdict::kFails) != verdicts.end()) {
    return Verdict::kFails;
  }
  if (std::find(verdicts.begin(), verdicts.end(), Verdict::kOpen) != verdicts.end()) {
    return Verdict::kOpen;
  }
  // Zero-width intervals of a run without outages are no evidence: keep looking.
  return result.outages == 0 ? Verdict::kOpen : Verdict::kMeets;
}

std::string unknown_constraint_message(const PlanCriteria& criteria,
                                       const nlohmann::json& document) {
  for (const auto& c : criteria.constraints) {
    const auto unknown = unknown_segment(c.path, document);
    if (!unknown) continue;
    // The keys known where the path stopped, to suggest the right one.
    const std::vector<std::string> prefix(c.path.begin(),
                                          c.path.begin() + static_cast<std::ptrdiff_t>(*unknown));
    const nlohmann::json* at = find_path(prefix, document);
    std::string known;
    if (at != nullptr && at->is_object()) {
      for (const auto& [key, value] : at->items()) known += (known.empty() ? "" : ", ") + key;
    } else if (at != nullptr && at->is_array()) {
      for (const auto& e : *at) {
        if (e.is_object() && e.contains("id") && e["id"].is_string()) {
          known += (known.empty() ? "" : ", ") + e["id"].get<std::string>();
        }
      }
    }
    return "--constraint: unknown key \"" + c.path[*unknown] + "\" in \"" + c.text + "\"" +
           (known.empty() ? std::string() : "; known there: " + known);
  }
  return {};
}

}  // namespace nines::planner
