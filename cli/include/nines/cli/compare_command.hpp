// `nines compare A.json B.json [C.json ...]`: designs run on the same seed and compared pairwise.
#pragma once

#include <string>
#include <vector>

#include "nines/cli/console.hpp"
#include "nines/cli/run_command.hpp"

namespace nines::cli {

/// Runs each of `files` (at least two) with `run`'s flags (`arguments.model_file` is ignored;
/// --scenario runs that scenario of each file) and with the first file's seed, replications,
/// horizon and target (after the flags), then prints the table of `--all-scenarios`, a row per
/// file, or writes its JSON document, each difference against the first file. The engine keys
/// its random streams by component id and instance index, so what the files share is paired;
/// a file sharing no component id with the first gets a warning. Every file is loaded before
/// the first run. Throws UsageError / ModelError on bad input (fewer than two files included).
/// Returns kExitSuccess, or kExitInterrupted after a SIGINT (no JSON written).
int compare_command(const std::vector<std::string>& files, const RunArguments& arguments,
                    const Console& console);

}  // namespace nines::cli
