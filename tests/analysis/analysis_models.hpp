// Models for analysis tests, written as the JSON a user would write.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "nines/models/model_loader.hpp"

namespace nines::testing {

inline models::Model model_from(std::string_view json_text) {
  return models::parse_model(nlohmann::json::parse(json_text), "test.json").model;
}

}  // namespace nines::testing
