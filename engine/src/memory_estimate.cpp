// The memory a run will hold, estimated from the compiled model's sizes.
#include "nines/engine/memory_estimate.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "nines/engine/range_result.hpp"
#include "nines/models/error.hpp"

namespace nines::engine {

namespace {

/// "70.1 TB", "25.3 GB", "40 kB": three significant digits, decimal units.
std::string gigabytes(std::uint64_t bytes) {
  const char* units[] = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1000.0 && unit < 6) {
    value /= 1000.0;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, unit == 0 || value >= 100.0 ? "%.0f %s" : "%.3g %s", value,
                units[unit]);
  return text;
}

}  // namespace

MemoryEstimate estimate_run_memory(const CompiledModel& model, std::uint64_t replications,
                                   double window_hours, std::uint64_t threads) {
  MemoryEstimate e;
  const auto windows = static_cast<std::uint64_t>(whole_windows(model.horizon_hours, window_hours));
  // unavailability (8), outages (4), common-cause outages (4), years met (4), the windows (8 each),
  // and the same again while threads' results are merged into the run's.
  e.per_replication_bytes = 8 + 4 + 4 + 4 + 8 * windows;
  // With a load: offered, failed and degraded (8 each) and the windows' failed requests; with
  // spikes and slo_basis "requests" their offered requests too.
  std::uint64_t load_windows = 0;
  if (model.load) {
    load_windows = model.load->offered_per_window() ? 2 : 1;
    e.per_replication_bytes += 8 * 3 + 8 * windows * load_windows + (model.load->episodes ? 4 : 0);
  }
  e.replications = replications;
  const std::uint64_t instances = model.instance_count;
  const std::uint64_t slots = model.slot_count;
  const std::uint64_t components = model.components.size();
  const std::uint64_t causes = model.cause_kinds.size();
  // Per instance: its 56-byte record and two list links; per slot: a 32-byte queue record, a
  // 16-byte heap entry and up to four 4-byte bucket heads; per component and cause: a few
  // dozen bytes of state and exact sums (32 bytes each).
  e.per_thread_bytes = instances * (56 + 8) + slots * (32 + 16 + 16) + components * 160 +
                       causes * 80 + 8 * windows * (1 + load_windows) + 64 * 1024;
  e.threads = threads;
  return e;
}

std::uint64_t memory_limit_bytes() {
  if (const char* text = std::getenv("NINES_MEMORY_LIMIT_BYTES")) {
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (end != text && *end == '\0') return value;
  }
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return UINT64_MAX;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
}

void check_memory(const MemoryEstimate& estimate, std::uint64_t limit, const std::string& who) {
  // Overflow-safe: a product beyond 2^64 is certainly too much.
  const bool overflow = estimate.replications != 0 &&
                        estimate.per_replication_bytes > UINT64_MAX / estimate.replications;
  if (!overflow && estimate.total() <= limit) return;
  throw ModelError(who + ": the run would hold about " +
                   (overflow ? std::string("more than 18 EB") : gigabytes(estimate.total())) +
                   " (" + std::to_string(estimate.replications) + " replications x " +
                   std::to_string(estimate.per_replication_bytes) + " bytes + " +
                   std::to_string(estimate.threads) + " threads x " +
                   gigabytes(estimate.per_thread_bytes) + ") but " +
                   (std::getenv("NINES_MEMORY_LIMIT_BYTES") != nullptr
                        ? "NINES_MEMORY_LIMIT_BYTES allows " + gigabytes(limit)
                        : "this machine has " + gigabytes(limit) + " of memory") +
                   "; lower --replications, --max-replications or lengthen --window");
}

}  // namespace nines::engine
