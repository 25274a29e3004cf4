// Ranks without MPI (not found at build time): one process, nothing to agree with.
#include "nines/cli/ranks.hpp"

namespace nines::cli {

RankSession::RankSession(int& /*argc*/, char**& /*argv*/) {}
RankSession::~RankSession() = default;

const engine::ProcessGroup* world_ranks() { return nullptr; }

bool is_first_rank() { return true; }

int rank_count() { return 1; }

Ending agree_on_ending(const Ending& own) { return own; }

}  // namespace nines::cli
