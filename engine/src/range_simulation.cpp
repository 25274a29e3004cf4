// The threaded simulation of a range of replications: workers take blocks of replications from a
// shared counter; per-replication figures land at their index and totals are exact sums, so the
// result does not depend on which thread ran what.
#include "range_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "nines/engine/replication_simulator.hpp"

namespace nines::engine {

RangeResult sized_range(const CompiledModel& compiled, std::int64_t first_replication,
                        std::int64_t count, double window_hours) {
  const auto total = static_cast<std::size_t>(count);
  RangeResult range;
  range.first_replication = first_replication;
  range.unavailability.assign(total, std::numeric_limits<double>::quiet_NaN());
  range.outages.assign(total, 0);
  range.common_cause_outages.assign(total, 0);
  range.years_met.assign(total, 0);
  range.window_hours = window_hours > 0.0 ? window_hours : 0.0;
  range.windows_per_replication = whole_windows(compiled.horizon_hours, range.window_hours);
  const auto windows = static_cast<std::size_t>(range.windows_per_replication);
  range.window_downtime_hours.assign(total * windows, 0.0);
  if (compiled.load) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    range.offered_load_hours.assign(total, nan);
    range.failed_load_hours.assign(total, nan);
    range.degraded_hours.assign(total, nan);
    range.window_failed_load_hours.assign(total * windows, 0.0);
    if (compiled.load->offered_per_window()) {
      range.window_offered_load_hours.assign(total * windows, 0.0);
    }
    if (compiled.load->episodes) range.metastable_episodes.assign(total, 0);
    if (compiled.load->crashes) range.cascades.assign(total, 0);
    if (compiled.load->journeys) {
      range.journeys = static_cast<std::int64_t>(compiled.load->journey_entries.size());
      range.journey_failed_load_hours.assign(total * static_cast<std::size_t>(range.journeys), nan);
    }
  }
  return range;
}

void store_outcome(const CompiledModel& compiled, std::size_t k, const ReplicationOutcome& outcome,
                   RangeResult& range) {
  const auto windows = static_cast<std::size_t>(range.windows_per_replication);
  const auto at = [k](std::size_t per_replication) {
    return static_cast<std::ptrdiff_t>(k * per_replication);
  };
  range.unavailability[k] = outcome.unavailability;
  range.outages[k] = outcome.outages;
  range.common_cause_outages[k] = outcome.common_cause_outages;
  range.years_met[k] = outcome.years_met;
  std::copy(outcome.window_downtime_hours.begin(), outcome.window_downtime_hours.end(),
            range.window_downtime_hours.begin() + at(windows));
  if (!compiled.load) return;
  range.offered_load_hours[k] = outcome.offered_load_hours;
  range.failed_load_hours[k] = outcome.failed_load_hours;
  range.degraded_hours[k] = outcome.degraded_hours;
  if (compiled.load->episodes) range.metastable_episodes[k] = outcome.metastable_episodes;
  if (compiled.load->crashes) range.cascades[k] = outcome.cascades;
  std::copy(outcome.journey_failed_load_hours.begin(), outcome.journey_failed_load_hours.end(),
            range.journey_failed_load_hours.begin() + at(static_cast<std::size_t>(range.journeys)));
  std::copy(outcome.window_failed_load_hours.begin(), outcome.window_failed_load_hours.end(),
            range.window_failed_load_hours.begin() + at(windows));
  std::copy(outcome.window_offered_load_hours.begin(), outcome.window_offered_load_hours.end(),
            range.window_offered_load_hours.begin() + at(windows));
}

namespace {

/// Running figures for the progress callback only (completion order; never in the result).
struct ProgressState {
  std::mutex mutex;
  std::condition_variable changed;
  std::int64_t done = 0;
  double sum = 0.0;
  double sum_squares = 0.0;
  std::uint64_t events = 0;
  int workers_left = 0;
  std::exception_ptr error;

  [[nodiscard]] Progress snapshot(std::int64_t total, Clock::time_point start) const {
    Progress p;
    p.done = done;
    p.total = total;
    p.elapsed_seconds = seconds_since(start);
    p.events = events;
    if (done > 0) {
      const auto n = static_cast<double>(done);
      const double mean = sum / n;
      const double variance =
          done > 1 ? std::max(0.0, (sum_squares - n * mean * mean) / (n - 1)) : 0.0;
      const double stderr_ = std::sqrt(variance / n);
      p.availability = {1.0 - mean, stderr_, std::max(0.0, 1.0 - mean - 1.96 * stderr_),
                        std::min(1.0, 1.0 - mean + 1.96 * stderr_)};
    }
    return p;
  }
};

int resolve_threads(int requested, std::int64_t replications) {
  int threads = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(threads, 1);
  return static_cast<int>(std::min<std::int64_t>(threads, std::max<std::int64_t>(replications, 1)));
}

}  // namespace

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

namespace {

/// The options' whole range, simulated in this process.
RangeResult simulate_here(const CompiledModel& compiled, const RunOptions& options,
                          std::int64_t total, Clock::time_point start, int& threads_used) {
  const int threads = resolve_threads(options.threads, total);
  threads_used = threads;
  // Blocks only balance the load; the figures do not depend on their size.
  const std::int64_t block = std::clamp<std::int64_t>(total / (threads * 64LL), 1, 256);

  RangeResult range = sized_range(compiled, options.first_replication, total, options.window_hours);
  range.totals = totals_for(compiled);

  std::atomic<std::int64_t> next_block{0};
  std::atomic<bool> stop{false};
  ProgressState progress;
  progress.workers_left = threads;

  auto worker = [&]() {
    try {
      ReplicationSimulator simulator(compiled, range.window_hours);
      RunTotals totals = totals_for(compiled);
      for (;;) {
        const std::int64_t first = next_block.fetch_add(1) * block;
        if (first >= total || stop.load(std::memory_order_relaxed)) break;
        const std::int64_t last = std::min(first + block, total);
        double sum = 0.0;
        double sum_squares = 0.0;
        std::int64_t done = 0;
        const std::uint64_t events_before = totals.events;
        for (std::int64_t k = first; k < last; ++k) {
          const bool cancelled = options.cancel != nullptr && options.cancel->load();
          ReplicationOutcome outcome;
          if (cancelled || !simulator.run(static_cast<std::uint64_t>(options.first_replication + k),
                                          totals, outcome, options.cancel)) {
            stop = true;
            break;
          }
          store_outcome(compiled, static_cast<std::size_t>(k), outcome, range);
          sum += outcome.unavailability;
          sum_squares += outcome.unavailability * outcome.unavailability;
          ++done;
        }
        const std::lock_guard lock(progress.mutex);
        progress.done += done;
        progress.sum += sum;
        progress.sum_squares += sum_squares;
        progress.events += totals.events - events_before;
      }
      const std::lock_guard lock(progress.mutex);
      range.totals.merge(totals);
      --progress.workers_left;
      progress.changed.notify_all();
    } catch (...) {
      const std::lock_guard lock(progress.mutex);
      if (!progress.error) progress.error = std::current_exception();
      stop = true;
      --progress.workers_left;
      progress.changed.notify_all();
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(threads));
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
  {
    std::unique_lock lock(progress.mutex);
    const auto interval = std::chrono::duration<double>(options.progress_interval_seconds);
    while (progress.workers_left > 0) {
      progress.changed.wait_for(lock, interval);
      if (options.progress && progress.workers_left > 0) {
        const Progress snapshot = progress.snapshot(total, start);
        lock.unlock();
        options.progress(snapshot);
        lock.lock();
      }
    }
  }
  for (auto& thread : pool) thread.join();
  if (progress.error) std::rethrow_exception(progress.error);
  if (options.progress) options.progress(progress.snapshot(total, start));
  return range;
}

}  // namespace

RangeResult simulate(const CompiledModel& compiled, const models::Model& model,
                     const RunOptions& options, Clock::time_point start, int& threads_used) {
  if (options.first_replication < 0) {
    throw std::invalid_argument("RunOptions::first_replication must not be negative");
  }
  const std::int64_t total = options.replications >= 0 ? options.replications : model.replications;
  const ProcessGroup* group = options.processes;
  if (group == nullptr || group->size() == 1) {
    return simulate_here(compiled, options, total, start, threads_used);
  }
  // This rank's fixed share, then every share merged in range order on every rank.
  const auto [first, count] =
      rank_share(options.first_replication, total, group->rank(), group->size());
  RunOptions own = options;
  own.first_replication = first;
  own.replications = count;
  if (options.progress && count > 0) {
    // The bar shows this rank's share scaled to the whole range: the ranks run alike.
    own.progress = [&options, total, count](const Progress& p) {
      Progress whole = p;
      const double scale = static_cast<double>(total) / static_cast<double>(count);
      whole.done = static_cast<std::int64_t>(static_cast<double>(p.done) * scale);
      whole.total = total;
      whole.events = static_cast<std::uint64_t>(static_cast<double>(p.events) * scale);
      options.progress(whole);
    };
  }
  const RangeResult part = simulate_here(compiled, own, count, start, threads_used);
  return gather_ranges(*group, part);
}

}  // namespace nines::engine
