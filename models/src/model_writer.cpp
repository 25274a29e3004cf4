// to_json and save_model: a model in canonical JSON that parse_model reads back to an equal model.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <type_traits>

#include "deploys_parser.hpp"
#include "nines/models/duration.hpp"
#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::models {
namespace {

/// The shortest median text whose logarithm is exactly `mu`, if any.
std::optional<std::string> exact_median(double mu) {
  const double median = std::exp(mu);
  if (!std::isfinite(median) || !(median > 0.0)) return std::nullopt;
  std::array<char, 64> buffer{};
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buffer.data(), buffer.size(), "%.*g", digits, median);
    const double candidate = std::strtod(buffer.data(), nullptr);
    if (candidate > 0.0 && std::log(candidate) == mu) return format_duration(candidate);
  }
  return std::nullopt;
}

template <typename Json>
struct LawWriter {
  Json operator()(const Exponential& d) const {
    return {{"type", "exponential"}, {"mean", format_duration(d.mean_hours)}};
  }
  Json operator()(const Weibull& d) const {
    return {{"type", "weibull"}, {"shape", d.shape}, {"scale", format_duration(d.scale_hours)}};
  }
  Json operator()(const Lognormal& d) const {
    Json law{{"type", "lognormal"}};
    if (auto median = exact_median(d.mu_log_hours)) {
      law["median"] = *median;
    } else {
      law["mu"] = d.mu_log_hours;
    }
    law["sigma"] = d.sigma;
    return law;
  }
  Json operator()(const Normal& d) const {
    return {{"type", "normal"},
            {"mean", format_duration(d.mean_hours)},
            {"stddev", format_duration(d.stddev_hours)}};
  }
  Json operator()(const Gamma& d) const {
    return {{"type", "gamma"}, {"shape", d.shape}, {"scale", format_duration(d.scale_hours)}};
  }
  Json operator()(const Uniform& d) const {
    return {{"type", "uniform"},
            {"min", format_duration(d.min_hours)},
            {"max", format_duration(d.max_hours)}};
  }
  Json operator()(const Fixed& d) const {
    return {{"type", "fixed"}, {"value", format_duration(d.value_hours)}};
  }
  Json operator()(const Empirical& d) const {
    Json samples = Json::array();
    for (double s : d.samples_hours) samples.push_back(format_duration(s));
    return {{"type", "empirical"}, {"samples", samples}};
  }
  Json operator()(const Never& /*unused*/) const { return "never"; }
};

template <typename Json>
Json law_json(const Distribution& law) {
  return std::visit(LawWriter<Json>{}, law);
}

/// A deploy schedule: every stated key (bad_probability always; batch when not 1; restart when
/// not 0), so that it reads back equal.
template <typename Json>
Json deploys_json(const Deploys& d) {
  Json out{{"period", format_duration(d.period_hours)}};
  if (d.first_at_hours) out["first_at"] = format_duration(*d.first_at_hours);
  out["bad_probability"] = d.bad_probability;
  if (d.strategy != DeployStrategy::kAllAtOnce) {
    out["strategy"] = std::string(detail::strategy_name(d.strategy));
  }
  if (d.batch != 1) out["batch"] = d.batch;
  if (d.batch_interval_hours) out["batch_interval"] = format_duration(*d.batch_interval_hours);
  if (d.canary_fraction) out["canary_fraction"] = *d.canary_fraction;
  if (d.bake_hours) out["bake"] = format_duration(*d.bake_hours);
  if (d.detection) out["detection"] = law_json<Json>(*d.detection);
  if (d.rollback) out["rollback"] = law_json<Json>(*d.rollback);
  if (d.restart != Distribution{Fixed{0.0}}) out["restart"] = law_json<Json>(d.restart);
  return out;
}

template <typename Json>
Json component_json(const Component& c) {
  Json out{{"id", c.id}};
  if (!c.description.empty()) out["description"] = c.description;
  if (c.instances != 1) out["instances"] = c.instances;
  if (c.min_up != 1) out["min_up"] = c.min_up;
  out["failure"] = law_json<Json>(c.failure);
  if (c.detection != Distribution{Fixed{0.0}}) out["detection"] = law_json<Json>(c.detection);
  // A component that never fails has no repair (validation keeps it at its default).
  if (!is_never(c.failure)) out["repair"] = law_json<Json>(c.repair);
  if (c.coverage) out["coverage"] = *c.coverage;
  if (c.undetected) out["undetected"] = law_json<Json>(*c.undetected);
  if (c.inspections) {
    out["undetected"] = Json{{"inspection_every", format_duration(c.inspections->every_hours)}};
  }
  if (c.standby.mode != StandbyMode::kHot) {
    Json standby{{"mode", c.standby.mode == StandbyMode::kWarm ? "warm" : "cold"}};
    if (c.standby.switchover != Distribution{Fixed{0.0}}) {
      standby["switchover"] = law_json<Json>(c.standby.switchover);
    }
    if (c.standby.switch_success != 1.0) standby["switch_success"] = c.standby.switch_success;
    if (c.standby.dormant_failure) {
      standby["dormant_failure"] = law_json<Json>(*c.standby.dormant_failure);
    }
    out["standby"] = standby;
  }
  if (!c.crew.empty()) out["crew"] = c.crew;
  if (c.deploys) out["deploys"] = deploys_json<Json>(*c.deploys);
  if (!c.zones.empty()) out["zones"] = c.zones;
  if (!c.placement.empty()) {
    Json placement = Json::object();
    for (const auto& [zone, count] : c.placement) placement[zone] = count;
    out["placement"] = placement;
  }
  if (c.cost) out["cost"] = *c.cost;
  if (c.idle_cost) out["idle_cost"] = *c.idle_cost;
  if (c.capacity_rps) out["capacity_rps"] = *c.capacity_rps;
  if (c.overload) {
    out["overload"] = Json{{"crash_after", law_json<Json>(c.overload->crash_after)},
                           {"restart", law_json<Json>(c.overload->restart)}};
  }
  if (c.load_shedding) out["load_shedding"] = *c.load_shedding;
  return out;
}

template <typename Json>
Json breaker_json(const CircuitBreaker& breaker) {
  return Json{{"threshold", breaker.threshold},
              {"open_for", format_duration(breaker.open_for_hours)}};
}

/// A dependency row: a list target without its own settings stays a string.
template <typename Json>
Json dependency_json(const Dependency& d) {
  Json dependency{{"from", d.from}};
  if (d.is_list) {
    Json to = Json::array();
    for (std::size_t i = 0; i < d.to.size(); ++i) {
      const TargetTraffic own = i < d.target_traffic.size() ? d.target_traffic[i] : TargetTraffic{};
      if (own.empty()) {
        to.push_back(d.to[i]);
        continue;
      }
      Json target{{"id", d.to[i]}};
      if (own.calls) target["calls"] = *own.calls;
      if (own.retries) target["retries"] = *own.retries;
      if (own.circuit_breaker) target["circuit_breaker"] = breaker_json<Json>(*own.circuit_breaker);
      to.push_back(target);
    }
    dependency["to"] = to;
    dependency["min_up"] = d.min_up;
  } else {
    dependency["to"] = d.to.empty() ? std::string() : d.to.front();
  }
  if (d.failover) {
    Json failover{{"time", law_json<Json>(d.failover->time)}};
    if (d.failover->success != 1.0) failover["success"] = d.failover->success;
    if (d.failover->failback == Failback::kManual) failover["failback"] = "manual";
    dependency["failover"] = failover;
  }
  if (d.calls) dependency["calls"] = *d.calls;
  if (d.retries) dependency["retries"] = *d.retries;
  if (d.routing) dependency["routing"] = *d.routing == Routing::kFailover ? "failover" : "all";
  if (d.mode) {
    dependency["mode"] = *d.mode == DependencyMode::kHard   ? "hard"
                         : *d.mode == DependencyMode::kSoft ? "soft"
                                                            : "cache";
  }
  if (d.impact) dependency["impact"] = *d.impact;
  if (d.hit_ratio) dependency["hit_ratio"] = *d.hit_ratio;
  if (d.stale_if_error_hours)
    dependency["stale_if_error"] = format_duration(*d.stale_if_error_hours);
  if (d.warmup_hours) dependency["warmup"] = format_duration(*d.warmup_hours);
  if (d.stale_below) dependency["stale_below"] = *d.stale_below;
  if (d.circuit_breaker) dependency["circuit_breaker"] = breaker_json<Json>(*d.circuit_breaker);
  return dependency;
}

/// A zone or a region: id, region (zones only), description, laws.
template <typename Json, typename Domain>
Json domain_json(const Domain& d) {
  Json out{{"id", d.id}};
  if constexpr (std::is_same_v<Domain, Zone>) {
    if (!d.region.empty()) out["region"] = d.region;
  }
  if (!d.description.empty()) out["description"] = d.description;
  out["failure"] = law_json<Json>(d.failure);
  out["repair"] = law_json<Json>(d.repair);
  if (d.cost) out["cost"] = *d.cost;
  return out;
}

template <typename Json>
Json injection_json(const Injection& injection) {
  Json out{{"at", format_duration(injection.at_hours)}};
  switch (injection.target) {
    case Injection::Target::kComponent:
      out["component"] = injection.id;
      if (injection.instances != 1) out["instances"] = injection.instances;
      break;
    case Injection::Target::kZone:
      out["zone"] = injection.id;
      break;
    case Injection::Target::kRegion:
      out["region"] = injection.id;
      break;
  }
  if (injection.for_hours) out["for"] = format_duration(*injection.for_hours);
  return out;
}

template <typename Json>
Json load_json(const Load& load) {
  Json out{{"rps", load.rps}};
  const LoadProfile& p = load.profile;
  switch (p.type) {
    case LoadProfile::Type::kConstant:
      break;  // the default profile
    case LoadProfile::Type::kDiurnal: {
      std::array<char, 8> at{};
      std::snprintf(at.data(), at.size(), "%02d:00", static_cast<int>(p.peak_at_hour));
      out["profile"] = Json{{"type", "diurnal"}, {"peak_to_mean", p.peak_to_mean}};
      if (p.peak_at_hour != 14) out["profile"]["peak_at"] = std::string(at.data());
      break;
    }
    case LoadProfile::Type::kHourly:
      out["profile"] = Json{{"type", "hourly"}, {"values", p.values}};
      break;
    case LoadProfile::Type::kWeekly:
      out["profile"] = Json{{"type", "weekly"}, {"values", p.values}};
      break;
  }
  if (load.limit_rps) out["limit_rps"] = *load.limit_rps;
  if (load.outage_below != 0.5) out["outage_below"] = load.outage_below;
  if (load.degraded_below) out["degraded_below"] = *load.degraded_below;
  if (load.slo_basis == SloBasis::kRequests) out["slo_basis"] = "requests";
  if (load.metastable_after_hours != 1.0) {
    out["metastable_after"] = format_duration(load.metastable_after_hours);
  }
  if (!load.spikes.empty()) {
    Json spikes = Json::array();
    for (const Spike& spike : load.spikes) {
      Json item = Json::object();
      if (!spike.id.empty()) item["id"] = spike.id;
      if (spike.gap) {
        item["gap"] = law_json<Json>(*spike.gap);
      } else {
        Json at = Json::array();
        for (const double hours : spike.at_hours) at.push_back(format_duration(hours));
        item["at"] = at;
      }
      item["duration"] = law_json<Json>(spike.duration);
      item["multiplier"] = spike.multiplier;
      spikes.push_back(item);
    }
    out["spikes"] = spikes;
  }
  if (!load.journeys.empty()) {
    Json journeys = Json::array();
    for (const Journey& journey : load.journeys) {
      journeys.push_back(Json{{"entry", journey.entry}, {"share", journey.share}});
    }
    out["journeys"] = journeys;
  }
  return out;
}

template <typename Json, typename Item, typename Write>
void write_list(Json& out, const char* key, const std::vector<Item>& items, Write write) {
  if (items.empty()) return;
  Json list = Json::array();
  for (const auto& item : items) list.push_back(write(item));
  out[key] = list;
}

template <typename Json>
Json model_json(const Model& model) {
  Json out = Json::object();
  if (model.schema) out["$schema"] = *model.schema;
  if (!model.name.empty()) out["name"] = model.name;
  if (!model.description.empty()) out["description"] = model.description;
  out["horizon"] = format_duration(model.horizon_hours);
  out["replications"] = model.replications;
  out["seed"] = model.seed;
  if (model.target) out["target"] = *model.target;
  if (model.currency != kDefaultCurrency) out["currency"] = model.currency;
  // Journeys replace the entry (which then holds the first journey's entry).
  const bool journeys = model.load && !model.load->journeys.empty();
  if (!model.entry.empty() && !journeys) out["entry"] = model.entry;
  if (!model.crews.empty()) {
    Json crews = Json::array();
    for (const auto& crew : model.crews) {
      Json item{{"id", crew.id}, {"size", crew.size}};
      if (crew.cost) item["cost"] = *crew.cost;
      crews.push_back(item);
    }
    out["crews"] = crews;
  }
  write_list(out, "regions", model.regions, domain_json<Json, Region>);
  write_list(out, "zones", model.zones, domain_json<Json, Zone>);
  Json components = Json::array();
  for (const auto& component : model.components)
    components.push_back(component_json<Json>(component));
  out["components"] = components;
  write_list(out, "dependencies", model.dependencies, dependency_json<Json>);
  write_list(out, "inject", model.inject, injection_json<Json>);
  if (model.load) out["load"] = load_json<Json>(*model.load);
  if (!model.scenarios.empty()) {
    Json scenarios = Json::array();
    for (const auto& scenario : model.scenarios) {
      Json set = Json::object();
      for (const auto& setting : scenario.set) {
        // A validated model holds JSON text here; anything else is kept as the string it is
        // rather than lost.
        Json value = Json::parse(setting.value_json, nullptr, false);
        set[setting.key] = value.is_discarded() ? Json(setting.value_json) : std::move(value);
      }
      scenarios.push_back(Json{{"name", scenario.name}, {"set", set}});
    }
    out["scenarios"] = scenarios;
  }
  return out;
}

}  // namespace

nlohmann::json to_json(const Model& model) { return model_json<nlohmann::json>(model); }

namespace {

using Ordered = nlohmann::ordered_json;

/// Replaces the keys `spellings` (e.g. "mtbf" and "failure") of `out` by `canonical[key]`
/// when `same` is false; keeps the user's spelling when it is true.
void keep_or_replace(Ordered& out, const Ordered& canonical, bool same,
                     std::initializer_list<const char*> spellings, const char* key) {
  if (same) return;
  for (const char* spelling : spellings) out.erase(spelling);
  if (canonical.contains(key)) out[key] = canonical[key];
}

/// A deploy schedule in the user's spelling, key by key: a changed key (a what-if's
/// `strategy`) is written as `canonical` has it, the others stay as they were written.
Ordered deploys_like(const Deploys& now, const Deploys& before, const Ordered& original,
                     const Ordered& canonical) {
  Ordered out = original;
  auto key = [&](const char* name, bool same) {
    keep_or_replace(out, canonical, same, {name}, name);
  };
  key("period", now.period_hours == before.period_hours);
  key("first_at", now.first_at_hours == before.first_at_hours);
  key("bad_probability", now.bad_probability == before.bad_probability);
  key("strategy", now.strategy == before.strategy);
  key("batch", now.batch == before.batch);
  key("batch_interval", now.batch_interval_hours == before.batch_interval_hours);
  key("canary_fraction", now.canary_fraction == before.canary_fraction);
  key("bake", now.bake_hours == before.bake_hours);
  key("detection", now.detection == before.detection);
  key("rollback", now.rollback == before.rollback);
  key("restart", now.restart == before.restart);
  return out;
}

Ordered component_like(const Component& now, const Component& before, const Ordered& original,
                       const Ordered& canonical) {
  Ordered out = original;
  keep_or_replace(out, canonical, now.description == before.description, {"description"},
                  "description");
  keep_or_replace(out, canonical, now.instances == before.instances, {"instances"}, "instances");
  keep_or_replace(out, canonical, now.min_up == before.min_up, {"min_up"}, "min_up");
  keep_or_replace(out, canonical, now.failure == before.failure, {"mtbf", "failure"}, "failure");
  // A component that never fails has none of the keys of failing, whatever they were before
  // (its repair law, at its default, may equal the one the file spelled).
  const bool fails = !is_never(now.failure);
  keep_or_replace(out, canonical, fails && now.repair == before.repair, {"mttr", "repair"},
                  "repair");
  keep_or_replace(out, canonical, fails && now.detection == before.detection, {"detection"},
                  "detection");
  keep_or_replace(out, canonical, fails && now.coverage == before.coverage, {"coverage"},
                  "coverage");
  keep_or_replace(
      out, canonical,
      fails && now.undetected == before.undetected && now.inspections == before.inspections,
      {"undetected"}, "undetected");
  keep_or_replace(out, canonical, fails && now.standby == before.standby, {"standby"}, "standby");
  keep_or_replace(out, canonical, fails && now.crew == before.crew, {"crew"}, "crew");
  if (now.deploys && before.deploys && now.deploys != before.deploys &&
      original.contains("deploys") && original["deploys"].is_object()) {
    out["deploys"] =
        deploys_like(*now.deploys, *before.deploys, original["deploys"], canonical["deploys"]);
  } else {
    keep_or_replace(out, canonical, now.deploys == before.deploys, {"deploys"}, "deploys");
  }
  keep_or_replace(out, canonical, now.zones == before.zones, {"zones"}, "zones");
  keep_or_replace(out, canonical, now.placement == before.placement, {"placement"}, "placement");
  keep_or_replace(out, canonical, now.cost == before.cost, {"cost"}, "cost");
  keep_or_replace(out, canonical, now.idle_cost == before.idle_cost, {"idle_cost"}, "idle_cost");
  keep_or_replace(out, canonical, now.capacity_rps == before.capacity_rps, {"capacity_rps"},
                  "capacity_rps");
  keep_or_replace(out, canonical, now.overload == before.overload, {"overload"}, "overload");
  keep_or_replace(out, canonical, now.load_shedding == before.load_shedding, {"load_shedding"},
                  "load_shedding");
  return out;
}

/// Writes the list `key` when it changed: an item equal to one of `before` keeps that item's
/// spelling in `original`; a new or changed one is written as `canonical` has it.
template <typename Item>
void list_like(Ordered& out, const Ordered& canonical, const Ordered& original, const char* key,
               const std::vector<Item>& now, const std::vector<Item>& before) {
  if (now == before) return;
  if (now.empty()) {
    out.erase(key);
    return;
  }
  const bool has_original =
      original.contains(key) && original[key].is_array() && original[key].size() == before.size();
  Ordered list = Ordered::array();
  for (std::size_t i = 0; i < now.size(); ++i) {
    const auto it = std::find(before.begin(), before.end(), now[i]);
    if (has_original && it != before.end()) {
      list.push_back(original[key][static_cast<std::size_t>(it - before.begin())]);
    } else {
      list.push_back(canonical[key][i]);
    }
  }
  out[key] = list;
}

}  // namespace

nlohmann::ordered_json to_json_like(const Model& model, const nlohmann::ordered_json& original) {
  Ordered canonical = model_json<Ordered>(model);
  Model before;
  try {
    before = parse_model(nlohmann::json::parse(original.dump()), "<original>").model;
  } catch (const std::exception&) {
    return canonical;  // nothing trustworthy to copy the spelling from
  }
  Ordered out = original;
  auto top = [&](const char* key, bool same) {
    if (same) {
      // An inferred entry stays implicit; every other key keeps what the user wrote.
      return;
    }
    out.erase(key);
    if (canonical.contains(key)) out[key] = canonical[key];
  };
  top("$schema", model.schema == before.schema);
  top("name", model.name == before.name);
  top("description", model.description == before.description);
  top("horizon", model.horizon_hours == before.horizon_hours);
  top("replications", model.replications == before.replications);
  top("seed", model.seed == before.seed);
  top("target", model.target == before.target);
  top("currency", model.currency == before.currency);
  const auto has_journeys = [](const Model& m) { return m.load && !m.load->journeys.empty(); };
  top("entry", model.entry == before.entry && has_journeys(model) == has_journeys(before));
  top("crews", model.crews == before.crews);
  list_like(out, canonical, original, "regions", model.regions, before.regions);
  list_like(out, canonical, original, "zones", model.zones, before.zones);
  list_like(out, canonical, original, "inject", model.inject, before.inject);
  top("dependencies", model.dependencies == before.dependencies);
  top("load", model.load == before.load);
  top("scenarios", model.scenarios == before.scenarios);
  if (model.components != before.components) {
    Ordered components = Ordered::array();
    for (std::size_t i = 0; i < model.components.size(); ++i) {
      const Component& now = model.components[i];
      const Ordered& fresh = canonical["components"][i];
      const std::int64_t j = before.component_index(now.id);
      if (j < 0 || !original.contains("components")) {
        components.push_back(fresh);  // new or renamed: written in the canonical form
        continue;
      }
      const auto uj = static_cast<std::size_t>(j);
      components.push_back(
          component_like(now, before.components[uj], original["components"][uj], fresh));
    }
    out["components"] = components;
  }
  return out;
}

nlohmann::ordered_json read_model_document(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ModelError(format_error(file.string(), "", "cannot read the file"));
  try {
    return nlohmann::ordered_json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw ModelError(format_error(file.string(), "", e.what()));
  }
}

namespace {

void write_atomically(const std::string& text, const std::filesystem::path& file);

}  // namespace

void save_model(const Model& model, const std::filesystem::path& file,
                const nlohmann::ordered_json& original) {
  write_atomically(
      to_json_like(model, original).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
          "\n",
      file);
}

void save_model(const Model& model, const std::filesystem::path& file) {
  // Keys in the documented order (ordered_json) for people who read the file.
  write_atomically(model_json<nlohmann::ordered_json>(model).dump(
                       2, ' ', false, nlohmann::json::error_handler_t::replace) +
                       "\n",
                   file);
}

namespace {

void write_atomically(const std::string& text, const std::filesystem::path& file) {
  const std::string name = file.string();
  std::filesystem::path pattern = file;
  pattern += ".tmp-XXXXXX";
  std::string temp = pattern.string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    throw Error(format_error(name, "",
                             "cannot write the model: " + std::generic_category().message(errno)));
  }
  ::close(fd);
  std::error_code ignored;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::filesystem::remove(temp, ignored);
      throw Error(format_error(name, "", "cannot write the model: write error"));
    }
  }
  using std::filesystem::perms;
  std::filesystem::permissions(
      temp, perms::owner_read | perms::owner_write | perms::group_read | perms::others_read,
      ignored);
  std::error_code error;
  std::filesystem::rename(temp, file, error);
  if (error) {
    std::filesystem::remove(temp, ignored);
    throw Error(format_error(name, "", "cannot write the model: " + error.message()));
  }
}

}  // namespace

}  // namespace nines::models
