// Background jobs of a GUI object: one std::thread each, the newest one current, reports queued
// to the owner's thread and dropped once a newer job has started.
#pragma once

#include <QObject>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace nines::gui {

/// What a job's thread may do to talk back: every call queues `report` to run on the owner's
/// thread, where it runs only if the job is still the current one.
class JobReporter {
 public:
  using Report = std::function<void()>;
  /// An intermediate report (progress).
  void post(Report report) const;
  /// The job's last report: it also joins the job's thread, so the job must do nothing after it.
  void finish(Report report) const;

 private:
  friend class WorkerJobs;
  JobReporter(class WorkerJobs* jobs, std::uint64_t generation)
      : jobs_(jobs), generation_(generation) {}
  WorkerJobs* jobs_;
  std::uint64_t generation_;
};

/// Starting a job cancels the current one through its flag without waiting: the old thread
/// stops at its next check and is joined when it reports its end, so the owner's thread never
/// blocks on the engine. Destruction cancels every job and joins them.
class WorkerJobs {
 public:
  /// `owner` lives on the thread that receives the reports (typically the object holding this
  /// one as a member).
  explicit WorkerJobs(QObject* owner) : owner_(owner) {}
  ~WorkerJobs();
  WorkerJobs(const WorkerJobs&) = delete;
  WorkerJobs& operator=(const WorkerJobs&) = delete;

  using Work = std::function<void(const std::atomic<bool>& cancel, const JobReporter& reporter)>;
  /// Cancels the current job and runs `work` on a new thread; `work` must end with
  /// reporter.finish(...).
  void start(Work work);
  /// Cancels the current job (it still reports its end, as cancelled).
  void cancel_current();
  bool running() const { return current_ != nullptr; }

 private:
  friend class JobReporter;
  struct Job {
    std::uint64_t generation = 0;
    std::atomic<bool> cancel{false};
    std::thread thread;
  };
  void queue(std::uint64_t generation, JobReporter::Report report, bool last);
  void retire(std::uint64_t generation);

  QObject* owner_;
  /// Expires with this object: queued reports check it before touching anything.
  std::shared_ptr<const int> lifetime_ = std::make_shared<const int>(0);
  std::uint64_t generation_ = 0;
  std::shared_ptr<Job> current_;
  std::vector<std::shared_ptr<Job>> jobs_;
};

}  // namespace nines::gui
