// Where a command writes (stdout, stderr) and the exit statuses of `nines`.
#pragma once

#include <ostream>

namespace nines::cli {

/// Exit statuses (documented in docs/results-format.md).
inline constexpr int kExitSuccess = 0;
/// Any exception that is not a nines::ModelError or nines::UsageError: a bug.
inline constexpr int kExitInternalError = 1;
/// A bad model, a bad command line or an output file that cannot be written.
inline constexpr int kExitBadInput = 2;
/// A valid model that `nines analyze` cannot solve exactly (a feature outside its classes, or a
/// state space over --max-states).
inline constexpr int kExitNotAnalysable = 3;

/// `nines plan` found no winner (undecided, none meets, or all over budget); documents written.
inline constexpr int kExitNoWinner = 4;
/// `nines run` interrupted (SIGINT) before every replication finished: 128 + SIGINT.
inline constexpr int kExitInterrupted = 130;

/// The output streams of a command. The CLI passes std::cout/std::cerr; tests pass string streams.
struct Console {
  std::ostream& out;
  std::ostream& err;
  /// Whether `err` is an interactive terminal (the progress bar is drawn only then).
  bool err_is_terminal = false;
};

}  // namespace nines::cli
