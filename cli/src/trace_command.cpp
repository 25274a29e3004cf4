// `nines run --trace R`: one history alone, its timeline and figures.
#include "nines/cli/trace_command.hpp"

#include <charconv>
#include <optional>

#include "nines/cli/atomic_file.hpp"
#include "nines/cli/console.hpp"
#include "nines/engine/trace_run.hpp"
#include "nines/models/error.hpp"
#include "nines/report/trace_report.hpp"

namespace nines::cli {

namespace {

std::uint64_t parse_replication(const std::string& text, std::int64_t replications) {
  std::int64_t value = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 ||
      value >= replications) {
    throw UsageError("nines run: --trace: must be a replication from 0 to " +
                     std::to_string(replications - 1) + " (the model runs " +
                     std::to_string(replications) + "); got \"" + text +
                     "\" (see 'nines run --help')");
  }
  return static_cast<std::uint64_t>(value);
}

}  // namespace

int trace_command(const RunArguments& arguments, const models::Model& model,
                  const Console& console) {
  const std::uint64_t replication = parse_replication(*arguments.trace, model.replications);
  const bool csv_to_stdout = arguments.trace_csv && *arguments.trace_csv == "-";
  std::optional<AtomicFile> csv_file;
  if (arguments.trace_csv && !csv_to_stdout) csv_file.emplace(*arguments.trace_csv);
  const engine::TracedReplication traced = engine::trace_replication(model, replication);
  if (arguments.trace_csv) {
    const std::string csv = report::trace_csv(traced);
    if (csv_file) {
      csv_file->commit(csv);
    } else {
      console.out << csv << std::flush;
    }
    return kExitSuccess;
  }
  if (!arguments.quiet) report::write_trace_report(traced, replication, console.out);
  return kExitSuccess;
}

}  // namespace nines::cli
