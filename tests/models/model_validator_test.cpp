// Tests of validate_model on models built in code: the same rules and messages as model files.
#include <gtest/gtest.h>

#include <functional>

#include "nines/models/model_loader.hpp"
#include "test_models.hpp"

namespace nines::models {
namespace {

using testing::message_of;

/// A valid model built in code: web (2 of 3) -> db (1 of 2, cold standby).
Model code_model() {
  Model m;
  m.name = "code";
  Component web;
  web.id = "web";
  web.instances = 3;
  web.min_up = 2;
  web.failure = Exponential{1000.0};
  web.repair = Exponential{10.0};
  Component db;
  db.id = "db";
  db.instances = 2;
  db.failure = Weibull{1.5, 1000.0};
  db.repair = Lognormal{1.0, 0.5};
  db.standby.mode = StandbyMode::kCold;
  m.components = {web, db};
  m.dependencies = {Dependency{"web", {"db"}, 1, false, {}}};
  return m;
}

std::string validate_error(Model m) {
  return message_of([&] { validate_model(m, "code.json"); });
}

TEST(ValidateModel, AcceptsAValidModelAndInfersTheEntry) {
  Model m = code_model();
  EXPECT_TRUE(validate_model(m).empty());
  EXPECT_EQ(m.entry, "web");
}

TEST(ValidateModel, UsesThePointerTheKeyWouldHaveInAFile) {
  Model m = code_model();
  m.components[1].min_up = 3;
  EXPECT_EQ(validate_error(m),
            "code.json: /components/1/min_up: must be at most \"instances\" (2); got 3");
  m = code_model();
  m.components[0].repair = Exponential{-2.0};
  EXPECT_EQ(validate_error(m),
            "code.json: /components/0/repair/mean: must be a non-negative duration; got -2.0");
  m = code_model();
  m.components[0].repair = Fixed{0.0};
  EXPECT_EQ(validate_error(m),
            "code.json: /components/0/repair: must have a positive mean; got 0.0");
  m = code_model();
  m.components[1].failure = Weibull{0.0, 1000.0};
  EXPECT_EQ(validate_error(m),
            "code.json: /components/1/failure/shape: must be a positive number; got 0.0");
  m = code_model();
  m.components[1].repair = Uniform{2.0, 1.0};
  EXPECT_EQ(validate_error(m),
            "code.json: /components/1/repair/max: must be at least \"min\"; got 1.0");
  m = code_model();
  m.components[1].repair = Empirical{{1.0, -1.0}};
  EXPECT_EQ(validate_error(m),
            "code.json: /components/1/repair/samples/1: must be a non-negative duration; got -1.0");
}

TEST(ValidateModel, ChecksRunSettings) {
  Model m = code_model();
  m.horizon_hours = 0.0;
  EXPECT_EQ(validate_error(m), "code.json: /horizon: must be a positive duration; got 0.0");
  m = code_model();
  m.horizon_hours = std::numeric_limits<double>::infinity();
  EXPECT_EQ(validate_error(m), "code.json: /horizon: must be a positive duration; got null");
  m = code_model();
  m.replications = 0;
  EXPECT_EQ(validate_error(m),
            "code.json: /replications: must be an integer from 1 to 1000000000; got 0");
  m = code_model();
  m.target = 1.5;
  EXPECT_NE(validate_error(m).find("/target: must be an availability target"), std::string::npos);
}

TEST(ValidateModel, ChecksIdsAndInstanceCounts) {
  Model m = code_model();
  m.components[1].id = "web";
  EXPECT_EQ(validate_error(m),
            "code.json: /components/1/id: duplicate component id; first used at /components/0; "
            "got \"web\"");
  m = code_model();
  m.components[1].id = "d b";
  EXPECT_NE(validate_error(m).find("/components/1/id: must be a non-empty id"), std::string::npos);
  m = code_model();
  m.components[0].instances = 1'000'001;
  EXPECT_EQ(
      validate_error(m),
      "code.json: /components/0/instances: must be an integer from 1 to 1000000; got 1000001");
  m = code_model();
  m.components.clear();
  EXPECT_EQ(validate_error(m),
            "code.json: /components: must be a non-empty list of components; got []");
}

TEST(ValidateModel, ChecksCoverageRules) {
  Model m = code_model();
  m.components[0].coverage = 0.9;
  m.components[0].undetected = Exponential{2.0};
  EXPECT_TRUE(validate_model(m).empty());
  m.components[0].inspections = Inspections{24.0};
  EXPECT_EQ(validate_error(m),
            "code.json: /components/0/undetected: give either a law or {\"inspection_every\": D}, "
            "not both");
  m.components[0].undetected.reset();
  m.components[0].inspections = Inspections{0.0};
  EXPECT_EQ(validate_error(m),
            "code.json: /components/0/undetected/inspection_every: must be a positive duration; "
            "got 0.0");
  m.components[0].inspections.reset();
  EXPECT_NE(validate_error(m).find("/components/0/coverage: below 1 needs \"undetected\""),
            std::string::npos);
  m.components[0].coverage = 1.2;
  EXPECT_NE(validate_error(m).find("/components/0/coverage: must be a probability"),
            std::string::npos);
  m.components[0].coverage.reset();
  m.components[0].undetected = Exponential{2.0};
  EXPECT_NE(validate_error(m).find("/components/0/undetected: needs \"coverage\""),
            std::string::npos);
}

TEST(ValidateModel, ChecksDeploysWithTheLoadersMessages) {
  Model m = code_model();
  m.components[0].deploys = Deploys{.period_hours = 168.0, .bad_probability = 0.05};
  m.components[0].deploys->detection = Fixed{0.0};
  m.components[0].deploys->rollback = Exponential{0.25};
  EXPECT_TRUE(validate_model(m).empty());
  const std::string at = "code.json: /components/0/deploys";
  auto error_with = [&](const std::function<void(Deploys&)>& edit) {
    Model changed = m;
    edit(*changed.components[0].deploys);
    return validate_error(changed);
  };
  EXPECT_EQ(error_with([](Deploys& d) { d.period_hours = 0.0; }),
            at + "/period: must be a positive duration; got 0.0");
  EXPECT_EQ(error_with([](Deploys& d) { d.first_at_hours = -1.0; }),
            at + "/first_at: must be a non-negative duration; got -1.0");
  EXPECT_EQ(error_with([](Deploys& d) { d.bad_probability = 1.5; }),
            at + "/bad_probability: must be a probability between 0 and 1; got 1.5");
  EXPECT_EQ(error_with([](Deploys& d) { d.batch = 0; }),
            at + "/batch: must be an integer from 1 to 1000000; got 0");
  EXPECT_EQ(error_with([](Deploys& d) { d.batch_interval_hours = 0.0; }),
            at + "/batch_interval: must be a positive duration; got 0.0");
  EXPECT_EQ(error_with([](Deploys& d) { d.canary_fraction = 0.0; }),
            at + "/canary_fraction: must be a fraction in (0, 1]; got 0.0");
  EXPECT_EQ(error_with([](Deploys& d) { d.bake_hours = -0.5; }),
            at + "/bake: must be a non-negative duration; got -0.5");
  EXPECT_EQ(error_with([](Deploys& d) { d.restart = Exponential{-1.0}; }),
            at + "/restart/mean: must be a non-negative duration; got -1.0");
  EXPECT_EQ(error_with([](Deploys& d) { d.strategy = DeployStrategy::kRolling; }),
            at + R"(: missing "batch_interval" (the time between batches; "strategy": )"
                 R"("rolling" needs it))");
  EXPECT_EQ(error_with([](Deploys& d) {
              d.strategy = DeployStrategy::kCanary;
              d.batch_interval_hours = 0.1;
              d.canary_fraction = 0.2;
            }),
            at + R"(: missing "bake" (the time from the canary batch to the first batch of )"
                 R"(the rest; "strategy": "canary" needs it))");
  EXPECT_EQ(error_with([](Deploys& d) { d.rollback.reset(); }),
            at + R"(: missing "rollback" (the time from the verdict to the rollback's end; )"
                 R"(needed when "bad_probability" is above 0))");
  EXPECT_TRUE(validate_model(m).empty());
  // Deploys on a component that never fails are allowed.
  m.components[0].failure = Never{};
  m.components[0].repair = Component{}.repair;
  EXPECT_TRUE(validate_model(m).empty());
}

TEST(ValidateModel, ChecksStandbyRules) {
  Model m = code_model();
  m.components[0].standby.switchover = Fixed{1.0};
  EXPECT_NE(validate_error(m).find("/components/0/standby/switchover: only allowed with \"mode\": "
                                   "\"warm\" or \"cold\""),
            std::string::npos);
  m = code_model();
  m.components[1].standby.mode = StandbyMode::kWarm;
  EXPECT_NE(validate_error(m).find("/components/1/standby: missing \"dormant_failure\""),
            std::string::npos);
  m.components[1].standby.dormant_failure = Exponential{1e5};
  m.components[1].standby.switch_success = 1.1;
  EXPECT_EQ(validate_error(m),
            "code.json: /components/1/standby/switch_success: must be a probability between 0 "
            "and 1; got 1.1");
  m = code_model();
  m.components[1].standby.dormant_failure = Exponential{1e5};
  EXPECT_NE(validate_error(m).find("/components/1/standby/dormant_failure: not allowed with "
                                   "\"mode\": \"cold\""),
            std::string::npos);
}

TEST(ValidateModel, ChecksCrews) {
  Model m = code_model();
  m.components[0].crew = "oncall";
  EXPECT_EQ(validate_error(m),
            "code.json: /components/0/crew: unknown crew id; the model defines no crew ids; got "
            "\"oncall\"");
  m.crews = {Crew{"oncall", 0}};
  EXPECT_EQ(validate_error(m),
            "code.json: /crews/0/size: must be an integer from 1 to 1000000; got 0");
  m.crews = {Crew{"oncall", 1}, Crew{"oncall", 2}};
  EXPECT_EQ(validate_error(m),
            "code.json: /crews/1/id: duplicate crew id; first used at /crews/0; got \"oncall\"");
}

TEST(ValidateModel, ChecksDependencies) {
  Model m = code_model();
  m.dependencies.push_back(Dependency{"db", {"web"}, 1, false, {}});
  EXPECT_EQ(validate_error(m),
            "code.json: /dependencies/0: dependency cycle: web -> db -> web (dependencies must "
            "not form a loop)");
  m = code_model();
  m.dependencies = {Dependency{"web", {"db", "cache"}, 1, true, {}}};
  EXPECT_EQ(validate_error(m),
            "code.json: /dependencies/0/to/1: unknown component id; known component ids: web, "
            "db; got \"cache\"");
  m = code_model();
  m.dependencies = {Dependency{"web", {"db"}, 2, true, {}}};
  EXPECT_EQ(validate_error(m),
            "code.json: /dependencies/0/min_up: must be an integer from 1 to the number of "
            "listed components (1); got 2");
  m = code_model();
  m.dependencies = {Dependency{"web", {"db", "web"}, 1, false, {}}};
  EXPECT_NE(validate_error(m).find("/dependencies/0/to: must name exactly one component"),
            std::string::npos);
  m = code_model();
  m.entry = "nope";
  EXPECT_EQ(validate_error(m),
            "code.json: /entry: unknown component id; known component ids: web, db; got \"nope\"");
  m = code_model();
  m.dependencies.clear();
  EXPECT_EQ(validate_error(m),
            "code.json: /entry: missing, and 2 components have nothing depending on them (web, "
            "db): set \"entry\" to the component users reach");
}

TEST(ValidateModel, GivesTheSameMessagesAsTheFilePath) {
  // min_up > instances, reached through a file and through code.
  nlohmann::json document = testing::three_tier();
  document["components"][0]["min_up"] = 4;
  const std::string from_file = testing::parse_error(document);
  Model m = parse_model(testing::three_tier(), "m.json").model;
  m.components[0].min_up = 4;
  const std::string from_code = message_of([&] { validate_model(m, "m.json"); });
  EXPECT_EQ(from_file, from_code);
  EXPECT_EQ(from_code, "m.json: /components/0/min_up: must be at most \"instances\" (3); got 4");
}

TEST(ValidateModel, ReturnsWarnings) {
  Model m = code_model();
  m.entry = "db";
  const auto warnings = validate_model(m, "code.json");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("component \"web\" is not reached from the entry \"db\""),
            std::string::npos);
}

TEST(ValidateModel, AComponentThatNeverFailsKeepsEveryKeyOfFailingAtItsDefault) {
  Model m = code_model();
  Component users;
  users.id = "users";
  users.failure = Never{};
  m.components.push_back(users);
  m.dependencies.push_back(Dependency{"users", {"web"}, 1, false, {}});
  Model ok = m;
  EXPECT_TRUE(validate_model(ok).empty());
  EXPECT_EQ(ok.entry, "users");

  Model bad = m;
  bad.components[2].repair = Exponential{2.0};
  EXPECT_EQ(validate_error(bad),
            R"(code.json: /components/2/repair: a component whose failure is "never" has no )"
            R"(repair; remove it)");
  bad = m;
  bad.components[2].detection = Exponential{0.1};
  EXPECT_EQ(validate_error(bad),
            R"(code.json: /components/2/detection: a component whose failure is "never" has no )"
            R"(detection; remove it)");
  bad = m;
  bad.components[2].standby.mode = StandbyMode::kCold;
  EXPECT_EQ(validate_error(bad),
            R"(code.json: /components/2/standby: a component whose failure is "never" has no )"
            R"(standby; remove it)");
  bad = m;
  bad.crews.push_back(Crew{"oncall", 1, std::nullopt});
  bad.components[2].crew = "oncall";
  EXPECT_EQ(validate_error(bad),
            R"(code.json: /components/2/crew: a component whose failure is "never" has no )"
            R"(repairs for a crew; remove it)");
}

TEST(ValidateModel, NeverIsOnlyAComponentsFailure) {
  Model m = code_model();
  m.components[0].repair = Never{};
  EXPECT_EQ(validate_error(m),
            R"(code.json: /components/0/repair: only a component's "failure" can be "never"; )"
            R"(give a distribution; got "never")");
  m = code_model();
  m.components[1].standby.switchover = Never{};
  EXPECT_EQ(validate_error(m),
            R"(code.json: /components/1/standby/switchover: only a component's "failure" can be )"
            R"("never"; give a distribution; got "never")");
}

TEST(ValidateModel, AComponentThatNeverFailsCanOnlyBeInjectedWithFor) {
  Model m = code_model();
  m.components[0].failure = Never{};
  m.components[0].repair = Component{}.repair;
  m.inject.push_back(Injection{24.0, Injection::Target::kComponent, "web", 1, std::nullopt});
  EXPECT_EQ(validate_error(m),
            R"(code.json: /inject/0: needs "for" here: "web" never fails and has no repair, so it )"
            R"(can only be held down)");
  m.inject[0].for_hours = 2.0;
  EXPECT_TRUE(validate_model(m).empty());
}

}  // namespace
}  // namespace nines::models
