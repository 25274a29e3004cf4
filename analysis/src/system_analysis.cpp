// Orchestrates an analysis: pool laws (closed forms or group chains), the structure function,
// importance measures by exact differences, the horizon average by quadrature, and the sum over
// the up/down patterns of the zones and regions at every one of those instants.
#include "nines/analysis/system_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "flow_refusals.hpp"
#include "nines/analysis/coupling_groups.hpp"
#include "nines/analysis/exponential_twin.hpp"
#include "nines/analysis/failover_chain.hpp"
#include "nines/analysis/failure_domains.hpp"
#include "nines/analysis/horizon_quadrature.hpp"
#include "nines/analysis/pool_law.hpp"
#include "nines/analysis/system_evaluator.hpp"
#include "nines/analysis/system_structure.hpp"
#include "nines/models/duration.hpp"
#include "nines/models/error.hpp"

namespace nines::analysis {

namespace {

/// Relative step of the central differences taken on Markov chains.
constexpr double kRelativeStep = 1e-3;

bool exponential_or_zero(const models::Distribution& law) {
  return models::is_exponential(law) || models::is_zero(law);
}

/// Every law of the component can be followed in time by a Markov chain or a closed form.
bool has_exponential_laws(const models::Component& c) {
  if (models::is_never(c.failure)) return true;  // always up: nothing to follow
  if (!exponential_or_zero(c.failure) || !exponential_or_zero(c.detection) ||
      !exponential_or_zero(c.repair)) {
    return false;
  }
  const bool misses = c.coverage.value_or(1.0) < 1.0;
  if (misses && c.undetected && !exponential_or_zero(*c.undetected)) return false;
  if (c.standby.mode == models::StandbyMode::kHot) return true;
  return exponential_or_zero(c.standby.switchover) &&
         (!c.standby.dormant_failure || exponential_or_zero(*c.standby.dormant_failure));
}

/// The smallest non-zero mean among the component's laws: the fastest transient it can have.
double fastest_mean_hours(const models::Component& c) {
  double fastest = std::numeric_limits<double>::infinity();
  if (models::is_never(c.failure)) return fastest;  // no transient at all
  auto consider = [&](const models::Distribution& law) {
    const double mean = models::mean_hours(law);
    if (mean > 0.0) fastest = std::min(fastest, mean);
  };
  consider(c.failure);
  consider(c.detection);
  consider(c.repair);
  if (c.undetected && c.coverage.value_or(1.0) < 1.0) consider(*c.undetected);
  if (c.standby.mode != models::StandbyMode::kHot) {
    consider(c.standby.switchover);
    if (c.standby.dormant_failure) consider(*c.standby.dormant_failure);
  }
  return fastest;
}

/// The instances of an independent pool (no crew, hot): their means and steady availability.
/// The pool's law depends on how many of them are in up zones, so it is made per pattern.
struct IndependentPool {
  double mean_up = 0.0;
  /// The mean time to detect: c E[detection] + (1 - c) E[undetected].
  double mean_detection = 0.0;
  /// Monitoring coverage and the means of its two branches (caught: detection; missed).
  double coverage = 1.0;
  double mean_caught = 0.0;
  double mean_missed = 0.0;
  double mean_repair = 0.0;
  double instance_availability = 0.0;
};

IndependentPool independent_pool(const models::Component& c) {
  IndependentPool pool;
  if (models::is_never(c.failure)) {
    // Up for ever: availability exactly 1 and no failure rate, without inf / inf.
    pool.mean_up = std::numeric_limits<double>::infinity();
    pool.instance_availability = 1.0;
    return pool;
  }
  pool.mean_up = models::mean_hours(c.failure);
  pool.coverage = c.coverage.value_or(1.0);
  pool.mean_caught = models::mean_hours(c.detection);
  // Inspections are refused before this (analyze); a missing law leaves coverage at 1.
  pool.mean_missed = c.undetected ? models::mean_hours(*c.undetected) : 0.0;
  pool.mean_detection = pool.coverage >= 1.0 ? pool.mean_caught
                                             : pool.coverage * pool.mean_caught +
                                                   (1.0 - pool.coverage) * pool.mean_missed;
  pool.mean_repair = models::mean_hours(c.repair);
  pool.instance_availability =
      instance_steady_availability(pool.mean_up, pool.mean_detection, pool.mean_repair);
  return pool;
}

/// The zones' and regions' up-probabilities at one instant (or in steady state).
struct DomainLaws {
  std::vector<double> up;
  std::vector<double> down;
};

/// Figures summed over the patterns of the zones and regions, each weighted by its probability.
struct Combined {
  SystemPoint point;
  /// Per unit: the system unavailability given the unit up / given it down.
  std::vector<double> unavailability_unit_up;
  std::vector<double> unavailability_unit_down;
  /// Per independent component (with `extras`): E[B_c x d(pool availability)/d(instance
  /// availability)] and E[B_c x (pool unavailability - that with one more instance)], B_c the
  /// component's Birnbaum importance given the pattern.
  std::vector<double> d_pool_d_instance;
  std::vector<double> gain_one_more_instance;
};

/// P(at least k of the n instances up); all down when fewer than k can serve.
PoolLaw pool_law(std::int64_t n, std::int64_t k, double instance_availability) {
  if (n >= k) return k_of_n(n, k, instance_availability);
  PoolLaw law;
  law.availability = 0.0;
  law.unavailability = 1.0;
  return law;
}

class Analyzer {
 public:
  Analyzer(const models::Model& model, const AnalyzeOptions& options)
      : model_(model),
        options_(options),
        groups_(find_coupling_groups(model)),
        domains_(find_failure_domains(model)),
        structure_(build_system_structure(model)),
        evaluator_(structure_, groups_) {}

  Analysis run() {
    Analysis result;
    result.method = groups_.members.empty() ? "structure-function" : "markov";
    result.horizon_hours = model_.horizon_hours;
    result.bdd_nodes = structure_.bdd.size();
    result.domain_patterns = std::size_t{1} << domains_.units.size();

    const std::size_t n = model_.components.size();
    independent_.resize(n);
    steady_instances_.assign(n, 1.0);
    for (std::size_t c = 0; c < n; ++c) {
      if (groups_.group_of[c] >= 0) continue;
      independent_[c] = independent_pool(model_.components[c]);
      steady_instances_[c] = independent_[c].instance_availability;
    }
    for (const auto& unit : domains_.units) {
      steady_domains_.up.push_back(unit.steady_availability());
      steady_domains_.down.push_back(unit.steady_unavailability());
    }
    failover_pool_availability_.assign(n, -1.0);
    for (std::size_t g = 0; g < groups_.members.size(); ++g) {
      chains_.push_back(make_chain(model_, g));
      result.markov_states += states_of(chains_.back());
      steady_group_laws_.push_back(steady_of(chains_.back()));
      if (const auto* failover = std::get_if<FailoverChain>(&chains_.back())) {
        const std::vector<double> marginals = failover->steady_pool_availability();
        for (std::size_t j = 0; j < groups_.members[g].size(); ++j) {
          failover_pool_availability_[static_cast<std::size_t>(groups_.members[g][j])] =
              marginals[j];
        }
      }
    }
    const Combined steady = combine(steady_domains_, steady_instances_, steady_group_laws_,
                                    /*system_only=*/false, /*extras=*/options_.importance);
    const SystemPoint& point = steady.point;

    result.availability = point.availability;
    result.unavailability = point.unavailability;
    result.downtime_hours_per_year = point.unavailability * models::kHoursPerYear;
    result.outages_per_year = point.down_rate_per_hour * models::kHoursPerYear;
    if (point.down_rate_per_hour > 0.0) {
      result.mean_outage_hours = point.unavailability / point.down_rate_per_hour;
    }
    for (std::size_t c = 0; c < n; ++c) {
      result.components.push_back(component_figures(c, steady));
    }
    add_domains(result, steady);
    if (options_.horizon) add_horizon(result);
    return result;
  }

 private:
  /// The figures at one instant: for every pattern of the zones and regions, the pools' laws
  /// given it (an independent pool counts the instances in up zones of up regions; a coupled pool
  /// is held down while its zone or region is), evaluated through the structure function and
  /// weighted by the pattern's probability. `instance_availability` is per independent component.
  [[nodiscard]] Combined combine(const DomainLaws& domains,
                                 const std::vector<double>& instance_availability,
                                 const std::vector<GroupLaw>& group_laws, bool system_only,
                                 bool extras) const {
    const std::size_t n = model_.components.size();
    const std::size_t units = domains_.units.size();
    const std::size_t patterns = std::size_t{1} << units;
    Combined out;
    SystemPoint& sum = out.point;
    sum.pool_availability.assign(n, 0.0);
    sum.service_availability.assign(n, 0.0);
    sum.birnbaum.assign(n, 0.0);
    sum.gain_if_perfect.assign(n, 0.0);
    sum.loss_if_failed.assign(n, 0.0);
    if (extras) {
      out.d_pool_d_instance.assign(n, 0.0);
      out.gain_one_more_instance.assign(n, 0.0);
    }
    std::vector<double> weight(patterns, 1.0);
    std::vector<double> unavailability(patterns, 0.0);
    std::vector<PoolLaw> bigger(n);

    PoolLaws laws;
    laws.up.assign(n, 1.0);
    laws.down.assign(n, 0.0);
    laws.down_rate_per_hour.assign(n, 0.0);
    laws.group_law.assign(groups_.members.size(), nullptr);
    laws.blocked.assign(n, false);
    std::vector<PoolLaw> pool(n);
    for (std::size_t mask = 0; mask < patterns; ++mask) {
      for (std::size_t u = 0; u < units; ++u) {
        weight[mask] *= ((mask >> u) & 1U) != 0 ? domains.up[u] : domains.down[u];
      }
      auto serves = [&](std::uint32_t need) { return (need & ~mask) == 0; };
      for (std::size_t c = 0; c < n; ++c) {
        if (groups_.group_of[c] >= 0) {
          // A coupled pool lives in one zone at most (find_failure_domains refuses more).
          laws.blocked[c] = !serves(domains_.instance_needs[c].front().first);
          continue;
        }
        const models::Component& component = model_.components[c];
        std::int64_t serving = 0;
        for (const auto& [need, count] : domains_.instance_needs[c]) {
          if (serves(need)) serving += count;
        }
        const double a = instance_availability[c];
        pool[c] = pool_law(serving, component.min_up, a);
        laws.up[c] = pool[c].availability;
        laws.down[c] = pool[c].unavailability;
        laws.down_rate_per_hour[c] =
            pool_down_rate_per_hour(pool[c], a, 1.0 / independent_[c].mean_up);
        if (extras) {
          const std::int64_t more = serving + (serves(domains_.extra_instance_need[c]) ? 1 : 0);
          bigger[c] = pool_law(more, component.min_up, a);
        }
      }
      for (std::size_t g = 0; g < group_laws.size(); ++g) set_group_law(laws, g, group_laws[g]);

      const SystemPoint point = evaluator_.evaluate(laws, system_only);
      const double w = weight[mask];
      unavailability[mask] = point.unavailability;
      sum.availability += w * point.availability;
      sum.unavailability += w * point.unavailability;
      sum.down_rate_per_hour += w * point.down_rate_per_hour;
      for (std::size_t c = 0; c < n; ++c) {
        sum.pool_availability[c] += w * point.pool_availability[c];
        sum.service_availability[c] += w * point.service_availability[c];
        sum.birnbaum[c] += w * point.birnbaum[c];
        sum.gain_if_perfect[c] += w * point.gain_if_perfect[c];
        sum.loss_if_failed[c] += w * point.loss_if_failed[c];
        if (extras && groups_.group_of[c] < 0) {
          out.d_pool_d_instance[c] += w * point.birnbaum[c] * pool[c].d_availability_d_instance;
          out.gain_one_more_instance[c] +=
              w * point.birnbaum[c] * (pool[c].unavailability - bigger[c].unavailability);
        }
      }
    }

    // Given unit u up (or down), the other units keep their law: weight / P(u up) is theirs. A
    // unit's failure takes the system down exactly when the system is up with it and down
    // without it, so each unit adds (rate of its failures) x (its Birnbaum importance).
    out.unavailability_unit_up.assign(units, 0.0);
    out.unavailability_unit_down.assign(units, 0.0);
    for (std::size_t u = 0; u < units; ++u) {
      const std::size_t bit = std::size_t{1} << u;
      for (std::size_t mask = 0; mask < patterns; ++mask) {
        if ((mask & bit) == 0) continue;
        const double others = weight[mask] / domains.up[u];
        out.unavailability_unit_up[u] += others * unavailability[mask];
        out.unavailability_unit_down[u] += others * unavailability[mask ^ bit];
      }
      const double birnbaum = out.unavailability_unit_down[u] - out.unavailability_unit_up[u];
      sum.down_rate_per_hour += domains.up[u] / domains_.units[u].mean_up_hours * birnbaum;
    }
    return out;
  }

  /// A one-component group is independent of the rest: it enters through its marginals (down
  /// while blocked).
  void set_group_law(PoolLaws& laws, std::size_t g, const GroupLaw& law) const {
    const auto& members = groups_.members[g];
    if (members.size() == 1) {
      const auto c = static_cast<std::size_t>(members.front());
      const bool blocked = laws.blocked[c];
      laws.up[c] = blocked ? 0.0 : law.pattern_probability[1];
      laws.down[c] = blocked ? 1.0 : law.pattern_probability[0];
      laws.down_rate_per_hour[c] = blocked ? 0.0 : law.down_rate_per_hour[0][1];
      laws.group_law[g] = nullptr;
    } else {
      laws.group_law[g] = &law;
    }
  }

  /// A group's chain: its crew or standby chain, or its timed failover's.
  using Chain = std::variant<GroupChain, FailoverChain>;

  [[nodiscard]] Chain make_chain(const models::Model& model, std::size_t g) const {
    const std::int64_t row = groups_.failover_row[g];
    if (row < 0)
      return Chain(std::in_place_type<GroupChain>, model, groups_.members[g], options_.max_states);
    return Chain(std::in_place_type<FailoverChain>, model, static_cast<std::size_t>(row),
                 groups_.members[g], options_.max_states);
  }
  static std::size_t states_of(const Chain& chain) {
    return std::visit([](const auto& c) { return c.states(); }, chain);
  }
  static GroupLaw steady_of(const Chain& chain) {
    return std::visit([](const auto& c) { return c.steady_state(); }, chain);
  }
  static std::vector<GroupLaw> transient_of(const Chain& chain, std::span<const double> times) {
    return std::visit([&](const auto& c) { return c.transient(times); }, chain);
  }

  /// System unavailability with group g's component `member` changed by `change`.
  template <typename Change>
  [[nodiscard]] double unavailability_with(std::size_t g, std::size_t c, Change change) const {
    models::Model changed = model_;
    change(changed.components[c]);
    std::vector<GroupLaw> group_laws = steady_group_laws_;
    group_laws[g] = steady_of(make_chain(changed, g));
    return combine(steady_domains_, steady_instances_, group_laws, /*system_only=*/false,
                   /*extras=*/false)
        .point.unavailability;
  }

  [[nodiscard]] ComponentAnalysis component_figures(std::size_t c, const Combined& steady) const {
    const SystemPoint& point = steady.point;
    const models::Component& component = model_.components[c];
    ComponentAnalysis figures;
    figures.id = component.id;
    figures.availability = point.pool_availability[c];
    figures.service_availability = point.service_availability[c];
    if (failover_pool_availability_[c] >= 0.0) {
      // The failover's pattern says which target serves the row, not whether each is up; a
      // target has no dependencies of its own, so its service is its pool.
      figures.availability = failover_pool_availability_[c];
      figures.service_availability = failover_pool_availability_[c];
    }
    figures.birnbaum = point.birnbaum[c];
    const double u = point.unavailability;
    if (u > 0.0) {
      figures.criticality = point.gain_if_perfect[c] / u;
      figures.raw = (u + point.loss_if_failed[c]) / u;
      const double left = u - point.gain_if_perfect[c];
      if (left > 0.0) figures.rrw = u / left;
    }
    if (!options_.importance) return figures;

    const int g = groups_.group_of[c];
    if (g < 0) {
      // Independent pool: given a pattern, the structure function is linear in its availability.
      const IndependentPool& pool = independent_[c];
      figures.gain_one_more_instance = steady.gain_one_more_instance[c];
      // Never fails: no repair to shorten, and a longer infinite life changes nothing.
      if (models::is_never(component.failure)) return figures;
      const double cycle = pool.mean_up + pool.mean_detection + pool.mean_repair;
      const double d_pool = steady.d_pool_d_instance[c];
      figures.d_availability_d_mtbf =
          d_pool * (pool.mean_detection + pool.mean_repair) / (cycle * cycle);
      figures.d_availability_d_mttr = -d_pool * pool.mean_up / (cycle * cycle);
      return figures;
    }
    const auto ug = static_cast<std::size_t>(g);
    figures.gain_one_more_instance =
        u - unavailability_with(ug, c, [](models::Component& x) { ++x.instances; });
    figures.d_availability_d_mtbf = mean_derivative(ug, c, &models::Component::failure);
    figures.d_availability_d_mttr = mean_derivative(ug, c, &models::Component::repair);
    return figures;
  }

  /// dA/d(mean of an exponential law of component c) by a central difference on its group's
  /// chain (a forward one from a zero law).
  [[nodiscard]] double mean_derivative(std::size_t g, std::size_t c,
                                       models::Distribution models::Component::*law) const {
    const double mean = models::mean_hours(model_.components[c].*law);
    const double base = mean > 0.0 ? mean : models::mean_hours(model_.components[c].failure);
    const double step = kRelativeStep * base;
    auto with_mean = [&](double value) {
      return unavailability_with(g, c, [&](models::Component& x) {
        x.*law = value > 0.0 ? models::Distribution{models::Exponential{value}}
                             : models::Distribution{models::Fixed{0.0}};
      });
    };
    if (mean > step) return -(with_mean(mean + step) - with_mean(mean - step)) / (2.0 * step);
    return -(with_mean(mean + step) - with_mean(mean)) / step;
  }

  /// The rows of every zone and region: exact differences of the pattern sum. With
  /// A_u = mean up / (mean up + mean down) and B the Birnbaum importance, dA/dA_u = B, so the
  /// sensitivities to the unit's means are B dA_u/dmean.
  void add_domains(Analysis& result, const Combined& steady) const {
    const double u_system = steady.point.unavailability;
    auto figures = [&](const std::string& id, double mean_up, double mean_down, int unit) {
      DomainAnalysis d;
      d.id = id;
      d.availability = mean_up / (mean_up + mean_down);
      const double unavailability_up =
          unit < 0 ? u_system : steady.unavailability_unit_up[static_cast<std::size_t>(unit)];
      const double unavailability_down =
          unit < 0 ? u_system : steady.unavailability_unit_down[static_cast<std::size_t>(unit)];
      d.birnbaum = unavailability_down - unavailability_up;
      if (u_system > 0.0) {
        d.criticality = mean_down / (mean_up + mean_down) * d.birnbaum / u_system;
        d.raw = unavailability_down / u_system;
        if (unavailability_up > 0.0) d.rrw = u_system / unavailability_up;
      }
      const double cycle = mean_up + mean_down;
      d.d_availability_d_mtbf = d.birnbaum * mean_down / (cycle * cycle);
      d.d_availability_d_mttr = -d.birnbaum * mean_up / (cycle * cycle);
      return d;
    };
    for (std::size_t z = 0; z < model_.zones.size(); ++z) {
      const models::Zone& zone = model_.zones[z];
      result.zones.push_back(figures(zone.id, models::mean_hours(zone.failure),
                                     models::mean_hours(zone.repair), domains_.unit_of_zone[z]));
    }
    for (std::size_t r = 0; r < model_.regions.size(); ++r) {
      const models::Region& region = model_.regions[r];
      result.regions.push_back(figures(region.id, models::mean_hours(region.failure),
                                       models::mean_hours(region.repair),
                                       domains_.unit_of_region[r]));
    }
  }

  void add_horizon(Analysis& result) const {
    double fastest = std::numeric_limits<double>::infinity();
    for (const auto& component : model_.components) {
      if (!has_exponential_laws(component)) {
        result.horizon_note = "component \"" + component.id +
                              "\" has a non-exponential law: only the steady state is exact";
        return;
      }
      fastest = std::min(fastest, fastest_mean_hours(component));
    }
    for (const auto& unit : domains_.units) {
      if (!unit.exponential) {
        result.horizon_note =
            std::string(unit.kind == FailureDomain::Kind::kZone ? "zone \"" : "region \"") +
            unit.id + "\" has a non-exponential law: only the steady state is exact";
        return;
      }
      fastest = std::min(fastest, unit.mean_up_hours);
      if (unit.mean_down_hours > 0.0) fastest = std::min(fastest, unit.mean_down_hours);
    }
    for (const models::Dependency& row : model_.dependencies) {
      if (row.failover) fastest = std::min(fastest, models::mean_hours(row.failover->time));
    }
    for (std::size_t g = 0; g < chains_.size(); ++g) {
      if (states_of(chains_[g]) > options_.max_transient_states) {
        result.horizon_note =
            "the Markov chain of \"" +
            model_.components[static_cast<std::size_t>(groups_.members[g][0])].id +
            "\"'s group has " + std::to_string(states_of(chains_[g])) + " states, more than the " +
            std::to_string(options_.max_transient_states) +
            " for which the transient is computed: only the steady state is exact";
        return;
      }
    }
    const double horizon = model_.horizon_hours;
    const QuadratureRule rule = horizon_quadrature(horizon, 0.1 * fastest);
    std::vector<std::vector<GroupLaw>> transient_groups;
    for (const auto& chain : chains_) {
      transient_groups.push_back(transient_of(chain, rule.times_hours));
    }

    const std::size_t n = model_.components.size();
    std::vector<std::optional<InstanceTransient>> transient(n);
    for (std::size_t c = 0; c < n; ++c) {
      if (groups_.group_of[c] >= 0 || models::is_never(model_.components[c].failure)) continue;
      const IndependentPool& pool = independent_[c];
      transient[c].emplace(pool.mean_up, pool.coverage, pool.mean_caught, pool.mean_missed,
                           pool.mean_repair);
    }
    double availability = 0.0;
    double unavailability = 0.0;
    double outages = 0.0;
    std::vector<double> instances = steady_instances_;
    std::vector<GroupLaw> group_laws(chains_.size());
    DomainLaws domains;
    domains.up.resize(domains_.units.size());
    domains.down.resize(domains_.units.size());
    // The pools and units are independent given nothing, and all start up: at each instant the
    // system's law is the pattern sum with every unit's and instance's law at that instant.
    for (std::size_t i = 0; i < rule.times_hours.size(); ++i) {
      const double t = rule.times_hours[i];
      for (std::size_t c = 0; c < n; ++c) {
        if (transient[c]) instances[c] = transient[c]->availability(t);
      }
      for (std::size_t u = 0; u < domains_.units.size(); ++u) {
        domains.up[u] = domains_.units[u].availability_at(t);
        domains.down[u] = domains_.units[u].unavailability_at(t);
      }
      for (std::size_t g = 0; g < chains_.size(); ++g) group_laws[g] = transient_groups[g][i];
      const SystemPoint point =
          combine(domains, instances, group_laws, /*system_only=*/true, /*extras=*/false).point;
      availability += rule.weights_hours[i] * point.availability;
      unavailability += rule.weights_hours[i] * point.unavailability;
      outages += rule.weights_hours[i] * point.down_rate_per_hour;
    }
    result.horizon_availability = availability / horizon;
    result.horizon_unavailability = unavailability / horizon;
    result.horizon_outages_per_year = outages / horizon * models::kHoursPerYear;
  }

  const models::Model& model_;
  AnalyzeOptions options_;
  CouplingGroups groups_;
  FailureDomains domains_;
  SystemStructure structure_;
  SystemEvaluator evaluator_;
  std::vector<IndependentPool> independent_;
  /// Steady-state instance availability per independent component (1 for coupled ones).
  std::vector<double> steady_instances_;
  DomainLaws steady_domains_;
  std::vector<Chain> chains_;
  /// Per component: its own pool's steady availability when it is a failover target, else -1.
  std::vector<double> failover_pool_availability_;
  std::vector<GroupLaw> steady_group_laws_;
};

}  // namespace

Analysis analyze(const models::Model& model, const AnalyzeOptions& options) {
  // Every mechanism the solvers refuse, on one line: a user fixing a model meets them at once.
  std::vector<std::string> refused;
  if (!model.inject.empty()) {
    refused.push_back("the model has " + std::to_string(model.inject.size()) +
                      " scheduled fault(s) in 'inject': a fault at a fixed time has no steady "
                      "state");
  }
  // A load with hard edges only (Boolean mode; any routing, calls and retries) leaves
  // availability as without it; a capacity, a rate limit, a soft or cached edge, a breaker,
  // overload crashes, spikes and journeys serve part of the load (flow mode), which no exact
  // solver here models.
  for (std::string& reason : detail::flow_refusals(model)) refused.push_back(std::move(reason));
  for (std::size_t d = 0; d < model.dependencies.size(); ++d) {
    if (std::string why = failover_refusal(model, d); !why.empty()) {
      refused.push_back(why +
                        " - a timed failover is solved exactly only for independent "
                        "exponential targets");
    }
  }
  for (const models::Component& c : model.components) {
    if (c.inspections) {
      refused.push_back("component \"" + c.id + "\": periodic inspections (every " +
                        models::format_duration(c.inspections->every_hours) +
                        ") make an instance neither a renewal process nor a Markov chain");
    }
  }
  // Deploys come last: their clause says itself that they are outside the exact solvers
  // (`component "web": scheduled deploys (period 1w) are outside the exact solvers; ...`).
  std::vector<std::string> deploys;
  for (const models::Component& c : model.components) {
    if (c.deploys) {
      deploys.push_back("component \"" + c.id + "\": scheduled deploys (period " +
                        models::format_duration(c.deploys->period_hours) + ")");
    }
  }
  if (!refused.empty() || !deploys.empty()) {
    std::string text;
    for (const auto& reason : refused) text += (text.empty() ? "" : "; ") + reason;
    if (deploys.empty()) {
      text += " - outside the exact solvers";
    } else {
      for (const auto& reason : deploys) text += (text.empty() ? "" : "; ") + reason;
      text += deploys.size() == 1 ? " are outside the exact solvers"
                                  : " are all outside the exact solvers";
    }
    throw NotAnalysableError(text + "; use 'nines run' for a simulation estimate");
  }
  if (options.approximate_exponential) {
    const ExponentialTwin twin = exponential_twin(model);
    Analysis result = Analyzer(twin.model, options).run();
    result.approximation = "exponential";
    result.replaced_laws = twin.replaced;
    result.approximated_components = twin.approximated;
    if (!twin.replaced.empty()) {
      result.horizon_availability.reset();
      result.horizon_unavailability.reset();
      result.horizon_outages_per_year.reset();
      result.horizon_note =
          "--approximate exponential gives the steady state only (a transient depends on the "
          "laws' shapes)";
    }
    return result;
  }
  // All at once: a user fixing a model should not meet its laws one run at a time.
  const auto laws = non_exponential_chain_laws(model);
  if (!laws.empty()) {
    std::string list;
    for (const auto& law : laws) list += (list.empty() ? "" : "; ") + law;
    throw NotAnalysableError(
        list + " - the Markov solver needs exponential (or zero) laws when a crew or warm/cold " +
        "standby couples instances; use 'nines run' for a simulation estimate, or --approximate " +
        "exponential for the chain of the same means");
  }
  return Analyzer(model, options).run();
}

}  // namespace nines::analysis
