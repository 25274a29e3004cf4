// Every ```json block of docs/patterns.md is valid JSON, and every one that is a whole model
// (an object with "components") loads, so the patterns page cannot drift from the loader.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "nines/models/model_loader.hpp"

namespace nines::models {
namespace {

std::vector<std::string> json_blocks(const std::string& markdown) {
  std::vector<std::string> blocks;
  const std::string open = "```json\n";
  for (std::size_t at = markdown.find(open); at != std::string::npos;
       at = markdown.find(open, at)) {
    at += open.size();
    const std::size_t end = markdown.find("```", at);
    if (end == std::string::npos) break;
    blocks.push_back(markdown.substr(at, end - at));
    at = end + 3;
  }
  return blocks;
}

TEST(PatternsDoc, EveryModelBlockLoads) {
  std::ifstream in(std::filesystem::path(NINES_SOURCE_DIR) / "docs" / "patterns.md");
  ASSERT_TRUE(in) << "docs/patterns.md is missing";
  std::ostringstream text;
  text << in.rdbuf();
  const auto blocks = json_blocks(text.str());
  std::size_t models = 0;
  for (const auto& block : blocks) {
    nlohmann::json document;
    ASSERT_NO_THROW(document = nlohmann::json::parse(block)) << block;
    if (!document.is_object() || !document.contains("components")) continue;
    ++models;
    EXPECT_NO_THROW(parse_model(document, "patterns.md")) << block;
  }
  EXPECT_GE(models, 8u);  // one per pattern
}

}  // namespace
}  // namespace nines::models
