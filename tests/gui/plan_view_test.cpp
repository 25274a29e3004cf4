// The Plan tab against `nines plan` run as a real process: the same inputs give the same
// document (winner, candidates, figures, front); "open this design" and "add as scenario" are
// one undoable edit each; bad input as typed; the headless screenshot.
#include "nines/gui/plan_view.hpp"

#include <gtest/gtest.h>

#include <QAction>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>

#include "gui_test_support.hpp"
#include "nines/gui/command_line.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/model_document.hpp"

namespace nines::gui {
namespace {

QString sample(const char* name) {
  return QString::fromStdString((testing::samples_dir() / name).string());
}

/// samples/README.md's plan: the cheapest web shop meeting 99.95% (sixty candidates).
const QStringList kFlags = {"--target",     "99.95%",
                            "--vary",       "frontend.instances=2..6",
                            "--vary",       "api.instances=1..4",
                            "--vary",       "db.instances=1..3",
                            "--constraint", "outage_duration_hours.p99 <= 24",
                            "--pilot",      "500",
                            "--batch",      "500"};

PlanInputs inputs_of(const QStringList& flags) {
  PlanInputs in;
  for (qsizetype i = 0; i + 1 < flags.size(); i += 2) set_plan_flag(in, flags[i], flags[i + 1]);
  return in;
}

/// The document without what differs between two runs of one plan: timings.
void strip_run_info(nlohmann::json& j) {
  if (j.is_object()) {
    j.erase("run_info");
    for (auto& [key, value] : j.items()) strip_run_info(value);
  } else if (j.is_array()) {
    for (auto& value : j) strip_run_info(value);
  }
}

struct Process {
  int exit_code = -1;
  QString err;
};

Process run(const QString& binary, const QStringList& arguments) {
  QProcess process;
  process.start(binary, arguments);
  process.waitForFinished(180000);
  return {process.exitCode(), QString::fromLocal8Bit(process.readAllStandardError())};
}

/// Opens the sample and plans kFlags in the Plan tab.
class PlanTab : public ::testing::Test {
 protected:
  void SetUp() override {
    window_.set_auto_run(false);
    ASSERT_EQ(window_.open_file(sample("web-shop.json"), true), QString());
    window_.show_view(View::kPlan);
    view().set_inputs(inputs_of(kFlags));
    ASSERT_EQ(view().run_and_wait(), QString());
    ASSERT_TRUE(view().runner()->report());
  }
  PlanView& view() { return *window_.plan(); }
  MainWindow window_;
};

TEST_F(PlanTab, GivesTheSameDocumentAsNinesPlan) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString json = dir.filePath("plan.json");
  QStringList arguments = {"plan", sample("web-shop.json")};
  arguments << kFlags << "--json" << json << "--quiet";
  const Process cli = run(NINES_BINARY, arguments);
  ASSERT_EQ(cli.exit_code, 0) << cli.err.toStdString();
  QFile file(json);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  nlohmann::json expected = nlohmann::json::parse(file.readAll().toStdString());
  nlohmann::json got = view().runner()->report()->json;
  strip_run_info(expected);
  strip_run_info(got);
  // Winner, every candidate's status, replications and figures, the front, the confirmation.
  EXPECT_EQ(got["outcome"], "found");
  EXPECT_EQ(got["best"]["values"], expected["best"]["values"]);
  EXPECT_EQ(got["front"], expected["front"]);
  ASSERT_EQ(got["candidates"].size(), expected["candidates"].size());
  for (std::size_t i = 0; i < got["candidates"].size(); ++i) {
    EXPECT_EQ(got["candidates"][i], expected["candidates"][i]) << "candidate " << i;
  }
  EXPECT_EQ(got, expected);

  // The table shows the winner and its figures as the document has them.
  const auto best = view().runner()->report()->doc.plan.best;
  ASSERT_TRUE(best);
  EXPECT_EQ(view().selected_candidate(), best);
  const QTableWidget* table = view().table();
  EXPECT_EQ(table->rowCount(), 60);
  bool winner_row = false;
  for (int row = 0; row < table->rowCount(); ++row) {
    for (int column = 0; column < table->columnCount(); ++column) {
      const auto* item = table->item(row, column);
      winner_row = winner_row || (item != nullptr && item->text() == "meets (winner)");
    }
  }
  EXPECT_TRUE(winner_row);
}

TEST_F(PlanTab, OpenThisDesignIsOneUndoableEdit) {
  ModelDocument& document = *window_.document();
  const models::Model before = document.model();
  const int steps = document.undo_stack()->count();
  const std::size_t best = *view().runner()->report()->doc.plan.best;
  ASSERT_EQ(view().open_design(best), QString());
  EXPECT_EQ(document.undo_stack()->count(), steps + 1);
  // The winner's keys (and the --target it was judged against) are now the model's.
  const auto& winner = *view().runner()->report()->doc.plan.candidates[best].model;
  for (const auto& c : winner.components) {
    const auto it =
        std::find_if(document.model().components.begin(), document.model().components.end(),
                     [&](const auto& d) { return d.id == c.id; });
    ASSERT_NE(it, document.model().components.end());
    EXPECT_EQ(it->instances, c.instances) << c.id;
  }
  EXPECT_EQ(document.model().target, 0.9995);
  EXPECT_NE(document.model(), before);
  document.undo_stack()->undo();
  EXPECT_EQ(document.model(), before);
}

TEST_F(PlanTab, AddAsScenarioIsOneUndoableEdit) {
  ModelDocument& document = *window_.document();
  const models::Model before = document.model();
  const int steps = document.undo_stack()->count();
  const std::size_t best = *view().runner()->report()->doc.plan.best;
  EXPECT_NE(view().add_as_scenario(best, "  "), QString());
  ASSERT_EQ(view().add_as_scenario(best, "cheapest at 99.95%"), QString());
  EXPECT_EQ(document.undo_stack()->count(), steps + 1);
  ASSERT_EQ(document.model().scenarios.size(), before.scenarios.size() + 1);
  const models::Scenario& added = document.model().scenarios.back();
  EXPECT_EQ(added.name, "cheapest at 99.95%");
  std::vector<std::string> keys;
  for (const auto& s : added.set) keys.push_back(s.key + "=" + s.value_json);
  EXPECT_EQ(keys, view().design_overrides(best));
  // An existing name is refused, nothing changes.
  EXPECT_NE(view().add_as_scenario(best, "cheapest at 99.95%").indexOf("already"), -1);
  EXPECT_EQ(document.undo_stack()->count(), steps + 1);
  document.undo_stack()->undo();
  EXPECT_EQ(document.model(), before);
}

TEST(PlanView, RefusesBadInputAsNinesPlanDoes) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(sample("web-shop.json"), true), QString());
  PlanView& view = *window.plan();
  view.set_inputs(inputs_of({"--vary", "db.instances=3..1"}));
  EXPECT_NE(view.run().indexOf("--vary: empty range 3..1"), -1);
  view.set_inputs(inputs_of({"--vary", "db.instances=1..3", "--target", "2"}));
  EXPECT_NE(view.run().indexOf("--target: must be a fraction"), -1);
  view.set_inputs(inputs_of({"--vary", "db.instances=1..3", "--probability", "0.9"}));
  EXPECT_NE(view.run().indexOf("--probability goes with --objective sla or window"), -1);
  view.set_inputs(inputs_of({"--vary", "db.instances=1..3", "--constraint", "nope.p99 <= 1"}));
  const QString unknown = view.run_and_wait();
  EXPECT_NE(unknown.indexOf("--constraint: unknown key \"nope\""), -1);
  EXPECT_NE(unknown.indexOf("known there: "), -1) << unknown.toStdString();
  EXPECT_FALSE(view.running());
}

TEST(PlanView, FillsInLiveAndStopsAsCtrlCDoes) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(sample("web-shop.json"), true), QString());
  window.show_view(View::kPlan);
  PlanView& view = *window.plan();
  // Long pilots (60 x 20,000 replications, seconds even on an idle machine): the plan is still
  // running when the fifth candidate's signal reaches the GUI thread and stops it, however fast
  // the machine (short pilots let an idle one finish before the queued signal arrived).
  view.set_inputs(inputs_of({"--target", "99.9999%", "--vary", "frontend.instances=2..6", "--vary",
                             "api.instances=1..4", "--vary", "db.instances=1..3", "--pilot",
                             "20000", "--batch", "20000"}));
  int changes = 0;
  int rows_before_end = 0;
  bool ended = false;
  QObject::connect(view.runner(), &PlanRunner::candidate_changed, &view, [&] {
    if (++changes == 5) {
      // The table fills in before the plan ends (it redraws a few times a second).
      testing::wait_until([&] { return view.table()->rowCount() > 0; }, 2000);
      rows_before_end = view.table()->rowCount();
      view.stop();
    }
  });
  QObject::connect(view.runner(), &PlanRunner::finished, &view, [&] { ended = true; });
  // F5 on the Plan tab plans (the window's Run action).
  QAction* run = nullptr;
  for (QAction* a : window.findChildren<QAction*>()) {
    if (a->shortcut() == QKeySequence(Qt::Key_F5)) run = a;
  }
  ASSERT_NE(run, nullptr);
  run->trigger();
  EXPECT_TRUE(view.running());
  ASSERT_TRUE(testing::wait_until([&] { return ended; }, 120000));
  EXPECT_GE(changes, 5);
  EXPECT_EQ(rows_before_end, 60);
  const auto report = view.runner()->report();
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->doc.plan.cancelled);
  EXPECT_FALSE(report->doc.plan.best);
  EXPECT_EQ(report->json["cancelled"], true);
}

TEST(PlanView, OffersTheModelsSettableKeys) {
  models::Model model;
  MainWindow window;
  ASSERT_EQ(window.open_file(sample("web-shop.json"), true), QString());
  const QStringList keys = PlanView::settable_keys(window.document()->model());
  for (const char* key : {"db.instances", "api.cost", "frontend.min_up", "horizon", "target"}) {
    EXPECT_TRUE(keys.contains(key)) << key << " in " << keys.join(", ").toStdString();
  }
}

TEST(PlanView, CommandLineTakesNinesPlansFlagsWithViewPlan) {
  QString error;
  const auto line = parse_command_line(
      {"m.json", "--view", "plan", "--run", "--vary", "db.instances=1..3", "--target", "99.9%"},
      error);
  ASSERT_TRUE(line) << error.toStdString();
  EXPECT_EQ(line->plan.vary, QStringList{"db.instances=1..3"});
  EXPECT_EQ(line->plan.target, "99.9%");
  EXPECT_FALSE(parse_command_line({"m.json", "--vary", "db.instances=1..3"}, error));
  EXPECT_NE(error.indexOf("--view plan"), -1);
}

/// Distinct colours over a coarse grid: a blank or single-colour image has one or two.
int colours(const QImage& image) {
  QSet<QRgb> seen;
  for (int y = 0; y < image.height(); y += 7) {
    for (int x = 0; x < image.width(); x += 7) seen.insert(image.pixel(x, y));
  }
  return static_cast<int>(seen.size());
}

TEST(PlanView, HeadlessScreenshotIsANonBlankPng) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString png = dir.filePath("plan.png");
  QStringList arguments = {sample("web-shop.json"), "--view", "plan", "--run"};
  arguments << kFlags << "--screenshot" << png << "--size"
            << "1200x760";
  const Process done = run(NINES_GUI_BINARY, arguments);
  ASSERT_EQ(done.exit_code, 0) << done.err.toStdString();
  const QImage image(png);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(1200, 760));
  EXPECT_GT(colours(image), 20);
  // Bad input is exit 2 with the flag's message, as `nines plan`.
  const Process bad = run(NINES_GUI_BINARY, {sample("web-shop.json"), "--view", "plan", "--run",
                                             "--vary", "db.instances=1..", "--screenshot", png});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.indexOf("--vary:"), -1) << bad.err.toStdString();
}

}  // namespace
}  // namespace nines::gui
