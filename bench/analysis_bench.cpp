// Google Benchmark of the exact solvers: the Markov chains of crew / standby groups (building,
// steady state and transient on chains of ~100,000 states) and `nines analyze` of large layered
// models (Release; the figures go in reports, not in asserts).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "nines/analysis/group_chain.hpp"
#include "nines/analysis/system_analysis.hpp"
#include "nines/analysis/system_structure.hpp"
#include "nines/models/model.hpp"
#include "synthetic_models.hpp"

namespace {

using nines::analysis::GroupChain;
using nines::models::Model;

/// One warm pool with a crew: timed detection, a 2-minute switchover failing 1 time in 20.
/// 46 instances (min_up 23) and a crew of 4 give 104,950 states.
Model warm_pool(std::int64_t instances, std::int64_t crew_size, double mtbf_hours) {
  nines::models::Component c;
  c.id = "pool";
  c.instances = instances;
  c.min_up = instances / 2;
  c.failure = nines::models::Exponential{mtbf_hours};
  c.detection = nines::models::Exponential{0.5};
  c.repair = nines::models::Exponential{8.0};
  c.crew = "ops";
  c.standby.mode = nines::models::StandbyMode::kWarm;
  c.standby.dormant_failure = nines::models::Exponential{2000.0};
  c.standby.switchover = nines::models::Exponential{2.0 / 60.0};
  c.standby.switch_success = 0.95;
  Model model;
  model.name = "warm pool";
  model.entry = c.id;
  model.components = {c};
  model.crews = {nines::models::Crew{"ops", crew_size}};
  return model;
}

/// `count` hot components of `instances` each sharing one repairer: the FCFS queue as a
/// sequence makes the state space grow fast (4 x 2 instances: 21,537 states).
Model shared_crew(int count, std::int64_t instances) {
  Model model;
  model.name = "shared crew";
  for (int j = 0; j < count; ++j) {
    nines::models::Component c;
    c.id = std::string(1, static_cast<char>('a' + j));
    c.instances = instances;
    c.min_up = 1 + j % 2;
    c.failure = nines::models::Exponential{100.0 + 50.0 * j};
    c.detection = nines::models::Exponential{0.25};
    c.repair = nines::models::Exponential{4.0 + j};
    c.crew = "ops";
    model.components.push_back(c);
  }
  model.entry = model.components.front().id;
  model.crews = {nines::models::Crew{"ops", 1}};
  return model;
}

std::vector<std::int64_t> all_components(const Model& model) {
  std::vector<std::int64_t> group;
  for (std::size_t j = 0; j < model.components.size(); ++j) {
    group.push_back(static_cast<std::int64_t>(j));
  }
  return group;
}

void report_size(benchmark::State& state, const GroupChain& chain) {
  state.counters["states"] = static_cast<double>(chain.states());
  state.counters["transitions"] = static_cast<double>(chain.transitions());
}

void build(benchmark::State& state, const Model& model) {
  for (auto _ : state) {
    const GroupChain chain(model, all_components(model));
    report_size(state, chain);
  }
}

void steady_state(benchmark::State& state, const Model& model) {
  const GroupChain chain(model, all_components(model));
  report_size(state, chain);
  for (auto _ : state) benchmark::DoNotOptimize(chain.steady_state());
}

/// 301 times over one year, as the system quadrature asks.
void transient_year(benchmark::State& state, const Model& model) {
  const GroupChain chain(model, all_components(model));
  report_size(state, chain);
  std::vector<double> times;
  for (int k = 0; k <= 300; ++k) times.push_back(8760.0 * k / 300.0);
  for (auto _ : state) benchmark::DoNotOptimize(chain.transient(times));
}

/// `nines analyze` of `nines-genmodel layered N 3 2 2` without reading the file: every pool in
/// series with the entry, so each service is a path in the structure function (issue 12, part 10:
/// under 1 s for 5,000 components, and at most 15 times the time of 500).
void BM_AnalyzeLayered(benchmark::State& state) {
  const Model model = nines::bench::layered_random(state.range(0), 3, 2, 2);
  for (auto _ : state) {
    const nines::analysis::Analysis analysis = nines::analysis::analyze(model);
    state.counters["bdd_nodes"] = static_cast<double>(analysis.bdd_nodes);
    benchmark::DoNotOptimize(analysis.availability);
  }
}

/// The structure function alone (the BDD of every component's service), the part of the above
/// that grows faster than the model.
void BM_SystemStructureLayered(benchmark::State& state) {
  const Model model = nines::bench::layered_random(state.range(0), 3, 2, 2);
  for (auto _ : state) {
    const nines::analysis::SystemStructure structure =
        nines::analysis::build_system_structure(model);
    state.counters["bdd_nodes"] = static_cast<double>(structure.bdd.size());
  }
}

const Model kWarmPool = warm_pool(46, 4, 500.0);
const Model kLoadedWarmPool = warm_pool(46, 4, 5.0);
const Model kSmallWarmPool = warm_pool(20, 2, 500.0);
const Model kSharedCrew = shared_crew(4, 2);

}  // namespace

BENCHMARK_CAPTURE(build, WarmPool100k, kWarmPool)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(steady_state, WarmPool100k, kWarmPool)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(steady_state, LoadedWarmPool100k, kLoadedWarmPool)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(steady_state, SharedCrew21k, kSharedCrew)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(transient_year, SmallWarmPool5k, kSmallWarmPool)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(transient_year, SharedCrew21k, kSharedCrew)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(transient_year, WarmPool100k, kWarmPool)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_AnalyzeLayered)
    ->ArgName("components")
    ->Arg(500)
    ->Arg(5000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SystemStructureLayered)
    ->ArgName("components")
    ->Arg(500)
    ->Arg(5000)
    ->Unit(benchmark::kMillisecond);
