// Builds the one-line error and warning messages of the loader and the validator.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nines::models::detail {

/// Where an override put a value: the JSON pointer it set and the override text. A key of a
/// scenario also has its own pointer in the file ("/scenarios/1/set/db.instances"), where
/// problems with the value it set are reported.
struct OverrideOrigin {
  std::string pointer;
  std::string text;
  std::string scenario_pointer;
};

/// The scenario a model was built for, named in every message about it.
struct ScenarioLabel {
  std::string name;
  /// "/scenarios/1"
  std::string pointer;
};

/// Knows the file name and which values came from overrides and scenarios; throws ModelError.
class Reporter {
 public:
  explicit Reporter(std::string file, std::vector<OverrideOrigin> origins = {},
                    std::optional<ScenarioLabel> scenario = std::nullopt);

  /// Throws ModelError `<file>: <pointer>: <problem>; got <got>` (plus the override that set the
  /// value, if any, and the scenario). A value a scenario key set is reported at that key's
  /// pointer. `got` is inserted verbatim.
  [[noreturn]] void fail(std::string_view pointer, std::string_view problem,
                         std::string_view got = {}) const;
  /// Same, showing `got` as (abbreviated) JSON.
  [[noreturn]] void fail_showing(std::string_view pointer, std::string_view problem,
                                 const nlohmann::json& got) const;
  /// A warning line in the same format.
  std::string warning(std::string_view pointer, std::string_view problem) const;

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<OverrideOrigin> origins_;
  std::optional<ScenarioLabel> scenario_;
};

/// A JSON value for a message: scalars in full, arrays and objects abbreviated; never throws.
std::string show(const nlohmann::json& value);
/// A string as a JSON string literal ("db").
std::string quote(std::string_view text);
/// `key` escaped as one JSON pointer reference token (~ -> ~0, / -> ~1).
std::string pointer_token(std::string_view key);

/// The known name closest to `name` by edit distance, or "" when none is close.
std::string nearest_name(std::string_view name, const std::vector<std::string>& known);
/// "a, b, c" (at most `limit` names, then "and N more").
std::string list_names(const std::vector<std::string>& names, std::size_t limit = 20);
/// `unknown <what> (did you mean "x"?); known <what>s: a, b` or `...; the model defines no
/// <what>s`.
std::string unknown_name_problem(std::string_view what, std::string_view name,
                                 const std::vector<std::string>& known);

}  // namespace nines::models::detail
