// `nines run --trace R`: one history alone, its timeline and figures.
#pragma once

#include "nines/cli/console.hpp"
#include "nines/cli/run_command.hpp"
#include "nines/models/model.hpp"

namespace nines::cli {

/// Simulates replication `--trace` of the loaded model; prints the timeline or writes
/// `--trace-csv`. Throws UsageError for a replication out of range or an unwritable file.
int trace_command(const RunArguments& arguments, const models::Model& model,
                  const Console& console);

}  // namespace nines::cli
