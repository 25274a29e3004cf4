// Tests of run_provenance: the GUI's edits as --set overrides, checked against the loader, the
// file's digest, scenarios of the file and of the GUI, and edits no override can express.
#include "nines/gui/run_provenance.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "gui_test_support.hpp"
#include "nines/gui/component_form.hpp"
#include "nines/gui/deploys_editor.hpp"
#include "nines/gui/what_if_panel.hpp"
#include "nines/models/model_loader.hpp"
#include "nines/models/scenario.hpp"
#include "nines/report/sha256.hpp"

namespace nines::gui {
namespace {

std::string sample_path(const char* name) { return (testing::samples_dir() / name).string(); }

models::Model load(const std::string& path, const std::vector<std::string>& overrides = {}) {
  return models::load_model(path, overrides).model;
}

TEST(RunProvenance, WritesWhatIfEditsAsOverridesTheLoaderTurnsBackIntoTheModel) {
  const std::string path = sample_path("web-shop.json");
  const models::Model file = load(path);
  models::Model edited = file;
  edited.find_component("db")->instances = 3;
  auto* api = edited.find_component("api");
  api->repair = with_mean(api->repair, 2.0);
  const auto overrides = overrides_between(file, edited);
  ASSERT_TRUE(overrides);
  ASSERT_EQ(overrides->size(), 2U);
  EXPECT_EQ(overrides->at(1), "db.instances=3");
  EXPECT_EQ(overrides->at(0).rfind("api.repair", 0), 0U) << overrides->at(0);
  EXPECT_EQ(load(path, *overrides), edited);
  EXPECT_EQ(overrides_between(file, file), std::vector<std::string>{});
}

TEST(RunProvenance, NamesTheFilesDigestAndPutsCommandLineOverridesFirst) {
  const std::string path = sample_path("web-shop.json");
  auto reference = read_file_reference(path);
  ASSERT_TRUE(reference);
  EXPECT_EQ(reference->sha256, report::file_sha256_hex(path));
  reference->overrides = {"db.instances= 3", "frontend.mttr=30m"};
  models::Model run = load(path, reference->overrides);
  run.find_component("frontend")->min_up = 1;
  std::string scenario;
  const auto provenance = run_provenance(reference, run, scenario);
  ASSERT_TRUE(provenance);
  EXPECT_EQ(provenance->model_sha256, reference->sha256);
  EXPECT_EQ(provenance->overrides,
            (std::vector<std::string>{"db.instances=3", "frontend.mttr=30m", "frontend.min_up=1"}));
  // A later edit of a key given on the command line replaces it where it stands.
  run.find_component("db")->instances = 4;
  const auto moved = run_provenance(reference, run, scenario);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->overrides,
            (std::vector<std::string>{"db.instances=4", "frontend.mttr=30m", "frontend.min_up=1"}));
}

TEST(RunProvenance, KeepsAScenarioOfTheFileAndSpellsOutOneTheGuiChanged) {
  const std::string path = sample_path("web-shop.json");
  const auto reference = read_file_reference(path);
  ASSERT_TRUE(reference);
  const models::Model file = load(path);
  std::string scenario = "third database replica";
  const auto as_file = run_provenance(reference, models::apply_scenario(file, scenario), scenario);
  ASSERT_TRUE(as_file);
  EXPECT_EQ(scenario, "third database replica");
  EXPECT_TRUE(as_file->overrides.empty());

  models::Model changed = file;
  changed.scenarios.front().set.front().value_json = "4";
  ASSERT_EQ(changed.scenarios.front().name, "third database replica");
  ASSERT_EQ(changed.scenarios.front().set.front().key, "db.instances");
  const auto spelled =
      run_provenance(reference, models::apply_scenario(changed, scenario), scenario);
  ASSERT_TRUE(spelled);
  EXPECT_EQ(scenario, "") << "the file's scenario of that name is not what ran";
  EXPECT_EQ(spelled->overrides, std::vector<std::string>{"db.instances=4"});
}

TEST(RunProvenance, RefusesEditsNoOverrideExpresses) {
  const std::string path = sample_path("web-shop.json");
  const auto reference = read_file_reference(path);
  const models::Model file = load(path);
  models::Model added = file;
  added.components.push_back(added.components.back());
  added.components.back().id = "cache";
  EXPECT_FALSE(overrides_between(file, added));
  models::Model rewired = file;
  rewired.dependencies.pop_back();
  EXPECT_FALSE(overrides_between(file, rewired));
  std::string scenario;
  EXPECT_FALSE(run_provenance(reference, rewired, scenario));
}

TEST(RunProvenance, WritesDependencyEditsAsFromToOverrides) {
  // The What if panel's retries slider and the dependency editor change rows, which have no
  // ids: they are named FROM->TO (a list by a target), and a list target's own settings by it.
  const std::string path = sample_path("web-shop-traffic.json");
  const models::Model file = load(path);
  ASSERT_TRUE(file.load.has_value());
  models::Model edited = file;
  models::Dependency* front = nullptr;
  models::Dependency* list = nullptr;
  for (models::Dependency& d : edited.dependencies) {
    if (d.from == "frontend") front = &d;
    if (d.is_list) list = &d;
  }
  ASSERT_NE(front, nullptr);
  ASSERT_NE(list, nullptr);
  front->retries = 2;
  list->target_traffic.assign(list->to.size(), models::TargetTraffic{});
  list->target_traffic.back().retries = 4;
  const auto overrides = overrides_between(file, edited);
  ASSERT_TRUE(overrides);
  EXPECT_EQ(*overrides,
            (std::vector<std::string>{"frontend->" + front->to.front() + ".retries=2",
                                      list->from + "->" + list->to.back() + ".retries=4"}));
  EXPECT_EQ(load(path, *overrides), edited);
  const auto reference = read_file_reference(path);
  std::string scenario;
  const auto provenance = run_provenance(reference, edited, scenario);
  ASSERT_TRUE(provenance);
  EXPECT_EQ(provenance->overrides.size(), 2U);
}

TEST(RunProvenance, AModelWithoutAFileHasNoOverridesAndNoDigest) {
  std::string scenario;
  const auto provenance =
      run_provenance(std::nullopt, load(sample_path("web-shop.json")), scenario);
  ASSERT_TRUE(provenance);
  EXPECT_TRUE(provenance->overrides.empty());
  EXPECT_TRUE(provenance->model_sha256.empty());
  EXPECT_FALSE(read_file_reference(sample_path("no-such-model.json")));
}

TEST(RunProvenance, WritesDeployAndCoverageEditsAsOverrides) {
  const std::string path = NINES_TEST_DATA_DIR "/valid/deploys.json";
  const models::Model file = load(path);
  models::Model edited = file;
  auto* web = edited.find_component("web");
  web->deploys = with_strategy(*web->deploys, models::DeployStrategy::kRolling);
  auto* lb = edited.find_component("lb");
  lb->deploys = with_bad_probability(*lb->deploys, 0.1);
  auto* api = edited.find_component("api");
  *api = with_coverage(*api, 0.9);
  const auto overrides = overrides_between(file, edited);
  ASSERT_TRUE(overrides);
  EXPECT_NE(std::find(overrides->begin(), overrides->end(), "web.deploys.strategy=\"rolling\""),
            overrides->end());
  EXPECT_EQ(load(path, *overrides), edited);
  // Deploys taken away (the Deploys group unchecked): no override removes a key, so the run is
  // not exported (the status line says to save and run again).
  models::Model none = file;
  none.find_component("api")->deploys.reset();
  EXPECT_FALSE(overrides_between(file, none));
}

}  // namespace
}  // namespace nines::gui
