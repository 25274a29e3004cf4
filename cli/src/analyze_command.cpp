// `nines analyze`: load, analyse exactly, print the report and write the JSON result.
#include "nines/cli/analyze_command.hpp"

#include <optional>

#include "nines/analysis/system_analysis.hpp"
#include "nines/cli/atomic_file.hpp"
#include "nines/cli/run_flags.hpp"
#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/report/analysis_json.hpp"
#include "nines/report/analysis_report.hpp"
#include "nines/report/provenance.hpp"

namespace nines::cli {

int analyze_command(const AnalyzeArguments& arguments, const Console& console) {
  const auto loaded = models::load_model(arguments.model_file, arguments.overrides);
  for (const auto& warning : loaded.warnings) console.err << "warning: " << warning << '\n';
  const bool json_to_stdout = arguments.json_output == "-";
  std::optional<AtomicFile> json_file;
  if (!arguments.json_output.empty() && !json_to_stdout) json_file.emplace(arguments.json_output);

  analysis::AnalyzeOptions options;
  options.max_states = arguments.max_states;
  options.approximate_exponential = arguments.approximate.has_value();
  analysis::Analysis result;
  try {
    result = analysis::analyze(loaded.model, options);
  } catch (const NotAnalysableError& e) {
    // The refusal names the file, as every other error line does.
    throw NotAnalysableError(arguments.model_file + ": " + e.what());
  }

  if (!arguments.quiet && !json_to_stdout) {
    report::AnalysisReportOptions report_options;
    if (arguments.top) report_options.top_components = parse_top(*arguments.top).value();
    report_options.overrides = report::canonical_overrides(arguments.overrides);
    report_options.cost = report::design_cost(loaded.model);
    report::write_analysis_report(result, loaded.model.name, console.out, report_options);
    console.out.flush();
  }
  if (json_to_stdout || json_file) {
    const std::string json =
        report::analysis_json_text(result, loaded.model.name, report::design_cost(loaded.model));
    if (json_to_stdout) console.out << json << std::flush;
    if (json_file) json_file->commit(json);
  }
  return kExitSuccess;
}

}  // namespace nines::cli
