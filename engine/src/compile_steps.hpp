// Steps of compile() shared between its files (compiled_model.cpp, compiled_load.cpp): internal to
// the engine library.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nines/engine/compiled_model.hpp"

namespace nines::engine::detail {

/// Throws ModelError for "<model>" at `pointer` (the file is named by the caller that catches).
[[noreturn]] void refuse_model(const std::string& pointer, const std::string& problem,
                               const std::string& found);
/// Indices of `ids` in bytewise order of the ids (the canonical order of every source kind).
std::vector<std::uint32_t> order_by_id(const std::vector<const std::string*>& ids);
/// The model's load (Boolean or flow mode), its causes and slots: the last step of compile().
void compile_load(const models::Model& model, CompiledModel& out);

}  // namespace nines::engine::detail
