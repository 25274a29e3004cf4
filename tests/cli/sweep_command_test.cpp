// `nines sweep` as a process: points equal to `nines run --set`, the CSV equal to the JSON,
// skipped points, every bad input, and Ctrl-C mid-sweep.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli_test_support.hpp"

namespace nines::cli {
namespace {

using nlohmann::json;
using testing::read_file;
using testing::run_nines;
using testing::small_model;
using testing::TempDir;

json without_run_info(json doc) {
  doc.erase("run_info");
  return doc;
}

TEST(Sweep, EveryPointIsTheRunWithItsSettings) {
  TempDir dir;
  const std::string model = dir.write("m.json", small_model(60));
  const auto sweep = run_nines({"sweep", model, "--vary", "web.instances=2..3", "--vary",
                                "db.mttr=2h,5h", "--set", "web.mtbf=400h", "--json", "-"});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  const json doc = json::parse(sweep.out);
  EXPECT_EQ(doc["vary"], json::parse(R"([{"key": "web.instances", "values": [2, 3]},
                                        {"key": "db.mttr", "values": ["2h", "5h"]}])"));
  ASSERT_EQ(doc["points"].size(), 4U);
  EXPECT_TRUE(doc["skipped"].empty());
  EXPECT_FALSE(doc["cancelled"].get<bool>());
  EXPECT_EQ(doc["points"][2]["values"], json::parse(R"({"web.instances": 3, "db.mttr": "2h"})"));
  EXPECT_TRUE(doc["points"][0]["difference"].is_null());
  EXPECT_TRUE(doc["points"][3]["difference"].is_object());
  // Point 2 is `nines run` with the --set first, then its values in flag order.
  const auto run = run_nines({"run", model, "--set", "web.mtbf=400h", "--set", "web.instances=3",
                              "--set", "db.mttr=2h", "--json", "-", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(without_run_info(doc["points"][2]["result"]), without_run_info(json::parse(run.out)));
}

TEST(Sweep, TheCsvHasTheJsonFiguresAndEveryPointInOrder) {
  TempDir dir;
  const std::string model = dir.write("m.json", small_model(40));
  const std::string csv = (dir.path() / "s.csv").string();
  const std::string out = (dir.path() / "s.json").string();
  // min_up 3 of 2 instances is invalid: that point is skipped, listed, and in the CSV.
  const auto sweep = run_nines(
      {"sweep", model, "--vary", "web.min_up=1..3", "--csv", csv, "--json", out, "--quiet"});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  const json doc = json::parse(read_file(out));
  ASSERT_EQ(doc["points"].size(), 2U);
  ASSERT_EQ(doc["skipped"].size(), 1U);
  EXPECT_EQ(doc["skipped"][0]["values"], json::parse(R"({"web.min_up": 3})"));
  EXPECT_NE(doc["skipped"][0]["message"].get<std::string>().find("min_up"), std::string::npos);
  std::istringstream lines(read_file(csv));
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header,
            "web.min_up,status,availability,availability_ci95_lo,availability_ci95_hi,"
            "downtime_hours_per_year,outages_per_year,sla_probability_met,cost_per_month,"
            "replications,difference_availability,difference_ci95_lo,difference_ci95_hi,"
            "significant,message\r");
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[2].rfind("3,invalid,", 0), 0U) << rows[2];
  // The second row's availability and difference read back to the JSON's numbers exactly.
  std::vector<std::string> fields;
  std::istringstream row(rows[1]);
  for (std::string f; std::getline(row, f, ',');) fields.push_back(f);
  ASSERT_GE(fields.size(), 14U);
  EXPECT_EQ(fields[0], "2");
  EXPECT_EQ(fields[1], "ok");
  EXPECT_EQ(std::stod(fields[2]), doc["points"][1]["result"]["availability"]["mean"].get<double>());
  EXPECT_EQ(std::stod(fields[10]),
            doc["points"][1]["difference"]["availability"]["mean"].get<double>());
  EXPECT_EQ(fields[9], "40");
}

TEST(Sweep, BadInputIsOneLineAndExitTwo) {
  TempDir dir;
  const std::string model = dir.write("m.json", small_model(20));
  const auto expect_bad = [&](std::vector<std::string> extra, const std::string& fragment) {
    std::vector<std::string> args = {"sweep", model};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_nines(args);
    EXPECT_EQ(r.exit_code, 2) << fragment << "\n" << r.err;
    EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
    EXPECT_EQ(testing::line_count(r.err), 1U) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  };
  expect_bad({"--vary", "web.instances"}, "--vary: must be KEY=SPEC");
  expect_bad({"--vary", "web.instances=1.."}, "is no range");
  expect_bad({"--vary", "web.instances=a..b"}, "is no range");
  expect_bad({"--vary", "web.instances=1..5..0"}, "is no range");
  expect_bad({"--vary", "web.instances=[]"}, "SPEC [] lists no value");
  expect_bad({"--vary", "web.instances=3..1"}, "empty range 3..1");
  expect_bad({"--vary", "web.instances=1..2", "--vary", "web.instances=3..4"}, "given twice");
  expect_bad({"--vary", "wbe.instances=1..2"}, "wbe");
  expect_bad({"--vary", "web.instances=1..1000", "--vary", "db.mttr=1..101"}, "more than 100000");
  expect_bad({}, "--vary");
  expect_bad({"--vary", "web.min_up=5..6"}, "every one of the 2 points is invalid");
}

TEST(Sweep, CtrlCWritesTheFinishedPointsAndExits130) {
  TempDir dir;
  const std::string model = dir.write("m.json", small_model(10000));
  const std::string out = (dir.path() / "s.json").string();
  const std::string csv = (dir.path() / "s.csv").string();
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const std::string binary = NINES_BINARY;
    execl(binary.c_str(), binary.c_str(), "sweep", model.c_str(), "--vary", "web.mtbf=100..400",
          "--threads", "1", "--json", out.c_str(), "--csv", csv.c_str(), "--quiet",
          static_cast<char*>(nullptr));
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
  EXPECT_LT(doc["points"].size(), 301U);
  for (const auto& point : doc["points"]) {
    EXPECT_EQ(point["result"]["replications"], 10000);  // only finished points
  }
  EXPECT_EQ(testing::line_count(read_file(csv)), doc["points"].size() + 1);
}

}  // namespace
}  // namespace nines::cli
