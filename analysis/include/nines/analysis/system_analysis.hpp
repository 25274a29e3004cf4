// `nines analyze`: the exact availability of a model, its failure frequency and the importance of
// every component, from the structure function and, where instances interact, Markov chains.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "nines/analysis/group_chain.hpp"
#include "nines/models/model.hpp"

namespace nines::analysis {

struct ComponentAnalysis {
  std::string id;
  /// Its own pool (steady state), as `nines run` reports it.
  double availability = 0.0;
  /// The pool and everything it depends on.
  double service_availability = 0.0;
  double birnbaum = 0.0;
  double criticality = 0.0;
  /// Risk achievement / reduction worth; empty when the system unavailability (RAW) or the
  /// unavailability left with this pool perfect (RRW) is 0.
  std::optional<double> raw;
  std::optional<double> rrw;
  double gain_one_more_instance = 0.0;
  /// Per hour of the mean time to failure / mean time to repair of one instance.
  double d_availability_d_mtbf = 0.0;
  double d_availability_d_mttr = 0.0;
};

/// A zone or region: an independent two-state unit that blocks the instances in it while down.
struct DomainAnalysis {
  std::string id;
  /// Its own steady-state availability: mean up / (mean up + mean down).
  double availability = 0.0;
  /// A(unit always up) - A(unit always down).
  double birnbaum = 0.0;
  /// (1 - availability) * birnbaum / U: the share of the system unavailability it is critical to.
  double criticality = 0.0;
  /// U(unit down) / U and U / U(unit up); empty when the denominator is 0.
  std::optional<double> raw;
  std::optional<double> rrw;
  /// Per hour of the unit's mean time to failure / mean time to repair.
  double d_availability_d_mtbf = 0.0;
  double d_availability_d_mttr = 0.0;
};

struct Analysis {
  /// "structure-function" (independent pools) or "markov" (some pools solved as Markov chains).
  std::string method;
  double availability = 0.0;
  double unavailability = 0.0;
  double downtime_hours_per_year = 0.0;
  double outages_per_year = 0.0;
  /// Unavailability / failure frequency; empty when the system never fails.
  std::optional<double> mean_outage_hours;
  /// Expected availability over [0, horizon] from all-new, and the expected outages per year in
  /// that window; only when every law is exponential (or zero).
  std::optional<double> horizon_availability;
  std::optional<double> horizon_unavailability;
  std::optional<double> horizon_outages_per_year;
  /// Why there is no horizon value (empty when there is one).
  std::string horizon_note;
  double horizon_hours = 0.0;
  std::size_t markov_states = 0;
  std::size_t bdd_nodes = 0;
  std::vector<ComponentAnalysis> components;
  /// Every zone and region of the model, model order (empty without zones). A zone no
  /// component names has no importance.
  std::vector<DomainAnalysis> zones;
  std::vector<DomainAnalysis> regions;
  /// The joint up/down patterns of the zones and regions summed over (1 without zones).
  std::size_t domain_patterns = 1;
  /// "exponential" when the laws were replaced by exponentials of the same mean (the figures are
  /// the twin's); empty otherwise.
  std::string approximation;
  /// Under an approximation: the laws replaced ("db.repair (lognormal)") and the coupled
  /// components whose steady state is therefore approximate (independent pools stay exact).
  std::vector<std::string> replaced_laws;
  std::vector<std::string> approximated_components;
};

struct AnalyzeOptions {
  std::size_t max_states = kDefaultMaxStates;
  /// Per-component importance measures, gains and sensitivities (re-solves coupled groups).
  bool importance = true;
  /// The expected values over the horizon from all-new (needs exponential laws).
  bool horizon = true;
  /// Chains larger than this get no transient: uniformisation over a stiff year costs about
  /// (states x rate x settling time); 20,000 states take about a second, 100,000 minutes.
  std::size_t max_transient_states = 50'000;
  /// Solve the exponential twin (every law replaced by the exponential of the same mean) rather
  /// than refuse non-exponential laws where a crew or standby couples instances.
  bool approximate_exponential = false;
};

/// Analyses a validated model. Throws NotAnalysableError (exit 3) when the model is outside the
/// solvers' classes, naming the feature (every offending law at once): scheduled faults
/// (`inject`), more than kMaxFailureDomains zones and regions, a coupled pool over several zones.
/// Zones and regions are conditioned on: the figures sum, over the units' joint up/down patterns,
/// P(pattern) times the figures given it. Under
/// `approximate_exponential` with a law replaced, there is no horizon value: the transient
/// depends on the laws' shapes, not only on their means.
Analysis analyze(const models::Model& model, const AnalyzeOptions& options = {});

}  // namespace nines::analysis
