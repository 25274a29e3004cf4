// Orchestrates an analysis: pool laws (closed forms or group chains), the structure function,
// importance measures by exact differences, and the horizon average by quadrature.
#include "nines/analysis/system_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "nines/analysis/coupling_groups.hpp"
#include "nines/analysis/exponential_twin.hpp"
#include "nines/analysis/horizon_quadrature.hpp"
#include "nines/analysis/pool_law.hpp"
#include "nines/analysis/system_evaluator.hpp"
#include "nines/analysis/system_structure.hpp"
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
  if (!exponential_or_zero(c.failure) || !exponential_or_zero(c.detection) ||
      !exponential_or_zero(c.repair)) {
    return false;
  }
  if (c.standby.mode == models::StandbyMode::kHot) return true;
  return exponential_or_zero(c.standby.switchover) &&
         (!c.standby.dormant_failure || exponential_or_zero(*c.standby.dormant_failure));
}

/// The smallest non-zero mean among the component's laws: the fastest transient it can have.
double fastest_mean_hours(const models::Component& c) {
  double fastest = std::numeric_limits<double>::infinity();
  auto consider = [&](const models::Distribution& law) {
    const double mean = models::mean_hours(law);
    if (mean > 0.0) fastest = std::min(fastest, mean);
  };
  consider(c.failure);
  consider(c.detection);
  consider(c.repair);
  if (c.standby.mode != models::StandbyMode::kHot) {
    consider(c.standby.switchover);
    if (c.standby.dormant_failure) consider(*c.standby.dormant_failure);
  }
  return fastest;
}

/// The law of an independent pool (no crew, hot) in steady state, from the means alone.
struct IndependentPool {
  double mean_up = 0.0;
  double mean_detection = 0.0;
  double mean_repair = 0.0;
  double instance_availability = 0.0;
  PoolLaw law;
  double down_rate_per_hour = 0.0;
};

IndependentPool independent_pool(const models::Component& c) {
  IndependentPool pool;
  pool.mean_up = models::mean_hours(c.failure);
  pool.mean_detection = models::mean_hours(c.detection);
  pool.mean_repair = models::mean_hours(c.repair);
  pool.instance_availability =
      instance_steady_availability(pool.mean_up, pool.mean_detection, pool.mean_repair);
  pool.law = k_of_n(c.instances, c.min_up, pool.instance_availability);
  pool.down_rate_per_hour =
      pool_down_rate_per_hour(pool.law, pool.instance_availability, 1.0 / pool.mean_up);
  return pool;
}

class Analyzer {
 public:
  Analyzer(const models::Model& model, const AnalyzeOptions& options)
      : model_(model),
        options_(options),
        groups_(find_coupling_groups(model)),
        structure_(build_system_structure(model)),
        evaluator_(structure_, groups_) {}

  Analysis run() {
    Analysis result;
    result.method = groups_.members.empty() ? "structure-function" : "markov";
    result.horizon_hours = model_.horizon_hours;
    result.bdd_nodes = structure_.bdd.size();

    const std::size_t n = model_.components.size();
    independent_.resize(n);
    for (std::size_t c = 0; c < n; ++c) {
      if (groups_.group_of[c] < 0) independent_[c] = independent_pool(model_.components[c]);
    }
    for (const auto& members : groups_.members) {
      chains_.emplace_back(model_, members, options_.max_states);
      result.markov_states += chains_.back().states();
      steady_group_laws_.push_back(chains_.back().steady_state());
    }
    const PoolLaws laws = steady_laws(steady_group_laws_);
    const SystemPoint point = evaluator_.evaluate(laws);

    result.availability = point.availability;
    result.unavailability = point.unavailability;
    result.downtime_hours_per_year = point.unavailability * models::kHoursPerYear;
    result.outages_per_year = point.down_rate_per_hour * models::kHoursPerYear;
    if (point.down_rate_per_hour > 0.0) {
      result.mean_outage_hours = point.unavailability / point.down_rate_per_hour;
    }
    for (std::size_t c = 0; c < n; ++c) {
      result.components.push_back(component_figures(c, point));
    }
    if (options_.horizon) add_horizon(result);
    return result;
  }

 private:
  /// The steady-state laws, with `group_laws[g]` for each group.
  [[nodiscard]] PoolLaws steady_laws(const std::vector<GroupLaw>& group_laws) const {
    const std::size_t n = model_.components.size();
    PoolLaws laws;
    laws.up.assign(n, 1.0);
    laws.down.assign(n, 0.0);
    laws.down_rate_per_hour.assign(n, 0.0);
    laws.group_law.assign(groups_.members.size(), nullptr);
    for (std::size_t c = 0; c < n; ++c) {
      if (groups_.group_of[c] >= 0) continue;
      laws.up[c] = independent_[c].law.availability;
      laws.down[c] = independent_[c].law.unavailability;
      laws.down_rate_per_hour[c] = independent_[c].down_rate_per_hour;
    }
    for (std::size_t g = 0; g < group_laws.size(); ++g) set_group_law(laws, g, group_laws[g]);
    return laws;
  }

  /// A one-component group is independent of the rest: it enters through its marginals.
  void set_group_law(PoolLaws& laws, std::size_t g, const GroupLaw& law) const {
    const auto& members = groups_.members[g];
    if (members.size() == 1) {
      const auto c = static_cast<std::size_t>(members.front());
      laws.up[c] = law.pattern_probability[1];
      laws.down[c] = law.pattern_probability[0];
      laws.down_rate_per_hour[c] = law.down_rate_per_hour[0][1];
      laws.group_law[g] = nullptr;
    } else {
      laws.group_law[g] = &law;
    }
  }

  /// System unavailability with group g's component `member` changed by `change`.
  template <typename Change>
  [[nodiscard]] double unavailability_with(std::size_t g, std::size_t c, Change change) const {
    models::Model changed = model_;
    change(changed.components[c]);
    const GroupChain chain(changed, groups_.members[g], options_.max_states);
    const GroupLaw law = chain.steady_state();
    std::vector<GroupLaw> group_laws = steady_group_laws_;
    group_laws[g] = law;
    return evaluator_.evaluate(steady_laws(group_laws)).unavailability;
  }

  [[nodiscard]] ComponentAnalysis component_figures(std::size_t c, const SystemPoint& point) const {
    const models::Component& component = model_.components[c];
    ComponentAnalysis figures;
    figures.id = component.id;
    figures.availability = point.pool_availability[c];
    figures.service_availability = point.service_availability[c];
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
      // Independent pool: the structure function is linear in its availability.
      const IndependentPool& pool = independent_[c];
      const PoolLaw bigger =
          k_of_n(component.instances + 1, component.min_up, pool.instance_availability);
      figures.gain_one_more_instance =
          point.birnbaum[c] * (pool.law.unavailability - bigger.unavailability);
      const double cycle = pool.mean_up + pool.mean_detection + pool.mean_repair;
      const double d_pool = point.birnbaum[c] * pool.law.d_availability_d_instance;
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
    for (std::size_t g = 0; g < chains_.size(); ++g) {
      if (chains_[g].states() > options_.max_transient_states) {
        result.horizon_note =
            "the Markov chain of \"" +
            model_.components[static_cast<std::size_t>(groups_.members[g][0])].id +
            "\"'s group has " + std::to_string(chains_[g].states()) + " states, more than the " +
            std::to_string(options_.max_transient_states) +
            " for which the transient is computed: only the steady state is exact";
        return;
      }
    }
    const double horizon = model_.horizon_hours;
    const QuadratureRule rule = horizon_quadrature(horizon, 0.1 * fastest);
    std::vector<std::vector<GroupLaw>> group_laws;
    for (const auto& chain : chains_) group_laws.push_back(chain.transient(rule.times_hours));

    const std::size_t n = model_.components.size();
    std::vector<std::optional<InstanceTransient>> transient(n);
    for (std::size_t c = 0; c < n; ++c) {
      if (groups_.group_of[c] >= 0) continue;
      const IndependentPool& pool = independent_[c];
      transient[c].emplace(pool.mean_up, pool.mean_detection, pool.mean_repair);
    }
    double availability = 0.0;
    double unavailability = 0.0;
    double outages = 0.0;
    PoolLaws laws = steady_laws(steady_group_laws_);
    for (std::size_t i = 0; i < rule.times_hours.size(); ++i) {
      const double t = rule.times_hours[i];
      for (std::size_t c = 0; c < n; ++c) {
        if (!transient[c]) continue;
        const models::Component& component = model_.components[c];
        const double a = transient[c]->availability(t);
        const PoolLaw law = k_of_n(component.instances, component.min_up, a);
        laws.up[c] = law.availability;
        laws.down[c] = law.unavailability;
        laws.down_rate_per_hour[c] = pool_down_rate_per_hour(law, a, 1.0 / independent_[c].mean_up);
      }
      for (std::size_t g = 0; g < group_laws.size(); ++g) set_group_law(laws, g, group_laws[g][i]);
      const SystemPoint point = evaluator_.evaluate(laws, /*system_only=*/true);
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
  SystemStructure structure_;
  SystemEvaluator evaluator_;
  std::vector<IndependentPool> independent_;
  std::vector<GroupChain> chains_;
  std::vector<GroupLaw> steady_group_laws_;
};

}  // namespace

Analysis analyze(const models::Model& model, const AnalyzeOptions& options) {
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
