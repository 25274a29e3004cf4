// Background jobs: generations, cancel flags, queued reports and joining.
#include "nines/gui/worker_jobs.hpp"

#include <utility>

namespace nines::gui {

void JobReporter::post(Report report) const { jobs_->queue(generation_, std::move(report), false); }

void JobReporter::finish(Report report) const {
  jobs_->queue(generation_, std::move(report), true);
}

WorkerJobs::~WorkerJobs() {
  for (auto& job : jobs_) job->cancel = true;
  for (auto& job : jobs_) {
    if (job->thread.joinable()) job->thread.join();
  }
}

void WorkerJobs::start(Work work) {
  if (current_) current_->cancel = true;
  auto job = std::make_shared<Job>();
  job->generation = ++generation_;
  current_ = job;
  jobs_.push_back(job);
  Job* raw = job.get();
  job->thread = std::thread([this, raw, work = std::move(work)] {
    work(raw->cancel, JobReporter(this, raw->generation));
  });
}

void WorkerJobs::cancel_current() {
  if (current_) current_->cancel = true;
}

void WorkerJobs::queue(std::uint64_t generation, JobReporter::Report report, bool last) {
  // Qt drops the queued call if the owner is gone, and `alive` expires with this object, whose
  // destructor joins every thread before the token goes: a report never outlives either.
  QMetaObject::invokeMethod(
      owner_,
      [this, alive = std::weak_ptr<const int>(lifetime_), generation, report = std::move(report),
       last] {
        if (alive.expired()) return;
        if (last) retire(generation);
        if (generation == generation_) report();
      },
      Qt::QueuedConnection);
}

void WorkerJobs::retire(std::uint64_t generation) {
  for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
    if ((*it)->generation != generation) continue;
    // The worker queued its last report as its last act: joining waits only for it to exit.
    if ((*it)->thread.joinable()) (*it)->thread.join();
    if (current_ == *it) current_.reset();
    jobs_.erase(it);
    return;
  }
}

}  // namespace nines::gui
