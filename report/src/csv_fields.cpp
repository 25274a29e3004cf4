#include "nines/report/csv_fields.hpp"

#include <cstdio>

namespace nines::report {

std::string csv_number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);
  return buffer;
}

std::string csv_number(const std::optional<double>& x) {
  return x ? csv_number(*x) : std::string();
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace nines::report
