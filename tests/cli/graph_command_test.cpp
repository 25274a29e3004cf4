// Tests of `nines graph`: DOT on stdout with crews, standby and run results; wide graphs wrapped
// so they render legibly; errors like every command.
#include "nines/cli/graph_command.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli_test_support.hpp"

namespace nines::cli {
namespace {

namespace fs = std::filesystem;
using testing::run_nines;
using testing::TempDir;

/// A pool under a crew, with warm standby, and a second pool outside it.
constexpr const char* kCrewModel = R"({
  "name": "crew and standby",
  "replications": 40,
  "horizon": "1y",
  "entry": "web",
  "crews": [{"id": "oncall", "size": 2}],
  "components": [
    {"id": "web", "instances": 2, "min_up": 1, "mtbf": "500h", "mttr": "1h"},
    {"id": "db", "instances": 2, "min_up": 1, "mtbf": "300h", "mttr": "4h", "crew": "oncall",
     "standby": {"mode": "warm", "switchover": "5m", "dormant_failure": {"type": "exponential",
                 "mean": "3000h"}}},
    {"id": "cache", "mtbf": "200h", "mttr": "2h", "crew": "oncall"}
  ],
  "dependencies": [{"from": "web", "to": "db"}, {"from": "web", "to": "cache"}]
})";

/// The line of the DOT that declares node `id` (e.g. "c0" or "1"), or "".
std::string node_line(const std::string& dot, const std::string& id) {
  const std::string start = "\n" + id + "[";
  const auto at = dot.find(start);
  if (at == std::string::npos) return "";
  return dot.substr(at + 1, dot.find('\n', at + 1) - at - 1);
}

TEST(GraphCommand, PrintsDot) {
  const TempDir dir;
  const auto model = dir.write("m.json", testing::small_model());
  const auto r = run_nines({"graph", model});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("digraph"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("web"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("db"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 of 2"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(GraphCommand, DrawsCrewsAsNotesWithDashedLinesToTheirComponents) {
  const TempDir dir;
  const auto model = dir.write("m.json", kCrewModel);
  const auto r = run_nines({"graph", model});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string note = node_line(r.out, "c0");
  EXPECT_NE(note.find("shape=note"), std::string::npos) << r.out;
  EXPECT_NE(note.find("oncall"), std::string::npos) << note;
  // db (1) and cache (2) are repaired by the crew, web (0) is not.
  for (const char* edge : {"\nc0->1 [", "\nc0->2 ["}) {
    const auto at = r.out.find(edge);
    ASSERT_NE(at, std::string::npos) << edge << "\n" << r.out;
    const std::string line = r.out.substr(at + 1, r.out.find('\n', at + 1) - at - 1);
    EXPECT_NE(line.find("style=dashed"), std::string::npos) << line;
  }
  EXPECT_EQ(r.out.find("\nc0->0"), std::string::npos) << r.out;
}

TEST(GraphCommand, LabelsTrafficEdgesAndCapacities) {
  const TempDir dir;
  const auto model = dir.write("m.json", R"({"name": "g", "horizon": "1y", "entry": "shop",
    "components": [
      {"id": "shop", "mtbf": "1000h", "mttr": "1h", "capacity_rps": 400,
       "overload": {"crash_after": "5m", "restart": "1m"}},
      {"id": "reco", "mtbf": "1000h", "mttr": "1h"},
      {"id": "db-a", "mtbf": "1000h", "mttr": "1h", "capacity_rps": 100, "load_shedding": true},
      {"id": "db-b", "mtbf": "1000h", "mttr": "1h"}],
    "dependencies": [
      {"from": "shop", "to": "reco", "mode": "soft", "impact": 0.1, "retries": 2},
      {"from": "shop", "to": ["db-a", {"id": "db-b", "retries": 1}], "calls": 2, "min_up": 1}],
    "load": {"rps": 100}})");
  const auto r = run_nines({"graph", model});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(R"(0[label="shop\n400 rps each, crashes")"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"(2[label="db-a\n100 rps each, sheds"])"), std::string::npos) << r.out;
  // A soft row is dashed and labelled with its impact and attempts (2 retries: up to 3).
  EXPECT_NE(r.out.find(R"(0->1 [style=dashed, label="soft 0.1, x3"];)"), std::string::npos)
      << r.out;
  // A list's row settings on its caller edge, a target's own on its edge.
  EXPECT_NE(r.out.find(R"(0->4 [label="calls 2"];)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"(4->3 [label="x2"];)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n4->2;"), std::string::npos) << r.out;
}

TEST(GraphCommand, LabelsPoolsWithTheirStandbyAndSwitchover) {
  const TempDir dir;
  const auto model = dir.write("m.json", kCrewModel);
  const auto r = run_nines({"graph", model});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(node_line(r.out, "1").find(R"(db\n1 of 2\nwarm standby, switchover 5m)"),
            std::string::npos)
      << r.out;
  // Hot standby, the default, adds nothing.
  EXPECT_EQ(node_line(r.out, "0").find("standby"), std::string::npos) << r.out;
}

TEST(GraphCommand, ColoursAndLabelsNodesWithTheResultsOfARun) {
  const TempDir dir;
  const auto model = dir.write("m.json", kCrewModel);
  const auto results = (dir.path() / "run.json").string();
  const auto run = run_nines({"run", model, "--json", results, "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // The figures the graph must show, taken from the result itself.
  const auto r = run_nines({"graph", model, "--results", results});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  for (const char* id : {"0", "1", "2"}) {
    const std::string line = node_line(r.out, id);
    EXPECT_NE(line.find("style=filled"), std::string::npos) << line;
    EXPECT_NE(line.find("fillcolor=\""), std::string::npos) << line;
    EXPECT_NE(line.find("% available"), std::string::npos) << line;
  }
  // cache, a single instance with a 2 h repair every 200 h, causes almost all the downtime: red
  // or orange (hue below 0.1); a component that caused none stays pale green.
  const std::string cache = node_line(r.out, "2");
  const auto hue_at = cache.find("fillcolor=\"") + 11;
  EXPECT_LT(std::stod(cache.substr(hue_at)), 0.1) << cache;
  EXPECT_NE(cache.find("% of downtime"), std::string::npos) << cache;
  // Without --results nothing is coloured but the entry.
  const auto plain = run_nines({"graph", model});
  EXPECT_EQ(node_line(plain.out, "2").find("fillcolor"), std::string::npos) << plain.out;
  EXPECT_EQ(node_line(plain.out, "2").find("available"), std::string::npos) << plain.out;
}

TEST(GraphCommand, RejectsResultsOfAnotherModel) {
  const TempDir dir;
  const auto model = dir.write("m.json", kCrewModel);
  const auto other = dir.write("other.json", testing::small_model());
  const auto results = (dir.path() / "other-run.json").string();
  ASSERT_EQ(run_nines({"run", other, "--json", results, "--quiet"}).exit_code, 0);
  const auto r = run_nines({"graph", model, "--results", results});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  ASSERT_EQ(testing::line_count(r.err), 1U) << r.err;
  EXPECT_EQ(r.err.rfind(results + ": /components", 0), 0U) << r.err;
  EXPECT_NE(r.err.find("another model"), std::string::npos) << r.err;
}

TEST(GraphCommand, RejectsAResultsFileThatIsNoResult) {
  const TempDir dir;
  const auto model = dir.write("m.json", kCrewModel);
  const auto not_json = dir.write("notes.txt", "not json");
  const auto r = run_nines({"graph", model, "--results", not_json});
  EXPECT_EQ(r.exit_code, 2);
  ASSERT_EQ(testing::line_count(r.err), 1U) << r.err;
  EXPECT_EQ(r.err.rfind(not_json + ": ", 0), 0U) << r.err;
  const auto missing = (dir.path() / "nope.json").string();
  const auto m = run_nines({"graph", model, "--results", missing});
  EXPECT_EQ(m.exit_code, 2);
  EXPECT_EQ(m.err.rfind(missing + ": ", 0), 0U) << m.err;
}

TEST(GraphCommand, RejectsAMissingFile) {
  const TempDir dir;
  const auto missing = (dir.path() / "nope.json").string();
  const auto r = run_nines({"graph", missing});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(testing::line_count(r.err), 1U) << r.err;
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
}

/// Width and height of a PNG, from its IHDR chunk (big-endian, bytes 16..23).
std::array<std::uint32_t, 2> png_size(const fs::path& png) {
  std::ifstream in(png, std::ios::binary);
  std::array<unsigned char, 24> head{};
  in.read(reinterpret_cast<char*>(head.data()), head.size());  // NOLINT: bytes of the file
  if (!in || std::string(head.begin() + 12, head.begin() + 16) != "IHDR") return {0, 0};
  const auto word = [&head](std::size_t at) {
    return (std::uint32_t{head[at]} << 24) | (std::uint32_t{head[at + 1]} << 16) |
           (std::uint32_t{head[at + 2]} << 8) | std::uint32_t{head[at + 3]};
  };
  return {word(16), word(20)};
}

TEST(GraphCommand, TheLargestSampleRendersAtMostFourTimesAsWideAsHigh) {
  if (std::system("command -v dot > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "Graphviz's dot is not installed (scripts/bootstrap installs it)";
  }
  const TempDir dir;
  const fs::path model = fs::path(NINES_SOURCE_DIR) / "samples" / "microservice-estate.json";
  const auto r = run_nines({"graph", model.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto dot_file = dir.write("estate.dot", r.out);
  const fs::path png = dir.path() / "estate.png";
  const std::string command = "dot -Tpng '" + dot_file + "' -o '" + png.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  const auto [width, height] = png_size(png);
  ASSERT_GT(height, 0U) << "not a PNG: " << png;
  EXPECT_LE(width, 4U * height) << width << " x " << height << " px";
}

}  // namespace
}  // namespace nines::cli
