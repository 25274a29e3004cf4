// The error hierarchy of nines and the one place its messages are formatted.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace nines {

/// Base of every error nines throws on purpose. `what()` is the complete one-line message.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A model (file, JSON, or a model changed in code) that breaks a rule. Exit status 2.
class ModelError : public Error {
 public:
  using Error::Error;
};

/// A bad command line (flag value, override syntax). Exit status 2.
class UsageError : public Error {
 public:
  using Error::Error;
};

/// A valid model that an exact solver cannot handle (a feature outside its class, or a state space
/// over the limit). Exit status 3; the message names the reason and suggests `nines run`.
class NotAnalysableError : public Error {
 public:
  using Error::Error;
};

/// Builds `<file>: <pointer>: <problem>; got <got>`; parts that are empty are left out.
/// `got` is inserted verbatim (callers pass JSON-dumped values so strings keep their quotes).
std::string format_error(std::string_view file, std::string_view pointer, std::string_view problem,
                         std::string_view got = {});

}  // namespace nines
