// The worker-thread runs behind the GUI: one std::thread per run, reports queued to the GUI thread.
#include "nines/gui/run_controller.hpp"

#include <chrono>
#include <exception>
#include <utility>

namespace nines::gui {

struct RunController::Job {
  std::uint64_t generation = 0;
  std::atomic<bool> cancel{false};
  std::thread thread;
};

namespace {
constexpr int kDebounceMs = 200;
/// Often enough for a smooth chart and a first estimate well under half a second.
constexpr double kProgressIntervalSeconds = 0.04;
}  // namespace

RunController::RunController(QObject* parent) : QObject(parent) {
  qRegisterMetaType<nines::gui::ConvergencePoint>();
  qRegisterMetaType<nines::gui::RunOutcome>();
  debounce_.setSingleShot(true);
  debounce_.setInterval(kDebounceMs);
  connect(&debounce_, &QTimer::timeout, this, [this] { start(pending_); });
}

RunController::~RunController() {
  for (auto& job : jobs_) job->cancel = true;
  for (auto& job : jobs_) {
    if (job->thread.joinable()) job->thread.join();
  }
}

void RunController::request_run(const models::Model& model) {
  pending_ = model;
  debounce_.start();
}

void RunController::run_now(const models::Model& model) {
  debounce_.stop();
  start(model);
}

void RunController::stop() {
  debounce_.stop();
  if (active_) active_->cancel = true;
}

void RunController::start(const models::Model& model) {
  if (active_) active_->cancel = true;
  auto job = std::make_shared<Job>();
  job->generation = ++generation_;
  active_ = job;
  jobs_.push_back(job);
  emit started();

  const RunTarget target = target_;
  const int threads = threads_;
  Job* raw = job.get();
  // The worker owns a copy of the model; it talks back only through queued calls on `this`,
  // which Qt drops if `this` is gone (the destructor joins first anyway).
  job->thread = std::thread([this, raw, model, target, threads] {
    const std::uint64_t generation = raw->generation;
    engine::RunOptions options;
    options.threads = threads;
    options.cancel = &raw->cancel;
    options.progress_interval_seconds = kProgressIntervalSeconds;
    options.progress = [this, generation](const engine::Progress& p) {
      if (p.done < 2) return;  // one replication has no interval yet
      const ConvergencePoint point{static_cast<double>(p.done), p.availability.mean,
                                   p.availability.ci95_lo, p.availability.ci95_hi};
      const std::int64_t total = p.total;
      const double elapsed = p.elapsed_seconds;
      const std::uint64_t events = p.events;
      QMetaObject::invokeMethod(
          this,
          [this, generation, point, total, elapsed, events] {
            if (generation == generation_) emit progress(point, total, elapsed, events);
          },
          Qt::QueuedConnection);
    };
    RunOutcome outcome;
    outcome.model = model;
    QString error;
    try {
      if (target.to_precision) {
        engine::PrecisionOptions precision;
        precision.relative_precision = target.relative_precision;
        outcome.result = engine::run_to_precision(model, options, precision);
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
    QMetaObject::invokeMethod(
        this,
        [this, generation, outcome = std::move(outcome), error] {
          retire(generation);
          if (generation != generation_) return;
          if (error.isEmpty()) {
            emit finished(outcome);
          } else {
            emit failed(error);
          }
        },
        Qt::QueuedConnection);
  });
}

void RunController::retire(std::uint64_t generation) {
  for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
    if ((*it)->generation != generation) continue;
    // The worker posted this as its last act: joining waits only for the thread to exit.
    if ((*it)->thread.joinable()) (*it)->thread.join();
    if (active_ == *it) active_.reset();
    jobs_.erase(it);
    return;
  }
}

}  // namespace nines::gui
