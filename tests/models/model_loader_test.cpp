// Tests of load_model/parse_model: valid files, defaults, warnings, file and syntax errors, fuzz.
#include "nines/models/model_loader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include "test_models.hpp"

namespace nines::models {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::message_of;
using testing::parse_error;

fs::path valid(const std::string& name) { return fs::path(NINES_TEST_DATA_DIR) / "valid" / name; }

TEST(LoadModel, ReadsTheWebShopExample) {
  const LoadedModel loaded = load_model(valid("web_shop.json"));
  const Model& m = loaded.model;
  EXPECT_TRUE(loaded.warnings.empty());
  EXPECT_EQ(m.name, "Web shop, single zone");
  EXPECT_EQ(m.horizon_hours, 8760.0);
  EXPECT_EQ(m.replications, 2000);
  EXPECT_EQ(m.seed, 7u);
  EXPECT_EQ(m.target, 0.9995);
  EXPECT_EQ(m.entry, "frontend");
  ASSERT_EQ(m.crews.size(), 1u);
  EXPECT_EQ(m.crews[0], (Crew{"oncall", 1}));
  ASSERT_EQ(m.components.size(), 4u);
  const Component& frontend = m.components[0];
  EXPECT_EQ(frontend.instances, 3);
  EXPECT_EQ(frontend.min_up, 2);
  EXPECT_EQ(frontend.failure, Distribution{Exponential{2000.0}});
  EXPECT_TRUE(is_zero(frontend.detection));
  const Component& api = m.components[1];
  EXPECT_EQ(api.failure, (Distribution{Weibull{1.3, 1500.0}}));
  EXPECT_EQ(api.detection, Distribution{Exponential{5.0 / 60.0}});
  EXPECT_EQ(api.repair, (Distribution{Lognormal{std::log(0.75), 0.8}}));
  EXPECT_EQ(api.crew, "oncall");
  const Component& db = m.components[2];
  EXPECT_EQ(db.standby.mode, StandbyMode::kCold);
  EXPECT_EQ(db.standby.switchover, Distribution{Exponential{2.0 / 60.0}});
  EXPECT_EQ(db.standby.switch_success, 0.98);
  EXPECT_FALSE(db.standby.dormant_failure.has_value());
  ASSERT_EQ(m.dependencies.size(), 2u);
  EXPECT_EQ(m.dependencies[0], (Dependency{"frontend", {"api"}, 1, false, {}}));
  EXPECT_EQ(m.dependencies[1], (Dependency{"api", {"db", "db-replica-eu"}, 1, true, {}}));
}

TEST(LoadModel, ReadsEveryValidFile) {
  for (const auto& entry : fs::directory_iterator(fs::path(NINES_TEST_DATA_DIR) / "valid")) {
    if (entry.path().extension() != ".json") continue;
    EXPECT_NO_THROW(load_model(entry.path())) << entry.path();
  }
}

TEST(LoadModel, ReadsStandbyCrewsAndDottedIds) {
  const Model m = load_model(valid("standby_and_crews.json")).model;
  const Component* db = m.find_component("db-primary");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->standby.mode, StandbyMode::kWarm);
  EXPECT_EQ(db->standby.switchover, Distribution{Fixed{30.0 / 3600.0}});
  EXPECT_EQ(db->standby.dormant_failure, std::optional<Distribution>(Exponential{20000.0}));
  EXPECT_EQ(m.crews[1].size, 1);
  EXPECT_EQ(m.component_index("app.v2"), 1);
}

TEST(ParseModel, AppliesDefaults) {
  const Model m = parse_model(testing::one_component(), "m.json").model;
  EXPECT_EQ(m.horizon_hours, 8760.0);
  EXPECT_EQ(m.replications, 1000);
  EXPECT_EQ(m.seed, 1u);
  EXPECT_FALSE(m.target.has_value());
  EXPECT_EQ(m.entry, "web");  // inferred: the only component nothing depends on
  EXPECT_EQ(m.components[0].instances, 1);
  EXPECT_EQ(m.components[0].min_up, 1);
  EXPECT_EQ(m.components[0].standby, Standby{});
  EXPECT_TRUE(m.components[0].crew.empty());
}

TEST(ParseModel, ReadsTargetsAsFractionsOrPercentages) {
  json document = testing::one_component();
  document["target"] = "99.95%";
  EXPECT_NEAR(*parse_model(document, "m.json").model.target, 0.9995, 1e-15);
  document["target"] = 1;
  EXPECT_EQ(*parse_model(document, "m.json").model.target, 1.0);
  document["target"] = "100%";
  EXPECT_EQ(*parse_model(document, "m.json").model.target, 1.0);
}

TEST(ParseModel, AcceptsIntegralNumbersWrittenAsFloats) {
  json document = testing::one_component();
  document["replications"] = 1e4;
  document["seed"] = 42.0;
  const Model m = parse_model(document, "m.json").model;
  EXPECT_EQ(m.replications, 10000);
  EXPECT_EQ(m.seed, 42u);
}

TEST(ParseModel, WarnsAboutComponentsTheEntryDoesNotReach) {
  json document = testing::three_tier();
  document["entry"] = "web";
  document["components"].push_back({{"id", "batch"}, {"mtbf", "10h"}, {"mttr", "1h"}});
  const LoadedModel loaded = parse_model(document, "m.json");
  ASSERT_EQ(loaded.warnings.size(), 1u);
  EXPECT_EQ(loaded.warnings[0],
            "m.json: /components/3: component \"batch\" is not reached from the entry \"web\" "
            "through dependencies, so it cannot affect the system");
}

TEST(ParseModel, WarnsAboutUnusedCrewsAndStandbyWithoutSpares) {
  json document = testing::one_component();
  document["crews"] = {{{"id", "nobody"}}};
  document["components"][0]["standby"] = {{"mode", "cold"}};
  const LoadedModel loaded = parse_model(document, "m.json");
  ASSERT_EQ(loaded.warnings.size(), 2u);
  EXPECT_EQ(loaded.warnings[0], "m.json: /crews/0: crew \"nobody\" is used by no component");
  EXPECT_NE(loaded.warnings[1].find("/components/0/standby: component \"web\" has no spare"),
            std::string::npos);
}

TEST(LoadModel, NamesTheFileAndTheReasonWhenItCannotRead) {
  EXPECT_EQ(message_of([] { load_model("/nonexistent/shop.json"); }),
            "/nonexistent/shop.json: cannot read the model: No such file or directory");
  const std::string dir = NINES_TEST_DATA_DIR;
  EXPECT_EQ(message_of([&] { load_model(dir); }),
            dir + ": cannot read the model: it is a directory");
}

TEST(LoadModel, GivesLineAndColumnOfSyntaxErrors) {
  const fs::path file = fs::temp_directory_path() / "nines_models_syntax_test.json";
  {
    std::ofstream out(file);
    out << "{\n  \"components\": [\n    {\"id\": \"a\"}\n  ]\n  \"x\": 1\n}\n";
  }
  const std::string message = message_of([&] { load_model(file); });
  fs::remove(file);
  // The column is that of the last character read: the end of the unexpected token "x".
  EXPECT_EQ(message, file.string() +
                         ": line 5, column 5: not valid JSON: unexpected string literal; "
                         "expected '}'");
}

TEST(LoadModel, NamesAKeyGivenTwiceByItsPathThroughArraysAndEscapedKeys) {
  const fs::path file = fs::temp_directory_path() / "nines_models_duplicate_key_test.json";
  const auto message_for = [&](const std::string& text) {
    {
      std::ofstream out(file);
      out << text;
    }
    std::string message = message_of([&] { load_model(file); });
    fs::remove(file);
    return message;
  };
  // Element indices count scalars, objects and arrays alike; "/" in a key is escaped as ~1.
  EXPECT_EQ(message_for(R"({"a": [1, {"x": 1}, [2, [3]], {"y": 1, "y": 2}]})"),
            file.string() +
                ": /a/3/y: given twice in one object (JSON would keep only the last); give each "
                "key once");
  EXPECT_NE(
      message_for(R"({"a/b": {"k": 1, "j": {"k": 1}, "k": 2}})").find(": /a~1b/k: given twice"),
      std::string::npos);
  // The same key in two different objects is fine: the model's own errors come next.
  EXPECT_EQ(message_for(R"({"components": [{"id": "a"}, {"id": "b"}], "x": {"id": 1}})")
                .find("given twice"),
            std::string::npos);
}

TEST(LoadModel, NamesANumberBeyondTheDoubleRangeByItsPointer) {
  const fs::path file = fs::temp_directory_path() / "nines_models_huge_number_test.json";
  const auto message_for = [&](const std::string& text) {
    {
      std::ofstream out(file);
      out << text;
    }
    std::string message = message_of([&] { load_model(file); });
    fs::remove(file);
    return message;
  };
  EXPECT_EQ(message_for(R"({"components": [{"id": "a", "mtbf": 1e400, "mttr": 1}]})"),
            file.string() +
                ": /components/0/mtbf: number out of range (beyond the 1.8e308 of a double); got "
                "1e400");
  EXPECT_EQ(
      message_for(R"({"description": "x", "x": [1, [2, -1e400]]})"),
      file.string() + ": /x/1/1: number out of range (beyond the 1.8e308 of a double); got -1e400");
  EXPECT_EQ(message_for("1e999"),
            file.string() + ": number out of range (beyond the 1.8e308 of a double); got 1e999");
  // Tiny numbers round to zero and are judged by the rules of their key.
  EXPECT_NE(message_for(R"({"components": [{"id": "a", "mtbf": 1e-400, "mttr": 1}]})")
                .find("/components/0/mtbf: must be a positive duration"),
            std::string::npos);
}

TEST(ParseModel, HorizonIsAtMostAThousandYears) {
  json document = testing::one_component();
  document["horizon"] = 1e30;
  EXPECT_EQ(parse_error(document),
            "m.json: /horizon: must be a positive duration of at most 1000 years (\"1000y\"); got "
            "1e+30");
  document["horizon"] = "1000y";
  EXPECT_EQ(parse_model(document, "m.json").model.horizon_hours, 1000 * 8760.0);
  document["horizon"] = "1001y";
  EXPECT_NE(parse_error(document).find("at most 1000 years"), std::string::npos);
  Model m = parse_model(testing::one_component(), "m.json").model;
  m.horizon_hours = 1e30;
  EXPECT_EQ(message_of([&] { validate_model(m, "code.json"); }),
            "code.json: /horizon: must be a positive duration of at most 1000 years (\"1000y\"); "
            "got \"1e+30h\"");
}

TEST(ParseModel, RejectsAnythingButAnObject) {
  for (const json& document : {json(nullptr), json(3), json("x"), json::array()}) {
    EXPECT_NE(parse_error(document).find("a model must be a JSON object"), std::string::npos);
  }
}

/// The documents the fuzz test mutates: the web shop example with every kind of law.
json load_model_json_for_fuzz() {
  std::ifstream in(valid("standby_and_crews.json"));
  json document = json::parse(in);
  std::ifstream laws(valid("every_law.json"));
  const json every_law = json::parse(laws);
  for (const auto& component : every_law["components"]) {
    document["components"].push_back(component);
  }
  return document;
}

/// Replaces a random value somewhere in `document` by an odd one.
void mutate(json& document, std::mt19937& random) {
  static const std::vector<json> kOdd{nullptr,    true,          -1,
                                      0,          1e308,         -0.0,
                                      "",         "x",           "-5h",
                                      "1e999h",   json::array(), json::object(),
                                      "\xff\xfe", 1.5,           json{{"type", "weibull"}},
                                      json{1, 2}, "99.95%",      18446744073709551615ull};
  json* node = &document;
  while (node->is_structured() && !node->empty() && random() % 3 != 0) {
    auto it = node->begin();
    std::advance(it, static_cast<long>(random() % node->size()));
    node = &*it;
  }
  if (node->is_object() && !node->empty() && random() % 2 == 0) {
    node->erase(node->begin());
  } else {
    *node = kOdd[random() % kOdd.size()];
  }
}

TEST(ParseModel, NeverCrashesOnOddInput) {
  std::mt19937 random(12345);
  const json base = load_model_json_for_fuzz();
  int failures = 0;
  for (int round = 0; round < 3000; ++round) {
    json document = base;
    const int mutations = 1 + static_cast<int>(random() % 3);
    for (int i = 0; i < mutations; ++i) mutate(document, random);
    try {
      parse_model(document, "fuzz.json");
    } catch (const ModelError& e) {
      ++failures;
      const std::string message = e.what();
      EXPECT_EQ(message.rfind("fuzz.json: ", 0), 0u) << message;
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    }
  }
  EXPECT_GT(failures, 1000);
}

TEST(LoadModel, NeverCrashesOnTruncatedOrCorruptedText) {
  std::ifstream in(valid("standby_and_crews.json"));
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  const fs::path file = fs::temp_directory_path() / "nines_models_corrupt_test.json";
  std::mt19937 random(7);
  for (int round = 0; round < 400; ++round) {
    std::string corrupt = text.substr(0, random() % text.size());
    if (round % 2 == 1) {
      corrupt = text;
      corrupt[random() % corrupt.size()] = static_cast<char>(random() % 256);
    }
    {
      std::ofstream out(file, std::ios::binary);
      out << corrupt;
    }
    try {
      load_model(file);
    } catch (const ModelError& e) {
      EXPECT_EQ(std::string(e.what()).rfind(file.string() + ": ", 0), 0u) << e.what();
    }
  }
  fs::remove(file);
}

TEST(LoadModel, ReadsAComponentThatNeverFails) {
  const Model m = load_model(valid("never_fails.json")).model;
  const Component& users = *m.find_component("users");
  EXPECT_EQ(users.failure, Distribution{Never{}});
  EXPECT_TRUE(is_never(users.failure));
  EXPECT_EQ(std::string(type_name(users.failure)), "never");
  // Every key of failing stays at its default, as validate_model requires of code.
  const Component defaults;
  EXPECT_EQ(users.repair, defaults.repair);
  EXPECT_EQ(users.detection, defaults.detection);
  EXPECT_EQ(users.standby, defaults.standby);
  EXPECT_TRUE(users.crew.empty());
  EXPECT_FALSE(is_never(m.find_component("web")->failure));
}

TEST(ParseModel, NeverBesideAKeyOfFailingIsAnErrorWithoutAValue) {
  auto never_with = [](const char* key, json value) {
    json doc = json::parse(R"({"crews": [{"id": "oncall"}], "components": [
      {"id": "web", "mtbf": "1000h", "mttr": "1h"},
      {"id": "users", "instances": 2, "failure": "never"}],
      "dependencies": [{"from": "users", "to": "web"}]})");
    doc["components"][1][key] = std::move(value);
    return parse_error(doc);
  };
  EXPECT_EQ(never_with("repair", json::parse(R"({"type": "fixed", "value": "1h"})")),
            R"(m.json: /components/1/repair: a component whose failure is "never" has no )"
            R"(repair; remove it)");
  EXPECT_EQ(never_with("mttr", "1h"),
            R"(m.json: /components/1/mttr: a component whose failure is "never" has no repair; )"
            R"(remove it)");
  EXPECT_EQ(never_with("detection", "5m"),
            R"(m.json: /components/1/detection: a component whose failure is "never" has no )"
            R"(detection; remove it)");
  EXPECT_EQ(never_with("standby", json::parse(R"({"mode": "cold"})")),
            R"(m.json: /components/1/standby: a component whose failure is "never" has no )"
            R"(standby; remove it)");
  EXPECT_EQ(never_with("crew", "oncall"),
            R"(m.json: /components/1/crew: a component whose failure is "never" has no repairs )"
            R"(for a crew; remove it)");
  EXPECT_EQ(never_with("mtbf", "1y"),
            R"(m.json: /components/1/failure: give either "mtbf" or "failure", not both)");
}

TEST(ParseModel, NeverIsOnlyAComponentsFailure) {
  json zone = json::parse(R"({"zones": [{"id": "eu-a", "failure": "never", "mttr": "4h"}],
    "components": [{"id": "web", "mtbf": "1000h", "mttr": "1h", "zones": ["eu-a"]}]})");
  EXPECT_EQ(parse_error(zone),
            R"(m.json: /zones/0/failure: only a component's "failure" can be "never" (a zone )"
            R"(that never fails blocks nothing: leave it out); got "never")");
  json repair = testing::one_component();
  repair["components"][0]["mttr"] = "never";
  EXPECT_NE(parse_error(repair).find(R"(/components/0/mttr: must be a positive duration)"),
            std::string::npos)
      << parse_error(repair);
}

}  // namespace
}  // namespace nines::models
