// `nines plan` as a process: winners known exactly (a k-of-n pool from the binomial formula, a
// two-pool trade-off solved by hand, a redundancy allocation by enumeration), every candidate's
// figures equal to `nines run`, exit 4 both ways, the winner written, bad input, Ctrl-C.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli_test_support.hpp"

namespace nines::cli {
namespace {

using nlohmann::json;
using testing::read_file;
using testing::run_nines;
using testing::TempDir;

json without_run_info(json doc) {
  doc.erase("run_info");
  return doc;
}

double binomial(int n, int k) {
  double c = 1.0;
  for (int i = 1; i <= k; ++i) c = c * (n - k + i) / i;
  return c;
}

/// P(at least k of n independent instances up), each up with probability a.
double k_of_n(int k, int n, double a) {
  double p = 0.0;
  for (int j = k; j <= n; ++j) p += binomial(n, j) * std::pow(a, j) * std::pow(1.0 - a, n - j);
  return p;
}

/// A pool of `min_up` needed instances, exponential laws (mtbf 90 h, mttr 10 h: a = 0.9), 40
/// EUR per instance and month. A year's horizon is some 900 mean repair times: the all-new start
/// weighs nothing.
std::string pool_model() {
  return R"({"name": "pool", "horizon": "1y", "replications": 100, "seed": 11, "target": 0.9995,
    "currency": "EUR",
    "components": [{"id": "pool", "instances": 3, "min_up": 3, "mtbf": "90h", "mttr": "10h",
                    "cost": 40}]})";
}

/// Hot 1-of-n subsystems in series: entry s0 needs s1, s1 needs s2, ... Instance availability
/// mtbf / (mtbf + mttr) and monthly cost per instance as given. `failure` replaces mtbf with a
/// law ("" for the exponential).
struct Subsystem {
  double mtbf_h;
  double mttr_h;
  double cost;
};
std::string series_model(const std::vector<Subsystem>& subsystems, double target,
                         const std::string& weibull_shape = "") {
  std::ostringstream m;
  m << R"({"name": "series", "horizon": "1y", "replications": 100, "seed": 5, "target": )" << target
    << R"(, "currency": "EUR", "components": [)";
  for (std::size_t i = 0; i < subsystems.size(); ++i) {
    const Subsystem& s = subsystems[i];
    m << (i ? ", " : "") << R"({"id": "s)" << i << R"(", "instances": 1, "min_up": 1, )";
    if (weibull_shape.empty()) {
      m << R"("mtbf": ")" << s.mtbf_h << R"(h", )";
    } else {
      // Shape 2: mean = scale * Gamma(1.5) = scale * sqrt(pi) / 2.
      m << R"("failure": {"type": "weibull", "shape": )" << weibull_shape << R"(, "scale": ")"
        << s.mtbf_h / (std::sqrt(M_PI) / 2.0) << R"(h"}, )";
    }
    m << R"("mttr": ")" << s.mttr_h << R"(h", "cost": )" << s.cost << "}";
  }
  m << R"(], "dependencies": [)";
  for (std::size_t i = 0; i + 1 < subsystems.size(); ++i) {
    m << (i ? ", " : "") << R"({"from": "s)" << i << R"(", "to": "s)" << i + 1 << R"("})";
  }
  m << "]}";
  return m.str();
}

/// The winner's point ("values") in a plan document.
json winner_values(const json& plan) {
  return plan["best"].is_null() ? json() : plan["best"]["values"];
}

TEST(Plan, KOfNPoolTakesTheSmallestCountTheBinomialFormulaAllows) {
  TempDir dir;
  const std::string model = dir.write("m.json", pool_model());
  constexpr double kA = 90.0 / 100.0;
  constexpr double kTarget = 0.9995;
  int smallest = 0;
  for (int n = 3; n <= 8; ++n) {
    // Targets well apart from every candidate: unavailabilities differ by a factor of 2 or more.
    const double u = 1.0 - k_of_n(3, n, kA);
    ASSERT_TRUE(u > 2.0 * (1.0 - kTarget) || u < 0.5 * (1.0 - kTarget)) << n;
    if (smallest == 0 && k_of_n(3, n, kA) >= kTarget) smallest = n;
  }
  ASSERT_EQ(smallest, 7);  // 1 - A: 1.3e-3 at 6, 1.8e-4 at 7
  const auto plan = run_nines({"plan", model, "--vary", "pool.instances=3..8", "--pilot", "200",
                               "--batch", "200", "--json", "-", "--threads", "1"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const json doc = json::parse(plan.out);
  EXPECT_EQ(doc["outcome"], "found");
  EXPECT_EQ(winner_values(doc), json({{"pool.instances", smallest}}));
  EXPECT_EQ(doc["best"]["cost_per_month"], 40 * smallest);
  EXPECT_TRUE(doc["best"]["confirmed"].get<bool>());
  // Exponential laws: the horizon value screens the counts below the target unsimulated.
  for (int n = 3; n < smallest; ++n) {
    const json& c = doc["candidates"][static_cast<std::size_t>(n - 3)];
    EXPECT_EQ(c["status"], "screened-out") << n;
    EXPECT_EQ(c["screening"], "exact") << n;
    EXPECT_NEAR(c["exact"].get<double>(), k_of_n(3, n, kA), 1e-3) << n;
    EXPECT_TRUE(c["result"].is_null()) << n;
  }
  // The simulated ones agree with the formula within four of their standard errors.
  for (int n = smallest; n <= 8; ++n) {
    const json& a = doc["candidates"][static_cast<std::size_t>(n - 3)]["result"]["availability"];
    EXPECT_NEAR(a["mean"].get<double>(), k_of_n(3, n, kA), 4.0 * a["stderr"].get<double>() + 1e-9)
        << n;
  }
  // The front: the simulated candidates by cost, each more available than the cheaper.
  EXPECT_EQ(doc["front"], json({4, 5}));
}

TEST(Plan, TwoPoolSeriesTradeOffSolvedByHand) {
  // s0: a = 0.98 (mtbf 490 h, mttr 10 h), 100 EUR; s1: a = 0.9 (mtbf 90 h, mttr 10 h), 30 EUR.
  // A(n0, n1) = (1 - 0.02^n0) (1 - 0.1^n1); target 0.999, so 1 - A must be below 1e-3:
  //   n0 = 1 never (1 - A >= 0.02); (2,1) 0.1004; (2,2) 0.0104; (2,3) 1.4e-3 fails;
  //   (2,4) 5.0e-4 meets at 2 x 100 + 4 x 30 = 320 EUR. Every cheaper candidate has n0 = 1 or
  //   is (2,1..3): (2,4) wins. (3,3) at 390 EUR sits at 1.008e-3, too close to call, but it is
  //   dearer than the winner and never gets a round.
  // The laws are Weibull (shape 2): no horizon value, so pilots and rounds decide; an
  // alternating renewal process is up mtbf / (mtbf + mttr) of the time whatever the law.
  TempDir dir;
  const std::string model =
      dir.write("m.json", series_model({{490, 10, 100}, {90, 10, 30}}, 0.999, "2"));
  const auto plan =
      run_nines({"plan", model, "--vary", "s0.instances=1..3", "--vary", "s1.instances=1..4",
                 "--pilot", "100", "--batch", "100", "--json", "-", "--threads", "2"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const json doc = json::parse(plan.out);
  EXPECT_EQ(winner_values(doc), json({{"s0.instances", 2}, {"s1.instances", 4}}));
  EXPECT_EQ(doc["best"]["cost_per_month"], 320);
  for (const auto& c : doc["candidates"]) {
    EXPECT_TRUE(c["screening"].is_null() || c["screening"] == "pilot") << c["values"];
    EXPECT_TRUE(c["exact"].is_null());
  }
}

TEST(Plan, RedundancyAllocationMatchesEnumeration) {
  // Three hot 1-of-n subsystems in series (instance availabilities 0.97, 0.90, 0.99; 20, 30 and
  // 80 EUR an instance), 1..3 instances each: 27 allocations.
  const std::vector<Subsystem> subsystems = {{97, 3, 20}, {90, 10, 30}, {99, 1, 80}};
  constexpr double kTarget = 0.995;
  double best_cost = 1e300;
  std::vector<int> best;
  for (int p = 0; p < 27; ++p) {  // point order: the last --vary fastest
    const std::vector<int> n = {1 + p / 9, 1 + (p / 3) % 3, 1 + p % 3};
    double a = 1.0;
    double cost = 0.0;
    for (std::size_t i = 0; i < 3; ++i) {
      const double q = subsystems[i].mttr_h / (subsystems[i].mtbf_h + subsystems[i].mttr_h);
      a *= 1.0 - std::pow(q, n[i]);
      cost += n[i] * subsystems[i].cost;
    }
    const double u = 1.0 - a;
    // Targets well apart from every candidate: a factor of 2 in unavailability.
    ASSERT_TRUE(u > 2.0 * (1.0 - kTarget) || u < (1.0 - kTarget) / 2.0) << p << ": " << u;
    if (a >= kTarget && cost < best_cost) {
      best_cost = cost;
      best = n;
    }
  }
  ASSERT_EQ(best, std::vector<int>({2, 3, 2}));  // 290 EUR, 1 - A = 2.0e-3; 130 to 390 EUR
  TempDir dir;
  const std::string model = dir.write("m.json", series_model(subsystems, kTarget));
  const auto plan = run_nines({"plan", model, "--vary", "s0.instances=1..3", "--vary",
                               "s1.instances=1..3", "--vary", "s2.instances=1..3", "--pilot", "100",
                               "--batch", "100", "--json", "-", "--threads", "2"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const json doc = json::parse(plan.out);
  EXPECT_EQ(
      winner_values(doc),
      json({{"s0.instances", best[0]}, {"s1.instances", best[1]}, {"s2.instances", best[2]}}));
  EXPECT_EQ(doc["best"]["cost_per_month"].get<double>(), best_cost);
  // Every cheaper candidate is decided, none meets.
  const double winner_cost = best_cost;
  for (const auto& c : doc["candidates"]) {
    if (c["cost_per_month"].get<double>() < winner_cost) {
      EXPECT_TRUE(c["status"] == "fails" || c["status"] == "screened-out") << c["values"];
    }
  }
  // The front, recomputed here: by cost, each simulated candidate whose mean is above every
  // cheaper one's (at equal cost the higher mean, then point order).
  std::vector<std::size_t> simulated;
  const json& all = doc["candidates"];
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!all[i]["result"].is_null()) simulated.push_back(i);
  }
  const auto mean = [&](std::size_t i) {
    return all[i]["result"]["availability"]["mean"].get<double>();
  };
  const auto cost = [&](std::size_t i) { return all[i]["cost_per_month"].get<double>(); };
  std::stable_sort(simulated.begin(), simulated.end(), [&](std::size_t a, std::size_t b) {
    return cost(a) != cost(b) ? cost(a) < cost(b) : mean(a) > mean(b);
  });
  json front = json::array();
  double highest = -1.0;
  for (std::size_t k = 0; k < simulated.size(); ++k) {
    const std::size_t i = simulated[k];
    if (k > 0 && cost(simulated[k - 1]) == cost(i)) continue;
    if (mean(i) > highest) {
      front.push_back(i);
      highest = mean(i);
    }
  }
  EXPECT_FALSE(front.empty());
  EXPECT_EQ(doc["front"], front);
}

TEST(Plan, EveryCandidateIsTheRunWithItsSettingsAndReplications) {
  TempDir dir;
  // Weibull laws: every candidate is simulated (no horizon value to screen with).
  const std::string model =
      dir.write("m.json", series_model({{490, 10, 100}, {90, 10, 30}}, 0.999, "2"));
  const auto plan = run_nines({"plan", model, "--vary", "s0.instances=1..2", "--vary",
                               "s1.instances=3..4", "--set", "s1.mttr=9h", "--pilot", "60",
                               "--batch", "40", "--json", "-", "--threads", "2"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const json doc = json::parse(plan.out);
  std::size_t checked = 0;
  for (const auto& c : doc["candidates"]) {
    if (c["result"].is_null()) continue;
    std::vector<std::string> args = {"run", model, "--set", "s1.mttr=9h"};
    for (const auto& [key, value] : c["values"].items()) {
      args.push_back("--set");
      args.push_back(key + "=" + value.dump());
    }
    // --set in flag order: the values object is sorted, and so are these keys (s0 before s1).
    args.insert(args.end(), {"--replications", std::to_string(c["replications"].get<int>()),
                             "--json", "-", "--quiet", "--threads", "1"});
    const auto run = run_nines(args);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(without_run_info(c["result"]), without_run_info(json::parse(run.out))) << c["values"];
    ++checked;
  }
  EXPECT_EQ(checked, 4U);
  // The confirmation is the same run with seed + 1.
  ASSERT_FALSE(doc["best"].is_null());
  std::vector<std::string> args = {"run", model};
  for (const auto& o : doc["best"]["overrides"]) {
    args.push_back("--set");
    args.push_back(o.get<std::string>());
  }
  args.insert(args.end(),
              {"--replications", std::to_string(doc["best"]["result"]["replications"].get<int>()),
               "--seed", "6", "--json", "-", "--quiet"});
  const auto confirmation = run_nines(args);
  ASSERT_EQ(confirmation.exit_code, 0) << confirmation.err;
  EXPECT_EQ(without_run_info(doc["best"]["confirmation"]),
            without_run_info(json::parse(confirmation.out)));
  // The report's last line reproduces the winner.
  const auto text =
      run_nines({"plan", model, "--vary", "s0.instances=1..2", "--vary", "s1.instances=3..4",
                 "--set", "s1.mttr=9h", "--pilot", "60", "--batch", "40", "--threads", "2"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("nines run " + model +
                          " --set s1.mttr=9h --set s0.instances=2 --set s1.instances=4 "
                          "--replications " +
                          std::to_string(doc["best"]["result"]["replications"].get<int>()) + "\n"),
            std::string::npos)
      << text.out;
}

TEST(Plan, ThreadsChangeNothing) {
  TempDir dir;
  const std::string model =
      dir.write("m.json", series_model({{490, 10, 100}, {90, 10, 30}}, 0.999, "2"));
  std::vector<json> docs;
  for (const char* threads : {"1", "2"}) {
    const auto plan =
        run_nines({"plan", model, "--vary", "s0.instances=1..3", "--vary", "s1.instances=2..4",
                   "--pilot", "50", "--batch", "30", "--json", "-", "--threads", threads});
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
    docs.push_back(json::parse(plan.out));
    docs.back().erase("run_info");
  }
  EXPECT_EQ(docs[0], docs[1]);
}

TEST(Plan, SlaAndWindowObjectivesJudgeTheirShares) {
  TempDir dir;
  const std::string model = dir.write("m.json", pool_model());
  // sla: the share of years meeting 99.95 % must be at least 0.9 at the lower end of its Wilson
  // interval (at 95 % the run document's own ci95).
  auto plan = run_nines({"plan", model, "--vary", "pool.instances=5..8", "--objective", "sla",
                         "--probability", "0.9", "--pilot", "300", "--json", "-"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  json doc = json::parse(plan.out);
  EXPECT_EQ(doc["objective"], "sla");
  EXPECT_EQ(doc["probability"], 0.9);
  ASSERT_FALSE(doc["best"].is_null());
  const double winner_cost = doc["best"]["cost_per_month"].get<double>();
  for (const auto& c : doc["candidates"]) {
    EXPECT_TRUE(c["exact"].is_null()) << "no exact screening but for availability";
    const json& years = c["result"]["sla"]["per_year"];
    if (c["status"] == "meets") {
      EXPECT_GE(years["ci95"][0].get<double>(), 0.9) << c["values"];
    }
    if (c["cost_per_month"].get<double>() < winner_cost) {
      EXPECT_LT(years["ci95"][1].get<double>(), 0.9) << c["values"];
    }
  }
  // window: months missing 99.95 % at most 5 % of the time, at the upper end of the interval.
  plan = run_nines({"plan", model, "--vary", "pool.instances=5..8", "--objective", "window",
                    "--window", "30d", "--probability", "0.95", "--pilot", "300", "--json", "-"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  doc = json::parse(plan.out);
  EXPECT_EQ(doc["objective"], "window");
  const json& missed = doc["best"]["result"]["windows"]["probability_missed"];
  EXPECT_LE(missed["mean"].get<double>() + 1.97 * missed["stderr"].get<double>(), 0.05);
}

TEST(Plan, NoWinnerIsExit4WithTheDocumentsWritten) {
  TempDir dir;
  const std::string model = dir.write("m.json", pool_model());
  const std::string out = (dir.path() / "p.json").string();
  const std::string csv = (dir.path() / "p.csv").string();
  const std::string best = (dir.path() / "best.json").string();
  // A budget below every candidate: known before simulating, the cheapest cost named.
  auto plan = run_nines({"plan", model, "--vary", "pool.instances=3..5", "--budget", "100",
                         "--json", out, "--csv", csv, "--write-best", best});
  EXPECT_EQ(plan.exit_code, 4) << plan.err;
  EXPECT_NE(plan.out.find("the cheapest costs 120 EUR"), std::string::npos) << plan.out;
  json doc = json::parse(read_file(out));
  EXPECT_EQ(doc["outcome"], "no-candidate-within-budget");
  EXPECT_TRUE(doc["best"].is_null());
  EXPECT_EQ(doc["replications"], 0);
  for (const auto& c : doc["candidates"]) EXPECT_EQ(c["status"], "over-budget");
  EXPECT_EQ(testing::line_count(read_file(csv)), 4U);
  EXPECT_FALSE(std::filesystem::exists(best));
  // None meets: the closest are listed.
  plan = run_nines({"plan", model, "--vary", "pool.instances=3..5", "--target", "99.999%", "--json",
                    out, "--write-best", best, "--pilot", "100"});
  EXPECT_EQ(plan.exit_code, 4) << plan.err;
  EXPECT_NE(plan.out.find("no candidate meets"), std::string::npos) << plan.out;
  doc = json::parse(read_file(out));
  EXPECT_EQ(doc["outcome"], "none-meets");
  EXPECT_EQ(doc["target"], 0.99999);
  EXPECT_FALSE(std::filesystem::exists(best));
}

TEST(Plan, UndecidedAtTheCeilingIsExit4) {
  TempDir dir;
  // n = 7 has 1 - A = 1.8e-4: a target of 1 - 1.8e-4 straddles it forever.
  const std::string model = dir.write("m.json", pool_model());
  const double a7 = k_of_n(3, 7, 0.9);
  std::ostringstream target;
  target.precision(17);
  target << a7;
  const auto plan =
      run_nines({"plan", model, "--vary", "pool.instances=7..8", "--target", target.str(),
                 "--pilot", "50", "--batch", "50", "--max-replications", "200", "--json", "-"});
  EXPECT_EQ(plan.exit_code, 4) << plan.err;
  const json doc = json::parse(plan.out);
  EXPECT_EQ(doc["outcome"], "undecided");
  EXPECT_EQ(doc["candidates"][0]["status"], "undecided");
  EXPECT_EQ(doc["candidates"][0]["replications"], 200);
}

TEST(Plan, TheWinnerWrittenAsAFileOrAScenarioRunsAsTheWinner) {
  TempDir dir;
  const std::string model = dir.write("m.json", pool_model());
  const std::string best = (dir.path() / "best.json").string();
  const auto plan = run_nines({"plan", model, "--vary", "pool.instances=5..8", "--pilot", "100",
                               "--json", "-", "--write-best", best, "--quiet"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const json doc = json::parse(plan.out);
  const std::string n = std::to_string(doc["best"]["result"]["replications"].get<int>());
  const json written = json::parse(read_file(best));
  EXPECT_EQ(written["components"][0]["instances"], 7);
  EXPECT_EQ(written["components"][0]["mtbf"], "90h");  // the file's own spelling
  EXPECT_FALSE(written.contains("scenarios"));
  auto run = run_nines({"run", best, "--replications", n, "--json", "-", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json from_file = json::parse(run.out);
  EXPECT_EQ(from_file["availability"], doc["best"]["result"]["availability"]);
  EXPECT_EQ(from_file["outages"], doc["best"]["result"]["outages"]);

  const auto added = run_nines({"plan", model, "--vary", "pool.instances=5..8", "--pilot", "100",
                                "--as-scenario", "cheapest", "--quiet"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  const json with_scenario = json::parse(read_file(model));
  EXPECT_EQ(with_scenario["scenarios"],
            json::parse(R"([{"name": "cheapest", "set": {"pool.instances": 7}}])"));
  run = run_nines(
      {"run", model, "--scenario", "cheapest", "--replications", n, "--json", "-", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json from_scenario = json::parse(run.out);
  EXPECT_EQ(from_scenario["availability"], doc["best"]["result"]["availability"]);
  // The name is now taken: exit 2 before simulating, the file unchanged.
  const std::string before = read_file(model);
  const auto again =
      run_nines({"plan", model, "--vary", "pool.instances=5..8", "--as-scenario", "cheapest"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("already has a scenario \"cheapest\""), std::string::npos) << again.err;
  EXPECT_EQ(read_file(model), before);
}

TEST(Plan, TheCsvHasARowPerCandidateAndTheFront) {
  TempDir dir;
  const std::string model = dir.write("m.json", pool_model());
  const std::string csv = (dir.path() / "p.csv").string();
  const auto plan = run_nines({"plan", model, "--vary", "pool.instances=5..8", "--pilot", "100",
                               "--csv", csv, "--json", "-", "--quiet"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const json doc = json::parse(plan.out);
  std::istringstream lines(read_file(csv));
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line.rfind("pool.instances,status,availability,", 0), 0U) << line;
  EXPECT_NE(line.find(",message,front\r"), std::string::npos) << line;
  for (std::size_t i = 0; i < doc["candidates"].size(); ++i) {
    ASSERT_TRUE(std::getline(lines, line));
    const json& c = doc["candidates"][i];
    EXPECT_EQ(
        line.rfind(
            c["values"]["pool.instances"].dump() + "," + c["status"].get<std::string>() + ",", 0),
        0U)
        << line;
    // The figures read back exactly: availability, its interval, cost and replications.
    std::vector<std::string> fields;
    std::istringstream row(line.substr(0, line.size() - 1));
    for (std::string f; std::getline(row, f, ',');) fields.push_back(f);
    ASSERT_EQ(fields.size(), 16U) << line;
    if (!c["result"].is_null()) {
      const json& a = c["result"]["availability"];
      EXPECT_EQ(std::stod(fields[2]), a["mean"].get<double>());
      EXPECT_EQ(std::stod(fields[3]), a["ci95"][0].get<double>());
      EXPECT_EQ(std::stod(fields[4]), a["ci95"][1].get<double>());
      EXPECT_EQ(std::stod(fields[8]), c["cost_per_month"].get<double>());
      EXPECT_EQ(fields[9], std::to_string(c["replications"].get<int>()));
    }
    const bool front = std::find(doc["front"].begin(), doc["front"].end(), i) != doc["front"].end();
    EXPECT_EQ(line.substr(line.size() - 2), front ? "1\r" : "0\r") << line;
  }
  EXPECT_FALSE(std::getline(lines, line));
}

TEST(Plan, BadInputIsExit2WithOneLineAndNothingWritten) {
  TempDir dir;
  const std::string model = dir.write("m.json", pool_model());
  const std::string out = (dir.path() / "p.json").string();
  const auto expect_bad = [&](std::vector<std::string> extra, const std::string& fragment) {
    std::vector<std::string> args = {"plan", model, "--json", out};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_nines(args);
    EXPECT_EQ(r.exit_code, 2) << fragment << "\n" << r.err;
    EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
    EXPECT_EQ(testing::line_count(r.err), 1U) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_FALSE(std::filesystem::exists(out)) << fragment;
  };
  const std::vector<std::string> vary = {"--vary", "pool.instances=3..5"};
  const auto with_vary = [&](std::vector<std::string> extra) {
    extra.insert(extra.begin(), vary.begin(), vary.end());
    return extra;
  };
  expect_bad({"--vary", "pool.instances"}, "--vary: must be KEY=SPEC");
  expect_bad({"--vary", "pool.instances=1.."}, "is no range");
  expect_bad({"--vary", "pool.instances=a..b"}, "is no range");
  expect_bad({"--vary", "pool.instances=1..5..0"}, "is no range");
  expect_bad({"--vary", "pool.instances=[]"}, "lists no value");
  expect_bad({"--vary", "pool.instances=5..3"}, "empty range 5..3");
  expect_bad({"--vary", "pool.instances=3..4", "--vary", "pool.instances=5..6"}, "given twice");
  expect_bad({"--vary", "pol.instances=3..4"}, "pol");
  expect_bad({"--vary", "pool.instances=1..1000", "--vary", "pool.mttr=1..101"},
             "more than 100000");
  expect_bad({"--vary", "pool.min_up=5..6"}, "every one of the 2 candidates is invalid");
  expect_bad({}, "--vary");
  expect_bad(with_vary({"--target", "abc"}), "--target: must be a fraction or a percentage");
  expect_bad(with_vary({"--target", "100%"}), "--target: must be a fraction");
  expect_bad(with_vary({"--confidence", "1.5"}), "--confidence: must be a fraction");
  expect_bad(with_vary({"--objective", "sla", "--probability", "0"}), "--probability: must be");
  expect_bad(with_vary({"--objective", "sla"}), "needs --probability");
  expect_bad(with_vary({"--probability", "0.9"}), "--probability goes with --objective sla");
  expect_bad(with_vary({"--objective", "window", "--probability", "0.9"}), "needs --window");
  expect_bad(with_vary({"--objective", "best"}), "--objective: must be availability, sla");
  expect_bad(with_vary({"--budget", "-5"}), "--budget: must be a non-negative number");
  expect_bad(with_vary({"--budget", "lots"}), "--budget: must be a non-negative number");
  expect_bad(with_vary({"--constraint", "outages_per_year.mean <= x"}),
             "VALUE must be a finite number");
  expect_bad(with_vary({"--constraint", "outages_per_year = 3"}), "OP one of <=, <, >=, >");
  expect_bad(with_vary({"--constraint", "outage_per_year <= 3"}),
             "unknown key \"outage_per_year\"");
  expect_bad(with_vary({"--constraint", "components.pol.availability >= 0.9"}),
             "unknown key \"pol\" in \"components.pol.availability >= 0.9\"; known there: pool");
  expect_bad(with_vary({"--write-best", "a.json", "--as-scenario", "x"}),
             "--write-best excludes --as-scenario");
  expect_bad(with_vary({"--replications", "100"}), "--replications");
  expect_bad(with_vary({"--precision", "0.1"}), "--precision");
  expect_bad(with_vary({"--csv", "/nonexistent/dir/p.csv"}), "cannot write");
  expect_bad(with_vary({"--set", "pool.cost=\"12 EUR\""}), "must be a non-negative number");
  // A model where nothing has a cost.
  const std::string no_cost = dir.write(
      "n.json", R"({"target": 0.99, "components": [{"id": "a", "mtbf": "90h", "mttr": "1h"}]})");
  const auto r = run_nines({"plan", no_cost, "--vary", "a.instances=1..2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no candidate has a cost"), std::string::npos) << r.err;
}

TEST(Plan, ConstraintsAreJudgedByTheirIntervals) {
  TempDir dir;
  const std::string model = dir.write("m.json", pool_model());
  // More instances fail more often: at most 60 outages a year leaves the smaller counts... the
  // pool of 7 sees failures of 7 instances; the outage rate grows with n near min_up only, so a
  // cap on the number of instances' own availability is what this test pins: components.pool
  // is the pool itself, and a constraint on it equal to the objective changes nothing.
  const auto plan =
      run_nines({"plan", model, "--vary", "pool.instances=5..8", "--pilot", "100", "--constraint",
                 "components.pool.availability >= 0.999", "--json", "-"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const json doc = json::parse(plan.out);
  EXPECT_EQ(doc["constraints"], json({"components.pool.availability >= 0.999"}));
  EXPECT_EQ(winner_values(doc), json({{"pool.instances", 7}}));
  // A cap no candidate can meet: none meets.
  const auto none = run_nines({"plan", model, "--vary", "pool.instances=5..8", "--pilot", "100",
                               "--constraint", "outages_per_year < 0.01", "--json", "-"});
  EXPECT_EQ(none.exit_code, 4) << none.err;
  EXPECT_EQ(json::parse(none.out)["outcome"], "none-meets");
}

TEST(Plan, CtrlCWritesTheFinishedCandidatesAndExits130) {
  TempDir dir;
  // Weibull laws (nothing screened exactly) and long pilots: the plan is mid-pilot at the signal.
  const std::string model =
      dir.write("m.json", series_model({{490, 10, 100}, {90, 10, 30}}, 0.999, "2"));
  const std::string out = (dir.path() / "p.json").string();
  const std::string best = (dir.path() / "best.json").string();
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const std::string binary = NINES_BINARY;
    execl(binary.c_str(), binary.c_str(), "plan", model.c_str(), "--vary", "s0.instances=1..10",
          "--vary", "s1.instances=1..10", "--pilot", "20000", "--threads", "1", "--json",
          out.c_str(), "--write-best", best.c_str(), "--quiet", static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  const json doc = json::parse(read_file(out));
  EXPECT_TRUE(doc["cancelled"].get<bool>());
  EXPECT_TRUE(doc["best"].is_null());
  std::size_t finished = 0;
  for (const auto& c : doc["candidates"]) {
    if (c["result"].is_null()) continue;
    EXPECT_EQ(c["replications"], 20000);  // only whole pilots
    ++finished;
  }
  EXPECT_LT(finished, 100U);
  EXPECT_FALSE(std::filesystem::exists(best));
}

}  // namespace
}  // namespace nines::cli
