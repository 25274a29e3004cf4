// `nines run`: load a model with overrides, simulate it, print the report and write the result.
#include "nines/cli/run_command.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <optional>

#include "nines/cli/atomic_file.hpp"
#include "nines/cli/progress_bar.hpp"
#include "nines/cli/run_flags.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/precision_run.hpp"
#include "nines/models/duration.hpp"
#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/report/human_format.hpp"
#include "nines/report/result_json.hpp"
#include "nines/report/text_report.hpp"

namespace nines::cli {

namespace {

// A signal handler can only reach a global; this one flag is the engine's cancel token. It is
// process-wide by nature (there is one SIGINT), which is why it lives here and not in a library.
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the SIGINT handler needs a lock-free flag");

extern "C" void on_interrupt(int /*signal*/) { g_interrupted.store(true); }

/// Turns the first Ctrl-C into a cooperative cancel for the duration of a run; a second one
/// (SA_RESETHAND restores the default action) kills the process as usual.
class InterruptGuard {
 public:
  InterruptGuard() {
    g_interrupted.store(false);
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    action.sa_flags = static_cast<int>(SA_RESETHAND);
    sigemptyset(&action.sa_mask);
    installed_ = ::sigaction(SIGINT, &action, &previous_) == 0;
  }
  ~InterruptGuard() {
    if (installed_) ::sigaction(SIGINT, &previous_, nullptr);
  }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction previous_ {};
  bool installed_ = false;
};

/// The precision flags make sense together only: --replications fixes what --precision decides.
void check_flag_combinations(const RunArguments& a) {
  const auto fail = [](const std::string& problem) {
    throw UsageError("nines run: " + problem + " (see 'nines run --help')");
  };
  if (a.precision && a.replications) {
    fail("--replications excludes --precision (use --max-replications for a ceiling)");
  }
  if (a.precision) return;
  if (a.confidence) fail("--confidence requires --precision");
  if (a.batch) fail("--batch requires --precision");
  if (a.max_replications) fail("--max-replications requires --precision");
  if (a.max_time) fail("--max-time requires --precision");
}

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

/// The window length in hours, 0 without --window. A window longer than one history would hold
/// no whole window, which is a mistake rather than an empty answer.
double window_hours(const RunArguments& arguments, double horizon_hours) {
  if (!arguments.window) return 0.0;
  const double hours = parse_window_hours(*arguments.window).value();
  if (hours > horizon_hours * (1.0 + 1e-9)) {
    throw UsageError("nines run: --window: must not be longer than the horizon (" +
                     models::format_duration(horizon_hours) + "); got \"" + *arguments.window +
                     "\" (see 'nines run --help')");
  }
  return hours;
}

}  // namespace

std::vector<std::string> model_overrides(const RunArguments& arguments) {
  std::vector<std::string> overrides = arguments.overrides;
  if (arguments.replications) overrides.push_back("replications=" + *arguments.replications);
  if (arguments.horizon) overrides.push_back("horizon=" + *arguments.horizon);
  if (arguments.seed) overrides.push_back("seed=" + *arguments.seed);
  return overrides;
}

int run_command(const RunArguments& arguments, const Console& console) {
  check_flag_combinations(arguments);
  const auto loaded = models::load_model(arguments.model_file, model_overrides(arguments));
  for (const auto& warning : loaded.warnings) console.err << "warning: " << warning << '\n';

  const bool json_to_stdout = arguments.json_output == "-";
  // Opened before the run so that a bad output path fails in a second, not after an hour.
  std::optional<AtomicFile> json_file;
  if (!arguments.json_output.empty() && !json_to_stdout) json_file.emplace(arguments.json_output);

  engine::RunOptions options;
  options.threads = arguments.threads;
  options.cancel = &g_interrupted;
  options.window_hours = window_hours(arguments, loaded.model.horizon_hours);
  std::optional<ProgressBar> progress_bar;
  if (console.err_is_terminal && !arguments.quiet) {
    progress_bar.emplace(console.err, terminal_width(STDERR_FILENO));
    options.progress = [&progress_bar](const engine::Progress& progress) {
      progress_bar->update(progress);
    };
  }

  engine::RunResult result;
  {
    const InterruptGuard interrupt_guard;
    result = arguments.precision
                 ? engine::run_to_precision(loaded.model, options, precision_options(arguments))
                 : engine::run(loaded.model, options);
  }
  progress_bar.reset();

  // The exact answer where the solvers have one: a cancelled run has nothing to compare.
  std::optional<report::ExactCheck> exact;
  if (!result.cancelled) exact = report::exact_check(loaded.model, result);

  if (!arguments.quiet && !json_to_stdout) {
    report::TextReportOptions report_options;
    report_options.exact = exact ? &*exact : nullptr;
    report::write_text_report(result, console.out, report_options);
    console.out.flush();
  }
  if (result.cancelled) {
    console.err << "nines: interrupted after " << report::format_count(result.replications)
                << (arguments.precision ? std::string()
                                        : " of " + report::format_count(loaded.model.replications))
                << " replications"
                << (arguments.json_output.empty() ? "" : "; no JSON result written") << '\n';
    return kExitInterrupted;
  }
  const std::string json =
      json_to_stdout || json_file ? report::result_json_text(result, exact) : "";
  if (json_to_stdout) console.out << json << std::flush;
  if (json_file) json_file->commit(json);
  return kExitSuccess;
}

}  // namespace nines::cli
