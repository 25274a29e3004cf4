// Generators of large synthetic models, built in code, for benchmarks and for timing the CLI.
#include "synthetic_models.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"

namespace nines::bench {
namespace {

/// SplitMix64: tiny, fast, and the same sequence everywhere (unlike std:: distributions).
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }

  /// Uniform on [0, bound), bound > 0, without modulo bias (rejection).
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
      const std::uint64_t r = next();
      if (r >= threshold) {
        return r % bound;
      }
    }
  }

 private:
  std::uint64_t state_;
};

std::string component_id(std::int64_t index) {
  // Appending (not "c" + std::to_string(...)) sidesteps GCC 12's false -Wrestrict at -O3.
  std::string id = "c";
  id += std::to_string(index);
  return id;
}

models::Component pool(std::string id, std::int64_t instances, std::int64_t min_up) {
  models::Component component;
  component.id = std::move(id);
  component.instances = instances;
  component.min_up = min_up;
  component.failure = models::Exponential{kMtbfHours};
  component.detection = models::Fixed{0.0};
  component.repair = models::Exponential{kMttrHours};
  return component;
}

models::Dependency needs(const std::string& from, const std::string& to) {
  models::Dependency dependency;
  dependency.from = from;
  dependency.to = {to};
  dependency.min_up = 1;
  dependency.is_list = false;
  return dependency;
}

void check_count(std::int64_t value, std::int64_t minimum, const char* what) {
  if (value < minimum) {
    throw UsageError(format_error(
        "<generator>", what, "must be at least " + std::to_string(minimum), std::to_string(value)));
  }
}

models::Model finish(models::Model model) {
  models::validate_model(model, "<generator>");
  return model;
}

}  // namespace

models::Model layered_random(std::int64_t components, std::int64_t instances, std::int64_t min_up,
                             std::int64_t deps_per_component, std::uint64_t seed) {
  check_count(components, 1, "components");
  check_count(deps_per_component, 0, "deps");
  models::Model model;
  model.name = "Layered random DAG, " + std::to_string(components) + " x " +
               std::to_string(min_up) + "-of-" + std::to_string(instances) + ", " +
               std::to_string(deps_per_component) + " deps each (seed " + std::to_string(seed) +
               ")";
  model.description =
      "Synthetic benchmark model: component j depends on random components of lower index; the "
      "last component is the entry.";
  model.components.reserve(static_cast<std::size_t>(components));
  for (std::int64_t j = 0; j < components; ++j) {
    model.components.push_back(pool(component_id(j), instances, min_up));
  }

  SplitMix64 rng(seed);
  std::vector<bool> depended_on(static_cast<std::size_t>(components), false);
  std::vector<std::int64_t> chosen;
  for (std::int64_t j = 1; j < components; ++j) {
    const std::int64_t count = std::min(j, deps_per_component);
    chosen.clear();
    // Distinct picks among [0, j): when most of the range is wanted, rejection would crawl, but
    // count <= deps_per_component is small and j grows, so collisions are rare.
    while (static_cast<std::int64_t>(chosen.size()) < count) {
      const auto pick = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(j)));
      if (std::find(chosen.begin(), chosen.end(), pick) == chosen.end()) {
        chosen.push_back(pick);
      }
    }
    std::sort(chosen.begin(), chosen.end());
    for (const std::int64_t i : chosen) {
      model.dependencies.push_back(needs(component_id(j), component_id(i)));
      depended_on[static_cast<std::size_t>(i)] = true;
    }
  }
  // The last component becomes the single root so that the entry reaches every component.
  const std::int64_t entry = components - 1;
  for (std::int64_t i = 0; i < entry; ++i) {
    if (!depended_on[static_cast<std::size_t>(i)]) {
      model.dependencies.push_back(needs(component_id(entry), component_id(i)));
    }
  }
  model.entry = component_id(entry);
  return finish(std::move(model));
}

models::Model series(std::int64_t components, std::int64_t instances, std::int64_t min_up) {
  check_count(components, 1, "components");
  models::Model model;
  model.name = "Series of " + std::to_string(components) + " x " + std::to_string(min_up) + "-of-" +
               std::to_string(instances);
  model.description = "Synthetic benchmark model: c0 depends on c1, c1 on c2, and so on.";
  model.components.reserve(static_cast<std::size_t>(components));
  for (std::int64_t j = 0; j < components; ++j) {
    model.components.push_back(pool(component_id(j), instances, min_up));
    if (j > 0) {
      model.dependencies.push_back(needs(component_id(j - 1), component_id(j)));
    }
  }
  model.entry = component_id(0);
  return finish(std::move(model));
}

models::Model huge_pool(std::int64_t instances, std::int64_t min_up) {
  models::Model model;
  model.name = "One pool of " + std::to_string(instances) + " instances";
  model.description = "Synthetic benchmark model: one huge pool.";
  model.replications = 10;
  model.components.push_back(pool("fleet", instances, min_up));
  model.entry = "fleet";
  return finish(std::move(model));
}

std::int64_t total_instances(const models::Model& model) {
  std::int64_t total = 0;
  for (const models::Component& component : model.components) {
    total += component.instances;
  }
  return total;
}

}  // namespace nines::bench
