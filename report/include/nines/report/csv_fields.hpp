// The fields of nines' CSV files (sweep and plan), RFC 4180: numbers that round-trip, null as
// an empty field, text quoted only when it must be.
#pragma once

#include <optional>
#include <string>

namespace nines::report {

/// `x` with 17 significant digits, so reading it back gives the same double.
std::string csv_number(double x);

/// csv_number, or an empty field for null.
std::string csv_number(const std::optional<double>& x);

/// `text` quoted when it holds a comma, quote or line break (quotes doubled).
std::string csv_field(const std::string& text);

}  // namespace nines::report
