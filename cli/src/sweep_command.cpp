// `nines sweep`: parse the --vary flags, load every point as a file would be loaded (skipping
// those the loader rejects), run the valid ones on one seed, and report them as a comparison.
#include "nines/cli/sweep_command.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "nines/cli/atomic_file.hpp"
#include "nines/cli/point_exchange.hpp"
#include "nines/cli/progress_bar.hpp"
#include "nines/cli/ranks.hpp"
#include "nines/cli/simulation.hpp"
#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/planner/point_grid.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/exact_check.hpp"
#include "nines/report/provenance.hpp"
#include "nines/report/scenario_table.hpp"
#include "nines/report/sweep_document.hpp"

namespace nines::cli {

namespace {

planner::PointGrid parse_grid(const SweepArguments& arguments) {
  std::vector<planner::Vary> varies;
  for (const auto& flag : arguments.vary) {
    try {
      varies.push_back(planner::parse_vary(flag));
    } catch (const std::invalid_argument& e) {
      throw UsageError("nines sweep: --vary: " + std::string(e.what()) +
                       " (see 'nines sweep --help')");
    }
  }
  try {
    return planner::PointGrid(std::move(varies));
  } catch (const std::invalid_argument& e) {
    throw UsageError("nines sweep: " + std::string(e.what()) + " (see 'nines sweep --help')");
  }
}

/// One bar for the whole sweep: each run's progress mapped onto points x replications.
class SweepProgress {
 public:
  SweepProgress(const Console& console, const RunArguments& arguments, std::size_t points)
      : points_(points), start_(std::chrono::steady_clock::now()) {
    if (console.err_is_terminal && !arguments.quiet) {
      bar_.emplace(console.err, terminal_width(STDERR_FILENO));
    }
  }
  /// The callback for the run of point number `done_points` (0-based among those run).
  engine::ProgressCallback for_point(std::size_t done_points) {
    return [this, done_points](const engine::Progress& p) {
      if (!bar_) return;
      engine::Progress all = p;
      all.total = p.total * static_cast<std::int64_t>(points_);
      all.done = p.total * static_cast<std::int64_t>(done_points) + p.done;
      all.elapsed_seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      bar_->update(all);
    };
  }
  void clear() {
    if (bar_) bar_->clear();
  }

 private:
  std::size_t points_;
  std::chrono::steady_clock::time_point start_;
  std::optional<ProgressBar> bar_;
};

/// A point's expected share of a sweep's work, to give the ranks ranges of points of about equal
/// work: its instances, and their expected failures over the horizon (a few events each).
double expected_work(const models::Model& model) {
  double work = 0.0;
  for (const auto& c : model.components) {
    const double mean = models::mean_hours(c.failure);
    const double failures = std::isfinite(mean) && mean > 0.0 ? model.horizon_hours / mean : 0.0;
    work += static_cast<double>(c.instances) * (1.0 + 3.0 * failures);
  }
  return work;
}

/// A point of the grid as the loader left it: a model, or why there is none.
struct Loaded {
  std::size_t point;
  std::optional<models::Model> model;
  std::string message;
};

/// Under MPI: every rank's finished runs, on rank 0 rebuilt from their ranges (summarize_range
/// gives the figures one process would; the exact check is redone here). `runs` is indexed like
/// `runnable`, the valid points' indices into `loaded`.
void gather_runs(const engine::ProcessGroup& ranks, const std::vector<Loaded>& loaded,
                 const std::vector<std::size_t>& runnable,
                 std::vector<std::optional<Simulation>>& runs) {
  std::vector<FinishedPoint> own;
  for (std::size_t v = 0; v < runs.size(); ++v) {
    if (!runs[v]) continue;
    own.push_back(
        {v, std::move(*runs[v]->range), runs[v]->result.precision, runs[v]->result.run_info});
    runs[v].reset();
  }
  std::vector<FinishedPoint> all = gather_points(ranks, own);
  if (!is_first_rank()) return;
  for (FinishedPoint& p : all) {
    const models::Model& model = *loaded[runnable[p.point]].model;
    Simulation simulation;
    simulation.result = engine::summarize_range(model, p.range);
    simulation.result.precision = p.precision;
    simulation.result.run_info = p.run_info;
    simulation.exact = report::exact_check(model, simulation.result);
    simulation.range = std::move(p.range);
    runs[p.point] = std::move(simulation);
  }
}

}  // namespace

int sweep_command(const SweepArguments& arguments, const Console& console) {
  const RunArguments& run = arguments.run;
  check_flag_combinations(run);
  const planner::PointGrid grid = parse_grid(arguments);
  const std::vector<std::string> base_overrides = model_overrides(run);
  const std::string scenario = run.scenario.value_or("");

  // The base model's warnings, once; a point's own never. A base the loader rejects is not an
  // error by itself: the points may all be valid.
  try {
    for (const auto& warning :
         models::load_model(run.model_file, base_overrides, scenario).warnings) {
      console.err << "warning: " << warning << '\n';
    }
  } catch (const ModelError&) {  // NOLINT(bugprone-empty-catch): each point says why
  }

  // Every point loaded and checked before the first run; a bad key stops everything (exit 2),
  // a value the loader rejects skips its point.
  std::vector<Loaded> loaded;
  std::size_t valid = 0;
  for (std::size_t p = 0; p < grid.size(); ++p) {
    std::vector<std::string> overrides = run.overrides;
    for (auto& o : grid.overrides(p)) overrides.push_back(std::move(o));
    RunArguments point_arguments = run;
    point_arguments.overrides = overrides;
    Loaded item{p, std::nullopt, {}};
    try {
      item.model =
          models::load_model(run.model_file, model_overrides(point_arguments), scenario).model;
      ++valid;
    } catch (const ModelError& e) {
      item.message = e.what();
    }
    loaded.push_back(std::move(item));
  }
  if (valid == 0) {
    throw ModelError("nines sweep: every one of the " + std::to_string(grid.size()) +
                     " points is invalid; the first: " + loaded.front().message);
  }

  const bool json_to_stdout = run.json_output == "-";
  std::optional<AtomicFile> json_file;
  if (!run.json_output.empty() && !json_to_stdout) json_file.emplace(run.json_output);
  std::optional<AtomicFile> csv_file;
  if (!arguments.csv_output.empty()) csv_file.emplace(arguments.csv_output);

  report::SweepDocument sweep;
  sweep.provenance = run_provenance(run);
  for (const auto& vary : grid.varies()) {
    sweep.vary.push_back({{"key", vary.key}, {"values", vary.values}});
  }
  // The valid points in order; under MPI each rank runs a fixed range of them (docs/scale.md).
  std::vector<std::size_t> runnable;  // indices into `loaded`
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    if (loaded[i].model) runnable.push_back(i);
  }
  const engine::ProcessGroup* ranks = world_ranks();
  const int rank_total = ranks != nullptr ? ranks->size() : 1;
  std::vector<double> work;
  for (const std::size_t i : runnable) work.push_back(expected_work(*loaded[i].model));
  const auto [first_here, count_here] =
      engine::weighted_rank_share(work, ranks != nullptr ? ranks->rank() : 0, rank_total);
  std::int64_t rounds = 0;  // the most points a rank runs: every rank takes part in each round
  for (int r = 0; r < rank_total; ++r) {
    rounds = std::max(rounds, engine::weighted_rank_share(work, r, rank_total).second);
  }
  std::vector<std::optional<Simulation>> runs(runnable.size());
  const auto start = std::chrono::steady_clock::now();
  {
    const InterruptGuard interrupt_guard;
    SweepProgress progress(console, run, static_cast<std::size_t>(count_here));
    // A round gives each rank its next point; after it the ranks agree whether to go on.
    for (std::int64_t round = 0; round < rounds; ++round) {
      bool cut = false;
      if (round < count_here) {
        const auto v = static_cast<std::size_t>(first_here + round);
        const models::Model& model = *loaded[runnable[v]].model;
        const engine::ProgressCallback callback =
            progress.for_point(static_cast<std::size_t>(round));
        Simulation simulation = simulate(model, run, window_hours(run, model.horizon_hours),
                                         console, /*keep_replications=*/true, &callback,
                                         /*this_rank_only=*/true);
        cut = simulation.result.cancelled;  // the point cut short is left out
        if (!cut) runs[v] = std::move(simulation);
      }
      if (ranks != nullptr) cut = ranks->any(cut);
      if (cut) {
        sweep.cancelled = true;
        break;
      }
    }
    progress.clear();
  }
  if (ranks != nullptr && ranks->size() > 1) {
    gather_runs(*ranks, loaded, runnable, runs);
    if (!is_first_rank()) return sweep.cancelled ? kExitInterrupted : kExitSuccess;
  }

  std::uint64_t events = 0;
  std::size_t next_runnable = 0;
  for (const Loaded& item : loaded) {
    if (!item.model) {
      sweep.points.push_back({grid.values(item.point), std::nullopt, item.message});
      continue;
    }
    std::optional<Simulation>& simulation = runs[next_runnable++];
    if (!simulation) continue;  // cut short by Ctrl-C
    if (sweep.runs.empty()) {
      sweep.model_name = simulation->result.model_name;
      sweep.seed = simulation->result.seed;
    }
    events += simulation->result.events;
    sweep.points.push_back({grid.values(item.point), sweep.runs.size(), {}});
    sweep.runs.push_back({grid.label(item.point),
                          report::canonical_overrides(grid.overrides(item.point)),
                          std::move(simulation->result), std::move(simulation->exact),
                          report::design_cost(*item.model), std::move(simulation->range),
                          /*is_file=*/false, run.scenario, sweep.provenance.model_sha256});
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const int threads = run.threads > 0
                          ? run.threads
                          : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  sweep.run_info = engine::measured_run_info(events, threads, wall, rank_count());

  if (!sweep.runs.empty() && !run.quiet && !json_to_stdout) {
    report::write_scenario_table(sweep.runs, console.out, sweep.provenance.overrides,
                                 "sweep points compared", "point");
  }
  for (const auto& point : sweep.points) {
    if (!point.run && !run.quiet && !json_to_stdout) {
      console.err << "skipped " << point.values.dump() << ": " << point.message << '\n';
    }
  }
  if (sweep.cancelled) {
    console.err << "CANCELLED: " << sweep.runs.size() << " of " << valid
                << " points finished (the point cut short is left out)\n";
  }
  const std::string json = report::sweep_json_text(sweep);
  if (json_to_stdout) console.out << json;
  if (json_file) json_file->commit(json);
  if (csv_file) {
    std::ostringstream csv;
    report::write_sweep_csv(sweep, csv);
    csv_file->commit(csv.str());
  }
  return sweep.cancelled ? kExitInterrupted : kExitSuccess;
}

}  // namespace nines::cli
