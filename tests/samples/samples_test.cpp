// Runs every model in samples/ through the real `nines` executable and checks its results are sane.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSamplesDir = fs::path(NINES_SOURCE_DIR) / "samples";

/// The sample file names (not paths), sorted, found by listing samples/.
std::vector<std::string> sample_names() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(kSamplesDir, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `nines` with `args` (no shell), stdout and stderr captured through temporary files.
ProcessResult run_nines(const std::vector<std::string>& args) {
  static std::atomic<int> counter{0};
  const std::string stem =
      "nines-samples-test-" + std::to_string(getpid()) + "-" + std::to_string(counter.fetch_add(1));
  const fs::path out_path = fs::temp_directory_path() / (stem + ".out");
  const fs::path err_path = fs::temp_directory_path() / (stem + ".err");

  std::vector<std::string> argv_strings{NINES_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(argv_strings.size() + 1);
  for (std::string& arg : argv_strings) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ProcessResult result;
  pid_t pid = 0;
  const int spawn_error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) {
    result.err = "cannot start " + argv_strings[0];
    return result;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  std::error_code ignored;
  fs::remove(out_path, ignored);
  fs::remove(err_path, ignored);
  return result;
}

json parse_sample(const std::string& name) { return json::parse(read_file(kSamplesDir / name)); }

/// The entry of a sample as the file states it (or its only component), else empty.
std::string stated_entry(const json& sample) {
  if (sample.contains("entry")) {
    return sample["entry"].get<std::string>();
  }
  if (sample["components"].size() == 1) {
    return sample["components"][0]["id"].get<std::string>();
  }
  return {};
}

/// Checks an {"mean", "stderr", "ci95"} estimate: finite, stderr >= 0, the interval holds the mean.
void expect_estimate(const json& result, const char* key) {
  SCOPED_TRACE(key);
  ASSERT_TRUE(result.contains(key));
  const json& estimate = result[key];
  ASSERT_TRUE(estimate.is_object());
  const double mean = estimate.at("mean").get<double>();
  const double standard_error = estimate.at("stderr").get<double>();
  const json& ci = estimate.at("ci95");
  ASSERT_TRUE(ci.is_array());
  ASSERT_EQ(ci.size(), 2U);
  EXPECT_TRUE(std::isfinite(mean));
  EXPECT_GE(standard_error, 0.0);
  EXPECT_LE(ci[0].get<double>(), mean);
  EXPECT_GE(ci[1].get<double>(), mean);
}

TEST(SamplesDirectory, HoldsAtLeastFiveSamples) {
  const std::vector<std::string> names = sample_names();
  EXPECT_GE(names.size(), 5U);
  EXPECT_EQ(names.size(), static_cast<std::size_t>(NINES_SAMPLE_COUNT_AT_CONFIGURE))
      << "samples/ changed since CMake last ran; rebuild so that every sample gets its tests";
}

TEST(SamplesDirectory, ReadmeExplainsEverySample) {
  const std::string readme = read_file(kSamplesDir / "README.md");
  ASSERT_FALSE(readme.empty()) << "samples/README.md is missing";
  for (const std::string& name : sample_names()) {
    EXPECT_NE(readme.find(name), std::string::npos) << name << " is not explained in README.md";
  }
}

class Sample : public testing::TestWithParam<std::string> {
 protected:
  [[nodiscard]] fs::path path() const { return kSamplesDir / GetParam(); }
};

TEST_P(Sample, StatesNameDescriptionHorizonReplicationsAndSeed) {
  const json sample = parse_sample(GetParam());
  for (const char* key : {"name", "description", "horizon", "replications", "seed"}) {
    EXPECT_TRUE(sample.contains(key)) << GetParam() << " has no \"" << key << "\"";
  }
}

TEST_P(Sample, Validates) {
  const ProcessResult result = run_nines({"validate", path().string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_FALSE(result.out.empty());
  // No warnings either: every component of a sample is reached from its entry.
  EXPECT_EQ(result.err, "");
}

/// The availability the README's headline table quotes for `name` ("99.9113"), or "".
std::string quoted_availability(const std::string& readme, const std::string& name) {
  const std::string row = "| [" + name + "](";
  const std::size_t at = readme.find(row);
  if (at == std::string::npos) return "";
  const std::size_t cell = readme.find("| ", readme.find(')', at));
  if (cell == std::string::npos) return "";
  std::size_t end = cell + 2;
  while (end < readme.size() &&
         (std::isdigit(static_cast<unsigned char>(readme[end])) != 0 || readme[end] == '.')) {
    ++end;
  }
  return readme.substr(cell + 2, end - cell - 2);
}

TEST_P(Sample, ReadmeQuotesTheFiguresARunGives) {
  // The README's figures are real output; when the engine's draws change they must be redone.
  const std::string quoted = quoted_availability(read_file(kSamplesDir / "README.md"), GetParam());
  ASSERT_FALSE(quoted.empty()) << GetParam() << " has no row in the README's headline table";
  const ProcessResult process = run_nines({"run", path().string(), "--json", "-", "--quiet"});
  ASSERT_EQ(process.exit_code, 0) << process.err;
  const double availability = json::parse(process.out).at("availability").at("mean").get<double>();
  const std::size_t dot = quoted.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(quoted.size() - dot - 1);
  std::ostringstream formatted;
  formatted.setf(std::ios::fixed);
  formatted.precision(decimals);
  formatted << 100.0 * availability;
  EXPECT_EQ(formatted.str(), quoted) << GetParam() << ": the README quotes " << quoted
                                     << " %, a run gives " << formatted.str() << " %";
}

TEST_P(Sample, RunsWithSaneResults) {
  const json sample = parse_sample(GetParam());
  const ProcessResult process = run_nines({"run", path().string(), "--json", "-", "--quiet"});
  ASSERT_EQ(process.exit_code, 0) << process.err;
  json result;
  ASSERT_NO_THROW(result = json::parse(process.out)) << process.out;
  ASSERT_TRUE(result.is_object());

  EXPECT_EQ(result.at("model"), sample.at("name"));
  EXPECT_EQ(result.at("replications").get<std::int64_t>(),
            sample.value("replications", std::int64_t{1000}));
  EXPECT_EQ(result.at("seed").get<std::uint64_t>(), sample.value("seed", std::uint64_t{1}));
  EXPECT_GT(result.at("horizon_hours").get<double>(), 0.0);
  EXPECT_EQ(result.at("target").is_null(), !sample.contains("target"));

  expect_estimate(result, "availability");
  expect_estimate(result, "downtime_hours_per_year");
  expect_estimate(result, "outages_per_year");
  const double availability = result["availability"]["mean"].get<double>();
  EXPECT_GE(availability, 0.0);
  EXPECT_LE(availability, 1.0);
  EXPECT_GE(result["availability"]["ci95"][0].get<double>(), 0.0 - 1e-12);
  EXPECT_LE(result["availability"]["ci95"][1].get<double>(), 1.0 + 1e-12);
  // Downtime per year is unavailability scaled to 8760 hours.
  EXPECT_NEAR(result["downtime_hours_per_year"]["mean"].get<double>(),
              (1.0 - availability) * 8760.0, 1e-6);
  const double outages_per_year = result["outages_per_year"]["mean"].get<double>();
  EXPECT_GE(outages_per_year, 0.0);
  EXPECT_GT(result.at("events").get<double>(), 0.0);
  EXPECT_GE(result.at("outages_cut_at_horizon").get<double>(), 0.0);

  // Components: every one of the file listed once, with sane figures.
  const json& components = result.at("components");
  ASSERT_TRUE(components.is_array());
  std::vector<std::string> listed;
  std::vector<std::string> stated;
  double share_sum = 0.0;
  for (const json& component : components) {
    const std::string id = component.at("id").get<std::string>();
    SCOPED_TRACE(id);
    listed.push_back(id);
    const double own = component.at("availability").get<double>();
    const double service = component.at("service_availability").get<double>();
    const double share = component.at("downtime_share").get<double>();
    EXPECT_GE(own, 0.0);
    EXPECT_LE(own, 1.0);
    EXPECT_GE(service, 0.0);
    EXPECT_LE(service, own + 1e-12);  // the pool and its dependencies vs the pool alone
    EXPECT_GE(share, 0.0);
    EXPECT_LE(share, 1.0 + 1e-12);
    share_sum += share;
    if (id == stated_entry(sample)) {
      EXPECT_NEAR(service, availability, 1e-9) << "the system is up exactly when the entry is";
    }
  }
  for (const json& component : sample.at("components")) {
    stated.push_back(component.at("id").get<std::string>());
  }
  std::sort(listed.begin(), listed.end());
  std::sort(stated.begin(), stated.end());
  EXPECT_EQ(listed, stated);

  // Component shares no longer sum to 1 when zones, regions or injections caused outages; the
  // causes of every kind do.
  EXPECT_LE(share_sum, 1.0 + 1e-6);
  double cause_sum = 0.0;
  for (const json& cause : result.at("causes"))
    cause_sum += cause.at("downtime_share").get<double>();
  if (outages_per_year > 0.0) {
    EXPECT_NEAR(cause_sum, 1.0, 1e-6) << "every outage is charged to exactly one cause";
    const json& durations = result.at("outage_duration_hours");
    const double max = durations.at("max").get<double>();
    EXPECT_GT(durations.at("mean").get<double>(), 0.0);
    EXPECT_LE(durations.at("mean").get<double>(), max * (1.0 + 1e-12));
    EXPECT_LE(durations.at("p50").get<double>(), durations.at("p90").get<double>());
    EXPECT_LE(durations.at("p90").get<double>(), durations.at("p99").get<double>());
    EXPECT_LE(durations.at("p99").get<double>(), max * 1.01);  // histogram buckets: <= 1% wide
    EXPECT_GT(result.at("system_mtbf_hours").get<double>(), 0.0);
    EXPECT_NEAR(result.at("system_mttr_hours").get<double>(), durations.at("mean").get<double>(),
                1e-12 * max);  // the mean outage, by definition
  } else {
    EXPECT_NEAR(share_sum, 0.0, 1e-12);
  }

  if (sample.contains("target")) {
    const json& sla = result.at("sla");
    const double probability = sla.at("probability_met").get<double>();
    EXPECT_GE(probability, 0.0);
    EXPECT_LE(probability, 1.0);
    EXPECT_LE(sla.at("ci95")[0].get<double>(), probability);
    EXPECT_GE(sla.at("ci95")[1].get<double>(), probability);
  }

  const json& run_info = result.at("run_info");
  for (const char* key : {"threads", "wall_seconds", "events_per_second", "version"}) {
    EXPECT_TRUE(run_info.contains(key)) << "run_info has no \"" << key << "\"";
  }
}

TEST_P(Sample, AgreesWithTheExactAnswerWhereOneExists) {
  const ProcessResult process = run_nines({"run", path().string(), "--json", "-", "--quiet"});
  ASSERT_EQ(process.exit_code, 0) << process.err;
  const json result = json::parse(process.out);
  ASSERT_TRUE(result.contains("exact"));
  const json& exact = result["exact"];
  const ProcessResult analyze = run_nines({"analyze", path().string(), "--json", "-"});
  if (exact.is_null()) {
    // No exact answer: the solvers must say why, with exit status 3.
    EXPECT_EQ(analyze.exit_code, 3) << analyze.err;
    EXPECT_NE(analyze.err.find("nines run"), std::string::npos) << analyze.err;
    return;
  }
  ASSERT_EQ(analyze.exit_code, 0) << analyze.err;
  // A fixed seed: the estimate lies within four standard errors of the exact value.
  EXPECT_LE(std::abs(exact.at("z_availability").get<double>()), 4.0) << exact.dump();
  if (!exact.at("z_outages_per_year").is_null()) {
    EXPECT_LE(std::abs(exact.at("z_outages_per_year").get<double>()), 4.0) << exact.dump();
  }
  const json analysis = json::parse(analyze.out);
  const char* key = exact.at("kind") == "horizon" ? "horizon_availability" : "availability";
  EXPECT_EQ(exact.at("availability").get<double>(), analysis.at(key).get<double>());
  EXPECT_EQ(exact.at("method"), analysis.at("method"));
}

/// Test names from file names: "web-shop.json" -> "web_shop".
std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).stem().string();
  std::replace_if(
      name.begin(), name.end(),
      [](char c) { return std::isalnum(static_cast<unsigned char>(c)) == 0; }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Samples, Sample, testing::ValuesIn(sample_names()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Sample);

}  // namespace
