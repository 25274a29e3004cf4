// The MPI ranks of this `nines` process. Without Open MPI at build time, or when not started by
// mpirun or srun, there is one rank and nothing here talks to another process.
#pragma once

#include <string>

#include "nines/engine/process_group.hpp"

namespace nines::cli {

/// MPI from construction to destruction, when the environment says a launcher started this
/// process (and MPI was built in); otherwise nothing. One per process, in main().
class RankSession {
 public:
  RankSession(int& argc, char**& argv);
  RankSession(const RankSession&) = delete;
  RankSession& operator=(const RankSession&) = delete;
  ~RankSession();
};

/// The ranks of this job; null with one process.
const engine::ProcessGroup* world_ranks();

/// Rank 0 alone prints, draws progress and writes files.
bool is_first_rank();

/// The ranks of this job (1 without MPI), for run_info.
int rank_count();

/// How a command ended on this rank, and how the job ends.
struct Ending {
  int status = 0;
  /// The one error line (empty after success); rank 0 prints it.
  std::string message;
};

/// Every rank calls this once when its command ends, unless the ranks already agreed (at their
/// first collective, see world_ranks()). Returns the ending of the first rank that failed (its
/// status on every rank, its message for rank 0 to print), else this rank's own. An error after
/// the ranks agreed, on this rank alone, cannot be agreed: it prints here and aborts the job with
/// its status.
Ending agree_on_ending(const Ending& own);

/// Thrown from a collective on the ranks that were fine when another rank failed before it: the
/// first failing rank's ending.
class PeerFailed : public std::exception {
 public:
  explicit PeerFailed(Ending ending) : ending_(std::move(ending)) {}
  const char* what() const noexcept override { return ending_.message.c_str(); }
  const Ending& ending() const { return ending_; }

 private:
  Ending ending_;
};

}  // namespace nines::cli
