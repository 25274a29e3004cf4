// The `nines` executable: start MPI when a launcher started us, parse the command line and call
// the CLI library. Under MPI only rank 0 prints; the other ranks write to a sink.
#include <unistd.h>

#include <iostream>
#include <streambuf>

#include "nines/cli/cli_app.hpp"
#include "nines/cli/ranks.hpp"

namespace {

/// Accepts and drops every character (a stream with no buffer would turn bad instead).
class Sink final : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char* /*s*/, std::streamsize n) override { return n; }
};

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const nines::cli::RankSession ranks(argc, argv);
  Sink sink;
  std::ostream silent(&sink);
  const bool prints = nines::cli::is_first_rank();
  const nines::cli::Console console{prints ? std::cout : silent, prints ? std::cerr : silent,
                                    prints && ::isatty(STDERR_FILENO) == 1};
  const int status = nines::cli::run_cli(argc, argv, console);
  std::cout.flush();
  if (!std::cout.good()) {
    std::cerr << "nines: internal error: cannot write to standard output\n";
    return nines::cli::kExitInternalError;
  }
  return status;
}
