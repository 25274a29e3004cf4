// The JSON Schema (draft 2020-12) of model files, for editors: completion, meanings, mistakes.
#pragma once

#include <nlohmann/json.hpp>

namespace nines::models {

/// The JSON Schema of the model format, generated from the loader's key tables: every object
/// kind with its keys (type, range, default, meaning), `additionalProperties: false`, required
/// keys, the exclusive shorthand pairs, durations and distributions. Rules across objects (ids,
/// `min_up` against `instances`, cycles) are the loader's alone, so a file the schema accepts
/// can still fail to load; a file the loader accepts is meant to pass it. Never throws.
nlohmann::ordered_json model_schema();

}  // namespace nines::models
