// Google Benchmark of the engine (event rate, thread scaling, a million instances) and the loader.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <numbers>
#include <string>

#include "nines/engine/flow_graph_builder.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/request_flow.hpp"
#include "nines/engine/run_result.hpp"
#include "nines/models/model.hpp"
#include "nines/models/model_loader.hpp"
#include "synthetic_models.hpp"

namespace {

using nines::engine::RunOptions;
using nines::engine::RunResult;
using nines::models::Model;

// Replications per run, chosen so that one run takes about a second at the target event rate
// (15 million events per second on one core, Release build).
constexpr std::int64_t kLayeredReplications = 100;   // ~173,000 events per replication
constexpr std::int64_t kSeriesReplications = 10000;  // ~1,700 events per replication
constexpr std::int64_t kMillionReplications = 2;     // ~17 million events per replication

/// Peak resident set size of the whole process so far, in bytes.
double peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024.0;  // Linux reports kilobytes
}

/// Runs `model` once per benchmark iteration and reports the event and instance-hour rates.
void run_engine(benchmark::State& state, const Model& model, std::int64_t replications) {
  RunOptions options;
  options.threads = static_cast<int>(state.range(0));
  options.replications = replications;
  const double instance_hours_per_replication =
      static_cast<double>(nines::bench::total_instances(model)) * model.horizon_hours;

  double events = 0.0;
  double instance_hours = 0.0;
  double availability = 0.0;
  for ([[maybe_unused]] auto iteration : state) {
    const RunResult result = nines::engine::run(model, options);
    events += static_cast<double>(result.events);
    instance_hours += instance_hours_per_replication * static_cast<double>(result.replications);
    availability = result.availability.mean;
  }
  state.counters["events_per_second"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
  state.counters["instance_hours_per_second"] =
      benchmark::Counter(instance_hours, benchmark::Counter::kIsRate);
  state.counters["events_per_run"] = benchmark::Counter(events, benchmark::Counter::kAvgIterations);
  state.counters["availability"] = availability;
}

/// The headline model: 1,000 components of 9-of-10, two random dependencies each.
void BM_Layered1000x10(benchmark::State& state) {
  static const Model model = nines::bench::layered_random(1000, 10, 9, 2, 1);
  run_engine(state, model, kLayeredReplications);
}
BENCHMARK(BM_Layered1000x10)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

/// BM_Layered1000x10 with weekly rolling deploys on every component (one instance every 5 min,
/// 2% bad, verdict after 10 min, rollback 20 min, 1 min restarts). Its pools are hot, so the
/// instances' own events are those of BM_Layered1000x10 and the rest are deploy events.
void BM_Layered1000x10Deploys(benchmark::State& state) {
  static const Model base = nines::bench::layered_random(1000, 10, 9, 2, 1);
  static const Model model = [] {
    Model m = base;
    nines::models::Deploys d;
    d.period_hours = 168.0;
    d.bad_probability = 0.02;
    d.strategy = nines::models::DeployStrategy::kRolling;
    d.batch = 1;
    d.batch_interval_hours = 5.0 / 60.0;
    d.detection = nines::models::Fixed{10.0 / 60.0};
    d.rollback = nines::models::Fixed{20.0 / 60.0};
    d.restart = nines::models::Fixed{1.0 / 60.0};
    for (auto& component : m.components) component.deploys = d;
    return m;
  }();
  static const double base_events = [] {
    RunOptions options;
    options.threads = 1;
    options.replications = kLayeredReplications;
    return static_cast<double>(nines::engine::run(base, options).events);
  }();
  run_engine(state, model, kLayeredReplications);
  const double events =
      state.counters["events_per_run"].value / static_cast<double>(state.iterations());
  state.counters["deploy_event_share"] = (events - base_events) / events;
}
BENCHMARK(BM_Layered1000x10Deploys)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

/// 20 components of 3-of-5 in series, one-year horizon.
void BM_Series20(benchmark::State& state) {
  static const Model model = nines::bench::series(20, 5, 3);
  run_engine(state, model, kSeriesReplications);
}
BENCHMARK(BM_Series20)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

/// A diurnal load (peak_to_mean 1.5) and no capacity: Boolean mode, whose cost should be nil
/// next to the same model without load (issue 11, performance (a)).
Model with_diurnal_load(Model m) {
  nines::models::Load load;
  load.rps = 1000.0;
  load.profile.type = nines::models::LoadProfile::Type::kDiurnal;
  load.profile.peak_to_mean = 1.5;
  m.load = load;
  return m;
}

void BM_Layered1000x10Load(benchmark::State& state) {
  static const Model model = with_diurnal_load(nines::bench::layered_random(1000, 10, 9, 2, 1));
  run_engine(state, model, kLayeredReplications);
}
BENCHMARK(BM_Layered1000x10Load)
    ->ArgName("threads")
    ->Arg(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_Series20Load(benchmark::State& state) {
  static const Model model = with_diurnal_load(nines::bench::series(20, 5, 3));
  run_engine(state, model, kSeriesReplications);
}
BENCHMARK(BM_Series20Load)
    ->ArgName("threads")
    ->Arg(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

/// Flow mode (issue 11, performance (b)): BM_Series20 with capacity_rps 100 on every component
/// and a diurnal load (peak_to_mean 1.5) whose highest hour is 350 rps, 70 % of a full pool of
/// five: losses that leave three serving saturate a pool at the peak. Load steps every hour.
void BM_Series20Traffic(benchmark::State& state) {
  static const Model model = [] {
    Model m = with_diurnal_load(nines::bench::series(20, 5, 3));
    for (auto& c : m.components) c.capacity_rps = 100.0;
    // The highest hour's multiplier is 1 + 0.5 cos(pi / 24) (docs/traffic.md).
    m.load->rps = 350.0 / (1.0 + 0.5 * std::cos(std::numbers::pi / 24.0));
    return m;
  }();
  RunOptions options;
  options.threads = static_cast<int>(state.range(0));
  options.replications = kSeriesReplications;
  double events = 0.0;
  double evaluations = 0.0;
  for ([[maybe_unused]] auto iteration : state) {
    const RunResult result = nines::engine::run(model, options);
    events += static_cast<double>(result.events);
    evaluations += static_cast<double>(result.flow_evaluations);
  }
  state.counters["events_per_second"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
  state.counters["flow_evaluations_per_second"] =
      benchmark::Counter(evaluations, benchmark::Counter::kIsRate);
  state.counters["events_per_run"] = benchmark::Counter(events, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Series20Traffic)
    ->ArgName("threads")
    ->Arg(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

/// One evaluation of the reference flow solver per iteration on BM_Series20Traffic's graph (20
/// pools of 3-of-5 in series, capacity_rps 100 per instance, 350 rps: 70 % of a full pool) over
/// 64 fixed states of 2 to 5 serving instances per pool, so the solver meets saturated and idle
/// pools: the rate flow mode can at most evaluate after its batches (issue 11, performance (b)).
void BM_FlowSolveSeries20(benchmark::State& state) {
  Model model = nines::bench::series(20, 5, 3);
  for (auto& c : model.components) c.capacity_rps = 100.0;
  nines::engine::FlowSolver solver(nines::engine::build_flow_graph(model));
  std::vector<nines::engine::FlowState> states(64);
  std::uint64_t x = 12345;
  for (auto& s : states) {
    s.serving.resize(model.components.size());
    for (int& n : s.serving) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      n = 2 + static_cast<int>((x >> 33) % 4);
    }
    s.breaker_open.assign(solver.graph().targets.size(), 0);
    s.cache_valid.assign(solver.graph().rows.size(), 1);
    s.admitted_rps = 350.0;
  }
  std::size_t k = 0;
  std::int64_t passes = 0;
  for (auto _ : state) {
    const nines::engine::FlowSolution& f = solver.solve(states[k++ & 63U]);
    passes += f.passes;
    benchmark::DoNotOptimize(f.success.data());
  }
  state.counters["evaluations_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["passes_per_evaluation"] =
      static_cast<double>(passes) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_FlowSolveSeries20)->Unit(benchmark::kMicrosecond);

/// BM_Series20 with every 5-instance pool spread round-robin over 3 zones (mtbf 1y, mttr 4h):
/// what blocking and the zones' own events cost.
void BM_Series20Zones(benchmark::State& state) {
  static const Model model = [] {
    Model m = nines::bench::series(20, 5, 3);
    for (const char* id : {"za", "zb", "zc"}) {
      nines::models::Zone zone;
      zone.id = id;
      zone.failure = nines::models::Exponential{nines::models::kHoursPerYear};
      zone.repair = nines::models::Exponential{4.0};
      m.zones.push_back(zone);
    }
    for (auto& component : m.components) component.zones = {"za", "zb", "zc"};
    return m;
  }();
  run_engine(state, model, kSeriesReplications);
}
BENCHMARK(BM_Series20Zones)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

/// One pool of 1,000,000 instances: building the engine's arrays and running a few replications.
/// `peak_rss_mb` is the whole process's peak, an upper bound on what the run needed.
void BM_MillionInstances(benchmark::State& state) {
  static const Model model = nines::bench::huge_pool(1'000'000, 980'000);
  run_engine(state, model, kMillionReplications);
  const double peak = peak_rss_bytes();
  state.counters["peak_rss_mb"] = peak / 1e6;
  state.counters["peak_rss_bytes_per_instance"] =
      peak / static_cast<double>(nines::bench::total_instances(model));
}
BENCHMARK(BM_MillionInstances)
    ->Arg(1)
    ->ArgName("threads")
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

/// Loading a large generated model file as `nines run` does: read, parse, validate
/// (components x 10 instances, 2 deps each). The file is written once, to the temporary directory.
void BM_LoadLayeredJson(benchmark::State& state) {
  const std::int64_t components = state.range(0);
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("nines-bench-layered-" + std::to_string(components) + "-" +
                                      std::to_string(getpid()) + ".json");
  nines::models::save_model(nines::bench::layered_random(components, 10, 9, 2, 1), file);
  const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(file));
  for ([[maybe_unused]] auto iteration : state) {
    const nines::models::LoadedModel loaded = nines::models::load_model(file);
    benchmark::DoNotOptimize(loaded.model.components.data());
  }
  std::filesystem::remove(file);
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["components_per_second"] =
      benchmark::Counter(static_cast<double>(components) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LoadLayeredJson)
    ->ArgName("components")
    ->Arg(1000)
    ->Arg(10000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
