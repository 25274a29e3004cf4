// Tests of `nines validate`: the summary line, warnings, and bad models.
#include "nines/cli/validate_command.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace nines::cli {
namespace {

using testing::line_count;
using testing::run_nines;
using testing::TempDir;

models::Model shop() {
  models::Model model;
  model.name = "Web shop";
  model.entry = "web";
  models::Component web;
  web.id = "web";
  web.instances = 3;
  web.min_up = 2;
  models::Component db;
  db.id = "db";
  model.components = {web, db};
  model.dependencies = {{"web", {"db"}, 1, false, {}}};
  return model;
}

TEST(ModelSummary, CountsComponentsInstancesAndDependencies) {
  EXPECT_EQ(model_summary("shop.json", shop()),
            "shop.json: ok: \"Web shop\" - 2 components, 4 instances, 1 dependency, entry web");
}

TEST(ModelSummary, UsesSingularAndPlural) {
  auto model = shop();
  model.components.resize(1);
  model.components[0].instances = 1;
  model.dependencies.clear();
  EXPECT_EQ(model_summary("a.json", model),
            "a.json: ok: \"Web shop\" - 1 component, 1 instance, 0 dependencies, entry web");
}

TEST(ModelSummary, QuotesTheName) {
  auto model = shop();
  model.name = "say \"hi\"";
  EXPECT_NE(model_summary("a.json", model).find(R"("say \"hi\"")"), std::string::npos);
}

TEST(ValidateCommand, PrintsTheSummary) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto r = run_nines({"validate", model});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, model +
                       ": ok: \"Small shop\" - 2 components, 3 instances, 1 dependency, entry "
                       "web\n");
  EXPECT_EQ(r.err, "");
}

TEST(ValidateCommand, PrintsWarningsOnStderr) {
  const TempDir dir;
  auto doc = nlohmann::json::parse(testing::small_model());
  doc["entry"] = "web";
  doc["components"].push_back({{"id", "orphan"}, {"mtbf", "100h"}, {"mttr", "1h"}});
  const auto model = dir.write("m.json", doc.dump(2));
  const auto r = run_nines({"validate", model});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(line_count(r.out), 1U);
  EXPECT_EQ(r.err.rfind("warning: ", 0), 0U) << r.err;
  EXPECT_NE(r.err.find("orphan"), std::string::npos) << r.err;
}

TEST(ValidateCommand, AcceptsOverrides) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto r = run_nines({"validate", model, "--set", "web.instances=5"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("6 instances"), std::string::npos) << r.out;
}

TEST(ValidateCommand, RejectsABadModelInOneLine) {
  const TempDir dir;
  auto doc = nlohmann::json::parse(testing::small_model());
  doc["components"][0]["mtbff"] = "100h";
  const auto model = dir.write("typo.json", doc.dump(2));
  const auto r = run_nines({"validate", model});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(line_count(r.err), 1U) << r.err;
  EXPECT_NE(r.err.find(model), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/components/0"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mtbf"), std::string::npos) << r.err;  // the suggestion
}

TEST(ValidateCommand, RejectsAModelThatIsNotAnObject) {
  const TempDir dir;
  const auto model = dir.write("list.json", "[1, 2]");
  const auto r = run_nines({"validate", model});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(line_count(r.err), 1U) << r.err;
  EXPECT_NE(r.err.find(model), std::string::npos) << r.err;
}

TEST(ValidateCommand, PrintsTheCostWhenTheModelHasOne) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto r = run_nines({"validate", model, "--set", "web.cost=1075", "--set", "currency=EUR"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\nCost 2,150 EUR per month\n"), std::string::npos) << r.out;
}

TEST(ModelSummary, CountsTheComponentsThatNeverFail) {
  auto model = shop();
  model.components[1].failure = models::Never{};
  EXPECT_EQ(model_summary("shop.json", model),
            "shop.json: ok: \"Web shop\" - 2 components, 4 instances, 1 dependency, entry web, "
            "1 component never fails");
  model.components[0].failure = models::Never{};
  EXPECT_NE(model_summary("shop.json", model).find(", 2 components never fail"), std::string::npos);
}

TEST(ModelSummary, NamesTheLoad) {
  auto model = shop();
  model.load = models::Load{};
  model.load->rps = 1200.0;
  model.load->profile.type = models::LoadProfile::Type::kDiurnal;
  model.load->profile.peak_to_mean = 1.8;
  EXPECT_EQ(model_summary("shop.json", model),
            "shop.json: ok: \"Web shop\" - 2 components, 4 instances, 1 dependency, entry web, "
            "a diurnal load of 1200 rps");
}

TEST(ValidateCommand, SetFailureNeverWorksAndAKeyOfFailingBesideItIsOneLine) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto ok = run_nines({"validate", model, "--set", "db.failure=never"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find(", 1 component never fails\n"), std::string::npos) << ok.out;
  auto doc = nlohmann::json::parse(testing::small_model());
  doc["components"][1].erase("mtbf");
  doc["components"][1]["failure"] = "never";
  const auto bad_file = dir.write("bad.json", doc.dump(2));
  const auto bad = run_nines({"validate", bad_file});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, bad_file +
                         R"(: /components/1/mttr: a component whose failure is "never" has no )"
                         R"(repair; remove it)"
                         "\n");
}
}  // namespace
}  // namespace nines::cli
