// WorkerJobs: reports run on the owner's thread, a newer job cancels the older one and drops its
// reports, and destruction cancels and joins a job that is still going.
#include "nines/gui/worker_jobs.hpp"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QThread>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "gui_test_support.hpp"

namespace nines::gui {
namespace {

using testing::wait_until;

/// Spins until cancelled, then reports `label` as its end.
WorkerJobs::Work until_cancelled(int label, std::vector<int>& finished) {
  return [label, &finished](const std::atomic<bool>& cancel, const JobReporter& reporter) {
    while (!cancel.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    reporter.finish([label, &finished] { finished.push_back(label); });
  };
}

TEST(WorkerJobs, ReportsRunOnTheOwnersThread) {
  QObject owner;
  WorkerJobs jobs(&owner);
  QThread* seen = nullptr;
  bool done = false;
  jobs.start([&](const std::atomic<bool>&, const JobReporter& reporter) {
    reporter.post([&] { seen = QThread::currentThread(); });
    reporter.finish([&] { done = true; });
  });
  EXPECT_TRUE(jobs.running());
  ASSERT_TRUE(wait_until([&] { return done; }));
  EXPECT_EQ(seen, owner.thread());
  EXPECT_FALSE(jobs.running()) << "the last report retires the job";
}

TEST(WorkerJobs, ANewJobCancelsTheOldOneAndDropsItsReports) {
  QObject owner;
  WorkerJobs jobs(&owner);
  std::vector<int> finished;
  jobs.start(until_cancelled(1, finished));
  jobs.start(until_cancelled(2, finished));  // cancels job 1, whose end report is dropped
  jobs.cancel_current();
  ASSERT_TRUE(wait_until([&] { return !jobs.running(); }));
  EXPECT_EQ(finished, std::vector<int>{2});
}

TEST(WorkerJobs, DestructionCancelsAndJoinsARunningJob) {
  QObject owner;
  std::vector<int> finished;
  std::atomic<bool> ended{false};
  {
    WorkerJobs jobs(&owner);
    jobs.start([&](const std::atomic<bool>& cancel, const JobReporter& reporter) {
      while (!cancel.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      ended = true;
      reporter.finish([&] { finished.push_back(1); });
    });
  }
  EXPECT_TRUE(ended.load()) << "the destructor returned before the job ended";
  // Its end report is still queued to the owner: running it now must do nothing.
  QCoreApplication::processEvents();
  EXPECT_TRUE(finished.empty());
}

}  // namespace
}  // namespace nines::gui
