// `nines plan`: check the flags, load every candidate as `nines sweep` loads its points, let the
// planner library choose, then present it: the report, the JSON and CSV documents, the winner
// written as a model file or a scenario.
#include "nines/cli/plan_command.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "nines/cli/atomic_file.hpp"
#include "nines/cli/progress_bar.hpp"
#include "nines/cli/ranks.hpp"
#include "nines/cli/run_flags.hpp"
#include "nines/cli/simulation.hpp"
#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/models/scenario.hpp"
#include "nines/planner/plan.hpp"
#include "nines/planner/plan_judge.hpp"
#include "nines/report/plan_document.hpp"
#include "nines/report/result_json.hpp"

namespace nines::cli {

namespace {

constexpr const char* kCommand = "nines plan";

[[noreturn]] void usage(const std::string& problem) {
  throw UsageError(std::string(kCommand) + ": " + problem + " (see 'nines plan --help')");
}

double level_flag(const std::string& flag, const std::string& text) {
  const auto value = planner::parse_level(text);
  if (!value) {
    usage(flag +
          ": must be a fraction or a percentage between 0 and 1 (exclusive), e.g. 0.9995 "
          "or 99.95%; got \"" +
          text + "\"");
  }
  return *value;
}

std::int64_t count_flag(const std::string& flag, const std::string& text, std::int64_t least) {
  const auto value = parse_replication_count(text);
  if (!value || *value < least) {
    usage(flag + ": must be a whole number of replications of at least " + std::to_string(least) +
          "; got \"" + text + "\"");
  }
  return *value;
}

planner::PointGrid parse_grid(const PlanArguments& arguments) {
  std::vector<planner::Vary> varies;
  for (const auto& flag : arguments.vary) {
    try {
      varies.push_back(planner::parse_vary(flag));
    } catch (const std::invalid_argument& e) {
      usage("--vary: " + std::string(e.what()));
    }
  }
  try {
    return planner::PointGrid(std::move(varies));
  } catch (const std::invalid_argument& e) {
    usage(e.what());
  }
}

/// The plan's criteria and settings from the flags (the target stays 0 without --target: the
/// model's target is read later).
planner::PlanSettings parse_settings(const PlanArguments& a) {
  planner::PlanSettings s;
  planner::PlanCriteria& k = s.criteria;
  if (a.objective) {
    try {
      k.objective = planner::parse_objective(*a.objective);
    } catch (const std::invalid_argument& e) {
      usage("--objective: " + std::string(e.what()));
    }
  }
  if (a.target) k.target = level_flag("--target", *a.target);
  if (a.run.confidence) k.confidence = level_flag("--confidence", *a.run.confidence);
  if (a.probability) k.probability = level_flag("--probability", *a.probability);
  if (k.objective == planner::Objective::kAvailability && a.probability) {
    usage("--probability goes with --objective sla or window, not availability");
  }
  if (k.objective != planner::Objective::kAvailability && !a.probability) {
    usage("--objective " + std::string(planner::objective_name(k.objective)) +
          " needs --probability P (the share of years or windows to meet)");
  }
  if (k.objective == planner::Objective::kWindow && !a.run.window) {
    usage("--objective window needs --window D (the SLA window, e.g. 30d)");
  }
  for (const auto& text : a.constraints) {
    try {
      k.constraints.push_back(planner::parse_constraint(text));
    } catch (const std::invalid_argument& e) {
      usage("--constraint: " + std::string(e.what()));
    }
  }
  if (a.budget) {
    std::size_t used = 0;
    double value = -1.0;
    try {
      value = std::stod(*a.budget, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != a.budget->size() || !std::isfinite(value) || value < 0.0) {
      usage("--budget: must be a non-negative number (a monthly cost); got \"" + *a.budget + "\"");
    }
    s.budget = value;
  }
  if (a.pilot) s.pilot = count_flag("--pilot", *a.pilot, 2);
  if (a.run.batch) s.batch = count_flag("--batch", *a.run.batch, 1);
  if (a.run.max_replications) {
    s.max_replications = count_flag("--max-replications", *a.run.max_replications, 1);
  }
  if (s.max_replications < s.pilot) {
    usage("--max-replications: must be at least the pilot (" + std::to_string(s.pilot) +
          " replications); got " + std::to_string(s.max_replications));
  }
  if (a.run.max_time) s.max_seconds = parse_seconds(*a.run.max_time).value();
  if (a.write_best && a.as_scenario) {
    usage(
        "--write-best excludes --as-scenario (write the winner to a file or add it as a "
        "scenario)");
  }
  if (a.as_scenario && a.as_scenario->empty())
    usage("--as-scenario: must name a scenario; got \"\"");
  s.threads = a.run.threads;
  return s;
}

/// The --set form "KEY=VALUE" as a scenario's `set` entry.
std::pair<std::string, nlohmann::ordered_json> setting_of(const std::string& text) {
  const auto eq = text.find('=');
  const std::string key = text.substr(0, eq);
  const std::string value = text.substr(eq + 1);
  nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(value, nullptr, false);
  if (parsed.is_discarded()) parsed = value;
  return {key, parsed};
}

/// One bar for the whole plan: replications done against those planned so far.
class PlanProgress {
 public:
  PlanProgress(const Console& console, bool quiet) {
    if (console.err_is_terminal && !quiet) bar_.emplace(console.err, terminal_width(STDERR_FILENO));
  }
  engine::ProgressCallback callback() {
    if (!bar_) return {};
    return [this](const engine::Progress& p) { bar_->update(p); };
  }
  void clear() {
    if (bar_) bar_->clear();
  }

 private:
  std::optional<ProgressBar> bar_;
};

}  // namespace

int plan_command(const PlanArguments& arguments, const Console& console) {
  RunArguments run = arguments.run;
  planner::PlanSettings settings = parse_settings(arguments);
  const planner::PointGrid grid = parse_grid(arguments);
  const std::string scenario = run.scenario.value_or("");
  if (run.scenario && run.scenario->empty()) usage("--scenario: must name a scenario; got \"\"");

  // The base model's warnings, once; it also gives the default target, the file's scenarios.
  std::optional<models::Model> base;
  try {
    auto loaded = models::load_model(run.model_file, model_overrides(run), scenario);
    for (const auto& warning : loaded.warnings) console.err << "warning: " << warning << '\n';
    base = std::move(loaded.model);
  } catch (const ModelError&) {  // NOLINT(bugprone-empty-catch): each candidate says why
  }
  // A --target other than the model's sets the model's target too: the SLA and window figures
  // are judged against it, and `nines run --set target=...` gives the same figures.
  if (arguments.target && !(base && base->target == settings.criteria.target)) {
    run.overrides.push_back(planner::set_text("target", settings.criteria.target));
  }

  std::vector<planner::Candidate> candidates =
      planner::load_candidates(grid, [&](std::size_t point) {
        RunArguments point_arguments = run;
        for (auto& o : grid.overrides(point)) point_arguments.overrides.push_back(std::move(o));
        return models::load_model(run.model_file, model_overrides(point_arguments), scenario).model;
      });
  const models::Model* first = nullptr;
  for (const auto& c : candidates) {
    if (c.model) {
      first = &*c.model;
      break;
    }
  }
  if (first == nullptr) {  // every candidate lost its cost
    throw ModelError("nines plan: no candidate has a cost, so none is cheapest");
  }
  if (!arguments.target) {
    const auto& model = base ? *base : *first;
    if (!model.target) usage("needs --target (the model has no `target`)");
    settings.criteria.target = *model.target;
  }
  const double window = window_hours(run, first->horizon_hours);
  settings.window_hours = window;

  // Refused before anything is simulated or written.
  std::optional<nlohmann::ordered_json> original;
  if (arguments.as_scenario) {
    original = models::read_model_document(run.model_file);
    if (original->contains("scenarios")) {
      for (const auto& s : (*original)["scenarios"]) {
        if (s.value("name", "") == *arguments.as_scenario) {
          usage("--as-scenario: the model already has a scenario \"" + *arguments.as_scenario +
                "\" (choose another name)");
        }
      }
    }
  }
  if (arguments.write_best) original = models::read_model_document(run.model_file);
  if (!settings.criteria.constraints.empty()) {
    engine::RunOptions probe;
    probe.threads = 1;
    probe.replications = 1;
    probe.window_hours = window;
    const engine::RunResult one =
        engine::summarize_range(*first, engine::simulate_range(*first, probe));
    const std::string unknown =
        planner::unknown_constraint_message(settings.criteria, report::result_to_json(one));
    if (!unknown.empty()) usage(unknown);
  }

  const bool json_to_stdout = run.json_output == "-";
  std::optional<AtomicFile> json_file;
  if (!run.json_output.empty() && !json_to_stdout) json_file.emplace(run.json_output);
  std::optional<AtomicFile> csv_file;
  if (!arguments.csv_output.empty()) csv_file.emplace(arguments.csv_output);
  std::optional<AtomicFile> best_file;
  if (arguments.write_best) best_file.emplace(*arguments.write_best);
  if (arguments.as_scenario) best_file.emplace(run.model_file);

  report::PlanDocument doc;
  doc.model_file = run.model_file;
  doc.model_name = first->name;
  doc.seed = first->seed;
  doc.seed_flag = run.seed;
  doc.scenario = run.scenario;
  doc.currency = first->currency;
  doc.window_flag = run.window;
  doc.criteria = settings.criteria;
  doc.budget = settings.budget;
  doc.pilot = settings.pilot;
  doc.batch = settings.batch;
  doc.grid = &grid;
  doc.provenance = run_provenance(run);

  const auto start = std::chrono::steady_clock::now();
  {
    const InterruptGuard interrupt_guard;
    PlanProgress progress(console, run.quiet);
    settings.cancel = interrupt_guard.flag();
    settings.processes = world_ranks();
    settings.progress = progress.callback();
    // What the constraints read: the candidate's run document (no exact check: none reads it).
    const planner::DocumentFunction document = [&](const planner::Candidate& c,
                                                   const engine::RunResult& result) {
      return report::result_to_json(result, std::nullopt, run.scenario, {},
                                    {c.cost_per_month, doc.currency});
    };
    doc.plan = planner::run_plan(std::move(candidates), settings, document);
    progress.clear();
  }
  report::add_exact_checks(doc);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const int threads = run.threads > 0
                          ? run.threads
                          : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  doc.run_info = engine::measured_run_info(doc.plan.events, threads, wall, rank_count());

  if (!run.quiet && !json_to_stdout) report::write_plan_report(doc, console.out);
  if (doc.plan.cancelled) {
    console.err << "CANCELLED: no winner; the candidates finished so far are in the documents\n";
  }
  const std::string json = report::plan_json_text(doc);
  if (json_to_stdout) console.out << json;
  if (json_file) json_file->commit(json);
  if (csv_file) {
    std::ostringstream csv;
    report::write_plan_csv(doc, csv);
    csv_file->commit(csv.str());
  }
  if (doc.plan.cancelled) return kExitInterrupted;
  if (!doc.plan.best) return kExitNoWinner;

  // The winner, written only now: never a stale file after a plan without one.
  const std::size_t w = *doc.plan.best;
  if (arguments.write_best) {
    models::Model model = *doc.plan.candidates[w].model;
    model.scenarios.clear();
    nlohmann::ordered_json text = models::to_json_like(model, *original);
    text.erase("scenarios");
    best_file->commit(text.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  } else if (arguments.as_scenario) {
    nlohmann::ordered_json set = nlohmann::ordered_json::object();
    std::vector<std::string> keys;
    if (base && run.scenario) {
      for (const auto& s : base->scenarios) {
        if (s.name == *run.scenario) keys = models::scenario_overrides(s);
      }
    }
    for (const auto& o : report::candidate_overrides(doc, w)) keys.push_back(o);
    for (const auto& o : keys) {
      auto [key, value] = setting_of(o);
      set[key] = value;
    }
    nlohmann::ordered_json& scenarios = (*original)["scenarios"];
    if (!scenarios.is_array()) scenarios = nlohmann::ordered_json::array();
    scenarios.push_back({{"name", *arguments.as_scenario}, {"set", set}});
    best_file->commit(original->dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                      "\n");
  }
  return kExitSuccess;
}

}  // namespace nines::cli
