// Tests of the main window's layout at 1400 x 900 (the size the views were tried at): the columns
// a comparison is read by and the Scenarios tab are visible without scrolling.
#include <gtest/gtest.h>

#include <QApplication>
#include <QHeaderView>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>

#include "gui_test_support.hpp"
#include "nines/gui/comparison_panel.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/scenario_panel.hpp"

namespace nines::gui {
namespace {

void settle() {
  for (int i = 0; i < 5; ++i) {
    QApplication::processEvents();
    testing::wait_until([] { return false; }, 10);
  }
}

/// Column `column` of `table` lies inside the table's viewport, which lies inside the window
/// (no scroll area around it cuts it off).
void expect_column_visible(QTableWidget* table, int column, const QWidget* window) {
  const QHeaderView* header = table->horizontalHeader();
  const QString name = table->horizontalHeaderItem(column)->text();
  const int left = header->sectionViewportPosition(column);
  const int right = left + header->sectionSize(column);
  EXPECT_GE(left, 0) << name.toStdString();
  EXPECT_LE(right, table->viewport()->width())
      << name.toStdString() << ": ends at " << right << " of " << table->viewport()->width();
  // Where the viewport's right end shows on the window: inside every ancestor's visible region.
  const QRect in_window(table->viewport()->mapTo(window, QPoint(left, 0)),
                        table->viewport()->mapTo(window, QPoint(right - 1, 0)));
  for (const QWidget* w = table->viewport(); w != window; w = w->parentWidget()) {
    const QRect visible(w->mapTo(window, QPoint(0, 0)), w->size());
    EXPECT_TRUE(visible.contains(in_window.topLeft()) && visible.contains(in_window.topRight()))
        << name.toStdString() << " is cut off by " << w->metaObject()->className();
  }
}

TEST(MainWindowLayout, ComparisonColumnsAndTheScenariosTabFitAt1400By900) {
  MainWindow window;
  window.set_auto_run(false);
  window.resize(1400, 900);
  window.show();
  ASSERT_EQ(
      window.open_file(QString::fromStdString(
                           (testing::samples_dir() / "one-zone-vs-three-zones.json").string()),
                       true),
      QString());
  ASSERT_EQ(window.apply_what_if({"replications=1000"}), QString());
  ASSERT_TRUE(window.run_and_wait());
  window.pin_baseline();
  ASSERT_EQ(window.apply_what_if({"replications=1000", "db.instances=3"}), QString());
  ASSERT_TRUE(window.run_and_wait());
  window.show_view(View::kCompare);
  settle();
  EXPECT_EQ(window.size(), QSize(1400, 900));
  QTableWidget* figures = window.comparison()->figures();
  ASSERT_EQ(figures->horizontalHeaderItem(3)->text(), "Difference\n(paired 95% CI)");
  ASSERT_FALSE(figures->item(0, 3)->text().isEmpty());
  expect_column_visible(figures, 3, &window);

  ASSERT_TRUE(window.compare_scenarios_and_wait());
  window.show_view(View::kScenarios);
  settle();
  EXPECT_EQ(window.size(), QSize(1400, 900));
  QTableWidget* table = window.scenarios()->table();
  ASSERT_EQ(table->rowCount(), 4);
  for (const char* title : {"availability", "Δ availability (paired 95% CI)", "pairing"}) {
    int column = -1;
    for (int c = 0; c < table->columnCount(); ++c) {
      if (table->horizontalHeaderItem(c)->text() == QString::fromUtf8(title)) column = c;
    }
    ASSERT_GE(column, 0) << title;
    expect_column_visible(table, column, &window);
  }
  // Long scenario names are elided in the table and read in full in their tooltip.
  for (int r = 0; r < table->rowCount(); ++r) {
    EXPECT_FALSE(table->item(r, 0)->toolTip().isEmpty());
  }

  // The tab is in sight while another view is shown (the bar scrolls to the current tab).
  window.show_view(View::kGraph);
  settle();
  auto* tabs = window.findChild<QTabWidget*>();
  ASSERT_NE(tabs, nullptr);
  const QTabBar* bar = tabs->tabBar();
  const int scenarios = static_cast<int>(View::kScenarios);
  EXPECT_EQ(bar->tabText(scenarios), "Scenarios");
  EXPECT_TRUE(bar->rect().contains(bar->tabRect(scenarios)))
      << "tab at " << bar->tabRect(scenarios).x() << ".." << bar->tabRect(scenarios).right()
      << " of " << bar->width();
}

}  // namespace
}  // namespace nines::gui
