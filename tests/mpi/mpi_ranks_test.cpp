// `nines` over real MPI ranks (mpirun --oversubscribe): the documents of run, compare, sweep
// and plan equal one process's byte for byte outside run_info, whatever the rank count (2, and 3
// for uneven ranges); a bad input on any rank ends every rank with exit 2 and one line; a
// Ctrl-C reaching one rank ends every rank with 130 and rank 0's cancelled report.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli_test_support.hpp"

namespace nines::cli {
namespace {

using nlohmann::json;
using testing::ProcessResult;
using testing::read_file;
using testing::run_nines;
using testing::run_program;
using testing::TempDir;

/// mpirun as root (CI runs as root) needs Open MPI's explicit consent.
class Mpi : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1);
    ::setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1);
  }
};

std::vector<std::string> mpirun(int ranks) {
  return {NINES_MPIEXEC, "-q", "--oversubscribe", "-np", std::to_string(ranks)};
}

/// `nines ARGS` on `ranks` ranks.
ProcessResult run_on_ranks(int ranks, const std::vector<std::string>& args) {
  std::vector<std::string> words = mpirun(ranks);
  words.emplace_back(NINES_BINARY);
  words.insert(words.end(), args.begin(), args.end());
  return run_program(words);
}

/// A document with every `run_info` removed (wall time, threads, ranks: all that may differ).
json without_run_info(json doc) {
  if (doc.is_object()) {
    doc.erase("run_info");
    for (auto& [key, value] : doc.items()) value = without_run_info(value);
  } else if (doc.is_array()) {
    for (auto& value : doc) value = without_run_info(value);
  }
  return doc;
}

/// The `ranks` of the first run_info in `doc` (a document of run, sweep or plan, or the first
/// row of compare's), 0 when there is none.
int ranks_in(const json& doc) {
  if (doc.contains("run_info")) return doc["run_info"].value("ranks", 0);
  if (doc.contains("scenarios")) return ranks_in(doc["scenarios"].at(0)["result"]);
  return 0;
}

/// Runs `args` (which write their JSON to `out`) in one process and on 2 and 3 ranks, and
/// expects the same document outside run_info, byte for byte once run_info is removed.
void expect_same_on_ranks(const std::vector<std::string>& args, const std::string& out,
                          int exit_code = 0) {
  const ProcessResult one = run_nines(args);
  ASSERT_EQ(one.exit_code, exit_code) << one.err;
  const json single = json::parse(read_file(out));
  EXPECT_EQ(ranks_in(single), 1);
  for (const int ranks : {2, 3}) {
    std::filesystem::remove(out);
    const ProcessResult many = run_on_ranks(ranks, args);
    ASSERT_EQ(many.exit_code, exit_code) << ranks << " ranks: " << many.err;
    const json spread = json::parse(read_file(out));
    EXPECT_EQ(ranks_in(spread), ranks);
    EXPECT_EQ(without_run_info(spread).dump(), without_run_info(single).dump()) << ranks;
  }
}

/// A model whose repairs are not exponential, so the planner must simulate (no exact screen).
std::string lognormal_model() {
  return R"({
  "name": "Ranked shop", "horizon": "1y", "replications": 3001, "seed": 11, "target": 0.999,
  "components": [
    {"id": "web", "instances": 2, "min_up": 1, "mtbf": "300h", "cost": 100,
     "repair": {"type": "lognormal", "mean": "8h", "sigma": 0.8}},
    {"id": "db", "instances": 1, "mtbf": "2000h", "cost": 400,
     "repair": {"type": "lognormal", "mean": "4h", "sigma": 0.8}}
  ],
  "dependencies": [{"from": "web", "to": "db"}]
})";
}

TEST_F(Mpi, RunEqualsOneProcessWithFixedReplications) {
  TempDir dir;
  const std::string model = dir.write("m.json", lognormal_model());
  const std::string out = (dir.path() / "r.json").string();
  expect_same_on_ranks({"run", model, "--window", "30d", "--json", out, "--quiet"}, out);
}

TEST_F(Mpi, AllScenariosOfTheTrafficSampleEqualOneProcess) {
  // A load judged on requests, injections and recovery episodes: every per-replication figure
  // and total of the traffic slice crosses the ranks too.
  TempDir dir;
  const std::string out = (dir.path() / "r.json").string();
  expect_same_on_ranks(
      {"run", std::string(NINES_SOURCE_DIR) + "/samples/web-shop-traffic.json", "--all-scenarios",
       "--replications", "600", "--window", "30d", "--json", out, "--quiet"},
      out);
}

TEST_F(Mpi, RunToAPrecisionEqualsOneProcess) {
  TempDir dir;
  const std::string model = dir.write("m.json", lognormal_model());
  const std::string out = (dir.path() / "r.json").string();
  expect_same_on_ranks(
      {"run", model, "--precision", "0.1", "--batch", "333", "--json", out, "--quiet"}, out);
  EXPECT_EQ(json::parse(read_file(out))["precision"]["stopped_by"], "precision");
}

TEST_F(Mpi, CompareEqualsOneProcess) {
  TempDir dir;
  const std::string a = dir.write("a.json", lognormal_model());
  std::string three = lognormal_model();
  three.replace(three.find("\"instances\": 2"), 14, "\"instances\": 3");
  const std::string b = dir.write("b.json", three);
  const std::string out = (dir.path() / "c.json").string();
  expect_same_on_ranks({"compare", a, b, "--replications", "2000", "--json", out, "--quiet"}, out);
}

TEST_F(Mpi, SweepEqualsOneProcessIncludingItsCsv) {
  TempDir dir;
  const std::string model = dir.write("m.json", lognormal_model());
  const std::string out = (dir.path() / "s.json").string();
  const std::string csv = (dir.path() / "s.csv").string();
  // 4 valid points and an invalid one over 3 ranks: uneven ranges.
  const std::vector<std::string> args{"sweep",          model,
                                      "--vary",         "web.instances=1..4",
                                      "--vary",         "web.min_up=1,5",
                                      "--replications", "500",
                                      "--json",         out,
                                      "--csv",          csv,
                                      "--quiet"};
  const ProcessResult one = run_nines(args);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const std::string single_csv = read_file(csv);
  expect_same_on_ranks(args, out);
  EXPECT_EQ(read_file(csv), single_csv);
}

TEST_F(Mpi, PlanEqualsOneProcess) {
  TempDir dir;
  const std::string model = dir.write("m.json", lognormal_model());
  const std::string out = (dir.path() / "p.json").string();
  expect_same_on_ranks({"plan", model, "--vary", "web.instances=1..4", "--vary",
                        "db.instances=1..2", "--target", "99.5%", "--pilot", "400", "--batch",
                        "300", "--max-replications", "6000", "--json", out, "--quiet"},
                       out);
  EXPECT_EQ(json::parse(read_file(out))["outcome"], "found");
}

/// A shell line that runs `nines` on each rank and appends "RANK STATUS" to `statuses`. mpirun
/// is told not to kill the other ranks when one exits non-zero, so each records its own status.
std::vector<std::string> recording_ranks(int ranks, const std::string& statuses,
                                         const std::string& command) {
  std::vector<std::string> words = mpirun(ranks);
  words.insert(words.end(), {"--mca", "orte_abort_on_non_zero_status", "0"});
  words.insert(words.end(), {"/bin/sh", "-c",
                             command + "; s=$?; echo \"$OMPI_COMM_WORLD_RANK $s\" >> " + statuses +
                                 "; exit $s"});
  return words;
}

std::map<int, int> statuses_of(const std::string& file) {
  std::map<int, int> statuses;
  std::istringstream in(read_file(file));
  int rank = 0;
  int status = 0;
  while (in >> rank >> status) statuses[rank] = status;
  return statuses;
}

TEST_F(Mpi, BadInputOnOneRankEndsEveryRankWithExit2AndOneLine) {
  TempDir dir;
  const std::string good = dir.write("m.json", lognormal_model());
  const std::string missing = (dir.path() / "missing.json").string();
  const std::string statuses = (dir.path() / "statuses").string();
  // Rank 1 alone cannot read its model (a file missing on one node of a cluster).
  const std::string command = "if [ \"$OMPI_COMM_WORLD_RANK\" = 1 ]; then m=" + missing +
                              "; else m=" + good + "; fi; " + NINES_BINARY +
                              " run \"$m\" --replications 200 --quiet";
  const ProcessResult r = run_program(recording_ranks(3, statuses, command));
  EXPECT_EQ(statuses_of(statuses), (std::map<int, int>{{0, 2}, {1, 2}, {2, 2}}));
  EXPECT_NE(r.err.find("missing.json: cannot read the model"), std::string::npos) << r.err;
  EXPECT_EQ(testing::line_count(r.err), 1U) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_F(Mpi, BadFlagEndsEveryRankWithExit2AndOneLine) {
  TempDir dir;
  const std::string model = dir.write("m.json", lognormal_model());
  const std::string statuses = (dir.path() / "statuses").string();
  const ProcessResult r = run_program(recording_ranks(
      2, statuses,
      std::string(NINES_BINARY) + " sweep " + model + " --vary web.instances=1.. --quiet"));
  EXPECT_EQ(statuses_of(statuses), (std::map<int, int>{{0, 2}, {1, 2}}));
  EXPECT_EQ(testing::line_count(r.err), 1U) << r.err;
  // Plain mpirun (which ends the job at the first non-zero status) passes the 2 on.
  const ProcessResult plain =
      run_on_ranks(2, {"sweep", model, "--vary", "web.instances=1..", "--quiet"});
  EXPECT_EQ(plain.exit_code, 2) << plain.err;
  EXPECT_EQ(testing::line_count(plain.err), 1U) << plain.err;
}

/// Pids of the `nines` processes whose command line holds `marker` (the ranks, not mpirun).
std::vector<pid_t> nines_ranks(const std::string& marker) {
  std::vector<pid_t> pids;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmdline = read_file(entry.path() / "cmdline");
    const std::string first = cmdline.substr(0, cmdline.find('\0'));
    if (first == NINES_BINARY && cmdline.find(marker) != std::string::npos) {
      pids.push_back(static_cast<pid_t>(std::stoi(name)));
    }
  }
  return pids;
}

/// Starts `words`, waits until `ranks` nines processes run, sends SIGINT to the last of them
/// only after `delay`, and returns the exit status of `words` (0 with recording_ranks: each
/// rank's status is in its file).
int interrupt_one_rank(const std::vector<std::string>& words, const std::string& marker,
                       std::size_t ranks, std::chrono::milliseconds delay) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& w : words) argv.push_back(const_cast<char*>(w.c_str()));
    argv.push_back(nullptr);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  std::vector<pid_t> pids;
  for (int i = 0; i < 200 && pids.size() < ranks; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    pids = nines_ranks(marker);
  }
  std::this_thread::sleep_for(delay);
  if (!pids.empty()) ::kill(pids.back(), SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_EQ(pids.size(), ranks);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(Mpi, CtrlCOnOneRankStopsEveryRankOfASweepWith130AndWritesFinishedPoints) {
  TempDir dir;
  const std::string model = dir.write("m.json", lognormal_model());
  const std::string out = (dir.path() / "s.json").string();
  const std::string statuses = (dir.path() / "statuses").string();
  const std::string command = std::string(NINES_BINARY) + " sweep " + model +
                              " --vary web.mtbf=100..140 --replications 1000000 --threads 1" +
                              " --quiet --json " + out;
  const int status = interrupt_one_rank(recording_ranks(2, statuses, command), dir.path().string(),
                                        2, std::chrono::milliseconds(1500));
  EXPECT_EQ(status, 0);
  EXPECT_EQ(statuses_of(statuses), (std::map<int, int>{{0, 130}, {1, 130}}));
  const json doc = json::parse(read_file(out));
  EXPECT_TRUE(doc["cancelled"].get<bool>());
  EXPECT_LT(doc["points"].size(), 41U);
  for (const auto& point : doc["points"]) {
    EXPECT_EQ(point["result"]["replications"], 1000000);  // only finished points
  }
}

TEST_F(Mpi, CtrlCOnOneRankStopsEveryRankOfARunWith130AndNoJson) {
  TempDir dir;
  const std::string model = dir.write("m.json", lognormal_model());
  const std::string out = (dir.path() / "r.json").string();
  const std::string statuses = (dir.path() / "statuses").string();
  const std::string command = std::string(NINES_BINARY) + " run " + model +
                              " --precision 0.0001 --max-replications 20000000 --threads 1" +
                              " --quiet --json " + out;
  const int status = interrupt_one_rank(recording_ranks(3, statuses, command), dir.path().string(),
                                        3, std::chrono::milliseconds(1000));
  EXPECT_EQ(status, 0);
  EXPECT_EQ(statuses_of(statuses), (std::map<int, int>{{0, 130}, {1, 130}, {2, 130}}));
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(Mpi, CtrlCOnOneRankStopsAPlanWith130AndACancelledDocument) {
  TempDir dir;
  const std::string model = dir.write("m.json", lognormal_model());
  const std::string out = (dir.path() / "p.json").string();
  const std::string statuses = (dir.path() / "statuses").string();
  const std::string command = std::string(NINES_BINARY) + " plan " + model +
                              " --vary web.instances=1..4 --target 99.999% --pilot 500000" +
                              " --threads 1 --quiet --json " + out;
  const int status = interrupt_one_rank(recording_ranks(2, statuses, command), dir.path().string(),
                                        2, std::chrono::milliseconds(1000));
  EXPECT_EQ(status, 0);
  EXPECT_EQ(statuses_of(statuses), (std::map<int, int>{{0, 130}, {1, 130}}));
  const json doc = json::parse(read_file(out));
  EXPECT_TRUE(doc["cancelled"].get<bool>());
  EXPECT_TRUE(doc["best"].is_null());
}

}  // namespace
}  // namespace nines::cli
