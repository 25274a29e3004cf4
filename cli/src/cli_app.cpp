// The `nines` command line: parses the arguments (CLI11) and dispatches to a command.
#include "nines/cli/cli_app.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <charconv>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nines/cli/analyze_command.hpp"
#include "nines/cli/compare_command.hpp"
#include "nines/cli/graph_command.hpp"
#include "nines/cli/plan_command.hpp"
#include "nines/cli/ranks.hpp"
#include "nines/cli/run_command.hpp"
#include "nines/cli/run_flags.hpp"
#include "nines/cli/schema_command.hpp"
#include "nines/cli/sweep_command.hpp"
#include "nines/cli/validate_command.hpp"
#include "nines/models/error.hpp"
#include "nines/models/version.hpp"

namespace nines::cli {

namespace {

constexpr std::array<std::string_view, 9> kCommands = {
    "run", "compare", "sweep", "plan", "analyze", "validate", "graph", "schema", "help"};
constexpr const char* kCommandList =
    "run, compare, sweep, plan, analyze, validate, graph, schema, help";

/// Messages are printed on one line whatever their source.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

bool is_command(std::string_view word) {
  return std::find(kCommands.begin(), kCommands.end(), word) != kCommands.end();
}

/// Everything the parser fills in.
struct Arguments {
  bool version = false;
  RunArguments run;
  /// `nines compare`: its files and run's flags.
  std::vector<std::string> compare_files;
  RunArguments compare;
  SweepArguments sweep;
  PlanArguments plan;
  AnalyzeArguments analyze;
  std::string model_file;
  std::vector<std::string> overrides;
  /// `nines graph --results`: a `nines run --json` result of the same model.
  std::string graph_results;
  std::string help_topic;
};

CLI::Option* add_model(CLI::App& command, std::string& target) {
  return command.add_option("MODEL", target, "The model file (JSON, see docs/model-format.md)")
      ->required();
}

CLI::Option* add_set(CLI::App& command, std::vector<std::string>& target) {
  return command
      .add_option("--set", target,
                  "Override a key of the model (KEY=VALUE) or of a component (ID.KEY=VALUE, "
                  "ID.KEY.SUBKEY=VALUE), e.g. db.mttr=2h; repeatable")
      ->type_name("ID.KEY=VALUE")
      ->allow_extra_args(false);
}

/// 0 to kMaxThreads, with a message in the house style rather than CLI11's.
CLI::Validator threads_validator() {
  constexpr int kMaxThreads = 4096;
  return {[](const std::string& text) -> std::string {
            int value = -1;
            const auto* end = text.data() + text.size();
            const auto [stop, error] = std::from_chars(text.data(), end, value);
            if (error == std::errc() && stop == end && value >= 0 && value <= kMaxThreads) {
              return {};
            }
            return "must be an integer from 0 to " + std::to_string(kMaxThreads) + "; got \"" +
                   text + "\"";
          },
          "", "threads"};
}

/// A flag value accepted by `parse`, with `problem` in the house style otherwise.
template <typename Parser>
CLI::Validator value_validator(Parser parse, const char* problem) {
  return {[parse, problem](const std::string& text) -> std::string {
            if (parse(text)) return {};
            return std::string(problem) + "; got \"" + text + "\"";
          },
          "", ""};
}

/// A duration flag: a bare number has no unit and gets its own message.
template <typename Parser>
CLI::Validator duration_validator(Parser parse, const char* problem) {
  return {[parse, problem](const std::string& text) -> std::string {
            if (!is_plain_number(text) && parse(text)) return {};
            return duration_problem(text, problem);
          },
          "", ""};
}

/// --top N: rows of a report's table.
CLI::Option* add_top(CLI::App& command, std::optional<std::string>& target, const char* help) {
  return command.add_option("--top", target, help)
      ->type_name("N|all")
      ->check(value_validator(parse_top, kTopProblem));
}

void add_precision_flags(CLI::App& run, RunArguments& r) {
  // run_command checks that the companions come with --precision: CLI11's needs() would add
  // "Needs:" clutter to the help.
  run.add_option("--precision", r.precision,
                 "Run batches until the confidence interval of the unavailability is within "
                 "this fraction of it, e.g. 0.05 for +-5% (instead of --replications)")
      ->type_name("P")
      ->check(value_validator(parse_open_fraction, kFractionProblem));
  run.add_option("--confidence", r.confidence,
                 "Confidence level of the --precision rule (default 0.95)")
      ->type_name("C")
      ->check(value_validator(parse_open_fraction, kFractionProblem));
  run.add_option("--batch", r.batch,
                 "Replications per batch of --precision; the rule is checked after each "
                 "(default 1000)")
      ->type_name("N")
      ->check(value_validator(parse_replication_count, kCountProblem));
  run.add_option("--max-replications", r.max_replications,
                 "Stop --precision at this many replications (default 1,000,000)")
      ->type_name("N")
      ->check(value_validator(parse_replication_count, kCountProblem));
  run.add_option("--max-time", r.max_time,
                 "Stop --precision at the first batch end after this time, with a unit: 90s, "
                 "10m, 2h (default none)")
      ->type_name("T")
      ->check(duration_validator(parse_seconds, kSecondsProblem));
  run.add_option("--window", r.window,
                 "Also report SLA windows of this length from time 0, e.g. 30d for months (a "
                 "last partial window is left out)")
      ->type_name("D")
      ->check(duration_validator(parse_window_hours, kWindowProblem));
}

/// The flags `run` and `compare` share: run settings, overrides, precision, output.
void add_run_flags(CLI::App* run, RunArguments& r) {
  run->add_option("--replications,-n", r.replications,
                  "Histories to simulate (overrides `replications`)")
      ->type_name("N");
  run->add_option("--horizon", r.horizon,
                  "Length of one history, with a unit: 1y, 90d (overrides `horizon`)")
      ->type_name("D")
      // Only the unit here: the model loader checks the rest as it does the file's `horizon`.
      ->check(duration_validator([](std::string_view) { return true; }, ""));
  run->add_option("--seed", r.seed, "Random seed (overrides `seed`)")->type_name("S");
  run->add_option("--threads,-j", r.threads, "Worker threads; 0 (default): all hardware threads")
      ->type_name("T")
      ->check(threads_validator());
  add_set(*run, r.overrides);
  run->add_option("--scenario", r.scenario,
                  "Run this named scenario of the model (its keys first, then any --set)")
      ->type_name("NAME");
  add_precision_flags(*run, r);
  run->add_option("--json", r.json_output,
                  "Write the full result as JSON to FILE, or to stdout with - (instead of the "
                  "text report)")
      ->type_name("FILE|-");
  run->add_flag("--quiet,-q", r.quiet, "No progress bar and no text report");
}

void build_run(CLI::App& app, Arguments& args) {
  auto* run = app.add_subcommand("run", "Simulate a model and report its availability");
  auto& r = args.run;
  add_model(*run, r.model_file);
  add_run_flags(run, r);
  run->add_flag("--all-scenarios", r.all_scenarios,
                "Run the base model and every scenario on the same seed and print one "
                "comparison table (one JSON document with --json)");
  add_top(*run, r.top, "Causes of downtime to list (default 5); all for every one");
  run->add_option("--trace", r.trace,
                  "Simulate replication R alone and print its timeline: every state change of "
                  "an instance, zone, region or injection")
      ->type_name("R");
  run->add_option("--trace-csv", r.trace_csv,
                  "With --trace: write the timeline as CSV to FILE, or to stdout with -")
      ->type_name("FILE|-");
  run->footer(
      "Examples:\n"
      "  nines run samples/web-shop.json\n"
      "  nines run samples/web-shop.json --replications 10000 --threads 2 --json result.json\n"
      "  nines run samples/web-shop.json --set db.instances=3 --set api.mttr=30m --json - --quiet\n"
      "  nines run samples/web-shop.json --precision 0.05 --max-time 20s --window 30d\n"
      "  nines run samples/web-shop.json --scenario \"third database replica\" --set seed=3\n"
      "  nines run samples/web-shop.json --all-scenarios --json comparison.json\n"
      "  nines run samples/regional-databases.json --top all\n"
      "\n"
      "Exit status: 0 success, 2 bad model or command line, 1 internal error, 130 interrupted.");
}

void build_compare(CLI::App& app, Arguments& args) {
  auto* compare = app.add_subcommand(
      "compare", "Run two or more model files on the same seed and compare them, paired");
  compare
      ->add_option("MODELS", args.compare_files,
                   "The model files (JSON); each is compared with the first")
      ->required();
  args.compare.command = "nines compare";
  add_run_flags(compare, args.compare);
  compare->footer(
      "The first file's seed, replications, horizon and target (or the flags) apply to all.\n"
      "Replications are paired by component id and instance index: what the designs share\n"
      "draws the same random numbers, so the differences are far less noisy than each run.\n"
      "\n"
      "Examples:\n"
      "  nines compare samples/web-shop.json samples/web-shop-oncall.json\n"
      "  nines compare samples/web-shop.json samples/web-shop-oncall.json -n 500 --json -\n"
      "\n"
      "Exit status: 0 success (whichever design is better), 2 bad model or command line,\n"
      "1 internal error, 130 interrupted (no JSON written).");
}

void build_sweep(CLI::App& app, Arguments& args) {
  auto* sweep = app.add_subcommand(
      "sweep", "Run every combination of some settings on one seed and compare them, paired");
  auto& s = args.sweep;
  add_model(*sweep, s.run.model_file);
  s.run.command = "nines sweep";
  sweep
      ->add_option("--vary", s.vary,
                   "KEY=SPEC: a --set key and its values: A..B, A..B..STEP (integers), a JSON "
                   "array, or v1,v2,... (repeat for more keys; the last varies fastest)")
      ->type_name("KEY=SPEC")
      ->required()
      ->take_all()
      ->allow_extra_args(false);
  add_run_flags(sweep, s.run);
  sweep->add_option("--csv", s.csv_output, "Also write a row per point as CSV to FILE")
      ->type_name("FILE");
  sweep->footer(
      "Every point is the model with the scenario's keys, --set, then its values in flag order,\n"
      "checked like a file: a point the loader rejects is skipped and listed. All points run the\n"
      "same seed and replications, so each difference from the first valid point is paired.\n"
      "\n"
      "Examples:\n"
      "  nines sweep samples/web-shop.json --vary db.instances=1..3 --replications 500\n"
      "  nines sweep samples/web-shop-oncall.json --vary oncall.size=1..2 --vary api.mttr=30m,1h "
      "-n 300 --csv sweep.csv\n"
      "\n"
      "Exit status: 0 success, 2 bad model or command line (or every point invalid),\n"
      "1 internal error, 130 interrupted (finished points written, \"cancelled\": true).");
}

void build_plan(CLI::App& app, Arguments& args) {
  auto* plan = app.add_subcommand(
      "plan", "Find the cheapest combination of some settings that meets a target");
  auto& p = args.plan;
  auto& r = p.run;
  add_model(*plan, r.model_file);
  r.command = "nines plan";
  plan->add_option("--vary", p.vary,
                   "KEY=SPEC: a --set key and its values, as for sweep (repeat for more keys)")
      ->type_name("KEY=SPEC")
      ->required()
      ->take_all()
      ->allow_extra_args(false);
  plan->add_option("--target", p.target,
                   "Availability target, a fraction or percentage: 0.9995, 99.95% (default: the "
                   "model's target)")
      ->type_name("T");
  plan->add_option("--confidence", r.confidence,
                   "Level of every interval the decisions read (default 0.95)")
      ->type_name("C");
  plan->add_option("--objective", p.objective,
                   "availability (default): the interval's lower end >= target; sla: the share "
                   "of years meeting it >= --probability; window: the share of --window windows "
                   "missing it <= 1 - --probability")
      ->type_name("O");
  plan->add_option("--probability", p.probability, "With --objective sla or window")
      ->type_name("P");
  plan->add_option("--budget", p.budget, "Candidates costing more per month are not simulated")
      ->type_name("N");
  plan->add_option("--constraint", p.constraints,
                   "'KEY OP VALUE': a figure of the run document (outage_duration_hours.p99, "
                   "components.db.availability) with OP <=, <, >= or > and a number (repeat)")
      ->type_name("'KEY OP VALUE'")
      ->take_all()
      ->allow_extra_args(false);
  plan->add_option("--pilot", p.pilot,
                   "Replications of every candidate's first look (default 1000)")
      ->type_name("N");
  plan->add_option("--batch", r.batch,
                   "Replications each open candidate gets per round (default 1000)")
      ->type_name("N");
  plan->add_option("--max-replications", r.max_replications,
                   "A candidate still open at this many is undecided (default 1,000,000)")
      ->type_name("N");
  plan->add_option("--max-time", r.max_time,
                   "Stop the rounds at the first round end after this time: 90s, 10m, 2h; the "
                   "candidates still open are undecided")
      ->type_name("T")
      ->check(duration_validator(parse_seconds, kSecondsProblem));
  plan->add_option("--horizon", r.horizon, "Length of one history, with a unit: 1y, 90d")
      ->type_name("D")
      ->check(duration_validator([](std::string_view) { return true; }, ""));
  plan->add_option("--seed", r.seed, "Random seed (overrides `seed`)")->type_name("S");
  plan->add_option("--threads,-j", r.threads, "Worker threads; 0 (default): all hardware threads")
      ->type_name("T")
      ->check(threads_validator());
  add_set(*plan, r.overrides);
  plan->add_option("--scenario", r.scenario, "Plan from this named scenario of the model")
      ->type_name("NAME");
  plan->add_option("--window", r.window, "SLA windows of this length from time 0, e.g. 30d")
      ->type_name("D")
      ->check(duration_validator(parse_window_hours, kWindowProblem));
  plan->add_option("--json", r.json_output, "Write the plan as JSON to FILE, or to stdout with -")
      ->type_name("FILE|-");
  plan->add_option("--csv", p.csv_output, "Also write a row per candidate as CSV to FILE")
      ->type_name("FILE");
  plan->add_option("--write-best", p.write_best,
                   "Write the model with the winner's keys applied to FILE (only with a winner)")
      ->type_name("FILE");
  plan->add_option("--as-scenario", p.as_scenario,
                   "Add the winner's keys to the model file as scenario NAME (only with a winner)")
      ->type_name("NAME");
  plan->add_flag("--quiet,-q", r.quiet, "No progress bar and no text report");
  plan->footer(
      "Candidates are the --vary combinations, cheapest first. Screening drops those whose exact\n"
      "horizon value or pilot interval fails; rounds of --batch replications then go to every\n"
      "open candidate cheaper than the cheapest that meets, until each is decided. The winner\n"
      "is rerun with seed + 1 to confirm it. See docs/planner.md.\n"
      "\n"
      "Examples:\n"
      "  nines plan samples/web-shop.json --target 99.95% --vary frontend.instances=2..6 "
      "--vary api.instances=1..4 --vary db.instances=1..3\n"
      "  nines plan samples/web-shop.json --vary api.instances=1..3 --budget 4000 --write-best "
      "best.json\n"
      "\n"
      "Exit status: 0 a winner (confirmed or not), 4 no winner (undecided, none meets, all over\n"
      "budget; documents written), 2 bad model or command line, 1 internal error,\n"
      "130 interrupted (finished candidates written, \"cancelled\": true).");
}

void build_analyze(CLI::App& app, Arguments& args) {
  auto* analyze = app.add_subcommand(
      "analyze", "Compute the exact availability, failure frequency and importance measures");
  auto& a = args.analyze;
  add_model(*analyze, a.model_file);
  add_set(*analyze, a.overrides);
  analyze
      ->add_option("--json", a.json_output,
                   "Write the analysis as JSON to FILE, or to stdout with - (instead of the text "
                   "report)")
      ->type_name("FILE|-");
  analyze
      ->add_option("--max-states", a.max_states,
                   "Refuse Markov chains with more states than this (default 2,000,000)")
      ->type_name("N")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40U));
  analyze
      ->add_option("--approximate", a.approximate,
                   "exponential: replace every law by the exponential law of the same mean and "
                   "solve that (exact steady state for independent pools, an approximation with "
                   "crews or standby)")
      ->type_name("exponential")
      ->check(CLI::IsMember({"exponential"}));
  add_top(*analyze, a.top, "Components to list (default 25); all for every one");
  analyze->add_flag("--quiet,-q", a.quiet, "No text report");
  analyze->footer(
      "Independent pools (no crew, hot standby; any laws) are solved through the structure\n"
      "function; crews and warm/cold standby with exponential laws through Markov chains.\n"
      "See docs/analysis.md.\n"
      "\n"
      "Examples:\n"
      "  nines analyze samples/regional-databases.json\n"
      "  nines analyze samples/regional-databases.json --set db-eu.instances=3 --json -\n"
      "  nines analyze samples/web-shop.json --approximate exponential --top all\n"
      "\n"
      "Exit status: 0 success, 2 bad model or command line, 3 model outside the exact solvers'\n"
      "classes (use nines run), 1 internal error.");
}

void build_validate(CLI::App& app, Arguments& args) {
  auto* validate =
      app.add_subcommand("validate", "Check a model and print a one-line summary of it");
  add_model(*validate, args.model_file);
  add_set(*validate, args.overrides);
  validate->footer("Exit status: 0 valid, 2 invalid (one line on stderr names the problem).");
}

void build_graph(CLI::App& app, Arguments& args) {
  auto* graph = app.add_subcommand("graph", "Print the dependency graph as Graphviz DOT on stdout");
  add_model(*graph, args.model_file);
  add_set(*graph, args.overrides);
  graph
      ->add_option("--results", args.graph_results,
                   "A result of nines run --json for the same model: fill each component by its "
                   "share of the downtime (pale green none .. red all) and label it with its "
                   "availability")
      ->type_name("RUN.JSON");
  graph->footer(
      "Components are boxes (\"k of n\" for pools, their zones, warm or cold standby with its\n"
      "switchover), list dependencies diamonds (\"k of m\"), crews notes with dashed lines to\n"
      "the components they repair. A wide graph is wrapped into bands, top-down order kept.\n"
      "\n"
      "Examples:\n"
      "  nines graph samples/web-shop.json > web-shop.dot\n"
      "  nines run samples/web-shop.json --json run.json --quiet && nines graph "
      "samples/web-shop.json --results run.json > web-shop.dot\n"
      "\n"
      "Then, with Graphviz: dot -Tsvg web-shop.dot > web-shop.svg\n"
      "Exit status: 0 success, 2 bad model, results file or command line.");
}

void build_schema(CLI::App& app) {
  auto* schema =
      app.add_subcommand("schema", "Print the JSON Schema of model files on stdout, for editors");
  schema->footer(
      "Save it beside your models and name it in a model's \"$schema\" key, e.g.\n"
      "\"$schema\": \"./nines-model.schema.json\"; editors then complete keys, show their\n"
      "meanings and flag unknown keys, wrong types and out-of-range values. Rules across\n"
      "objects (ids, min_up against instances, cycles) are left to 'nines validate'.\n"
      "\n"
      "Examples:\n"
      "  nines schema > nines-model.schema.json\n"
      "\n"
      "Exit status: 0 success, 2 bad command line.");
}

void build_help(CLI::App& app, Arguments& args) {
  auto* help = app.add_subcommand("help", "Show the help of nines or of one command");
  help->add_option("COMMAND", args.help_topic, "The command to explain");
}

void build_app(CLI::App& app, Arguments& args) {
  app.set_help_flag("--help,-h", "Print this help and exit");
  app.add_flag("--version", args.version, "Print the version and exit");
  build_run(app, args);
  build_compare(app, args);
  build_sweep(app, args);
  build_plan(app, args);
  build_analyze(app, args);
  build_validate(app, args);
  build_graph(app, args);
  build_schema(app);
  build_help(app, args);
  app.footer("Run 'nines help COMMAND' or 'nines COMMAND --help' for the options of a command.");
}

/// "nines" or "nines run": the command the error message is about.
std::string command_path(const CLI::App& app) {
  const auto parsed = app.get_subcommands();
  return parsed.empty() ? "nines" : "nines " + parsed.front()->get_name();
}

int print_help(const CLI::App& app, const std::string& topic, const Console& console) {
  if (topic.empty()) {
    console.out << app.get_formatter()->make_help(&app, "nines", CLI::AppFormatMode::Normal);
    return kExitSuccess;
  }
  if (!is_command(topic)) {
    throw UsageError("nines help: unknown command '" + topic + "'; commands: " + kCommandList);
  }
  const CLI::App* command = app.get_subcommand(topic);
  console.out << command->get_formatter()->make_help(command, "nines " + topic,
                                                     CLI::AppFormatMode::Normal);
  return kExitSuccess;
}

/// `nines help [COMMAND]`, given the words after "help".
int help_command(const CLI::App& app, int argc, const char* const* argv, const Console& console) {
  if (argc == 0) return print_help(app, "", console);
  const std::string_view word = argv[0];
  if (argc == 1 && (word == "--help" || word == "-h")) return print_help(app, "help", console);
  if (argc == 1 && (word.empty() || word.front() != '-')) {
    return print_help(app, std::string(word), console);
  }
  throw UsageError("nines help: expected at most one COMMAND; got '" + std::string(word) +
                   (argc > 1 ? " ...'" : "'") + " (see 'nines help --help')");
}

int dispatch(int argc, const char* const* argv, const Console& console) {
  CLI::App app{"nines - discrete-event availability simulator", "nines"};
  Arguments args;
  build_app(app, args);

  if (argc >= 2) {
    const std::string_view first = argv[1];
    if (!first.empty() && first.front() != '-' && !is_command(first)) {
      throw UsageError("nines: unknown command '" + std::string(first) +
                       "'; commands: " + kCommandList + " (see 'nines --help')");
    }
    // `help` is handled here: CLI11 would take the `run` of `help run` for the run command.
    if (first == "help") return help_command(app, argc - 2, argv + 2, console);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    console.out << app.help();
    return kExitSuccess;
  } catch (const CLI::ParseError& e) {
    const std::string path = command_path(app);
    throw UsageError(path + ": " + one_line(e.what()) + " (see '" + path + " --help')");
  }

  if (args.version) {
    console.out << "nines " << kVersion << '\n';
    return kExitSuccess;
  }
  const auto parsed = app.get_subcommands();
  if (parsed.empty()) {
    throw UsageError(std::string("nines: missing command (") + kCommandList +
                     "); see 'nines --help'");
  }
  const std::string command = parsed.front()->get_name();
  if (command == "run") return run_command(args.run, console);
  if (command == "compare") return compare_command(args.compare_files, args.compare, console);
  if (command == "sweep") return sweep_command(args.sweep, console);
  if (command == "plan") return plan_command(args.plan, console);
  if (command == "analyze") return analyze_command(args.analyze, console);
  if (command == "validate") return validate_command(args.model_file, args.overrides, console);
  if (command == "graph") {
    return graph_command(args.model_file, args.overrides, args.graph_results, console);
  }
  if (command == "schema") return schema_command(console);
  return print_help(app, args.help_topic, console);
}

/// The one line of an error; never throws, even when a stream is broken (that may be the error).
void print_error(const Console& console, const std::string& line) noexcept {
  try {
    console.out.flush();  // what was printed before the error comes first on a shared terminal
  } catch (...) {         // NOLINT(bugprone-empty-catch): nothing more can be done
  }
  try {
    console.err << line << '\n' << std::flush;
  } catch (...) {  // NOLINT(bugprone-empty-catch)
  }
}

}  // namespace

int run_cli(int argc, const char* const* argv, const Console& console) {
  Ending own;
  try {
    own.status = dispatch(argc, argv, console);
  } catch (const PeerFailed& e) {  // another MPI rank failed first: the ranks already agreed
    print_error(console, e.ending().message);
    return e.ending().status;
  } catch (const ModelError& e) {
    own = {kExitBadInput, one_line(e.what())};
  } catch (const UsageError& e) {
    own = {kExitBadInput, one_line(e.what())};
  } catch (const NotAnalysableError& e) {
    own = {kExitNotAnalysable, one_line(e.what())};
  } catch (const std::exception& e) {
    own = {kExitInternalError, "nines: internal error: " + one_line(e.what())};
  } catch (...) {
    own = {kExitInternalError, "nines: internal error: unknown exception"};
  }
  // Under MPI every rank ends alike: the first rank that failed decides for all.
  const Ending ending = agree_on_ending(own);
  if (!ending.message.empty()) print_error(console, ending.message);
  return ending.status;
}

}  // namespace nines::cli
