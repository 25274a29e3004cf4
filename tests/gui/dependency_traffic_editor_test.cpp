// Tests of the dependency row's traffic keys: calls, retries, modes (switching drops the other
// mode's keys), the breaker, routing and per-target settings, saved as the right keys and undone.
#include "nines/gui/dependency_traffic_editor.hpp"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLineEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>

#include "gui_test_support.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/model_document.hpp"
#include "nines/gui/model_editor.hpp"

namespace nines::gui {
namespace {

using Mode = models::DependencyMode;

QString write_model(const QTemporaryDir& dir, bool with_load) {
  const QString path = dir.filePath("traffic.json");
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"name": "traffic", "horizon": "30d", "replications": 10,
    "components": [{"id": "web", "mtbf": "500h", "mttr": "2h"},
                   {"id": "db", "mtbf": "500h", "mttr": "2h"},
                   {"id": "a", "mtbf": "500h", "mttr": "2h"},
                   {"id": "b", "mtbf": "500h", "mttr": "2h"}],
    "dependencies": [{"from": "web", "to": "db"},
                     {"from": "web", "to": ["a", "b"], "min_up": 1}],
    "entry": "web")");
  file.write(with_load ? R"(, "load": {"rps": 100}})" : "}");
  return path;
}

void type_into(QWidget* field, const QString& text) {
  auto* edit = qobject_cast<QLineEdit*>(field);
  ASSERT_NE(edit, nullptr);
  edit->setText(text);
  emit edit->editingFinished();
}

nlohmann::json saved(ModelDocument* document, const QTemporaryDir& dir) {
  const QString path = dir.filePath("saved.json");
  EXPECT_EQ(document->save(path), QString());
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly));
  return nlohmann::json::parse(file.readAll().toStdString());
}

TEST(DependencyTrafficEditor, WithModeDropsTheOtherModesKeysAndStatesTheRequiredOnes) {
  models::Dependency row;
  row = with_mode(row, Mode::kCache);
  EXPECT_EQ(row.hit_ratio, 0.9);
  EXPECT_EQ(row.stale_if_error_hours, 1.0);
  row.warmup_hours = 0.5;
  row = with_mode(row, Mode::kSoft);
  EXPECT_EQ(row.impact, 0.5);
  EXPECT_FALSE(row.hit_ratio || row.stale_if_error_hours || row.warmup_hours || row.stale_below);
  row = with_mode(row, Mode::kHard);
  EXPECT_EQ(row.mode, Mode::kHard);
  EXPECT_FALSE(row.impact.has_value());
}

TEST(DependencyTrafficEditor, WritesRowKeysSavesThemAndUndoes) {
  QTemporaryDir dir;
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(write_model(dir, true), true), "");
  ModelDocument* document = window.document();
  const models::Model original = document->model();
  window.editor()->dependency_table()->setCurrentCell(0, 0);
  DependencyTrafficEditor* editor = window.editor()->dependency_traffic();
  ASSERT_TRUE(editor->row().has_value());
  ASSERT_TRUE(editor->field("calls")->isEnabled());
  EXPECT_FALSE(editor->shows("routing"));  // a single target has no routing
  EXPECT_FALSE(editor->shows("impact"));

  type_into(editor->field("calls"), "2");
  type_into(editor->field("retries"), "3");
  type_into(editor->field("retries"), "three");  // marked, not applied
  qobject_cast<QComboBox*>(editor->field("mode"))->setCurrentText("soft");
  EXPECT_TRUE(editor->shows("impact"));
  EXPECT_FALSE(editor->shows("hit_ratio"));
  type_into(editor->field("impact"), "0.25");
  qobject_cast<QGroupBox*>(editor->field("circuit_breaker"))->setChecked(true);
  type_into(editor->field("circuit_breaker.open_for"), "1m");
  const models::Dependency& d = document->model().dependencies.front();
  EXPECT_EQ(d.calls, 2.0);
  EXPECT_EQ(d.retries, 3);
  EXPECT_EQ(d.mode, Mode::kSoft);
  EXPECT_EQ(d.impact, 0.25);
  ASSERT_TRUE(d.circuit_breaker.has_value());
  EXPECT_EQ(d.circuit_breaker->open_for_hours, 1.0 / 60.0);
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;

  nlohmann::json file = saved(document, dir);
  const nlohmann::json& row = file["dependencies"][0];
  EXPECT_EQ(row["calls"], 2.0);
  EXPECT_EQ(row["retries"], 3);
  EXPECT_EQ(row["mode"], "soft");
  EXPECT_EQ(row["impact"], 0.25);
  EXPECT_EQ(row["circuit_breaker"]["threshold"], 0.5);

  // Switching to cache drops impact (as `web->db.mode=cache` does) and states the cache's keys.
  qobject_cast<QComboBox*>(editor->field("mode"))->setCurrentText("cache");
  EXPECT_FALSE(document->model().dependencies.front().impact.has_value());
  type_into(editor->field("stale_if_error"), "2h");
  type_into(editor->field("warmup"), "5m");
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;
  file = saved(document, dir);
  EXPECT_FALSE(file["dependencies"][0].contains("impact"));
  EXPECT_EQ(file["dependencies"][0]["mode"], "cache");
  EXPECT_EQ(file["dependencies"][0]["hit_ratio"], 0.9);
  EXPECT_TRUE(file["dependencies"][0].contains("stale_if_error"));
  EXPECT_TRUE(file["dependencies"][0].contains("warmup"));

  while (document->undo_stack()->canUndo()) document->undo_stack()->undo();
  EXPECT_EQ(document->model(), original);
  EXPECT_TRUE(qobject_cast<QLineEdit*>(editor->field("calls"))->text().isEmpty());
}

TEST(DependencyTrafficEditor, ListsGetRoutingAndPerTargetSettings) {
  QTemporaryDir dir;
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(write_model(dir, true), true), "");
  ModelDocument* document = window.document();
  window.editor()->dependency_table()->setCurrentCell(1, 0);
  DependencyTrafficEditor* editor = window.editor()->dependency_traffic();
  ASSERT_TRUE(editor->shows("routing"));
  ASSERT_TRUE(editor->shows("targets"));
  qobject_cast<QComboBox*>(editor->field("routing"))->setCurrentText("failover");
  auto* targets = qobject_cast<QTableWidget*>(editor->field("targets"));
  ASSERT_EQ(targets->rowCount(), 2);
  EXPECT_EQ(targets->item(1, 0)->text(), "b");
  targets->item(1, 2)->setText("2");    // b's own retries
  targets->item(1, 3)->setText("0.3");  // b's own breaker
  const models::Dependency& d = document->model().dependencies[1];
  EXPECT_EQ(d.routing, models::Routing::kFailover);
  EXPECT_EQ(d.retries_of(0), 0);
  EXPECT_EQ(d.retries_of(1), 2);
  ASSERT_TRUE(d.circuit_breaker_of(1).has_value());
  EXPECT_EQ(d.circuit_breaker_of(1)->threshold, 0.3);
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;
  const nlohmann::json file = saved(document, dir);
  const nlohmann::json& row = file["dependencies"][1];
  EXPECT_EQ(row["routing"], "failover");
  EXPECT_EQ(row["to"][0], "a");  // a target without settings of its own stays a string
  EXPECT_EQ(row["to"][1]["id"], "b");
  EXPECT_EQ(row["to"][1]["retries"], 2);
  EXPECT_EQ(row["to"][1]["circuit_breaker"]["threshold"], 0.3);
  document->undo_stack()->undo();
  document->undo_stack()->undo();
  EXPECT_EQ(document->model().dependencies[1].target_traffic.size(), 0U);
  document->undo_stack()->undo();
  EXPECT_FALSE(document->model().dependencies[1].routing.has_value());
}

TEST(DependencyTrafficEditor, IsOffAndSaysWhyWithoutALoad) {
  QTemporaryDir dir;
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(write_model(dir, false), true), "");
  window.editor()->dependency_table()->setCurrentCell(0, 0);
  DependencyTrafficEditor* editor = window.editor()->dependency_traffic();
  EXPECT_FALSE(editor->field("retries")->isEnabled());
  EXPECT_NE(editor->disabled_reason().indexOf("top-level load"), -1);
}

}  // namespace
}  // namespace nines::gui
