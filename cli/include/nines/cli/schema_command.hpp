// `nines schema`: print the JSON Schema of model files.
#pragma once

#include "nines/cli/console.hpp"

namespace nines::cli {

/// Prints the model format's JSON Schema (draft 2020-12), indented, on `out`; returns 0.
int schema_command(const Console& console);

}  // namespace nines::cli
