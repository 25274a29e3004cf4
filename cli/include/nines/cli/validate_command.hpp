// `nines validate`: check a model and print a one-line summary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nines/cli/console.hpp"
#include "nines/models/model.hpp"

namespace nines::cli {

/// `shop.json: ok: "Web shop" - 4 components, 8 instances, 2 dependencies, entry frontend`.
std::string model_summary(std::string_view file, const models::Model& model);

/// Loads and validates `model_file` with `overrides`, prints warnings on `err` and the summary on
/// `out`. Throws nines::ModelError / nines::UsageError on a bad model.
int validate_command(const std::string& model_file, const std::vector<std::string>& overrides,
                     const Console& console);

}  // namespace nines::cli
