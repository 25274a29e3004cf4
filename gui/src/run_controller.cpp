// The worker-thread runs behind the GUI: one std::thread per run, reports queued to the GUI thread.
#include "nines/gui/run_controller.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>
#include <utility>

#include "nines/engine/memory_estimate.hpp"

namespace nines::gui {

namespace {
constexpr int kDebounceMs = 200;
/// Often enough for a smooth chart and a first estimate well under half a second.
constexpr double kProgressIntervalSeconds = 0.04;
}  // namespace

RunController::RunController(QObject* parent) : QObject(parent), jobs_(this) {
  qRegisterMetaType<nines::gui::ConvergencePoint>();
  qRegisterMetaType<nines::gui::RunOutcome>();
  debounce_.setSingleShot(true);
  debounce_.setInterval(kDebounceMs);
  connect(&debounce_, &QTimer::timeout, this, [this] { start(pending_, {}); });
}

void RunController::request_run(const models::Model& model) {
  pending_ = model;
  debounce_.start();
}

void RunController::run_now(const models::Model& model, const std::string& scenario) {
  debounce_.stop();
  start(model, scenario);
}

void RunController::stop() {
  debounce_.stop();
  jobs_.cancel_current();
}

void RunController::start(const models::Model& model, const std::string& scenario) {
  emit started();
  const RunTarget target = target_;
  const int threads = threads_;
  // The worker owns a copy of the model; it talks back only through the reporter, whose queued
  // calls run on the GUI thread.
  jobs_.start([this, model, scenario, target, threads](const std::atomic<bool>& cancel,
                                                       const JobReporter& reporter) {
    engine::RunOptions options;
    options.threads = threads;
    options.cancel = &cancel;
    options.progress_interval_seconds = kProgressIntervalSeconds;
    options.progress = [this, &reporter](const engine::Progress& p) {
      if (p.done < 2) return;  // one replication has no interval yet
      const ConvergencePoint point{static_cast<double>(p.done), p.availability.mean,
                                   p.availability.ci95_lo, p.availability.ci95_hi};
      const std::int64_t total = p.total;
      const double elapsed = p.elapsed_seconds;
      const std::uint64_t events = p.events;
      reporter.post(
          [this, point, total, elapsed, events] { emit progress(point, total, elapsed, events); });
    };
    RunOutcome outcome;
    outcome.model = model;
    outcome.scenario = scenario;
    QString error;
    try {
      // As `nines run`: a run that cannot fit in memory is refused before it starts.
      const std::uint64_t replications =
          target.to_precision
              ? static_cast<std::uint64_t>(engine::PrecisionOptions{}.max_replications)
              : static_cast<std::uint64_t>(model.replications);
      const std::uint64_t workers =
          threads > 0 ? static_cast<std::uint64_t>(threads)
                      : std::max<std::uint64_t>(1, std::thread::hardware_concurrency());
      engine::check_memory(
          engine::estimate_run_memory(engine::compile(model), replications, 0.0,
                                      std::min(workers, std::max<std::uint64_t>(replications, 1))),
          engine::memory_limit_bytes(), "nines-gui");
      if (target.to_precision) {
        engine::PrecisionOptions precision;
        precision.relative_precision = target.relative_precision;
        engine::RangeResult range;
        outcome.result = engine::run_to_precision(model, options, precision, &range);
        outcome.range = std::move(range);
      } else {
        // simulate_range keeps the per-replication figures paired differences need;
        // summarize_range gives exactly run()'s figures from them.
        const auto begin = std::chrono::steady_clock::now();
        engine::RangeResult range = engine::simulate_range(model, options);
        outcome.result = engine::summarize_range(model, range);
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        outcome.result.run_info = engine::measured_run_info(outcome.result.events, threads, wall);
        outcome.range = std::move(range);
      }
      if (!outcome.result.cancelled) outcome.exact = report::exact_check(model, outcome.result);
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    reporter.finish([this, outcome = std::move(outcome), error] {
      if (error.isEmpty()) {
        emit finished(outcome);
      } else {
        emit failed(error);
      }
    });
  });
}

}  // namespace nines::gui
