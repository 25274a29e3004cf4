// Tests of deploy and monitoring editing: the component form's Deploys group and Monitoring box
// (load, edit, undo, save in the user's spelling, reload), greyed keys per strategy, the What if
// panel's strategy, bad_probability and coverage.
#include "nines/gui/deploys_editor.hpp"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>

#include "gui_test_support.hpp"
#include "nines/gui/component_form.hpp"
#include "nines/gui/distribution_editor.hpp"
#include "nines/gui/main_window.hpp"
#include "nines/gui/model_document.hpp"
#include "nines/gui/model_editor.hpp"
#include "nines/gui/what_if_panel.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::gui {
namespace {

const QString kDeploys = QStringLiteral(NINES_TEST_DATA_DIR "/valid/deploys.json");
const QString kMonitoring = QStringLiteral(NINES_TEST_DATA_DIR "/valid/monitoring.json");

/// Types `text` into a line edit and finishes the edit, as a user leaving the field does.
void type_into(QWidget* field, const QString& text) {
  auto* edit = qobject_cast<QLineEdit*>(field);
  ASSERT_NE(edit, nullptr);
  edit->setText(text);
  emit edit->editingFinished();
}

QString read_text(const QString& path) {
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly));
  return QString::fromUtf8(file.readAll());
}

TEST(DeploysEditor, ShowsEveryKeyOfAFilesDeploys) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kDeploys, true), "");
  window.select_component("web");
  DeploysEditor* deploys = window.editor()->component_form()->deploys_editor();
  EXPECT_TRUE(deploys->isChecked());
  const auto text = [&](const char* key) {
    return qobject_cast<QLineEdit*>(deploys->field(key))->text();
  };
  EXPECT_EQ(text("period"), "1w");
  EXPECT_EQ(text("first_at"), "2d");
  EXPECT_EQ(text("batch_interval"), "5m");
  EXPECT_EQ(text("canary_fraction"), "0.1");
  EXPECT_EQ(text("bake"), "30m");
  EXPECT_DOUBLE_EQ(qobject_cast<QDoubleSpinBox*>(deploys->field("bad_probability"))->value(), 0.05);
  EXPECT_EQ(qobject_cast<QComboBox*>(deploys->field("strategy"))->currentText(), "canary");
  EXPECT_EQ(qobject_cast<QSpinBox*>(deploys->field("batch"))->value(), 2);
  EXPECT_TRUE(deploys->states("detection")->isChecked());
  EXPECT_EQ(qobject_cast<DistributionEditor*>(deploys->field("restart"))->distribution(),
            models::Distribution{models::Fixed{1.0 / 60.0}});
  // Validation messages find the fields by their pointers.
  EXPECT_EQ(deploys->field("bake")->property("pointer").toString(), "/components/1/deploys/bake");
  // A component without deploys: the group is unchecked.
  ModelDocument* document = window.document();
  models::Model model = document->model();
  model.components[2].deploys.reset();
  document->edit(model, "no deploys");
  window.select_component("api");
  EXPECT_FALSE(deploys->isChecked());
  // Checked, it starts from the defaults, not from the component shown before.
  deploys->setChecked(true);
  EXPECT_EQ(document->model().find_component("api")->deploys, models::Deploys{});
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;
}

TEST(DeploysEditor, RoundTripsAFileThroughEditsUndoAndSaveInTheUsersSpelling) {
  QTemporaryDir dir;
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kDeploys, true), "");
  const models::Model original = window.document()->model();
  window.select_component("web");
  DeploysEditor* deploys = window.editor()->component_form()->deploys_editor();
  ModelDocument* document = window.document();
  const auto web = [&] { return *document->model().find_component("web")->deploys; };

  type_into(deploys->field("batch_interval"), "10m");
  EXPECT_DOUBLE_EQ(*web().batch_interval_hours, 10.0 / 60.0);
  qobject_cast<QComboBox*>(deploys->field("strategy"))->setCurrentIndex(1);  // rolling
  EXPECT_EQ(web().strategy, models::DeployStrategy::kRolling);
  // Keys rolling does not use are kept.
  EXPECT_EQ(web().canary_fraction, 0.1);
  qobject_cast<QSpinBox*>(deploys->field("batch"))->setValue(3);
  EXPECT_EQ(web().batch, 3);
  deploys->states("rollback")->setChecked(false);  // refused by the loader: bad_probability > 0
  EXPECT_FALSE(web().rollback.has_value());
  EXPECT_FALSE(document->validation().ok());
  EXPECT_NE(document->validation().error.find("/components/1/deploys"), std::string::npos)
      << document->validation().error;
  document->undo_stack()->undo();
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;
  EXPECT_TRUE(deploys->states("rollback")->isChecked());
  document->undo_stack()->undo();  // batch
  document->undo_stack()->undo();  // strategy
  EXPECT_EQ(web().strategy, models::DeployStrategy::kCanary);
  EXPECT_EQ(qobject_cast<QComboBox*>(deploys->field("strategy"))->currentText(), "canary");

  // Unchecked, the component has no deploys; checked again, the same keys come back.
  deploys->setChecked(false);
  EXPECT_FALSE(document->model().find_component("web")->deploys.has_value());
  deploys->setChecked(true);
  EXPECT_EQ(web().batch_interval_hours, 10.0 / 60.0);
  EXPECT_EQ(web().bake_hours, 0.5);

  const QString path = dir.filePath("deploys.json");
  ASSERT_EQ(document->save(path), QString());
  const QString text = read_text(path);
  for (const char* kept : {R"("batch_interval": "10m")", R"("period": "1w")", R"("first_at": "2d")",
                           R"("bake": "30m")", R"("detection": "10m")", R"("strategy": "canary")",
                           R"("period": 72)", R"("median": "20m")"}) {
    EXPECT_NE(text.indexOf(QString::fromUtf8(kept)), -1) << kept << "\n" << text.toStdString();
  }
  EXPECT_EQ(models::load_model(path.toStdString()).model, document->model());
  while (document->undo_stack()->canUndo()) document->undo_stack()->undo();
  EXPECT_EQ(document->model(), original);
}

TEST(DeploysEditor, GreysOutTheKeysTheStrategyDoesNotUseAndKeepsThem) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kDeploys, true), "");
  window.select_component("api");  // all-at-once, with batch_interval and bake stated
  DeploysEditor* deploys = window.editor()->component_form()->deploys_editor();
  auto* strategy = qobject_cast<QComboBox*>(deploys->field("strategy"));
  const auto enabled = [&](const char* key) { return deploys->field(key)->isEnabled(); };
  EXPECT_EQ(strategy->currentText(), "all-at-once");
  for (const char* key : {"batch", "batch_interval", "canary_fraction", "bake"}) {
    EXPECT_FALSE(enabled(key)) << key;
  }
  for (const char* key :
       {"period", "first_at", "bad_probability", "strategy", "rollback", "restart"}) {
    EXPECT_TRUE(enabled(key)) << key;
  }
  // Greyed out, still shown as the file states them.
  EXPECT_EQ(qobject_cast<QLineEdit*>(deploys->field("batch_interval"))->text(), "10m");
  strategy->setCurrentIndex(1);  // rolling
  EXPECT_TRUE(enabled("batch") && enabled("batch_interval"));
  EXPECT_FALSE(enabled("canary_fraction") || enabled("bake"));
  strategy->setCurrentIndex(2);  // canary: its fraction is stated, as the loader needs it
  for (const char* key : {"batch", "batch_interval", "canary_fraction", "bake"}) {
    EXPECT_TRUE(enabled(key)) << key;
  }
  const models::Deploys& api = *window.document()->model().find_component("api")->deploys;
  EXPECT_EQ(api.canary_fraction, 0.1);
  EXPECT_EQ(api.bake_hours, 0.0);  // stated in the file, kept
  EXPECT_TRUE(window.document()->validation().ok()) << window.document()->validation().error;
  // Consecutive edits of one key are one step.
  EXPECT_EQ(window.document()->undo_stack()->count(), 1);
}

TEST(DeploysEditor, StatesDetectionAndRollbackWhenDeploysCanBeBad) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kDeploys, true), "");
  window.select_component("lb");  // a maintenance window: never bad
  DeploysEditor* deploys = window.editor()->component_form()->deploys_editor();
  EXPECT_FALSE(deploys->states("detection")->isChecked());
  EXPECT_FALSE(deploys->field("detection")->isEnabled());
  qobject_cast<QDoubleSpinBox*>(deploys->field("bad_probability"))->setValue(0.02);
  const models::Deploys& lb = *window.document()->model().find_component("lb")->deploys;
  EXPECT_EQ(lb.bad_probability, 0.02);
  EXPECT_EQ(lb.detection, models::Distribution{models::Exponential{10.0 / 60.0}});
  EXPECT_EQ(lb.rollback, models::Distribution{models::Exponential{0.25}});
  EXPECT_TRUE(deploys->states("detection")->isChecked());
  EXPECT_TRUE(window.document()->validation().ok()) << window.document()->validation().error;
  // Text that is no duration is marked and not applied.
  type_into(deploys->field("period"), "weekly");
  EXPECT_EQ(window.document()->model().find_component("lb")->deploys->period_hours, 4 * 168.0);
  EXPECT_FALSE(deploys->field("period")->styleSheet().isEmpty());
}

TEST(MonitoringEditor, EditsCoverageAndHowMissedFailuresComeToLightAndSavesTheSpelling) {
  QTemporaryDir dir;
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kMonitoring, true), "");
  const models::Model original = window.document()->model();
  ModelDocument* document = window.document();
  ComponentForm* form = window.editor()->component_form();
  window.select_component("batch");
  EXPECT_DOUBLE_EQ(form->coverage()->value(), 0.5);
  EXPECT_EQ(form->missed_mode()->currentIndex(),
            static_cast<int>(ComponentForm::Missed::kInspections));
  EXPECT_EQ(form->inspection_every()->text(), "1d");
  EXPECT_FALSE(form->undetected()->isEnabled());
  type_into(form->inspection_every(), "12h");
  EXPECT_EQ(document->model().find_component("batch")->inspections->every_hours, 12.0);
  // A law instead of inspections.
  form->missed_mode()->setCurrentIndex(static_cast<int>(ComponentForm::Missed::kLaw));
  const models::Component* batch = document->model().find_component("batch");
  EXPECT_FALSE(batch->inspections.has_value());
  EXPECT_EQ(batch->undetected, models::Distribution{models::Exponential{24.0}});  // the default
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;
  // Not stated: every failure caught, so coverage goes too.
  form->missed_mode()->setCurrentIndex(static_cast<int>(ComponentForm::Missed::kNotStated));
  batch = document->model().find_component("batch");
  EXPECT_FALSE(batch->coverage || batch->undetected || batch->inspections);
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;

  // Coverage below 1 on a component that states nothing: a law is stated with it.
  window.select_component("web");
  form->coverage()->setValue(0.8);
  EXPECT_EQ(document->model().find_component("web")->coverage, 0.8);
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;

  const QString path = dir.filePath("monitoring.json");
  ASSERT_EQ(document->save(path), QString());
  const QString text = read_text(path);
  EXPECT_NE(text.indexOf(R"("median": "6h")"), -1) << text.toStdString();
  EXPECT_NE(text.indexOf(R"("coverage": 0.8)"), -1) << text.toStdString();
  EXPECT_EQ(models::load_model(path.toStdString()).model, document->model());
  while (document->undo_stack()->canUndo()) document->undo_stack()->undo();
  EXPECT_EQ(document->model(), original);
  window.select_component("batch");
  EXPECT_EQ(form->inspection_every()->text(), "1d");
}

TEST(MonitoringEditor, CoverageBelowOneAloneGetsAnUndetectedLaw) {
  models::Component c;
  c.id = "db";
  const models::Component covered = with_coverage(c, 0.9);
  EXPECT_EQ(covered.coverage, 0.9);
  EXPECT_EQ(covered.undetected, models::Distribution{models::Exponential{24.0}});
  EXPECT_FALSE(with_coverage(c, 1.0).undetected.has_value());
  c.inspections = models::Inspections{8.0};
  EXPECT_FALSE(with_coverage(c, 0.5).undetected.has_value());  // inspections find them
}

TEST(WhatIfDeploys, MovesStrategyBadProbabilityAndCoverage) {
  MainWindow window;
  window.set_auto_run(false);
  ASSERT_EQ(window.open_file(kDeploys, true), "");
  const models::Model original = window.document()->model();
  ModelDocument* document = window.document();
  WhatIfPanel* what_if = window.what_if();
  window.select_component("api");
  EXPECT_TRUE(what_if->deploy_strategy()->isEnabled());
  EXPECT_EQ(what_if->deploy_strategy()->currentText(), "all-at-once");
  EXPECT_DOUBLE_EQ(what_if->bad_probability()->value(), 1.0);
  EXPECT_EQ(what_if->bad_probability_slider()->value(), 500);  // the slider stops at 0.5
  what_if->deploy_strategy()->setCurrentIndex(2);              // canary: its keys are stated
  const auto api = [&] { return *document->model().find_component("api")->deploys; };
  EXPECT_EQ(api().strategy, models::DeployStrategy::kCanary);
  EXPECT_EQ(api().canary_fraction, 0.1);
  what_if->bad_probability_slider()->setValue(120);
  EXPECT_DOUBLE_EQ(api().bad_probability, 0.12);
  EXPECT_DOUBLE_EQ(what_if->bad_probability()->value(), 0.12);
  what_if->coverage_slider()->setValue(900);
  const models::Component* c = document->model().find_component("api");
  EXPECT_DOUBLE_EQ(*c->coverage, 0.9);
  EXPECT_TRUE(c->undetected.has_value());
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;
  EXPECT_EQ(document->undo_stack()->count(), 3);

  // Raising bad_probability from 0 states detection and rollback.
  window.select_component("lb");
  EXPECT_FALSE(what_if->coverage()->isEnabled());  // lb never fails
  what_if->bad_probability_slider()->setValue(50);
  EXPECT_TRUE(document->model().find_component("lb")->deploys->rollback.has_value());
  EXPECT_TRUE(document->validation().ok()) << document->validation().error;
  while (document->undo_stack()->canUndo()) document->undo_stack()->undo();
  EXPECT_EQ(document->model(), original);

  // Without deploys: nothing to vary but coverage.
  models::Model model = original;
  model.components[2].deploys.reset();
  document->reset(model);
  window.select_component("api");
  EXPECT_FALSE(what_if->deploy_strategy()->isEnabled());
  EXPECT_FALSE(what_if->bad_probability_slider()->isEnabled());
  EXPECT_TRUE(what_if->coverage()->isEnabled());
}

}  // namespace
}  // namespace nines::gui
