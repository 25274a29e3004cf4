// Tests of ScenarioPanel: a scenario run equals `nines run --scenario`, create/rename/delete with
// undo and redo, a bad setting refused with the loader's message, compare all equals single runs.
#include "nines/gui/scenario_panel.hpp"

#include <gtest/gtest.h>

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <cstdio>
#include <exception>
#include <memory>

#include "gui_test_support.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/report/human_format.hpp"

namespace nines::gui {
namespace {

using testing::figures_of;
using testing::samples_dir;
using testing::wait_until;

std::string sample_path(const char* name) { return (samples_dir() / name).string(); }

/// What `nines run MODEL --scenario NAME` runs: the loader's scenario model, engine::run on it.
engine::RunResult cli_run(const std::string& path, const std::string& scenario = {}) {
  return engine::run(models::load_model(path, {}, scenario).model);
}

std::string validation_message(models::Model model, const std::string& file) {
  try {
    models::validate_model(model, file);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

TEST(ScenarioPanel, RunsAScenarioAsNinesRunScenarioDoes) {
  MainWindow window;
  window.set_auto_run(false);
  const std::string path = sample_path("web-shop.json");
  ASSERT_EQ(window.open_file(QString::fromStdString(path), true), QString());
  ASSERT_EQ(window.scenarios()->run_scenario("third database replica"), QString());
  ASSERT_TRUE(wait_until([&] { return window.last_outcome() && !window.runs()->running(); }));
  EXPECT_EQ(window.last_outcome()->model.find_component("db")->instances, 3);
  EXPECT_EQ(figures_of(window.last_outcome()->result),
            figures_of(cli_run(path, "third database replica")));
  // The document is the base model still.
  EXPECT_EQ(window.document()->model().find_component("db")->instances, 2);
}

TEST(ScenarioPanel, CreatesRenamesAndDeletesWithUndoAndRedo) {
  ModelDocument document;
  ScenarioPanel panel(&document);
  ASSERT_EQ(document.open(QString::fromStdString(sample_path("web-shop.json"))), QString());
  const models::Model original = document.model();
  ASSERT_EQ(panel.list()->count(), 4);

  ASSERT_EQ(panel.create_scenario("db on three", "db.mttr=2h\ndb.instances=3"), QString());
  const models::Model created = document.model();
  ASSERT_EQ(created.scenarios.size(), 5U);
  EXPECT_EQ(created.scenarios.back(),
            (models::Scenario{"db on three", {{"db.instances", "3"}, {"db.mttr", "\"2h\""}}}));
  // The same scenario as a file holding it would give.
  EXPECT_EQ(models::parse_model(models::to_json(created), "x.json").model.scenarios,
            created.scenarios);
  EXPECT_EQ(panel.list()->count(), 5);
  EXPECT_EQ(panel.name_edit()->text(), "db on three");
  EXPECT_EQ(panel.settings_edit()->toPlainText(), "db.instances=3\ndb.mttr=\"2h\"");

  ASSERT_EQ(panel.rename_scenario("db on three", "db x3"), QString());
  EXPECT_NE(document.model().find_scenario("db x3"), nullptr);
  EXPECT_EQ(document.model().find_scenario("db on three"), nullptr);
  const models::Model renamed = document.model();

  panel.delete_scenario("third database replica");
  EXPECT_EQ(document.model().find_scenario("third database replica"), nullptr);
  EXPECT_EQ(panel.list()->count(), 4);
  const models::Model deleted = document.model();

  QUndoStack* undo = document.undo_stack();
  undo->undo();
  EXPECT_EQ(document.model(), renamed);
  undo->undo();
  EXPECT_EQ(document.model(), created);
  undo->undo();
  EXPECT_EQ(document.model(), original);
  EXPECT_EQ(panel.list()->count(), 4);
  undo->redo();
  undo->redo();
  undo->redo();
  EXPECT_EQ(document.model(), deleted);
  EXPECT_TRUE(document.runnable().has_value());
}

TEST(ScenarioPanel, RefusesABadSettingWithTheLoadersMessageAndKeepsTheModel) {
  ModelDocument document;
  ScenarioPanel panel(&document);
  const std::string path = sample_path("web-shop.json");
  ASSERT_EQ(document.open(QString::fromStdString(path)), QString());
  const models::Model before = document.model();
  const int steps = document.undo_stack()->count();

  models::Model candidate = before;
  candidate.scenarios.push_back({"bad", {{"db.instances", "0"}}});
  const std::string expected = validation_message(candidate, path);
  ASSERT_NE(expected.find("/scenarios/4/"), std::string::npos) << expected;
  EXPECT_EQ(panel.create_scenario("bad", "db.instances=0").toStdString(), expected);
  EXPECT_EQ(panel.message()->text().toStdString(), expected);
  EXPECT_FALSE(panel.message()->isHidden());

  // An unknown id is the loader's message too, which lists the known ids.
  const QString unknown = panel.create_scenario("typo", "dbb.instances=3");
  EXPECT_NE(unknown.indexOf("dbb"), -1) << unknown.toStdString();
  EXPECT_NE(unknown.indexOf("db-replica-eu"), -1) << unknown.toStdString();
  // A line that is not KEY=VALUE gets the words of --set.
  EXPECT_NE(panel.create_scenario("x", "db.instances").indexOf("must look like KEY=VALUE"), -1);
  // A duplicate name is refused by the loader's rule.
  const QString duplicate = panel.rename_scenario("on-call crew of one", "third database replica");
  EXPECT_NE(duplicate.indexOf("duplicate scenario name"), -1) << duplicate.toStdString();

  EXPECT_EQ(document.model(), before);
  EXPECT_EQ(document.undo_stack()->count(), steps);
  EXPECT_TRUE(document.runnable().has_value());
  // A good edit afterwards clears the message.
  ASSERT_EQ(panel.create_scenario("good", "db.instances=4"), QString());
  EXPECT_TRUE(panel.message()->isHidden());
}

TEST(ScenarioPanel, ComparesAllWithOneRowPerScenarioEachEqualToItsSingleRun) {
  ModelDocument document;
  ScenarioPanel panel(&document);
  const std::string path = sample_path("web-shop.json");
  ASSERT_EQ(document.open(QString::fromStdString(path)), QString());
  ASSERT_TRUE(panel.compare_all());
  ASSERT_TRUE(wait_until([&] { return !panel.comparison()->running(); }));
  const auto& runs = panel.compared();
  ASSERT_EQ(runs.size(), 5U);
  EXPECT_FALSE(runs[0].name.has_value());
  EXPECT_EQ(figures_of(runs[0].result), figures_of(cli_run(path)));
  for (std::size_t i = 1; i < runs.size(); ++i) {
    const std::string& name = document.model().scenarios[i - 1].name;
    SCOPED_TRACE(name);
    ASSERT_EQ(runs[i].name, name);
    EXPECT_EQ(figures_of(runs[i].result), figures_of(cli_run(path, name)));
    EXPECT_EQ(runs[i].result.seed, runs[0].result.seed);
  }
  QTableWidget* table = panel.table();
  ASSERT_EQ(table->rowCount(), 5);
  EXPECT_EQ(table->item(0, 0)->text(), "base");
  EXPECT_EQ(table->item(0, 7)->text(), "3,470 EUR");  // cost/month of the sample
  EXPECT_EQ(table->item(0, 8)->text(), "-");
  // Every other row has its paired difference against the base, as in the CLI's table.
  for (int r = 1; r < table->rowCount(); ++r) {
    EXPECT_NE(table->item(r, 8)->text().indexOf(" pp ("), -1)
        << table->item(r, 8)->text().toStdString();
    EXPECT_TRUE(table->item(r, 10)->text().startsWith("x") || table->item(r, 10)->text() == "-");
  }
  // Sortable by figure: descending availability puts the best scenario on top.
  table->sortItems(1, Qt::DescendingOrder);
  double previous = 2.0;
  for (int r = 0; r < table->rowCount(); ++r) {
    const double a = table->item(r, 1)->data(Qt::UserRole).toDouble();
    EXPECT_LE(a, previous);
    previous = a;
  }
}

TEST(ScenarioPanel, StopsAComparisonAndCanBeDestroyedWhileItRuns) {
  ModelDocument document;
  auto panel = std::make_unique<ScenarioPanel>(&document);
  ASSERT_EQ(document.open(QString::fromStdString(sample_path("web-shop.json"))), QString());
  ASSERT_TRUE(panel->compare_all());
  panel->stop_comparison();
  ASSERT_TRUE(wait_until([&] { return !panel->comparison()->running(); }));
  EXPECT_LE(panel->compared().size(), 4U);
  ASSERT_TRUE(panel->compare_all());
  panel.reset();  // joins the worker; no leak, no report to a dead object
}

TEST(ScenarioPanel, SaysWhyAModelWithoutScenariosCannotBeCompared) {
  ModelDocument document;
  ScenarioPanel panel(&document);
  models::Model model = models::load_model(sample_path("web-shop.json")).model;
  model.scenarios.clear();
  document.reset(model);
  EXPECT_FALSE(panel.compare_all());
  EXPECT_NE(panel.message()->text().indexOf("no scenarios"), -1);
}

TEST(ScenarioPanel, KeepsTextBeingTypedWhenAnotherEditChangesTheModel) {
  ModelDocument document;
  ScenarioPanel panel(&document);
  ASSERT_EQ(document.open(QString::fromStdString(sample_path("web-shop.json"))), QString());
  panel.select_scenario("third database replica");
  panel.settings_edit()->setPlainText("db.instances=3\ndb.mttr=1h");
  models::Model changed = document.model();
  changed.replications = 500;  // e.g. from the model editor
  document.edit(changed, "replications");
  EXPECT_EQ(panel.settings_edit()->toPlainText(), "db.instances=3\ndb.mttr=1h");
  // Undoing a change of the scenario itself does show it.
  ASSERT_EQ(panel.change_scenario("third database replica", "third database replica",
                                  "db.instances=3\ndb.mttr=1h"),
            QString());
  document.undo_stack()->undo();
  EXPECT_EQ(panel.settings_edit()->toPlainText(), "db.instances=3");
}

TEST(ScenarioPanel, LeavesTheWindowNarrowEnoughFor900Pixels) {
  MainWindow window;
  ScenarioPanel* panel = window.scenarios();
  std::printf("scenario panel minimum width %d, window %d\n", panel->minimumSizeHint().width(),
              window.minimumSizeHint().width());
  EXPECT_LE(window.minimumSizeHint().width(), 900);
}

/// The column of `table` titled `title`, or -1.
int column_titled(const QTableWidget* table, const QString& title) {
  for (int c = 0; c < table->columnCount(); ++c) {
    if (table->horizontalHeaderItem(c)->text() == title) return c;
  }
  return -1;
}

TEST(ScenarioPanel, CompareAllShowsTheDeployShareWhenARunHasDeploys) {
  MainWindow window;
  window.set_auto_run(false);
  models::Model model = models::load_model(NINES_TEST_DATA_DIR "/valid/deploys.json").model;
  model.replications = 200;
  model.scenarios.push_back({"rolling", {{"web.deploys.strategy", "\"rolling\""}}});
  window.document()->reset(model);
  ASSERT_TRUE(window.compare_scenarios_and_wait());
  const std::vector<report::ScenarioRun>& runs = window.scenarios()->compared();
  ASSERT_EQ(runs.size(), 2U);
  QTableWidget* table = window.scenarios()->table();
  const int share = column_titled(table, "deploy share");
  const int undetected = column_titled(table, "undetected/year");
  ASSERT_GE(share, 0);
  ASSERT_GE(undetected, 0);
  EXPECT_FALSE(table->isColumnHidden(share));
  EXPECT_TRUE(table->isColumnHidden(undetected));  // coverage 1 everywhere
  for (int r = 0; r < 2; ++r) {
    // The deploy causes' shares summed, as a percentage (the CLI's "deploy share").
    double sum = 0.0;
    for (const auto& c : runs[static_cast<std::size_t>(r)].result.components) {
      sum += c.deploy_downtime_share.value_or(0.0);
    }
    EXPECT_EQ(table->item(r, share)->text().toStdString(), report::format_percent(sum, 1));
    EXPECT_NE(table->item(r, share)->toolTip().indexOf("web: "), -1);
  }
}

TEST(ScenarioPanel, CompareAllShowsUndetectedFailuresWhenCoverageIsBelowOne) {
  MainWindow window;
  window.set_auto_run(false);
  models::Model model = models::load_model(sample_path("monitoring.json")).model;
  model.replications = 100;
  window.document()->reset(model);
  ASSERT_TRUE(window.compare_scenarios_and_wait());
  const std::vector<report::ScenarioRun>& runs = window.scenarios()->compared();
  ASSERT_EQ(runs.size(), 3U);
  QTableWidget* table = window.scenarios()->table();
  const int undetected = column_titled(table, "undetected/year");
  ASSERT_GE(undetected, 0);
  EXPECT_FALSE(table->isColumnHidden(undetected));
  EXPECT_TRUE(table->isColumnHidden(column_titled(table, "deploy share")));
  for (int r = 0; r < 3; ++r) {
    double sum = 0.0;
    for (const auto& c : runs[static_cast<std::size_t>(r)].result.components) {
      sum += c.undetected_failures_per_year.value_or(0.0);
    }
    EXPECT_EQ(table->item(r, undetected)->text().toStdString(), report::format_number(sum, 3));
  }
}

}  // namespace
}  // namespace nines::gui
