// The `nines` command line: parses the arguments (CLI11) and dispatches to a command.
#pragma once

#include "nines/cli/console.hpp"

namespace nines::cli {

/// Runs `nines` with the given arguments (argv[0] is the program name) and returns the exit
/// status. Never throws: model and usage errors print one line on `console.err` and return 2,
/// anything else prints "nines: internal error: ..." and returns 1.
int run_cli(int argc, const char* const* argv, const Console& console);

}  // namespace nines::cli
