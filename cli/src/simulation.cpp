// One simulation of `nines run` and the Ctrl-C handling around it; shared by a single run and
// the runs of --all-scenarios.
#include "nines/cli/simulation.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "nines/cli/progress_bar.hpp"
#include "nines/cli/ranks.hpp"
#include "nines/cli/run_flags.hpp"
#include "nines/engine/compiled_model.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/precision_run.hpp"
#include "nines/models/duration.hpp"
#include "nines/models/error.hpp"

namespace nines::cli {

namespace {

// A signal handler can only reach a global; this one flag is the engine's cancel token. It is
// process-wide by nature (there is one SIGINT), which is why it lives here and not in a library.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the SIGINT handler needs a lock-free flag");

extern "C" void on_interrupt(int /*signal*/) { g_interrupted.store(true); }

/// The precision options of the flags (each already checked by its parser).
engine::PrecisionOptions precision_options(const RunArguments& arguments) {
  engine::PrecisionOptions p;
  p.relative_precision = parse_open_fraction(*arguments.precision).value();
  if (arguments.confidence) p.confidence = parse_open_fraction(*arguments.confidence).value();
  if (arguments.batch) p.batch = parse_replication_count(*arguments.batch).value();
  if (arguments.max_replications) {
    p.max_replications = parse_replication_count(*arguments.max_replications).value();
  }
  if (arguments.max_time) p.max_seconds = parse_seconds(*arguments.max_time).value();
  return p;
}

}  // namespace

InterruptGuard::InterruptGuard() {
  g_interrupted.store(false);
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  action.sa_flags = static_cast<int>(SA_RESETHAND);
  sigemptyset(&action.sa_mask);
  installed_ = ::sigaction(SIGINT, &action, &previous_) == 0;
}

InterruptGuard::~InterruptGuard() {
  if (installed_) ::sigaction(SIGINT, &previous_, nullptr);
}

bool InterruptGuard::interrupted() const { return g_interrupted.load(); }

const std::atomic<bool>* InterruptGuard::flag() const { return &g_interrupted; }

void check_flag_combinations(const RunArguments& a) {
  const auto fail = [&a](const std::string& problem) {
    throw UsageError(a.command + ": " + problem + " (see '" + a.command + " --help')");
  };
  if (a.scenario && a.all_scenarios) {
    fail(
        "--scenario excludes --all-scenarios (the base and every scenario are run by the "
        "second)");
  }
  if (a.scenario && a.scenario->empty()) fail("--scenario: must name a scenario; got \"\"");
  if (a.trace_csv && !a.trace) fail("--trace-csv requires --trace R");
  if (a.trace) {
    if (!a.json_output.empty()) fail("--trace excludes --json (use --trace-csv for a file)");
    if (a.precision) fail("--trace excludes --precision (it simulates one history)");
    if (a.window) fail("--trace excludes --window");
    if (a.all_scenarios) fail("--trace excludes --all-scenarios (pick one with --scenario)");
  }
  // The companions of --precision make sense with it only: --replications fixes what it decides.
  if (a.precision && a.replications) {
    fail("--replications excludes --precision (use --max-replications for a ceiling)");
  }
  if (a.precision) return;
  if (a.confidence) fail("--confidence requires --precision");
  if (a.batch) fail("--batch requires --precision");
  if (a.max_replications) fail("--max-replications requires --precision");
  if (a.max_time) fail("--max-time requires --precision");
}

double window_hours(const RunArguments& arguments, double horizon_hours) {
  if (!arguments.window) return 0.0;
  const double hours = parse_window_hours(*arguments.window).value();
  if (hours > horizon_hours * (1.0 + 1e-9)) {
    throw UsageError(arguments.command + ": --window: must not be longer than the horizon (" +
                     models::format_duration(horizon_hours) + "); got \"" + *arguments.window +
                     "\" (see 'nines run --help')");
  }
  return hours;
}

Simulation simulate(const models::Model& model, const RunArguments& arguments, double window,
                    const Console& console, bool keep_replications,
                    const engine::ProgressCallback* outer_progress, bool this_rank_only) {
  engine::RunOptions options;
  options.threads = arguments.threads;
  options.cancel = &g_interrupted;
  options.window_hours = window;
  options.processes = this_rank_only ? nullptr : world_ranks();
  std::optional<ProgressBar> progress_bar;
  if (outer_progress != nullptr) {
    options.progress = *outer_progress;
  } else if (console.err_is_terminal && !arguments.quiet) {
    progress_bar.emplace(console.err, terminal_width(STDERR_FILENO));
    options.progress = [&progress_bar](const engine::Progress& progress) {
      progress_bar->update(progress);
    };
  }
  report::RunRequest request;
  if (arguments.precision) request.precision = precision_options(arguments);
  request.keep_replications = keep_replications;
  Simulation simulation = report::checked_run(model, options, request);
  progress_bar.reset();
  return simulation;
}

}  // namespace nines::cli
