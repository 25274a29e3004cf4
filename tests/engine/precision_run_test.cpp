// The precision loop: stops at the first batch boundary where the rule holds, the same whatever
// the thread count, and at max-replications, max-time or cancellation on a batch boundary.
#include "nines/engine/precision_run.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <stdexcept>

#include "model_builders.hpp"

namespace nines::engine {
namespace {

using testing::pool;
using testing::single;

/// About 8.8 outages of 1 h a year: unavailability near 1e-3 with a small spread.
models::Model small_unavailability() { return single(pool("box", 1, 1, 1000.0, 1.0), 8760.0, 1); }

PrecisionOptions options(double precision, std::int64_t batch, std::int64_t max = 1'000'000) {
  PrecisionOptions p;
  p.relative_precision = precision;
  p.batch = batch;
  p.max_replications = max;
  return p;
}

RunOptions threads(int n) {
  RunOptions o;
  o.threads = n;
  return o;
}

TEST(PrecisionRun, StopsAtTheFirstBatchWhereTheRuleHolds) {
  const auto model = small_unavailability();
  const auto r = run_to_precision(model, threads(2), options(0.02, 50));
  ASSERT_TRUE(r.precision);
  const auto& p = *r.precision;
  EXPECT_EQ(p.stopped_by, PrecisionStop::kPrecision);
  EXPECT_GE(p.batches, 3);  // the check below needs a batch before the last one
  EXPECT_EQ(p.replications, p.batches * 50);
  EXPECT_EQ(r.replications, p.replications);
  EXPECT_LE(p.reached, 0.02);
  EXPECT_FALSE(r.cancelled);

  // The rule recomputed on the figures of one batch fewer must fail.
  RunOptions fewer = threads(2);
  fewer.replications = p.replications - 50;
  const auto range = simulate_range(model, fewer);
  EXPECT_GT(relative_half_width(range.unavailability, 0.95), 0.02);
  EXPECT_EQ(relative_half_width(simulate_range(model,
                                               [&] {
                                                 RunOptions all = threads(1);
                                                 all.replications = p.replications;
                                                 return all;
                                               }())
                                    .unavailability,
                                0.95),
            p.reached);
}

TEST(PrecisionRun, ReachedIsTheStudentHalfWidthOverTheMean) {
  const auto model = small_unavailability();
  const auto r = run_to_precision(model, threads(2), options(0.05, 20));
  const double mean = 1.0 - r.availability.mean;
  const double t = two_sided_t_quantile(0.95, r.replications - 1);
  EXPECT_NEAR(r.precision->reached, t * r.availability.stderr_ / mean, 1e-9);
  // Student t at 95%: 2.093 for 19 degrees of freedom, 1.960 in the limit.
  EXPECT_NEAR(two_sided_t_quantile(0.95, 19), 2.093, 1e-3);
  EXPECT_NEAR(two_sided_t_quantile(0.99, 1'000'000), 2.5758, 1e-3);
}

TEST(PrecisionRun, AHigherConfidenceNeedsMoreReplications) {
  const auto model = small_unavailability();
  auto p95 = options(0.03, 20);
  auto p99 = p95;
  p99.confidence = 0.99;
  const auto a = run_to_precision(model, threads(2), p95);
  const auto b = run_to_precision(model, threads(2), p99);
  EXPECT_GT(b.replications, a.replications);
  EXPECT_EQ(b.precision->confidence, 0.99);
}

TEST(PrecisionRun, SameSeedAndPrecisionGiveTheSameRunWhateverTheThreads) {
  auto model = small_unavailability();
  model.target = 0.999;
  auto one_options = threads(1);
  one_options.window_hours = 720.0;
  auto two_options = one_options;
  two_options.threads = 2;
  const auto one = run_to_precision(model, one_options, options(0.02, 30));
  const auto two = run_to_precision(model, two_options, options(0.02, 30));
  EXPECT_EQ(one.replications, two.replications);
  EXPECT_EQ(one.precision->batches, two.precision->batches);
  EXPECT_EQ(one.precision->reached, two.precision->reached);
  EXPECT_EQ(one.availability.mean, two.availability.mean);
  EXPECT_EQ(one.availability.stderr_, two.availability.stderr_);
  EXPECT_EQ(one.events, two.events);
  EXPECT_EQ(one.availability_quantiles->p1, two.availability_quantiles->p1);
  EXPECT_EQ(one.sla->probability_missed, two.sla->probability_missed);
  EXPECT_EQ(one.windows->probability_missed->mean, two.windows->probability_missed->mean);
}

TEST(PrecisionRun, APlainRunOfTheReplicationsDoneGivesTheSameFigures) {
  const auto model = small_unavailability();
  const auto precise = run_to_precision(model, threads(2), options(0.03, 40));
  auto plain_options = threads(1);
  plain_options.replications = precise.replications;
  const auto plain = run(model, plain_options);
  EXPECT_EQ(plain.availability.mean, precise.availability.mean);
  EXPECT_EQ(plain.availability.stderr_, precise.availability.stderr_);
  EXPECT_EQ(plain.outages, precise.outages);
  EXPECT_EQ(plain.events, precise.events);
  EXPECT_FALSE(plain.precision);
}

TEST(PrecisionRun, NoOutageKeepsGoingUntilMaxReplications) {
  const auto model = single(pool("rock", 1, 1, 1e12, 1.0), 8760.0, 1);
  const auto r = run_to_precision(model, threads(2), options(0.5, 100, 300));
  EXPECT_EQ(r.precision->stopped_by, PrecisionStop::kMaxReplications);
  EXPECT_EQ(r.replications, 300);
  EXPECT_EQ(r.precision->batches, 3);
  EXPECT_TRUE(std::isinf(r.precision->reached));
  EXPECT_EQ(r.availability.mean, 1.0);
}

TEST(PrecisionRun, MaxReplicationsShortensTheLastBatch) {
  const auto r = run_to_precision(small_unavailability(), threads(2), options(0.001, 100, 250));
  EXPECT_EQ(r.precision->stopped_by, PrecisionStop::kMaxReplications);
  EXPECT_EQ(r.replications, 250);
  EXPECT_EQ(r.precision->batches, 3);
  EXPECT_GT(r.precision->reached, 0.001);
}

TEST(PrecisionRun, MaxTimeStopsAtABatchBoundary) {
  auto p = options(0.001, 100);
  p.max_seconds = 0.0;  // already passed at the first boundary
  const auto r = run_to_precision(small_unavailability(), threads(2), p);
  EXPECT_EQ(r.precision->stopped_by, PrecisionStop::kMaxTime);
  EXPECT_EQ(r.replications, 100);
  EXPECT_FALSE(r.cancelled);
}

TEST(PrecisionRun, CancellationStopsAtABatchBoundary) {
  std::atomic<bool> cancel{false};
  RunOptions o = threads(2);
  o.cancel = &cancel;
  // The last progress call of a batch reports it whole: cancel there, once a batch is done.
  o.progress = [&cancel](const Progress& progress) {
    if (progress.done >= 100) cancel = true;
  };
  const auto r = run_to_precision(small_unavailability(), o, options(0.001, 100));
  EXPECT_EQ(r.precision->stopped_by, PrecisionStop::kCancelled);
  EXPECT_TRUE(r.cancelled);
  EXPECT_EQ(r.replications, 100);
  EXPECT_EQ(r.precision->batches, 1);
}

TEST(PrecisionRun, ABatchCutShortIsDropped) {
  std::atomic<bool> cancel{true};  // set before the first batch: nothing completes
  RunOptions o = threads(2);
  o.cancel = &cancel;
  const auto r = run_to_precision(small_unavailability(), o, options(0.05, 100));
  EXPECT_EQ(r.precision->stopped_by, PrecisionStop::kCancelled);
  EXPECT_EQ(r.replications, 0);
  EXPECT_EQ(r.precision->batches, 0);
}

TEST(PrecisionRun, RejectsOptionsOutOfRange) {
  const auto model = small_unavailability();
  for (const double bad : {0.0, 1.0, -0.1, std::nan("")}) {
    EXPECT_THROW(run_to_precision(model, {}, options(bad, 10)), std::invalid_argument) << bad;
    auto p = options(0.05, 10);
    p.confidence = bad;
    EXPECT_THROW(run_to_precision(model, {}, p), std::invalid_argument) << bad;
  }
  EXPECT_THROW(run_to_precision(model, {}, options(0.05, 0)), std::invalid_argument);
  EXPECT_THROW(run_to_precision(model, {}, options(0.05, 10, 0)), std::invalid_argument);
}

TEST(RelativeHalfWidth, IsInfiniteWithoutDowntimeOrWithOneValue) {
  EXPECT_TRUE(std::isinf(relative_half_width({0.0, 0.0, 0.0}, 0.95)));
  EXPECT_TRUE(std::isinf(relative_half_width({0.01}, 0.95)));
  EXPECT_EQ(relative_half_width({0.01, 0.01}, 0.95), 0.0);
}

}  // namespace
}  // namespace nines::engine
