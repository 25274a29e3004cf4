// Generates the JSON Schema of model files from the key tables (key_table.cpp).
#include "nines/models/model_schema.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "key_table.hpp"

namespace nines::models {
namespace {

using Json = nlohmann::ordered_json;
using detail::KeyGroup;
using detail::KeyRow;
using detail::KeyTable;
using detail::ValueType;
using detail::Zero;

// A number as std::from_chars reads it after the loader's sign handling (no "inf", no hex).
constexpr std::string_view kNumberPattern = R"((?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)";
// Its zeros ("0", "0.0", ".0e5"), which may carry a minus sign: "-0h" is zero hours.
constexpr std::string_view kZeroPattern = R"((?:0+\.?0*|\.0+)(?:[eE][+-]?[0-9]+)?)";
// At least one non-zero digit before the exponent.
constexpr std::string_view kNonZeroLookahead = R"((?=[0-9.]*[1-9]))";
// Spaces or tabs around the number and unit, as parse_duration_text trims them.
constexpr std::string_view kSpacePattern = "[ \\t]*";
constexpr std::string_view kUnitPattern = "[smhdwy]";

std::string ref(std::string_view def) { return "#/$defs/" + std::string(def); }
Json ref_to(std::string_view def) { return Json{{"$ref", ref(def)}}; }
Json required(std::string_view key) { return Json{{"required", Json::array({key})}}; }

std::string duration_pattern(Zero zero) {
  const std::string tail =
      std::string(kSpacePattern) + std::string(kUnitPattern) + std::string(kSpacePattern) + "$";
  if (zero == Zero::kForbidden) {
    return "^" + std::string(kSpacePattern) + "\\+?" + std::string(kNonZeroLookahead) +
           std::string(kNumberPattern) + tail;
  }
  return "^" + std::string(kSpacePattern) + "(?:\\+?" + std::string(kNumberPattern) + "|-" +
         std::string(kZeroPattern) + ")" + tail;
}

Json duration_schema(Zero zero, std::int64_t max_hours) {
  Json number{{"type", "number"}};
  if (zero == Zero::kForbidden) {
    number["exclusiveMinimum"] = 0;
  } else {
    number["minimum"] = 0;
  }
  if (max_hours > 0) number["maximum"] = max_hours;
  return Json{{"anyOf", Json::array({number, Json{{"type", "string"},
                                                  {"pattern", duration_pattern(zero)}}})}};
}

const char* duration_def(Zero zero) {
  return zero == Zero::kAllowed ? "duration" : "positive_duration";
}
const char* law_def(Zero zero) { return zero == Zero::kAllowed ? "law_may_be_zero" : "law"; }

Json id_list(bool non_empty) {
  Json list{{"type", "array"}, {"items", ref_to("id")}, {"uniqueItems", true}};
  if (non_empty) list["minItems"] = 1;
  return list;
}

/// The schema of one key's value; `law_zero` is the zero rule of the law the key is in.
Json value_schema(const KeyRow& row, Zero law_zero) {
  const Zero zero = row.zero_from_law ? law_zero : row.zero;
  switch (row.type) {
    case ValueType::kString:
    case ValueType::kUri:
      return Json{{"type", "string"}};
    case ValueType::kNonEmptyString:
      return Json{{"type", "string"}, {"minLength", 1}};
    case ValueType::kId:
      return ref_to("id");
    case ValueType::kIdList:
      return id_list(row.non_empty);
    case ValueType::kIdOrIdList:
      return Json{
          {"oneOf",
           Json::array({ref_to("id"),
                        Json{{"type", "array"},
                             {"minItems", 1},
                             {"items", Json{{"anyOf", Json::array({ref_to("id"),
                                                                   ref_to("dependency_target")})}}},
                             {"uniqueItems", true}}})}};
    case ValueType::kPlacement:
      return Json{{"type", "object"},
                  {"minProperties", 1},
                  {"propertyNames", ref_to("id")},
                  {"additionalProperties",
                   Json{{"type", "integer"}, {"minimum", row.min}, {"maximum", row.max}}}};
    case ValueType::kInteger:
      return Json{{"type", "integer"}, {"minimum", row.min}, {"maximum", row.max}};
    case ValueType::kSeed:
      return Json{{"type", "integer"},
                  {"minimum", 0},
                  {"maximum", std::numeric_limits<std::uint64_t>::max()}};
    case ValueType::kBoolean:
      return Json{{"type", "boolean"}};
    case ValueType::kNumber:
      return Json{{"type", "number"}};
    case ValueType::kPositiveReal:
      return Json{{"type", "number"}, {"exclusiveMinimum", 0}};
    case ValueType::kNonNegativeReal:
      return Json{{"type", "number"}, {"minimum", 0}};
    case ValueType::kUnitInterval:
      return Json{{"type", "number"}, {"minimum", 0}, {"maximum", 1}};
    case ValueType::kFraction:
      return Json{{"type", "number"}, {"exclusiveMinimum", 0}, {"maximum", 1}};
    case ValueType::kHalfOpenUnit:
      return Json{{"type", "number"}, {"minimum", 0}, {"exclusiveMaximum", 1}};
    case ValueType::kBoundedReal:
      return Json{{"type", "number"}, {"minimum", row.min}, {"maximum", row.max}};
    case ValueType::kMultiplierList:
      return Json{{"type", "array"},
                  {"minItems", 1},
                  {"items", Json{{"type", "number"}, {"minimum", 0}}},
                  {"contains", Json{{"type", "number"}, {"exclusiveMinimum", 0}}}};
    case ValueType::kTarget:
      return Json{
          {"oneOf", Json::array({Json{{"type", "number"}, {"exclusiveMinimum", 0}, {"maximum", 1}},
                                 Json{{"type", "string"},
                                      {"pattern", "^" + std::string(kNonZeroLookahead) +
                                                      std::string(kNumberPattern) + "%$"}}})}};
    case ValueType::kDuration:
      if (row.max > 0) return duration_schema(zero, row.max);
      return ref_to(duration_def(zero));
    case ValueType::kDurationList: {
      Json list{{"type", "array"}, {"minItems", 1}, {"items", ref_to("duration")}};
      // A law whose mean must be positive needs one positive sample.
      if (zero == Zero::kForbidden) list["contains"] = ref_to("positive_duration");
      return list;
    }
    case ValueType::kLaw:
      return ref_to(law_def(zero));
    case ValueType::kLawOrNever:
      return Json{{"oneOf", Json::array({ref_to(law_def(zero)), Json{{"const", "never"}}})}};
    case ValueType::kLawOrInspections:
      return Json{
          {"oneOf",
           Json::array(
               {ref_to(law_def(zero)),
                Json{{"type", "object"},
                     {"properties", {{"inspection_every", ref_to(duration_def(Zero::kForbidden))}}},
                     {"required", Json::array({"inspection_every"})},
                     {"additionalProperties", false}}})}};
    case ValueType::kLawType:
      return Json::object();  // the table's law_type, set by object_schema
    case ValueType::kEnum: {
      Json choices = Json::array();
      for (auto choice : row.choices) choices.push_back(choice);
      return Json{{"enum", choices}};
    }
    case ValueType::kObject:
      return ref_to(row.table->name);
    case ValueType::kList: {
      Json list{{"type", "array"}, {"items", ref_to(row.table->name)}};
      if (row.non_empty) list["minItems"] = 1;
      return list;
    }
    case ValueType::kOverrides:
      return Json{{"type", "object"}, {"minProperties", 1}};
  }
  return Json::object();
}

/// Exactly one (or at most one) of the group's keys.
Json group_schema(const KeyGroup& group) {
  Json branches = Json::array();
  for (auto key : group.keys) branches.push_back(required(key));
  if (group.exactly_one) return Json{{"oneOf", branches}};
  // At most one: one of them, or none.
  Json none_or_one = branches;
  none_or_one.push_back(Json{{"not", Json{{"anyOf", branches}}}});
  return Json{{"oneOf", none_or_one}};
}

bool has_failing_only(const KeyGroup& group, const KeyTable& table) {
  for (auto key : group.keys) {
    const KeyRow* row = table.find(key);
    if (row != nullptr && row->failing_only) return true;
  }
  return false;
}

/// The rules across keys: groups, keys that need another, "never", the table's own rules.
Json cross_key_rules(const KeyTable& table) {
  Json rules = Json::array();
  const KeyRow* never = nullptr;
  Json failing_only = Json::array();
  for (const KeyRow& row : table.rows) {
    if (row.type == ValueType::kLawOrNever) never = &row;
    if (row.failing_only) failing_only.push_back(required(row.key));
  }
  Json failing_groups = Json::array();
  for (const KeyGroup& group : table.groups) {
    if (never != nullptr && has_failing_only(group, table)) {
      failing_groups.push_back(group_schema(group));
    } else {
      rules.push_back(group_schema(group));
    }
  }
  if (never != nullptr && !failing_only.empty()) {
    // "never" fails with none of the keys of failing; otherwise their groups apply.
    Json rule{{"if", Json{{"required", Json::array({never->key})},
                          {"properties", Json{{never->key, Json{{"const", "never"}}}}}}},
              {"then", Json{{"not", Json{{"anyOf", failing_only}}}}}};
    if (!failing_groups.empty()) rule["else"] = Json{{"allOf", failing_groups}};
    rules.push_back(rule);
  }
  Json dependent = Json::object();
  for (const KeyRow& row : table.rows) {
    if (!row.only_with.empty()) dependent[std::string(row.key)] = Json::array({row.only_with});
  }
  if (!dependent.empty()) rules.push_back(Json{{"dependentRequired", dependent}});
  if (!table.rules_json.empty()) rules.push_back(Json::parse(table.rules_json));
  return rules;
}

/// The schema of an object kind; `law_zero` is the zero rule of a law table.
Json object_schema(const KeyTable& table, Zero law_zero) {
  Json properties = Json::object();
  Json required_keys = Json::array();
  for (const KeyRow& row : table.rows) {
    Json property = value_schema(row, law_zero);
    if (row.type == ValueType::kLawType) property["const"] = table.law_type;
    property["description"] = row.meaning;
    if (!row.default_json.empty()) property["default"] = Json::parse(row.default_json);
    properties[std::string(row.key)] = property;
    if (row.required) required_keys.push_back(row.key);
  }
  Json schema{{"type", "object"}, {"description", table.meaning}, {"properties", properties}};
  if (!required_keys.empty()) schema["required"] = required_keys;
  schema["additionalProperties"] = false;
  Json rules = cross_key_rules(table);
  if (!rules.empty()) schema["allOf"] = rules;
  return schema;
}

/// A law: a bare duration (an exponential mean; a bare 0 is "no delay" where zero is allowed)
/// or an object of one type. With zero forbidden, the parameters that follow the law's rule
/// must be positive.
Json law_schema(Zero zero) {
  Json branches = Json::array({ref_to(duration_def(zero))});
  for (const KeyTable* table : detail::law_tables()) {
    Json branch = ref_to(table->name);
    if (zero == Zero::kForbidden) {
      Json stricter = Json::object();
      for (const KeyRow& row : table->rows) {
        if (row.zero_from_law) stricter[std::string(row.key)] = value_schema(row, zero);
      }
      if (!stricter.empty()) branch["properties"] = stricter;
    }
    branches.push_back(branch);
  }
  const char* description =
      zero == Zero::kAllowed
          ? "A distribution that may be 0: a duration (the mean of an exponential law; 0 is no "
            "delay) or an object with \"type\"."
          : "A distribution with a mean above 0: a duration (the mean of an exponential law) or "
            "an object with \"type\".";
  return Json{{"description", description}, {"oneOf", branches}};
}

}  // namespace

nlohmann::ordered_json model_schema() {
  Json defs = Json::object();
  defs["id"] = Json{{"type", "string"},
                    {"pattern", "^[A-Za-z0-9_.-]+$"},
                    {"description", "An id: letters, digits, '_', '.' and '-'."}};
  const std::string units =
      R"( A number of hours or a string with a unit: s, m, h, d, w, y (365 days), like "90s", )"
      R"("15m", "2.5h", "3d", "2w", "1y".)";
  defs["duration"] = duration_schema(Zero::kAllowed, 0);
  defs["duration"]["description"] = "A duration of 0 or more." + units;
  defs["positive_duration"] = duration_schema(Zero::kForbidden, 0);
  defs["positive_duration"]["description"] = "A duration above 0." + units;
  defs["law"] = law_schema(Zero::kForbidden);
  defs["law_may_be_zero"] = law_schema(Zero::kAllowed);
  for (const KeyTable* table : detail::law_tables()) {
    defs[std::string(table->name)] = object_schema(*table, Zero::kAllowed);
  }
  for (const KeyTable* table : detail::object_tables()) {
    if (table == &detail::kModelKeys) continue;
    defs[std::string(table->name)] = object_schema(*table, Zero::kForbidden);
  }

  Json schema{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
              {"title", "nines model"}};
  const Json top = object_schema(detail::kModelKeys, Zero::kForbidden);
  for (const auto& [key, value] : top.items()) schema[key] = value;
  schema["$defs"] = defs;
  return schema;
}

}  // namespace nines::models
