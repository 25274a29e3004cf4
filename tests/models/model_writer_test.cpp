// Tests of to_json and save_model: canonical output that reads back to an equal model.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> json_files(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void expect_round_trip(const Model& model, const std::string& what) {
  const nlohmann::json written = to_json(model);
  const Model back = parse_model(written, "written.json").model;
  EXPECT_EQ(back, model) << what << "\n" << written.dump(2);
}

TEST(ToJson, RoundTripsEveryValidFile) {
  const auto files = json_files(fs::path(NINES_TEST_DATA_DIR) / "valid");
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) expect_round_trip(load_model(file).model, file.string());
}

TEST(ToJson, RoundTripsEverySample) {
  for (const auto& file : json_files(fs::path(NINES_SOURCE_DIR) / "samples")) {
    LoadedModel loaded;
    try {
      loaded = load_model(file);
    } catch (const ModelError&) {
      continue;  // samples are someone else's work in progress; their own test loads them
    }
    expect_round_trip(loaded.model, file.string());
  }
}

TEST(ToJson, RoundTripsAwkwardValues) {
  Model m = parse_model(testing::three_tier(), "m.json").model;
  m.components[0].failure = Lognormal{0.123456789, 0.3};  // no exact median: written as "mu"
  m.components[0].repair = Weibull{1.7, 1.0 / 3.0};
  m.components[1].repair = Lognormal{std::log(0.75), 0.8};
  m.components[1].detection = Exponential{0.0};
  m.components[2].repair = Empirical{{0.1, 0.2, 1e-7}};
  m.target = 0.99949999;
  m.seed = 18446744073709551615ull;
  expect_round_trip(m, "awkward");
}

TEST(ToJson, RoundTripsZonesRegionsPlacementAndInjections) {
  nlohmann::json document = testing::zoned();
  document["zones"][0]["description"] = "Frankfurt A";
  document["inject"] = nlohmann::json::parse(R"([
      {"at": "30d", "component": "db", "instances": 2, "for": "1h"},
      {"at": 0, "zone": "eu-b"}, {"at": "1w", "region": "eu", "for": "90m"}])");
  const Model m = parse_model(document, "m.json").model;
  expect_round_trip(m, "zoned");
  const nlohmann::json j = to_json(m);
  EXPECT_EQ(j["regions"][0],
            (nlohmann::json{{"id", "eu"},
                            {"failure", {{"type", "exponential"}, {"mean", "5y"}}},
                            {"repair", {{"type", "exponential"}, {"mean", "12h"}}}}));
  EXPECT_EQ(j["zones"][1]["region"], "eu");
  EXPECT_EQ(j["components"][0]["zones"], (nlohmann::json{"eu-a", "eu-b"}));
  EXPECT_EQ(j["components"][1]["placement"], (nlohmann::json{{"eu-a", 2}, {"eu-b", 1}}));
  EXPECT_EQ(j["inject"][0],
            (nlohmann::json{{"at", "30d"}, {"component", "db"}, {"instances", 2}, {"for", "1h"}}));
  EXPECT_EQ(j["inject"][1], (nlohmann::json{{"at", "0h"}, {"zone", "eu-b"}}));
}

TEST(ToJsonLike, KeepsTheSpellingOfZonesAndPlacement) {
  nlohmann::ordered_json original = nlohmann::ordered_json::parse(testing::zoned().dump());
  original["inject"] = nlohmann::ordered_json::parse(R"([{"at": "30d", "zone": "eu-a"}])");
  Model m = parse_model(nlohmann::json::parse(original.dump()), "m.json").model;
  // Unchanged: written exactly as read (no instances beside the placement, shorthands kept).
  EXPECT_EQ(to_json_like(m, original), original);
  // A changed zone is written canonically; the others keep their spelling.
  m.zones[1].repair = Exponential{2.0};
  m.components[0].zones = {"eu-b"};
  const nlohmann::ordered_json out = to_json_like(m, original);
  EXPECT_EQ(out["zones"][0], original["zones"][0]);
  EXPECT_EQ(out["zones"][1]["repair"],
            (nlohmann::ordered_json{{"type", "exponential"}, {"mean", "2h"}}));
  EXPECT_EQ(out["components"][0]["zones"], (nlohmann::ordered_json{"eu-b"}));
  EXPECT_EQ(out["components"][1], original["components"][1]);
  EXPECT_EQ(out["inject"], original["inject"]);
  EXPECT_EQ(parse_model(nlohmann::json::parse(out.dump()), "m.json").model, m);
}

TEST(ToJson, WritesCanonicalDistributionsAndDurations) {
  const Model m = parse_model(testing::three_tier(), "m.json").model;
  const nlohmann::json j = to_json(m);
  EXPECT_EQ(j["horizon"], "1y");
  EXPECT_EQ(j["entry"], "web");
  EXPECT_EQ(j["components"][0]["failure"],
            (nlohmann::json{{"type", "exponential"}, {"mean", "1000h"}}));
  EXPECT_EQ(j["components"][2]["standby"]["switchover"],
            (nlohmann::json{{"type", "exponential"}, {"mean", "2m"}}));
  EXPECT_FALSE(j["components"][1].contains("detection"));
  EXPECT_EQ(j["dependencies"][0], (nlohmann::json{{"from", "web"}, {"to", "api"}}));
}

TEST(ToJson, WritesDeploysWithTheirStatedKeysOnly) {
  const Model m = load_model(fs::path(NINES_TEST_DATA_DIR) / "valid" / "deploys.json").model;
  const nlohmann::json j = to_json(m);
  // The maintenance window: no first_at, batch, canary keys, detection or rollback.
  EXPECT_EQ(j["components"][0]["deploys"], nlohmann::json::parse(R"({"period": "4w",
      "bad_probability": 0.0, "strategy": "rolling", "batch_interval": "30m",
      "restart": {"type": "fixed", "value": "20m"}})"));
  EXPECT_EQ(j["components"][1]["deploys"], nlohmann::json::parse(R"({"period": "1w",
      "first_at": "2d", "bad_probability": 0.05, "strategy": "canary", "batch": 2,
      "batch_interval": "5m", "canary_fraction": 0.1, "bake": "30m",
      "detection": {"type": "exponential", "mean": "10m"},
      "rollback": {"type": "exponential", "mean": "15m"},
      "restart": {"type": "fixed", "value": "1m"}})"));
  // Keys of another strategy are kept; zero laws are written as laws.
  EXPECT_EQ(j["components"][2]["deploys"]["bake"], "0h");
  EXPECT_FALSE(j["components"][2]["deploys"].contains("strategy"));
  EXPECT_TRUE(j["components"][2]["deploys"].contains("detection"));
  expect_round_trip(m, "deploys.json");
  const Model back = parse_model(j, "written.json").model;
  EXPECT_EQ(back.components[1].deploys, m.components[1].deploys);
}

TEST(ToJsonLike, ADeploysChangeRewritesOnlyTheKeyThatChanged) {
  const fs::path file = fs::path(NINES_TEST_DATA_DIR) / "valid" / "deploys.json";
  const nlohmann::ordered_json original = read_model_document(file);
  Model model = load_model(file).model;
  EXPECT_EQ(to_json_like(model, original), original);
  model.components[1].deploys->strategy = DeployStrategy::kRolling;
  nlohmann::ordered_json written = to_json_like(model, original);
  const auto& deploys = written["components"][1]["deploys"];
  EXPECT_EQ(deploys["strategy"], "rolling");
  EXPECT_EQ(deploys["detection"], "10m");  // the user's bare duration stays
  EXPECT_EQ(deploys["canary_fraction"], 0.1);
  EXPECT_EQ(parse_model(nlohmann::json::parse(written.dump()), "w.json").model, model);
  // Removing the schedule removes the key; adding one writes it in full.
  model.components[1].deploys.reset();
  model.components[2].deploys.reset();
  model.components[0].deploys->first_at_hours = 1.0;
  written = to_json_like(model, original);
  EXPECT_FALSE(written["components"][1].contains("deploys"));
  EXPECT_EQ(written["components"][0]["deploys"]["first_at"], "1h");
  EXPECT_EQ(written["components"][0]["deploys"]["restart"],
            original["components"][0]["deploys"]["restart"]);
  EXPECT_EQ(parse_model(nlohmann::json::parse(written.dump()), "w.json").model, model);
  model.components[2].deploys = Deploys{.period_hours = 24.0};
  written = to_json_like(model, original);
  EXPECT_EQ(written["components"][2]["deploys"],
            nlohmann::ordered_json::parse(R"({"period": "1d", "bad_probability": 0.0})"));
}

TEST(SaveModel, WritesAFileThatLoadsBack) {
  const fs::path dir = fs::temp_directory_path() / "nines_models_save_test";
  fs::create_directories(dir);
  const fs::path file = dir / "saved.json";
  const Model m = load_model(fs::path(NINES_TEST_DATA_DIR) / "valid" / "web_shop.json").model;
  save_model(m, file);
  EXPECT_EQ(load_model(file).model, m);
  // Nothing but the file is left behind (the temporary was renamed).
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++count;
  EXPECT_EQ(count, 1u);
  std::ifstream in(file);
  std::string first_lines((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(first_lines.rfind("{\n  \"name\": \"Web shop, single zone\"", 0), 0u);
  fs::remove_all(dir);
}

TEST(SaveModel, FailsCleanlyWhenTheDirectoryIsMissing) {
  const Model m = parse_model(testing::one_component(), "m.json").model;
  const std::string message =
      testing::message_of<Error>([&] { save_model(m, "/nonexistent/dir/out.json"); });
  EXPECT_EQ(message,
            "/nonexistent/dir/out.json: cannot write the model: No such file or directory");
}

TEST(ToJsonLike, AnUnchangedModelKeepsEveryKeyAndUnitAsWritten) {
  for (const auto& file : json_files(fs::path(NINES_SOURCE_DIR) / "samples")) {
    const nlohmann::ordered_json original = read_model_document(file);
    const Model model = load_model(file).model;
    EXPECT_EQ(to_json_like(model, original), original) << file;
  }
}

TEST(ToJsonLike, AChangeRewritesOnlyWhatChanged) {
  const fs::path file = fs::path(NINES_SOURCE_DIR) / "samples" / "web-shop.json";
  const nlohmann::ordered_json original = read_model_document(file);
  Model model = load_model(file).model;
  model.components[0].repair = Exponential{2.0};  // frontend: "mttr": "1h" -> 2 h
  model.horizon_hours = 2 * kHoursPerYear;
  const nlohmann::ordered_json written = to_json_like(model, original);
  EXPECT_EQ(written["horizon"], "2y");
  const auto& frontend = written["components"][0];
  EXPECT_FALSE(frontend.contains("mttr"));
  EXPECT_EQ(frontend["repair"]["mean"], "2h");
  EXPECT_EQ(frontend["mtbf"], original["components"][0]["mtbf"]);  // the shorthand stays
  EXPECT_EQ(written["components"][1], original["components"][1]);
  EXPECT_EQ(written["target"], original["target"]);
  EXPECT_EQ(parse_model(nlohmann::json::parse(written.dump()), "w.json").model, model);
}

TEST(SaveModel, LikeTheOriginalWritesAFileThatLoadsBack) {
  const fs::path file = fs::path(NINES_SOURCE_DIR) / "samples" / "web-shop.json";
  const fs::path out = fs::temp_directory_path() / "nines-save-like-test.json";
  const Model model = load_model(file).model;
  save_model(model, out, read_model_document(file));
  EXPECT_EQ(read_model_document(out), read_model_document(file));
  EXPECT_EQ(load_model(out).model, model);
  fs::remove(out);
}

TEST(ToJson, KeepsTheSchemaKey) {
  const nlohmann::json document = {
      {"$schema", "./nines-model.schema.json"},
      {"components", {{{"id", "web"}, {"mtbf", "1000h"}, {"mttr", "1h"}}}}};
  const Model model = parse_model(document, "m.json").model;
  EXPECT_EQ(model.schema, "./nines-model.schema.json");
  const nlohmann::json written = to_json(model);
  EXPECT_EQ(written["$schema"], "./nines-model.schema.json");
  EXPECT_EQ(parse_model(written, "w.json").model, model);
  EXPECT_FALSE(to_json(Model{}).contains("$schema"));  // none given, none written
}

TEST(ToJsonLike, KeepsTheSchemaKeyWhereTheUserWroteIt) {
  const nlohmann::ordered_json original = nlohmann::ordered_json::parse(
      R"({"$schema": "./nines-model.schema.json", "name": "x",
          "components": [{"id": "web", "mtbf": "1000h", "mttr": "1h"}]})");
  Model model = parse_model(nlohmann::json::parse(original.dump()), "m.json").model;
  model.name = "y";
  const nlohmann::ordered_json written = to_json_like(model, original);
  EXPECT_EQ(written.begin().key(), "$schema");
  EXPECT_EQ(written["$schema"], "./nines-model.schema.json");
  model.schema = "../schema.json";
  EXPECT_EQ(to_json_like(model, original)["$schema"], "../schema.json");
}

TEST(ToJson, WritesNeverAndNoKeyOfFailing) {
  const Model m = load_model(fs::path(NINES_TEST_DATA_DIR) / "valid" / "never_fails.json").model;
  const nlohmann::json written = to_json(m);
  const nlohmann::json& users = written["components"][0];
  EXPECT_EQ(users["id"], "users");
  EXPECT_EQ(users["failure"], "never");
  EXPECT_FALSE(users.contains("repair"));
  EXPECT_FALSE(users.contains("detection"));
  expect_round_trip(m, "never_fails.json");
}

TEST(ToJsonLike, ANeverFailingComponentLosesItsRepairSpelling) {
  const nlohmann::ordered_json original = nlohmann::ordered_json::parse(R"({"components": [
    {"id": "web", "mtbf": "1000h", "mttr": "1h", "detection": "5m"}]})");
  Model m = parse_model(nlohmann::json::parse(original.dump()), "m.json").model;
  m.components[0].failure = Never{};
  m.components[0].repair = Component{}.repair;
  m.components[0].detection = Component{}.detection;
  const nlohmann::ordered_json saved = to_json_like(m, original);
  const auto& web = saved["components"][0];
  EXPECT_EQ(web["failure"], "never");
  EXPECT_FALSE(web.contains("mtbf"));
  EXPECT_FALSE(web.contains("mttr"));
  EXPECT_FALSE(web.contains("detection"));
  EXPECT_EQ(parse_model(nlohmann::json::parse(saved.dump()), "m.json").model, m);
}

}  // namespace
}  // namespace nines::models
