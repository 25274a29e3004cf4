// The `nines` executable: parse the command line and call the CLI library.
#include <unistd.h>

#include <iostream>

#include "nines/cli/cli_app.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const nines::cli::Console console{std::cout, std::cerr, ::isatty(STDERR_FILENO) == 1};
  const int status = nines::cli::run_cli(argc, argv, console);
  std::cout.flush();
  if (!std::cout.good()) {
    std::cerr << "nines: internal error: cannot write to standard output\n";
    return nines::cli::kExitInternalError;
  }
  return status;
}
