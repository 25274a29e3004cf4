// Ranks over MPI (Open MPI): the engine's three collectives, and the one agreement of the ranks
// on whether their inputs were fine, so that a bad model or flag on any rank ends every rank
// with exit 2 and one line, instead of leaving the others waiting in a collective.
#include <mpi.h>

#include <climits>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "nines/cli/ranks.hpp"

namespace nines::cli {

namespace {

/// mpirun (Open MPI), PMIx launchers (srun --mpi=pmix) and PMI ones (srun --mpi=pmi2, Hydra)
/// each set one of these; a plain `nines` sets none and never starts MPI.
bool started_by_launcher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

class MpiRanks final : public engine::ProcessGroup {
 public:
  MpiRanks() {
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }

  [[nodiscard]] int size() const override { return size_; }
  [[nodiscard]] int rank() const override { return rank_; }

  [[nodiscard]] std::vector<std::vector<std::uint8_t>> all_gather(
      std::span<const std::uint8_t> own) const override {
    agree_before_first_collective();
    const std::uint64_t mine = own.size();
    std::vector<std::uint64_t> sizes(static_cast<std::size_t>(size_));
    MPI_Allgather(&mine, 1, MPI_UINT64_T, sizes.data(), 1, MPI_UINT64_T, MPI_COMM_WORLD);
    std::vector<int> counts(sizes.size());
    std::vector<int> offsets(sizes.size());
    std::uint64_t total = 0;
    for (std::size_t r = 0; r < sizes.size(); ++r) {
      if (sizes[r] > static_cast<std::uint64_t>(INT_MAX) - total) {
        throw std::length_error("the ranks' figures exceed the 2 GiB one MPI gather carries");
      }
      counts[r] = static_cast<int>(sizes[r]);
      offsets[r] = static_cast<int>(total);
      total += sizes[r];
    }
    std::vector<std::uint8_t> all(total);
    MPI_Allgatherv(own.data(), static_cast<int>(mine), MPI_BYTE, all.data(), counts.data(),
                   offsets.data(), MPI_BYTE, MPI_COMM_WORLD);
    std::vector<std::vector<std::uint8_t>> parts;
    parts.reserve(sizes.size());
    for (std::size_t r = 0; r < sizes.size(); ++r) {
      const auto begin = all.begin() + offsets[r];
      parts.emplace_back(begin, begin + counts[r]);
    }
    return parts;
  }

  [[nodiscard]] int first_decides(int value) const override {
    agree_before_first_collective();
    MPI_Bcast(&value, 1, MPI_INT, 0, MPI_COMM_WORLD);
    return value;
  }

  [[nodiscard]] bool any(bool value) const override {
    agree_before_first_collective();
    int in = value ? 1 : 0;
    int out = 0;
    MPI_Allreduce(&in, &out, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return out != 0;
  }

  [[nodiscard]] bool agreed() const { return agreed_; }

  /// The first failing rank's ending on every rank (a failure has a message), else `own`.
  Ending agree(const Ending& own) const {
    agreed_ = true;
    const int mine = own.message.empty() ? size_ : rank_;
    int first = size_;
    MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (first == size_) return own;
    Ending ending = own;
    MPI_Bcast(&ending.status, 1, MPI_INT, first, MPI_COMM_WORLD);
    std::uint64_t length = own.message.size();
    MPI_Bcast(&length, 1, MPI_UINT64_T, first, MPI_COMM_WORLD);
    ending.message.resize(length);
    MPI_Bcast(ending.message.data(), static_cast<int>(length), MPI_CHAR, first, MPI_COMM_WORLD);
    return ending;
  }

 private:
  /// The inputs are read and checked before anything is simulated: the first collective is
  /// where the ranks learn whether all of them got that far.
  void agree_before_first_collective() const {
    if (agreed_) return;
    const Ending ending = agree(Ending{});
    if (!ending.message.empty()) throw PeerFailed(ending);
  }

  int rank_ = 0;
  int size_ = 1;
  mutable bool agreed_ = false;
};

std::unique_ptr<MpiRanks> g_world;

}  // namespace

RankSession::RankSession(int& argc, char**& argv) {
  if (!started_by_launcher()) return;
  int provided = 0;
  // Only the main thread calls MPI; the engine's worker threads never do.
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  g_world = std::make_unique<MpiRanks>();
}

RankSession::~RankSession() {
  if (!g_world) return;
  g_world.reset();
  MPI_Finalize();
}

const engine::ProcessGroup* world_ranks() { return g_world.get(); }

bool is_first_rank() { return !g_world || g_world->rank() == 0; }

int rank_count() { return g_world ? g_world->size() : 1; }

Ending agree_on_ending(const Ending& own) {
  if (!g_world || g_world->size() == 1) return own;
  if (!g_world->agreed()) return g_world->agree(own);
  if (own.message.empty()) return own;
  // Failed alone after the ranks agreed: the others may wait in a collective for this one.
  std::cerr << own.message << " (rank " << g_world->rank() << "; aborting the MPI job)\n"
            << std::flush;
  MPI_Abort(MPI_COMM_WORLD, own.status);
  return own;  // not reached
}

}  // namespace nines::cli
