// Tests of `nines schema`: the printed JSON Schema, its use by models, and the python3-jsonschema
// checks of tests/cli/check_model_schema.py (meta-schema, samples, docs, invalid variants).
#include "nines/cli/schema_command.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_test_support.hpp"

namespace nines::cli {
namespace {

using testing::run_nines;
using testing::run_program;
using testing::TempDir;

nlohmann::json printed_schema() {
  const auto r = run_nines({"schema"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return nlohmann::json::parse(r.out);
}

TEST(SchemaCommand, PrintsADraft202012SchemaOfEveryObjectKind) {
  const nlohmann::json schema = printed_schema();
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["additionalProperties"], false);
  EXPECT_EQ(schema["required"], nlohmann::json::array({"components"}));
  EXPECT_TRUE(schema["properties"].contains("$schema"));
  for (const char* kind :
       {"component", "standby", "crew", "zone", "region", "dependency", "failover", "injection",
        "scenario", "exponential_law", "weibull_law", "lognormal_law", "normal_law", "gamma_law",
        "uniform_law", "fixed_law", "empirical_law"}) {
    ASSERT_TRUE(schema["$defs"].contains(kind)) << kind;
    EXPECT_EQ(schema["$defs"][kind]["additionalProperties"], false) << kind;
    EXPECT_EQ(schema["$defs"][kind]["type"], "object") << kind;
  }
  // A bare duration or one object per type.
  EXPECT_EQ(schema["$defs"]["law"]["oneOf"].size(), 9U);
  const auto& mtbf = schema["$defs"]["component"]["properties"]["mtbf"];
  EXPECT_EQ(mtbf["$ref"], "#/$defs/positive_duration");
  EXPECT_FALSE(mtbf["description"].get<std::string>().empty());
}

TEST(SchemaCommand, TakesNoArguments) {
  const auto r = run_nines({"schema", "samples/web-shop.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("nines schema: "), std::string::npos) << r.err;
}

TEST(SchemaCommand, HelpShowsHowEditorsUseIt) {
  const auto r = run_nines({"help", "schema"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("nines schema > nines-model.schema.json"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"("$schema": "./nines-model.schema.json")"), std::string::npos) << r.out;
  const auto all = run_nines({"--help"});
  EXPECT_NE(all.out.find("schema"), std::string::npos) << all.out;
}

TEST(SchemaCommand, AModelNamingTheSchemaLoads) {
  const TempDir dir;
  const std::string file =
      dir.write("m.json", R"({"$schema": "./nines-model.schema.json", "components": [{"id": "web",
                   "mtbf": "1000h", "mttr": "1h"}]})");
  const auto r = run_nines({"validate", file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(SchemaCommand, ANonStringSchemaKeyIsABadModel) {
  const TempDir dir;
  const std::string file =
      dir.write("m.json", R"({"$schema": 3, "components": [{"id": "web", "mtbf": "1000h",
                              "mttr": "1h"}]})");
  const auto r = run_nines({"validate", file});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, file + R"(: /$schema: must be a string naming the JSON Schema of model files )"
                          R"((written by "nines schema"), like "./nines-model.schema.json"; got 3)"
                          "\n");
}

TEST(SchemaCommand, PassesTheJsonschemaChecks) {
  if (run_program({"python3", "-c", "import jsonschema"}).exit_code != 0) {
    GTEST_SKIP() << "python3-jsonschema is not installed (scripts/bootstrap installs it)";
  }
  const TempDir dir;
  const auto printed = run_nines({"schema"});
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  const std::string schema = dir.write("nines-model.schema.json", printed.out);
  const auto r =
      run_program({"python3", std::string(NINES_SOURCE_DIR) + "/tests/cli/check_model_schema.py",
                   schema, NINES_SOURCE_DIR, NINES_BINARY});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

}  // namespace
}  // namespace nines::cli
