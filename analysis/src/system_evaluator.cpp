// Sums the structure function over the joint patterns of the coupled groups; independent pools
// enter the BDD through their probabilities, so one pass per pattern combination suffices.
#include "nines/analysis/system_evaluator.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "nines/models/error.hpp"

namespace nines::analysis {

namespace {

/// Pattern combinations beyond this are refused rather than ground through.
constexpr double kMaxCombinations = 1 << 22;

struct Pattern {
  std::uint32_t mask;
  double probability;
};

}  // namespace

SystemEvaluator::SystemEvaluator(const SystemStructure& structure, const CouplingGroups& groups)
    : structure_(structure), groups_(groups) {}

SystemPoint SystemEvaluator::evaluate(const PoolLaws& laws, bool system_only) const {
  const std::size_t n = structure_.variable_of.size();
  std::vector<double> p(n);
  std::vector<double> q(n);
  for (std::size_t c = 0; c < n; ++c) {
    p[structure_.variable_of[c]] = laws.up[c];
    q[structure_.variable_of[c]] = laws.down[c];
  }

  // The groups whose joint law is enumerated, with their possible patterns.
  auto is_blocked = [&](std::size_t c) { return !laws.blocked.empty() && laws.blocked[c]; };
  std::vector<std::size_t> joint;
  std::vector<std::vector<Pattern>> patterns;
  double combinations = 1.0;
  for (std::size_t g = 0; g < laws.group_law.size(); ++g) {
    if (laws.group_law[g] == nullptr) continue;
    joint.push_back(g);
    auto& list = patterns.emplace_back();
    const auto& probability = laws.group_law[g]->pattern_probability;
    for (std::size_t mask = 0; mask < probability.size(); ++mask) {
      if (probability[mask] > 0.0) {
        list.push_back({static_cast<std::uint32_t>(mask), probability[mask]});
      }
    }
    combinations *= static_cast<double>(list.size());
  }
  if (combinations > kMaxCombinations) {
    throw NotAnalysableError(
        "the crew-coupled groups have " + std::to_string(static_cast<std::int64_t>(combinations)) +
        " joint up/down patterns (more than 2^22); use 'nines run' for a simulation estimate");
  }

  SystemPoint point;
  point.pool_availability.assign(n, 0.0);
  point.service_availability.assign(n, 0.0);
  point.birnbaum.assign(n, 0.0);
  point.gain_if_perfect.assign(n, 0.0);
  point.loss_if_failed.assign(n, 0.0);
  std::vector<double> grad(n);  // by variable
  std::vector<double> up;
  std::vector<double> down;
  std::vector<double> adjoint;
  std::vector<std::size_t> choice(joint.size(), 0);
  const Bdd& bdd = system_only ? structure_.system_only : structure_.bdd;
  const BddRef system = system_only ? structure_.system_only_root : structure_.system;

  for (;;) {
    // Set the grouped pools to the chosen patterns; the weight is the patterns' probability.
    double weight = 1.0;
    for (std::size_t j = 0; j < joint.size(); ++j) {
      const Pattern& pattern = patterns[j][choice[j]];
      weight *= pattern.probability;
      const auto& members = groups_.members[joint[j]];
      for (std::size_t m = 0; m < members.size(); ++m) {
        const auto c = static_cast<std::size_t>(members[m]);
        const std::uint32_t v = structure_.variable_of[c];
        const bool is_up = ((pattern.mask >> m) & 1U) != 0 && !is_blocked(c);
        p[v] = is_up ? 1.0 : 0.0;
        q[v] = is_up ? 0.0 : 1.0;
      }
    }
    bdd.probabilities(p, q, up, down);
    point.availability += weight * up[system];
    point.unavailability += weight * down[system];
    if (!system_only) {
      for (std::size_t c = 0; c < n; ++c) {
        point.service_availability[c] += weight * up[structure_.service[c]];
      }
    }
    std::fill(grad.begin(), grad.end(), 0.0);
    bdd.add_gradient(system, p, up, adjoint, grad);
    for (std::size_t c = 0; c < n; ++c) {
      const std::uint32_t v = structure_.variable_of[c];
      point.pool_availability[c] += weight * p[v];
      point.birnbaum[c] += weight * grad[v];
      point.gain_if_perfect[c] += weight * q[v] * grad[v];
      point.loss_if_failed[c] += weight * p[v] * grad[v];
    }
    // A grouped pool goes down at the rate its group's law gives for the current pattern.
    for (std::size_t j = 0; j < joint.size(); ++j) {
      const Pattern& pattern = patterns[j][choice[j]];
      const GroupLaw& law = *laws.group_law[joint[j]];
      const auto& members = groups_.members[joint[j]];
      for (std::size_t m = 0; m < members.size(); ++m) {
        const double rate = law.down_rate_per_hour[m][pattern.mask];
        if (rate == 0.0 || is_blocked(static_cast<std::size_t>(members[m]))) continue;
        const std::uint32_t v = structure_.variable_of[static_cast<std::size_t>(members[m])];
        point.down_rate_per_hour += weight / pattern.probability * rate * grad[v];
      }
    }
    // Next combination (mixed radix).
    std::size_t j = 0;
    while (j < joint.size() && ++choice[j] == patterns[j].size()) choice[j++] = 0;
    if (j == joint.size()) break;
  }

  // Independent pools: the system goes down when the pool does while it is critical.
  std::vector<bool> enumerated(n, false);
  for (const std::size_t g : joint) {
    for (const std::int64_t c : groups_.members[g]) enumerated[static_cast<std::size_t>(c)] = true;
  }
  for (std::size_t c = 0; c < n; ++c) {
    if (!enumerated[c]) point.down_rate_per_hour += laws.down_rate_per_hour[c] * point.birnbaum[c];
  }
  return point;
}

}  // namespace nines::analysis
