// Tests of MainWindow wiring: open and run, selection across views, what-if edits that run by
// themselves, baseline vs variant with paired differences, a bad file keeping the model.
#include "nines/gui/main_window.hpp"

#include <gtest/gtest.h>

#include <QDoubleSpinBox>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>

#include "gui_test_support.hpp"
#include "nines/gui/comparison_panel.hpp"
#include "nines/gui/graph_view.hpp"
#include "nines/gui/model_editor.hpp"
#include "nines/gui/what_if_panel.hpp"

namespace nines::gui {
namespace {

using testing::wait_until;

QString sample(const char* name) {
  return QString::fromStdString((testing::samples_dir() / name).string());
}

TEST(MainWindow, OpensRunsAndDrawsEveryComponent) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(sample("web-shop.json"), true), QString());
  ASSERT_TRUE(wait_until([&] { return !window.graph()->layout_pending(); }));
  EXPECT_EQ(window.graph()->component_count(), 4U);
  ASSERT_TRUE(window.run_and_wait());
  ASSERT_TRUE(window.last_outcome());
  EXPECT_EQ(window.last_outcome()->result.replications, 2000);
  // The run's summary in the status bar names the design's cost.
  bool cost_shown = false;
  for (const QLabel* label : window.statusBar()->findChildren<QLabel*>()) {
    cost_shown = cost_shown || label->text().contains("; Cost 3,470 EUR per month");
  }
  EXPECT_TRUE(cost_shown);
  for (View v : {View::kGraph, View::kConvergence, View::kHistogram, View::kOutages, View::kPareto,
                 View::kCompare}) {
    window.show_view(v);  // every view draws a finished run without trouble
  }
}

TEST(MainWindow, KeepsTheModelWhenAFileIsBad) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(sample("web-shop.json"), true), QString());
  const QString message = window.open_file(
      QString::fromStdString(std::string(NINES_TEST_DATA_DIR) + "/invalid/cycle.json"), true);
  EXPECT_NE(message.indexOf("cycle.json"), -1) << message.toStdString();
  EXPECT_EQ(window.document()->model().name, "Web shop, single zone");
}

TEST(MainWindow, SelectsAComponentEverywhere) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(sample("web-shop.json"), true), QString());
  emit window.graph()->component_clicked("db");
  EXPECT_EQ(window.what_if()->component(), "db");
  EXPECT_EQ(window.editor()->component_list()->currentItem()->text(), "db");
  EXPECT_EQ(window.what_if()->instances()->value(), 2);
}

TEST(MainWindow, RunsAWhatIfChangeByItselfAndUndoesIt) {
  MainWindow window;
  window.set_auto_run(true);
  window.runs()->set_debounce_ms(20);
  ASSERT_EQ(window.open_file(sample("db-active-passive.json"), true), QString());
  ASSERT_TRUE(wait_until([&] { return window.last_outcome().has_value(); }));
  ASSERT_TRUE(wait_until([&] { return !window.runs()->running(); }));
  window.pin_baseline();
  ASSERT_TRUE(window.baseline());
  window.select_component("db");
  window.what_if()->instances()->setValue(3);
  EXPECT_EQ(window.document()->model().find_component("db")->instances, 3);
  ASSERT_TRUE(wait_until([&] {
    return !window.runs()->running() &&
           window.last_outcome()->model.find_component("db")->instances == 3;
  }));
  // The comparison shows a paired difference narrower than the independent one.
  QTableWidget* figures = window.comparison()->figures();
  ASSERT_GE(figures->rowCount(), 3);
  ASSERT_NE(figures->item(0, 3), nullptr);
  EXPECT_FALSE(figures->item(0, 3)->text().isEmpty());
  EXPECT_GT(window.comparison()->components()->rowCount(), 0);
  window.document()->undo_stack()->undo();
  EXPECT_EQ(window.document()->model().find_component("db")->instances, 2);
  EXPECT_EQ(window.what_if()->instances()->value(), 2);
}

TEST(MainWindow, RenamesFromTheEditorWithDependenciesFollowing) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(sample("web-shop.json"), true), QString());
  window.select_component("api");
  ASSERT_EQ(window.editor()->rename_selected("orders-api"), QString());
  EXPECT_EQ(window.document()->model().dependencies[0].to.front(), "orders-api");
  EXPECT_EQ(window.document()->model().dependencies[1].from, "orders-api");
  EXPECT_EQ(window.editor()->dependency_table()->item(1, 0)->text(), "orders-api");
  EXPECT_EQ(window.what_if()->component(), "api") << "the panel keeps its selection until told";
}

}  // namespace
}  // namespace nines::gui
