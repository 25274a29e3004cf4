// Tests of `nines compare` as a process: paired differences checked against the engine's
// per-replication figures, a file against itself, run settings of the first file, bad input.
#include "nines/cli/compare_command.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"
#include "nines/engine/monte_carlo.hpp"
#include "nines/engine/summary.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::cli {
namespace {

using nlohmann::json;
using testing::line_count;
using testing::run_nines;
using testing::TempDir;

json compare_json(const std::vector<std::string>& arguments) {
  std::vector<std::string> all{"compare"};
  all.insert(all.end(), arguments.begin(), arguments.end());
  all.insert(all.end(), {"--json", "-"});
  const auto r = run_nines(all);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

/// small_model() with a slower database repair and its own seed and replications, which the
/// first file's replace.
std::string slower_db() {
  json document = json::parse(testing::small_model());
  document["components"][1]["mttr"] = "8h";
  document["seed"] = 99;
  document["replications"] = 7;
  document["currency"] = "EUR";
  document["components"][0]["cost"] = 100;
  return document.dump();
}

/// mean, stderr and the 95% interval's half-width of `values` (Student t), by hand.
struct ByHand {
  double mean = 0.0;
  double stderr_ = 0.0;
};
ByHand by_hand(const std::vector<double>& values) {
  ByHand h;
  for (double v : values) h.mean += v;
  h.mean /= static_cast<double>(values.size());
  double squares = 0.0;
  for (double v : values) squares += (v - h.mean) * (v - h.mean);
  const auto n = static_cast<double>(values.size());
  h.stderr_ = std::sqrt(squares / (n - 1.0) / n);
  return h;
}

TEST(CompareCommand, DifferencesArePairedOverTheEnginesPerReplicationFigures) {
  const TempDir dir;
  const auto a = dir.write("a.json", testing::small_model());
  const auto b = dir.write("b.json", slower_db());
  const json doc = compare_json({a, b});
  ASSERT_EQ(doc.at("scenarios").size(), 2U);
  EXPECT_EQ(doc.at("scenarios").at(0).at("name"), a);
  EXPECT_EQ(doc.at("scenarios").at(1).at("name"), b);
  EXPECT_TRUE(doc.at("scenarios").at(0).at("difference").is_null());
  const json& d = doc.at("scenarios").at(1).at("difference");

  // The same runs in process: b with a's seed, replications and horizon.
  const models::Model model_a = models::load_model(a).model;
  models::Model model_b = models::load_model(b).model;
  model_b.seed = model_a.seed;
  model_b.replications = model_a.replications;
  engine::RunOptions options;
  options.threads = 1;
  const auto range_a = engine::simulate_range(model_a, options);
  const auto range_b = engine::simulate_range(model_b, options);
  std::vector<double> availability;
  std::vector<double> downtime;
  std::vector<double> outages;
  for (std::size_t i = 0; i < range_a.unavailability.size(); ++i) {
    availability.push_back(range_a.unavailability[i] - range_b.unavailability[i]);
    downtime.push_back(8760.0 * (range_b.unavailability[i] - range_a.unavailability[i]));
    outages.push_back(static_cast<double>(range_b.outages[i]) - range_a.outages[i]);
  }
  const ByHand da = by_hand(availability);
  EXPECT_EQ(d.at("pairs"), 40);
  EXPECT_NEAR(d.at("availability").at("mean").get<double>(), da.mean, 1e-15);
  EXPECT_NEAR(d.at("availability").at("stderr").get<double>(), da.stderr_, 1e-15);
  // The interval is the engine's Student t interval of the differences.
  const engine::Estimate direct = engine::estimate_mean(availability);
  EXPECT_NEAR(d.at("availability").at("ci95")[0].get<double>(), direct.ci95_lo, 1e-15);
  EXPECT_NEAR(d.at("availability").at("ci95")[1].get<double>(), direct.ci95_hi, 1e-15);
  EXPECT_NEAR(d.at("downtime_hours_per_year").at("mean").get<double>(), by_hand(downtime).mean,
              1e-9);
  EXPECT_NEAR(d.at("outages_per_year").at("mean").get<double>(), by_hand(outages).mean, 1e-12);
  const double s_a = doc.at("scenarios").at(0).at("result").at("availability").at("stderr");
  const double s_b = doc.at("scenarios").at(1).at("result").at("availability").at("stderr");
  EXPECT_NEAR(d.at("variance_ratio").get<double>(),
              (s_a * s_a + s_b * s_b) / (da.stderr_ * da.stderr_), 1e-9);
  EXPECT_EQ(d.at("significant").get<bool>(), direct.ci95_lo > 0.0 || direct.ci95_hi < 0.0);
  // The first file's settings apply to all; each result carries its design's cost.
  const json& result_b = doc.at("scenarios").at(1).at("result");
  EXPECT_EQ(result_b.at("seed"), 3);
  EXPECT_EQ(result_b.at("replications"), 40);
  EXPECT_EQ(result_b.at("cost_per_month"), 200.0);
  EXPECT_EQ(result_b.at("currency"), "EUR");
  EXPECT_TRUE(d.at("cost_per_month").is_null()) << "the first design has no cost";
}

TEST(CompareCommand, AFileComparedWithItselfDiffersByExactlyZero) {
  const TempDir dir;
  const auto a = dir.write("a.json", testing::small_model());
  const json doc = compare_json({a, a, "--replications", "30"});
  const json& d = doc.at("scenarios").at(1).at("difference");
  for (const char* key : {"availability", "downtime_hours_per_year", "outages_per_year"}) {
    EXPECT_EQ(d.at(key).at("mean"), 0.0) << key;
    EXPECT_EQ(d.at(key).at("stderr"), 0.0) << key;
    EXPECT_EQ(d.at(key).at("ci95"), (json{0.0, 0.0})) << key;
  }
  EXPECT_EQ(d.at("pairs"), 30);
  EXPECT_FALSE(d.at("significant").get<bool>());
  EXPECT_TRUE(d.at("variance_ratio").is_null());
}

TEST(CompareCommand, PrintsOneTableWithARowPerFile) {
  const TempDir dir;
  const auto a = dir.write("a.json", testing::small_model());
  json worse = json::parse(testing::small_model());
  worse["components"][1]["mttr"] = "100h";
  const auto b = dir.write("b.json", worse.dump());
  const auto r = run_nines({"compare", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  for (const std::string& fragment : std::vector<std::string>{
           std::string("Small shop: designs compared"), "\n  design ", "\n  " + a + " ",
           "\n  " + b + " *", "Δ availability (paired 95% CI)", "pairing", "excludes 0"}) {
    EXPECT_NE(r.out.find(fragment), std::string::npos) << fragment << "\n" << r.out;
  }
}

TEST(CompareCommand, WarnsAboutAFileSharingNoComponentWithTheFirst) {
  const TempDir dir;
  const auto a = dir.write("a.json", testing::small_model());
  const auto b = dir.write(
      "b.json", R"({"replications": 5, "components": [{"id": "x", "mtbf": "1y", "mttr": "1h"}]})");
  const auto r = run_nines({"compare", a, b, "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "warning: " + b + ": shares no component id with " + a +
                       ", so none of its random draws are paired with the first design's "
                       "(pairing is by component id and instance index)\n");
}

TEST(CompareCommand, RejectsOneFileAndBadFilesInOneLine) {
  const TempDir dir;
  const auto a = dir.write("a.json", testing::small_model());
  auto r = run_nines({"compare", a});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "nines compare: needs at least two model files to compare; got 1 (see 'nines "
            "compare --help')\n");
  r = run_nines({"compare", a, a, "--precision", "0.1", "--replications", "5"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "nines compare: --replications excludes --precision (use --max-replications for a "
            "ceiling) (see 'nines compare --help')\n");
  json bad = json::parse(testing::small_model());
  bad["components"][1]["cost"] = "12 EUR";
  const auto b = dir.write("shop.json", bad.dump());
  const auto out = (dir.path() / "out.json").string();
  r = run_nines({"compare", a, b, "--json", out});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(line_count(r.err), 1U) << r.err;
  EXPECT_EQ(r.err, b + ": /components/1/cost: must be a non-negative number; got \"12 EUR\"\n");
  EXPECT_FALSE(std::filesystem::exists(out));
}

}  // namespace
}  // namespace nines::cli
