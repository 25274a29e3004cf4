// Tests of File > Export results: the JSON of `nines run --json` for the last run, with the
// overrides and the model file's digest that trace it, and the status line naming the overrides.
#include <gtest/gtest.h>

#include <QFile>
#include <QLabel>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>

#include "gui_test_support.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/scenario_panel.hpp"
#include "nines/gui/what_if_panel.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/report/design_cost.hpp"
#include "nines/report/exact_check.hpp"
#include "nines/report/result_json.hpp"
#include "nines/report/sha256.hpp"

namespace nines::gui {
namespace {

std::string sample_path(const char* name) { return (testing::samples_dir() / name).string(); }

QString status_text(MainWindow& window) {
  QString text;
  for (const QLabel* label : window.statusBar()->findChildren<QLabel*>()) text += label->text();
  return text;
}

nlohmann::json read_json(const QString& path) {
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
  return nlohmann::json::parse(file.readAll().toStdString());
}

/// What `nines run FILE --set ... --json` writes, without run_info.
nlohmann::json cli_json(const std::string& path, const std::vector<std::string>& overrides) {
  const models::Model model = models::load_model(path, overrides).model;
  const engine::RunResult result = engine::run(model);
  nlohmann::json document =
      report::result_to_json(result, report::exact_check(model, result), std::nullopt,
                             report::provenance_of(path, overrides), report::design_cost(model));
  document.erase("run_info");
  return document;
}

TEST(MainWindowExport, WritesTheJsonOfNinesRunWithTheWhatIfOverrides) {
  const std::string path = sample_path("web-shop.json");
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(QString::fromStdString(path), true), QString());
  ASSERT_EQ(window.apply_what_if({"db.instances=3"}), QString());
  ASSERT_TRUE(window.run_and_wait());
  EXPECT_TRUE(status_text(window).contains("; with db.instances=3"))
      << status_text(window).toStdString();
  QTemporaryDir dir;
  const QString out = dir.filePath("result.json");
  ASSERT_EQ(window.export_results(out), QString());
  nlohmann::json exported = read_json(out);
  EXPECT_EQ(exported["overrides"], nlohmann::json::array({"db.instances=3"}));
  EXPECT_EQ(exported["model_sha256"], report::file_sha256_hex(path));
  exported.erase("run_info");
  EXPECT_EQ(exported, cli_json(path, {"db.instances=3"}));

  // A what-if panel edit after that is one more override, the command line's first.
  window.select_component("api");
  window.what_if()->instances()->setValue(3);
  ASSERT_TRUE(window.run_and_wait());
  EXPECT_TRUE(status_text(window).contains("; with db.instances=3, api.instances=3"))
      << status_text(window).toStdString();
  ASSERT_EQ(window.export_results(out), QString());
  exported = read_json(out);
  EXPECT_EQ(exported["overrides"], nlohmann::json::array({"db.instances=3", "api.instances=3"}));
  exported.erase("run_info");
  EXPECT_EQ(exported, cli_json(path, {"db.instances=3", "api.instances=3"}));
}

TEST(MainWindowExport, AScenarioRunNamesItsScenarioAsNinesRunScenarioDoes) {
  const std::string path = sample_path("web-shop.json");
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(QString::fromStdString(path), true), QString());
  ASSERT_EQ(window.scenarios()->run_scenario("third database replica"), QString());
  ASSERT_TRUE(
      testing::wait_until([&] { return window.last_outcome() && !window.runs()->running(); }));
  EXPECT_TRUE(status_text(window).contains("; scenario \"third database replica\""))
      << status_text(window).toStdString();
  QTemporaryDir dir;
  ASSERT_EQ(window.export_results(dir.filePath("r.json")), QString());
  const nlohmann::json exported = read_json(dir.filePath("r.json"));
  EXPECT_EQ(exported["scenario"], "third database replica");
  EXPECT_EQ(exported["overrides"], nlohmann::json::array());
}

TEST(MainWindowExport, RefusesWhatCannotBeTracedAndLeavesNoFile) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(QString::fromStdString(sample_path("web-shop.json")), true),
            QString());
  QTemporaryDir dir;
  const QString out = dir.filePath("result.json");
  EXPECT_TRUE(window.export_results(out).contains("Run the model first"));
  models::Model rewired = window.document()->model();
  rewired.dependencies.pop_back();
  window.document()->edit(rewired, "drop a dependency");
  ASSERT_TRUE(window.run_and_wait());
  EXPECT_FALSE(window.last_provenance());
  EXPECT_TRUE(status_text(window).contains("with edits --set cannot express"))
      << status_text(window).toStdString();
  const QString why = window.export_results(out);
  EXPECT_TRUE(why.contains("save the model")) << why.toStdString();
  EXPECT_FALSE(QFile::exists(out));
}

TEST(MainWindowExport, SaysWhyAFileCannotBeWritten) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(QString::fromStdString(sample_path("single-server.json")), true),
            QString());
  ASSERT_TRUE(window.run_and_wait());
  QTemporaryDir dir;
  const QString bad = dir.filePath("no-such-dir/r.json");
  const QString why = window.export_results(bad);
  EXPECT_TRUE(why.startsWith(bad + ": cannot write")) << why.toStdString();
}

}  // namespace
}  // namespace nines::gui
