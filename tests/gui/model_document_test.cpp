// Tests of ModelDocument: open (good and bad files), edit/undo/redo, rename, delete, validation,
// save round trip.
#include "nines/gui/model_document.hpp"

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <exception>

#include "gui_test_support.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui {
namespace {

using testing::samples_dir;

QString sample(const char* name) { return QString::fromStdString((samples_dir() / name).string()); }

std::string loader_message(const std::string& path) {
  try {
    models::load_model(path);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

TEST(ModelDocument, OpensEverySampleAsTheLoaderReadsIt) {
  for (const std::string& name : testing::sample_names()) {
    SCOPED_TRACE(name);
    ModelDocument document;
    const std::string path = (samples_dir() / name).string();
    EXPECT_EQ(document.open(QString::fromStdString(path)), QString());
    EXPECT_EQ(document.model(), models::load_model(path).model);
    EXPECT_TRUE(document.runnable().has_value());
    EXPECT_FALSE(document.modified());
  }
}

TEST(ModelDocument, ABadFileGivesTheLoadersMessageAndKeepsTheOpenModel) {
  ModelDocument document;
  ASSERT_EQ(document.open(sample("web-shop.json")), QString());
  const models::Model before = document.model();
  const std::string bad = std::string(NINES_TEST_DATA_DIR) + "/invalid/bad_id.json";
  const QString message = document.open(QString::fromStdString(bad));
  EXPECT_EQ(message.toStdString(), loader_message(bad));
  EXPECT_NE(message.indexOf("bad_id.json: /components/0/id:"), -1) << message.toStdString();
  EXPECT_EQ(document.model(), before);
  EXPECT_EQ(document.file(), sample("web-shop.json"));
  EXPECT_NE(document.open("/no/such/file.json"), QString());
  EXPECT_EQ(document.model(), before);
}

TEST(ModelDocument, UndoesAndRedoesAnEdit) {
  ModelDocument document;
  ASSERT_EQ(document.open(sample("web-shop.json")), QString());
  const models::Model original = document.model();
  models::Model changed = original;
  changed.components[2].instances = 3;
  document.edit(changed, "instances");
  EXPECT_EQ(document.model().components[2].instances, 3);
  EXPECT_TRUE(document.modified());
  document.undo_stack()->undo();
  EXPECT_EQ(document.model(), original);
  EXPECT_FALSE(document.modified());
  document.undo_stack()->redo();
  EXPECT_EQ(document.model(), changed);
}

TEST(ModelDocument, MergesASliderDragIntoOneUndoStep) {
  ModelDocument document;
  ASSERT_EQ(document.open(sample("web-shop.json")), QString());
  const models::Model original = document.model();
  for (int n = 3; n <= 6; ++n) {
    models::Model changed = document.model();
    changed.components[0].instances = n;
    document.edit(changed, "instances", "frontend.instances");
  }
  EXPECT_EQ(document.undo_stack()->count(), 1);
  document.undo_stack()->undo();
  EXPECT_EQ(document.model(), original);
}

TEST(ModelDocument, DeletingAComponentTakesItsScenarioSettingsAlong) {
  ModelDocument document;
  ASSERT_EQ(document.open(sample("web-shop.json")), QString());
  const models::Model original = document.model();
  document.delete_component("db");
  for (const auto& scenario : document.model().scenarios) {
    for (const auto& setting : scenario.set) EXPECT_NE(setting.key.rfind("db.", 0), 0U);
  }
  document.undo_stack()->undo();
  EXPECT_EQ(document.model(), original);
}

TEST(ModelDocument, RenamingAComponentTakesItsDependenciesAlong) {
  ModelDocument document;
  ASSERT_EQ(document.open(sample("web-shop.json")), QString());
  ASSERT_EQ(document.rename_component("db", "postgres"), QString());
  const models::Model& m = document.model();
  EXPECT_EQ(m.find_component("db"), nullptr);
  ASSERT_NE(m.find_component("postgres"), nullptr);
  const auto& list = m.dependencies[1];
  EXPECT_EQ(list.to, (std::vector<std::string>{"postgres", "db-replica-eu"}));
  EXPECT_TRUE(document.runnable().has_value()) << document.validation().error;
  // The sample's scenarios set db keys: they follow the new id.
  for (const auto& scenario : m.scenarios) {
    for (const auto& setting : scenario.set) EXPECT_NE(setting.key.rfind("db.", 0), 0U);
  }
  ASSERT_EQ(document.rename_component("frontend", "web"), QString());
  EXPECT_EQ(document.model().entry, "web");
  EXPECT_EQ(document.model().dependencies[0].from, "web");
  document.undo_stack()->undo();
  document.undo_stack()->undo();
  EXPECT_EQ(document.model(), models::load_model(sample("web-shop.json").toStdString()).model);
}

TEST(ModelDocument, RefusesToRenameOntoATakenId) {
  ModelDocument document;
  ASSERT_EQ(document.open(sample("web-shop.json")), QString());
  EXPECT_NE(document.rename_component("db", "api"), QString());
  EXPECT_NE(document.rename_component("db", ""), QString());
  EXPECT_EQ(document.undo_stack()->count(), 0);
}

TEST(ModelDocument, DeletingAComponentDropsTheDependenciesOnIt) {
  ModelDocument document;
  ASSERT_EQ(document.open(sample("web-shop.json")), QString());
  document.delete_component("db-replica-eu");
  const models::Model& m = document.model();
  EXPECT_EQ(m.components.size(), 3U);
  for (const auto& d : m.dependencies) {
    EXPECT_EQ(std::count(d.to.begin(), d.to.end(), "db-replica-eu"), 0);
  }
}

TEST(ModelDocument, KeepsAnInvalidEditAndReportsItWithTheLoadersMessage) {
  ModelDocument document;
  ASSERT_EQ(document.open(sample("web-shop.json")), QString());
  models::Model changed = document.model();
  changed.components[2].min_up = 3;  // db has 2 instances
  document.edit(changed, "min_up");
  EXPECT_EQ(document.model().components[2].min_up, 3) << "the edit is kept as typed";
  EXPECT_FALSE(document.runnable().has_value());
  EXPECT_EQ(document.validation().error_pointer, "/components/2/min_up");
  models::Model copy = changed;
  std::string expected;
  try {
    models::validate_model(copy, sample("web-shop.json").toStdString());
  } catch (const std::exception& e) {
    expected = e.what();
  }
  EXPECT_EQ(document.validation().error, expected);
  EXPECT_NE(expected.find("must be at most"), std::string::npos) << expected;
}

TEST(ModelDocument, SavesAModelThatLoadsBackEqual) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  for (const std::string& name : testing::sample_names()) {
    SCOPED_TRACE(name);
    ModelDocument document;
    ASSERT_EQ(document.open(QString::fromStdString((samples_dir() / name).string())), QString());
    models::Model changed = document.model();
    changed.components[0].repair = models::Exponential{0.75};
    document.edit(changed, "repair");
    const QString path = dir.filePath(QString::fromStdString(name));
    ASSERT_EQ(document.save(path), QString());
    EXPECT_FALSE(document.modified());
    EXPECT_EQ(document.file(), path);
    EXPECT_EQ(models::load_model(path.toStdString()).model, changed);
  }
}

TEST(ModelDocument, SavingAnUnchangedModelKeepsItsKeysAndUnits) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  for (const std::string& name : testing::sample_names()) {
    SCOPED_TRACE(name);
    const std::string file = (samples_dir() / name).string();
    ModelDocument document;
    ASSERT_EQ(document.open(QString::fromStdString(file)), QString());
    const QString path = dir.filePath(QString::fromStdString(name));
    ASSERT_EQ(document.save(path), QString());
    // The same document: "mtbf": "2w" stays "2w", "99.95%" stays a string, keys keep their order.
    EXPECT_EQ(models::read_model_document(path.toStdString()), models::read_model_document(file));
  }
}

TEST(ModelDocument, SayWhyASaveFails) {
  ModelDocument document;
  ASSERT_EQ(document.open(sample("web-shop.json")), QString());
  EXPECT_NE(document.save("/no/such/dir/m.json").indexOf("cannot write the model"), -1);
}

}  // namespace
}  // namespace nines::gui
