// Tests of RunController: results equal to engine::run for every sample, cancellation mid-way,
// a responsive event loop while the engine works, debouncing.
#include "nines/gui/run_controller.hpp"

#include <gtest/gtest.h>

#include <QTimer>
#include <cstdlib>
#include <memory>

#include "gui_test_support.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui {
namespace {

using testing::figures_of;
using testing::wait_until;

models::Model load(const std::string& name) {
  return models::load_model(testing::samples_dir() / name).model;
}

/// A run long enough to cancel: many replications of a model with many events.
models::Model long_model() {
  models::Model model = load("web-shop-two-zones.json");
  model.replications = 2'000'000;
  return model;
}

struct Recorder {
  std::optional<RunOutcome> outcome;
  int finished = 0;
  int started = 0;
  int progress = 0;
  explicit Recorder(RunController& runs) {
    QObject::connect(&runs, &RunController::finished, [this](const RunOutcome& o) {
      outcome = o;
      ++finished;
    });
    QObject::connect(&runs, &RunController::started, [this] { ++started; });
    QObject::connect(&runs, &RunController::progress, [this] { ++progress; });
  }
};

TEST(RunController, RefusesARunThatCannotFitInMemory) {
  RunController runs;
  QString error;
  QObject::connect(&runs, &RunController::failed, [&](const QString& e) { error = e; });
  ::setenv("NINES_MEMORY_LIMIT_BYTES", "1000", 1);
  runs.run_now(load("web-shop.json"));
  const bool reported = wait_until([&] { return !error.isEmpty(); });
  ::unsetenv("NINES_MEMORY_LIMIT_BYTES");
  ASSERT_TRUE(reported);
  EXPECT_NE(error.indexOf("the run would hold about"), -1) << error.toStdString();
  EXPECT_NE(error.indexOf("NINES_MEMORY_LIMIT_BYTES allows 1 kB"), -1) << error.toStdString();
}

TEST(RunController, GivesEverySampleTheFiguresOfNinesRun) {
  for (const std::string& name : testing::sample_names()) {
    SCOPED_TRACE(name);
    const models::Model model = load(name);
    RunController runs;
    Recorder recorder(runs);
    runs.run_now(model);
    ASSERT_TRUE(wait_until([&] { return recorder.finished == 1; }));
    ASSERT_TRUE(recorder.outcome);
    EXPECT_FALSE(recorder.outcome->result.cancelled);
    EXPECT_EQ(figures_of(recorder.outcome->result), figures_of(engine::run(model)));
    ASSERT_TRUE(recorder.outcome->range);
    EXPECT_EQ(recorder.outcome->range->unavailability.size(),
              static_cast<std::size_t>(model.replications));
  }
}

TEST(RunController, KeepsTheEventLoopTurningWhileTheEngineRuns) {
  RunController runs;
  Recorder recorder(runs);
  int ticks = 0;
  QTimer timer;
  QObject::connect(&timer, &QTimer::timeout, [&] { ++ticks; });
  timer.start(10);
  runs.run_now(long_model());
  ASSERT_TRUE(wait_until([&] { return recorder.progress >= 3; }));
  EXPECT_TRUE(runs.running());
  EXPECT_GE(ticks, 5) << "the GUI thread was blocked while the engine ran";
  runs.stop();
  ASSERT_TRUE(wait_until([&] { return recorder.finished == 1; }));
  EXPECT_TRUE(recorder.outcome->result.cancelled);
}

TEST(RunController, CancelsALongRunMidwayAndRunsTheNextToTheEnd) {
  RunController runs;
  Recorder recorder(runs);
  runs.run_now(long_model());
  ASSERT_TRUE(wait_until([&] { return recorder.progress >= 1; }));
  const models::Model next = load("web-shop.json");
  runs.run_now(next);  // cancels the first without waiting for it
  ASSERT_TRUE(wait_until([&] { return recorder.finished >= 1 && !runs.running(); }));
  // Only the newest run reports; the cancelled one is dropped.
  EXPECT_EQ(recorder.finished, 1);
  EXPECT_EQ(recorder.started, 2);
  EXPECT_EQ(figures_of(recorder.outcome->result), figures_of(engine::run(next)));
}

TEST(RunController, StopsCleanlyWhenDestroyedMidRun) {
  auto runs = std::make_unique<RunController>();
  Recorder recorder(*runs);
  runs->run_now(long_model());
  ASSERT_TRUE(wait_until([&] { return recorder.progress >= 1; }));
  runs.reset();  // cancels and joins; ASan checks nothing is left behind
  SUCCEED();
}

TEST(RunController, DebouncesABurstOfChangesIntoOneRun) {
  RunController runs;
  runs.set_debounce_ms(50);
  Recorder recorder(runs);
  models::Model model = load("single-server.json");
  for (int i = 0; i < 5; ++i) {
    model.components[0].repair = models::Exponential{1.0 + i};
    runs.request_run(model);
  }
  ASSERT_TRUE(wait_until([&] { return recorder.finished == 1 && !runs.running(); }));
  EXPECT_EQ(recorder.started, 1);
  EXPECT_EQ(recorder.outcome->model.components[0].repair,
            models::Distribution{models::Exponential{5.0}});
}

TEST(RunController, RunsToAPrecision) {
  RunController runs;
  runs.set_target({true, 0.2});
  Recorder recorder(runs);
  const models::Model model = load("single-server.json");
  runs.run_now(model);
  ASSERT_TRUE(wait_until([&] { return recorder.finished == 1; }));
  ASSERT_TRUE(recorder.outcome->result.precision);
  EXPECT_LE(recorder.outcome->result.precision->reached, 0.2);
  // It keeps the per-replication figures, so a baseline comparison can pair them.
  ASSERT_TRUE(recorder.outcome->range);
  EXPECT_EQ(static_cast<std::int64_t>(recorder.outcome->range->unavailability.size()),
            recorder.outcome->result.replications);
}

}  // namespace
}  // namespace nines::gui
