// Tests of model_schema: generated from the key tables, so it names the loader's keys, pairs and
// ranges. (tests/cli/check_model_schema.py validates files against it with python3-jsonschema.)
#include "nines/models/model_schema.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace nines::models {
namespace {

using Json = nlohmann::ordered_json;

/// The schemas of the object kinds: the model and each `$defs` entry with properties.
std::vector<std::pair<std::string, Json>> object_kinds(const Json& schema) {
  std::vector<std::pair<std::string, Json>> kinds{{"model", schema}};
  for (const auto& [name, definition] : schema["$defs"].items()) {
    if (definition.contains("properties")) kinds.emplace_back(name, definition);
  }
  return kinds;
}

TEST(ModelSchema, CoversEveryObjectKindClosed) {
  const Json schema = model_schema();
  std::vector<std::string> names;
  for (const auto& [name, kind] : object_kinds(schema)) {
    names.push_back(name);
    EXPECT_EQ(kind["type"], "object") << name;
    EXPECT_EQ(kind["additionalProperties"], false) << name;
    EXPECT_FALSE(kind["description"].get<std::string>().empty()) << name;
    for (const auto& [key, property] : kind["properties"].items()) {
      EXPECT_FALSE(property["description"].get<std::string>().empty()) << name << "." << key;
    }
  }
  EXPECT_EQ(names, (std::vector<std::string>{"model",
                                             "exponential_law",
                                             "weibull_law",
                                             "lognormal_law",
                                             "normal_law",
                                             "gamma_law",
                                             "uniform_law",
                                             "fixed_law",
                                             "empirical_law",
                                             "component",
                                             "overload",
                                             "standby",
                                             "deploys",
                                             "crew",
                                             "zone",
                                             "region",
                                             "dependency",
                                             "failover",
                                             "dependency_target",
                                             "circuit_breaker",
                                             "injection",
                                             "load",
                                             "load_profile",
                                             "spike",
                                             "journey",
                                             "scenario"}));
}

TEST(ModelSchema, StatesTheTrafficMechanisms) {
  const Json schema = model_schema();
  const Json& defs = schema["$defs"];
  EXPECT_EQ(defs["component"]["properties"]["overload"]["$ref"], "#/$defs/overload");
  EXPECT_EQ(defs["overload"]["required"], Json::array({"crash_after", "restart"}));
  EXPECT_EQ(defs["overload"]["properties"]["restart"]["$ref"], "#/$defs/law");
  EXPECT_EQ(defs["component"]["properties"]["load_shedding"]["type"], "boolean");
  const Json& dependency = defs["dependency"]["properties"];
  EXPECT_EQ(dependency["mode"]["enum"], Json::array({"hard", "soft", "cache"}));
  EXPECT_EQ(dependency["hit_ratio"]["exclusiveMaximum"], 1);
  EXPECT_EQ(dependency["stale_if_error"]["$ref"], "#/$defs/duration");
  EXPECT_EQ(dependency["circuit_breaker"]["$ref"], "#/$defs/circuit_breaker");
  EXPECT_EQ(defs["dependency_target"]["properties"]["circuit_breaker"]["$ref"],
            "#/$defs/circuit_breaker");
  EXPECT_EQ(defs["circuit_breaker"]["properties"]["open_for"]["$ref"], "#/$defs/positive_duration");
  const std::string rules = defs["dependency"]["allOf"].dump();
  EXPECT_NE(rules.find(R"("then":{"required":["hit_ratio","stale_if_error"]})"), std::string::npos)
      << rules;
  EXPECT_EQ(defs["load"]["properties"]["journeys"]["items"]["$ref"], "#/$defs/journey");
  EXPECT_NE(
      defs["spike"]["allOf"].dump().find(R"({"oneOf":[{"required":["gap"]},{"required":["at"]}]})"),
      std::string::npos);
  EXPECT_NE(schema["allOf"].dump().find("journeys"), std::string::npos);
}

TEST(ModelSchema, StatesRequiredKeysRangesAndDefaults) {
  const Json schema = model_schema();
  const Json& component = schema["$defs"]["component"];
  EXPECT_EQ(component["required"], Json::array({"id"}));
  EXPECT_EQ(component["additionalProperties"], false);
  EXPECT_EQ(component["properties"]["instances"]["minimum"], 1);
  EXPECT_EQ(component["properties"]["instances"]["maximum"], 1000000);
  EXPECT_EQ(component["properties"]["instances"]["default"], 1);
  EXPECT_EQ(schema["$defs"]["standby"]["properties"]["mode"]["enum"],
            Json::array({"hot", "warm", "cold"}));
  EXPECT_EQ(schema["properties"]["horizon"]["default"], "1y");
  EXPECT_EQ(schema["$defs"]["failover"]["properties"]["failback"]["default"], "automatic");
}

TEST(ModelSchema, StatesTheExclusiveShorthandPairs) {
  const Json schema = model_schema();
  const std::string rules = schema["$defs"]["component"]["allOf"].dump();
  // failure or mtbf always; repair or mttr unless "failure": "never"; zones or placement.
  EXPECT_NE(rules.find(R"({"oneOf":[{"required":["failure"]},{"required":["mtbf"]}]})"),
            std::string::npos)
      << rules;
  EXPECT_NE(rules.find(R"({"oneOf":[{"required":["repair"]},{"required":["mttr"]}]})"),
            std::string::npos)
      << rules;
  EXPECT_NE(rules.find(R"("const":"never")"), std::string::npos) << rules;
  const std::string zone_rules = schema["$defs"]["zone"]["allOf"].dump();
  EXPECT_NE(zone_rules.find(R"({"oneOf":[{"required":["repair"]},{"required":["mttr"]}]})"),
            std::string::npos)
      << zone_rules;
}

TEST(ModelSchema, StatesTheKeysEachDeployStrategyNeeds) {
  const Json schema = model_schema();
  EXPECT_EQ(schema["$defs"]["component"]["properties"]["deploys"]["$ref"], "#/$defs/deploys");
  const Json& deploys = schema["$defs"]["deploys"];
  EXPECT_EQ(deploys["required"], Json::array({"period", "bad_probability"}));
  EXPECT_EQ(deploys["properties"]["strategy"]["enum"],
            Json::array({"all-at-once", "rolling", "canary"}));
  EXPECT_EQ(deploys["properties"]["strategy"]["default"], "all-at-once");
  EXPECT_EQ(deploys["properties"]["canary_fraction"]["exclusiveMinimum"], 0);
  EXPECT_EQ(deploys["properties"]["canary_fraction"]["maximum"], 1);
  EXPECT_EQ(deploys["properties"]["period"]["$ref"], "#/$defs/positive_duration");
  EXPECT_EQ(deploys["properties"]["bake"]["$ref"], "#/$defs/duration");
  EXPECT_EQ(deploys["properties"]["detection"]["$ref"], "#/$defs/law_may_be_zero");
  const std::string rules = deploys["allOf"].dump();
  EXPECT_NE(rules.find(R"("then":{"required":["batch_interval"]})"), std::string::npos) << rules;
  EXPECT_NE(rules.find(R"("then":{"required":["canary_fraction","bake"]})"), std::string::npos)
      << rules;
  EXPECT_NE(rules.find(R"("then":{"required":["detection","rollback"]})"), std::string::npos)
      << rules;
}

TEST(ModelSchema, DurationsAreNumbersOrStringsWithAUnit) {
  const Json schema = model_schema();
  const Json& positive = schema["$defs"]["positive_duration"]["anyOf"];
  EXPECT_EQ(positive[0]["exclusiveMinimum"], 0);
  const std::string pattern = positive[1]["pattern"];
  EXPECT_NE(pattern.find("[smhdwy]"), std::string::npos) << pattern;
  EXPECT_EQ(schema["$defs"]["duration"]["anyOf"][0]["minimum"], 0);
  // A law: a bare duration, or one object per type.
  EXPECT_EQ(schema["$defs"]["law"]["oneOf"][0]["$ref"], "#/$defs/positive_duration");
  EXPECT_EQ(schema["$defs"]["law_may_be_zero"]["oneOf"][0]["$ref"], "#/$defs/duration");
  EXPECT_EQ(schema["$defs"]["law"]["oneOf"].size(), 9U);  // a duration and eight types
}

}  // namespace
}  // namespace nines::models
