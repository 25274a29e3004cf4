// Tests of the Load tab: a file's load shown key by key, edits through the document (undoable),
// switching the profile type (values start flat, other types' keys go), editing the hourly
// table, removing and restoring the load, saving and reloading.
#include "nines/gui/load_editor.hpp"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QSlider>
#include <QTableWidget>
#include <QTemporaryDir>

#include "gui_test_support.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/model_document.hpp"
#include "nines/gui/model_editor.hpp"
#include "nines/gui/what_if_panel.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui {
namespace {

const QString kLoad = QStringLiteral(NINES_TEST_DATA_DIR "/valid/load.json");

using Type = models::LoadProfile::Type;

void type_into(QWidget* field, const QString& text) {
  auto* edit = qobject_cast<QLineEdit*>(field);
  ASSERT_NE(edit, nullptr);
  edit->setText(text);
  emit edit->editingFinished();
}

TEST(LoadEditor, ShowsEveryKeyOfAFilesLoad) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kLoad, true), "");
  LoadEditor* editor = window.editor()->load_editor();
  EXPECT_TRUE(editor->isChecked());
  EXPECT_EQ(qobject_cast<QDoubleSpinBox*>(editor->field("rps"))->value(), 1200.0);
  EXPECT_EQ(qobject_cast<QComboBox*>(editor->field("profile.type"))->currentText(), "diurnal");
  EXPECT_EQ(qobject_cast<QDoubleSpinBox*>(editor->field("profile.peak_to_mean"))->value(), 1.8);
  EXPECT_EQ(qobject_cast<QComboBox*>(editor->field("profile.peak_at"))->currentText(), "20:00");
  EXPECT_EQ(qobject_cast<QLineEdit*>(editor->field("outage_below"))->text(), "0.4");
  EXPECT_EQ(qobject_cast<QLineEdit*>(editor->field("degraded_below"))->text(), "0.95");
  EXPECT_EQ(qobject_cast<QLineEdit*>(editor->field("limit_rps"))->text(), "");
  EXPECT_EQ(qobject_cast<QComboBox*>(editor->field("slo_basis"))->currentText(), "requests");
  EXPECT_EQ(qobject_cast<QLineEdit*>(editor->field("metastable_after"))->text(), "30m");
  // Diurnal: the day's multipliers shown, read-only; the peak hour (20:00) is 1 + 0.8 cos(pi/24).
  auto* values = qobject_cast<QTableWidget*>(editor->field("profile.values"));
  ASSERT_EQ(values->rowCount(), 1);
  ASSERT_EQ(values->columnCount(), 24);
  EXPECT_FALSE(values->item(0, 20)->flags() & Qt::ItemIsEditable);
  EXPECT_NEAR(values->item(0, 20)->text().toDouble(), 1.0 + 0.8 * std::cos(M_PI / 24.0), 1e-9);
}

TEST(LoadEditor, EditsGoThroughTheDocumentAndUndo) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kLoad, true), "");
  ModelDocument* document = window.document();
  const models::Model original = document->model();
  LoadEditor* editor = window.editor()->load_editor();
  qobject_cast<QDoubleSpinBox*>(editor->field("rps"))->setValue(2000.0);
  EXPECT_EQ(document->model().load->rps, 2000.0);
  type_into(editor->field("limit_rps"), "5000");
  EXPECT_EQ(document->model().load->limit_rps, 5000.0);
  type_into(editor->field("limit_rps"), "lots");  // does not read: marked, not applied
  EXPECT_EQ(document->model().load->limit_rps, 5000.0);
  type_into(editor->field("limit_rps"), "");
  EXPECT_FALSE(document->model().load->limit_rps.has_value());
  qobject_cast<QComboBox*>(editor->field("slo_basis"))->setCurrentText("time");
  EXPECT_EQ(document->model().load->slo_basis, models::SloBasis::kTime);
  type_into(editor->field("metastable_after"), "2h");
  EXPECT_EQ(document->model().load->metastable_after_hours, 2.0);
  while (document->undo_stack()->canUndo()) document->undo_stack()->undo();
  EXPECT_EQ(document->model(), original);
  EXPECT_EQ(qobject_cast<QDoubleSpinBox*>(editor->field("rps"))->value(), 1200.0);
}

TEST(LoadEditor, AWeeklyProfileStartsFlatAndItsTableEditsTheValues) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kLoad, true), "");
  ModelDocument* document = window.document();
  LoadEditor* editor = window.editor()->load_editor();
  qobject_cast<QComboBox*>(editor->field("profile.type"))->setCurrentText("weekly");
  const models::LoadProfile& profile = document->model().load->profile;
  EXPECT_EQ(profile.type, Type::kWeekly);
  ASSERT_EQ(profile.values.size(), 168U);
  EXPECT_EQ(profile.values.front(), 1.0);  // flat: the mean load is unchanged
  EXPECT_EQ(profile.peak_to_mean, 1.0);    // the diurnal keys go, as load.profile.type= does
  auto* values = qobject_cast<QTableWidget*>(editor->field("profile.values"));
  ASSERT_EQ(values->rowCount(), 7);
  values->item(5, 14)->setText("2.5");  // Saturday 14:00, hour 5 x 24 + 14 of the week
  EXPECT_EQ(document->model().load->profile.values[5 * 24 + 14], 2.5);
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;
  values->item(0, 0)->setText("-1");  // accepted by the table, refused by the loader
  EXPECT_FALSE(document->validation().ok());
  EXPECT_NE(document->validation().error.find("/load/profile/values/0"), std::string::npos)
      << document->validation().error;
}

TEST(LoadEditor, UncheckingRemovesTheLoadAndCheckingBringsItBack) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kLoad, true), "");
  ModelDocument* document = window.document();
  const models::Load load = *document->model().load;
  LoadEditor* editor = window.editor()->load_editor();
  editor->setChecked(false);
  EXPECT_FALSE(document->model().load.has_value());
  editor->setChecked(true);
  ASSERT_TRUE(document->model().load.has_value());
  EXPECT_EQ(*document->model().load, load);
}

TEST(LoadEditor, AnEditedLoadSavesAndReloads) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kLoad, true), "");
  ModelDocument* document = window.document();
  LoadEditor* editor = window.editor()->load_editor();
  qobject_cast<QComboBox*>(editor->field("profile.type"))->setCurrentText("hourly");
  auto* values = qobject_cast<QTableWidget*>(editor->field("profile.values"));
  values->item(0, 9)->setText("1.75");
  type_into(editor->field("limit_rps"), "3000");
  QTemporaryDir dir;
  const QString path = dir.filePath("load.json");
  ASSERT_EQ(document->save(path), QString());
  EXPECT_EQ(models::load_model(path.toStdString()).model, document->model());
  EXPECT_EQ(document->model().load->profile.values[9], 1.75);
}

TEST(LoadWhatIf, TheRpsSliderEditsTheLoadAndIsOffWithoutOne) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kLoad, true), "");
  ModelDocument* document = window.document();
  WhatIfPanel* what_if = window.what_if();
  ASSERT_TRUE(what_if->load_rps()->isEnabled());
  EXPECT_EQ(what_if->load_rps()->value(), 1200.0);
  what_if->load_rps_slider()->setValue(what_if->load_rps_slider()->maximum());
  EXPECT_NEAR(document->model().load->rps, 1e7, 1e-3);
  what_if->load_rps()->setValue(2500.0);
  EXPECT_EQ(document->model().load->rps, 2500.0);
  EXPECT_EQ(window.editor()->load_editor()->load()->rps, 2500.0);  // the Load tab follows
  document->undo_stack()->undo();  // the slider's drags and the box merge into one edit
  EXPECT_EQ(document->model().load->rps, 1200.0);
  window.editor()->load_editor()->setChecked(false);
  EXPECT_FALSE(what_if->load_rps()->isEnabled());
}

TEST(TrafficKeys, ListTargetSettingsFollowTheirTargetInTheDependencyTable) {
  QTemporaryDir dir;
  const QString path = dir.filePath("list.json");
  {
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"name": "list", "horizon": "30d", "replications": 10,
      "components": [{"id": "web", "mtbf": "500h", "mttr": "2h"},
                     {"id": "a", "mtbf": "500h", "mttr": "2h"},
                     {"id": "b", "mtbf": "500h", "mttr": "2h"},
                     {"id": "c", "mtbf": "500h", "mttr": "2h"}],
      "dependencies": [{"from": "web", "to": ["a", {"id": "b", "retries": 2}], "min_up": 1}],
      "entry": "web", "load": {"rps": 100}})");
  }
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(path, true), "");
  ModelDocument* document = window.document();
  QTableWidget* table = window.editor()->dependency_table();
  // b moves first and c joins: b keeps its retries, c has none of its own.
  table->item(0, 1)->setText("b, a, c");
  const models::Dependency& d = document->model().dependencies.front();
  ASSERT_EQ(d.to, (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;
  EXPECT_EQ(d.retries_of(0), 2);
  EXPECT_EQ(d.retries_of(1), 0);
  EXPECT_EQ(d.retries_of(2), 0);
  // Without b no target has settings of its own: the list is a plain list again.
  table->item(0, 1)->setText("a, c");
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;
  EXPECT_TRUE(document->model().dependencies.front().target_traffic.empty());
}

}  // namespace
}  // namespace nines::gui
