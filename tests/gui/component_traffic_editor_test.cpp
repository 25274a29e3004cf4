// Tests of the component form's Traffic group: capacity, overload laws and load shedding written
// through the document (undoable), saved as the right keys, off without a model load.
#include "nines/gui/component_traffic_editor.hpp"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>

#include "gui_test_support.hpp"
#include "nines/gui/component_form.hpp"
#include "nines/gui/distribution_editor.hpp"
#include "nines/gui/load_editor.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/model_document.hpp"
#include "nines/gui/model_editor.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui {
namespace {

const QString kLoad = QStringLiteral(NINES_TEST_DATA_DIR "/valid/load.json");

void type_into(QLineEdit* edit, const QString& text) {
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

TEST(ComponentTrafficEditor, WritesCapacityOverloadAndSheddingAndUndoes) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kLoad, true), "");
  ModelDocument* document = window.document();
  const models::Model original = document->model();
  window.editor()->select_component("web");
  ComponentTrafficEditor* traffic = window.editor()->component_form()->traffic_editor();
  ASSERT_TRUE(traffic->capacity()->isEnabled());
  EXPECT_EQ(traffic->disabled_reason(), "");

  type_into(traffic->capacity(), "400");
  EXPECT_EQ(document->model().find_component("web")->capacity_rps, 400.0);
  type_into(traffic->capacity(), "lots");  // does not read: marked, not applied
  EXPECT_EQ(document->model().find_component("web")->capacity_rps, 400.0);
  traffic->overload()->setChecked(true);
  ASSERT_TRUE(document->model().find_component("web")->overload.has_value());
  traffic->crash_after()->set_distribution(models::Fixed{0.25});
  emit traffic->crash_after()->edited(models::Fixed{0.25});
  traffic->load_shedding()->setChecked(true);
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;

  QTemporaryDir dir;
  const nlohmann::json file = saved(document, dir);
  const nlohmann::json& web = file["components"][0];
  EXPECT_EQ(web["capacity_rps"], 400.0);
  EXPECT_EQ(web["load_shedding"], true);
  ASSERT_TRUE(web.contains("overload")) << web.dump();
  EXPECT_TRUE(web["overload"].contains("crash_after"));
  EXPECT_TRUE(web["overload"].contains("restart"));
  EXPECT_EQ(models::load_model(dir.filePath("saved.json").toStdString())
                .model.find_component("web")
                ->overload->crash_after,
            models::Distribution{models::Fixed{0.25}});

  // Each edit is one step: four undos give the file back.
  for (int i = 0; i < 4; ++i) document->undo_stack()->undo();
  EXPECT_EQ(document->model(), original);
  EXPECT_TRUE(traffic->capacity()->text().isEmpty());
  EXPECT_FALSE(traffic->overload()->isChecked());
}

TEST(ComponentTrafficEditor, IsOffAndSaysWhyWithoutALoad) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kLoad, true), "");
  window.editor()->select_component("web");
  window.editor()->load_editor()->setChecked(false);  // the model loses its load
  ComponentTrafficEditor* traffic = window.editor()->component_form()->traffic_editor();
  EXPECT_FALSE(traffic->capacity()->isEnabled());
  EXPECT_FALSE(traffic->overload()->isEnabled());
  EXPECT_FALSE(traffic->load_shedding()->isEnabled());
  EXPECT_NE(traffic->disabled_reason().indexOf("top-level load"), -1);
}

}  // namespace
}  // namespace nines::gui
