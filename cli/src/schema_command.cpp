// `nines schema`: print the JSON Schema of model files, for editors.
#include "nines/cli/schema_command.hpp"

#include "nines/models/model_schema.hpp"

namespace nines::cli {

int schema_command(const Console& console) {
  console.out << models::model_schema().dump(2) << '\n';
  return kExitSuccess;
}

}  // namespace nines::cli
