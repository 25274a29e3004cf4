// Formats every error message of nines: `<file>: <json-pointer>: <problem>; got <value>`.
#include "nines/models/error.hpp"

namespace nines {

std::string format_error(std::string_view file, std::string_view pointer, std::string_view problem,
                         std::string_view got) {
  std::string message;
  auto append_part = [&message](std::string_view part) {
    if (part.empty()) return;
    if (!message.empty()) message += ": ";
    message += part;
  };
  append_part(file);
  append_part(pointer);
  append_part(problem);
  if (!got.empty()) {
    message += message.empty() ? "got " : "; got ";
    message += got;
  }
  return message;
}

}  // namespace nines
