// The plan's text report: what was decided, the winner and the line that reproduces it, the
// cheaper candidates that failed (paired against the winner), and the front.
#include <algorithm>
#include <cstdio>
#include <sstream>

#include "nines/report/human_format.hpp"
#include "nines/report/paired_comparison.hpp"
#include "nines/report/plan_document.hpp"
#include "nines/report/scenario_table.hpp"
#include "report_layout.hpp"

namespace nines::report {

namespace {

using planner::Candidate;
using planner::CandidateStatus;

/// "99.9712 % (99.9650 .. 99.9770)": one number of decimals for the three, at least the
/// target's and enough for three digits of the mean's unavailability.
std::string availability_text(const engine::Estimate& e, int least_decimals) {
  const int decimals = std::max(least_decimals, availability_decimals(e.mean));
  return format_percent(e.mean, decimals) + " (" + format_fixed(100.0 * e.ci95_lo, decimals) +
         " .. " + format_fixed(100.0 * e.ci95_hi, decimals) + ")";
}

std::string cost_of(const PlanDocument& doc, const Candidate& c) {
  return cost_text({c.cost_per_month, doc.currency});
}

/// A level as the user would write it: 0.9995 -> "99.95 %", 0.99982 -> "99.982 %".
std::string level_text(double fraction) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.12g %%", 100.0 * fraction);
  return buffer;
}

/// "availability >= 99.95 %", "a share of years meeting 99.95 % >= 90 %", ...
std::string objective_text(const PlanDocument& doc) {
  const auto& k = doc.criteria;
  const std::string target = level_text(k.target);
  switch (k.objective) {
    case planner::Objective::kAvailability:
      return "availability >= " + target;
    case planner::Objective::kSla:
      return "a share of years meeting " + target + " >= " + level_text(*k.probability);
    case planner::Objective::kWindow:
      return "a share of windows missing " + target + " <= " + level_text(1.0 - *k.probability);
  }
  return "";
}

/// Aligned columns, two spaces apart, no trailing blanks.
void write_table(const std::vector<std::vector<std::string>>& rows, std::ostream& out) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  for (const auto& row : rows) {
    std::string line = " ";
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += " " + (i + 1 < row.size() ? layout::pad_right(row[i], widths[i]) : row[i]);
      if (i + 1 < row.size()) line += " ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

std::string label(const PlanDocument& doc, const Candidate& c) { return doc.grid->label(c.point); }

/// The `nines run` line that gives the candidate's figures.
std::string reproduce_line(const PlanDocument& doc, std::size_t i) {
  const auto quoted = [](const std::string& word) {
    if (word.find_first_of(" \"'$`\\!*?[]{}();&|<>#~") == std::string::npos && !word.empty()) {
      return word;
    }
    std::string q = "'";
    for (const char ch : word) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return q + "'";
  };
  std::string line = "nines run " + quoted(doc.model_file);
  if (doc.scenario) line += " --scenario " + quoted(*doc.scenario);
  for (const auto& o : candidate_overrides(doc, i)) line += " --set " + quoted(o);
  line += " --replications " + std::to_string(doc.plan.candidates[i].result->replications);
  if (doc.seed_flag) {
    line += " --seed " + quoted(*doc.seed_flag);
  }
  if (doc.window_flag) line += " --window " + quoted(*doc.window_flag);
  return line;
}

}  // namespace

void write_plan_report(const PlanDocument& doc, std::ostream& out) {
  const planner::PlanResult& plan = doc.plan;
  const int decimals = std::max(4, availability_decimals(doc.criteria.target));
  out << "Plan for \"" << doc.model_name << "\" (seed " << doc.seed
      << "): the cheapest design with " << objective_text(doc) << " at "
      << level_text(doc.criteria.confidence) << " confidence";
  for (const auto& c : doc.criteria.constraints) out << ", " << c.text;
  out << '\n';
  std::array<std::size_t, 6> counts{};
  for (const Candidate& c : plan.candidates) ++counts[static_cast<std::size_t>(c.status)];
  out << "  " << format_count(static_cast<std::int64_t>(plan.candidates.size()))
      << " candidates: " << counts[0] << " meets, " << counts[1] << " fails, " << counts[2]
      << " undecided, " << counts[3] << " screened out, " << counts[4] << " over budget, "
      << counts[5] << " invalid\n";
  out << "  " << format_count(plan.replications) << " replications (pilots of "
      << format_count(doc.pilot) << ", then batches of " << format_count(doc.batch) << ")\n\n";

  if (plan.best) {
    const std::size_t w = *plan.best;
    const Candidate& winner = plan.candidates[w];
    out << "Winner: " << label(doc, winner) << ", " << cost_of(doc, winner) << " per month\n";
    out << "  availability " << availability_text(winner.result->availability, decimals) << ", "
        << format_count(winner.result->replications) << " replications\n";
    out << "  " << (plan.confirmed ? "confirmed" : "NOT confirmed") << " with seed " << doc.seed + 1
        << ": " << availability_text(plan.confirmation->availability, decimals) << '\n';
    std::vector<std::vector<std::string>> rows;
    for (const std::size_t i : plan.order) {
      if (i == w) break;
      const Candidate& c = plan.candidates[i];
      if (!c.result) continue;
      const PairedComparison d =
          paired_comparison(*winner.result, *winner.range, *c.result, *c.range);
      rows.push_back({cost_of(doc, c), std::string(planner::status_name(c.status)),
                      availability_text(c.result->availability, decimals),
                      availability_difference_text(d.availability), label(doc, c)});
    }
    if (!rows.empty()) {
      out << "\nCheaper candidates that failed (Δ: paired, against the winner):\n";
      rows.insert(rows.begin(), {"cost/month", "status", "availability (95% CI)",
                                 "Δ availability (95% CI)", "design"});
      write_table(rows, out);
    }
  } else if (plan.cancelled) {
    out << "CANCELLED: no winner (finished candidates are in the documents)\n";
  } else if (plan.outcome == planner::PlanOutcome::kNoCandidateWithinBudget) {
    std::optional<double> cheapest;
    for (const Candidate& c : plan.candidates) {
      if (c.cost_per_month && (!cheapest || *c.cost_per_month < *cheapest)) {
        cheapest = c.cost_per_month;
      }
    }
    out << "No winner: every candidate costs more than the budget of "
        << cost_text({doc.budget, doc.currency}) << "; the cheapest costs "
        << cost_text({cheapest, doc.currency}) << " per month\n";
  } else if (plan.outcome == planner::PlanOutcome::kNoneMeets) {
    out << "No winner: no candidate meets the objective; the closest:\n";
    // By the best figure each has: its simulated mean, else its exact horizon value.
    const auto figure = [&](std::size_t i) {
      const Candidate& c = plan.candidates[i];
      return c.result ? c.result->availability.mean : c.exact.value_or(-1.0);
    };
    std::vector<std::size_t> known;
    for (std::size_t i = 0; i < plan.candidates.size(); ++i) {
      if (plan.candidates[i].result || plan.candidates[i].exact) known.push_back(i);
    }
    std::stable_sort(known.begin(), known.end(),
                     [&](std::size_t a, std::size_t b) { return figure(a) > figure(b); });
    std::vector<std::vector<std::string>> rows = {
        {"cost/month", "status", "availability (95% CI, or exact)", "design"}};
    for (std::size_t k = 0; k < std::min<std::size_t>(3, known.size()); ++k) {
      const Candidate& c = plan.candidates[known[k]];
      const std::string availability =
          c.result ? availability_text(c.result->availability, decimals)
                   : format_percent(*c.exact, std::max(decimals, availability_decimals(*c.exact))) +
                         " (exact)";
      rows.push_back({cost_of(doc, c), std::string(planner::status_name(c.status)), availability,
                      label(doc, c)});
    }
    write_table(rows, out);
  } else {
    out << "No winner: undecided (a cheaper candidate straddles the threshold at the ceiling of "
           "replications or time; raise --max-replications or --max-time):\n";
    std::vector<std::vector<std::string>> rows = {
        {"cost/month", "replications", "availability (95% CI)", "design"}};
    for (const std::size_t i : plan.order) {
      const Candidate& c = plan.candidates[i];
      if (c.status == CandidateStatus::kMeets) break;
      if (c.status != CandidateStatus::kUndecided || !c.result) continue;
      rows.push_back({cost_of(doc, c), format_count(c.result->replications),
                      availability_text(c.result->availability, decimals), label(doc, c)});
    }
    write_table(rows, out);
  }

  if (!plan.front.empty()) {
    out << "\nFront (each design more available than every cheaper one):\n";
    std::vector<std::vector<std::string>> rows = {
        {"cost/month", "availability (95% CI)", "replications", "status", "design"}};
    for (const std::size_t i : plan.front) {
      const Candidate& c = plan.candidates[i];
      rows.push_back({cost_of(doc, c), availability_text(c.result->availability, decimals),
                      format_count(c.result->replications),
                      std::string(planner::status_name(c.status)) +
                          (plan.best && *plan.best == i ? " (winner)" : ""),
                      label(doc, c)});
    }
    write_table(rows, out);
  }
  if (plan.best) {
    out << "\nReproduce the winner:\n  " << reproduce_line(doc, *plan.best) << '\n';
  }
}

}  // namespace nines::report
