// The timeline of one history as a readable table and as CSV (`nines run --trace`).
#pragma once

#include <ostream>
#include <string>

#include "nines/engine/trace_run.hpp"

namespace nines::report {

/// Header and rows of `nines run --trace-csv`, RFC 4180; numbers round-trip.
std::string trace_csv(const engine::TracedReplication& traced);

/// The timeline table, then the replication's figures.
void write_trace_report(const engine::TracedReplication& traced, std::uint64_t replication,
                        std::ostream& out);

}  // namespace nines::report
