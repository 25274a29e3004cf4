// Enumerates a group's chain: packs states into words, explores every timed event of every
// reachable state through the engine's rules (group_events), and assembles the generator.
#include "group_state_space.hpp"

#include <cassert>
#include <string>

#include "group_events.hpp"
#include "nines/models/error.hpp"
#include "state_table.hpp"

namespace nines::analysis::detail {
namespace {

constexpr std::uint16_t kNoEntry = 0xffffU;
constexpr std::size_t kCountsPerComponent = 6;

/// The packed form: per component active, idle, undetected, in repair, switching, missed (waiting
/// is the rest); then, for each crew serving several components, its queue padded with kNoEntry.
/// The queue of a crew serving one component is just that component's waiting count.
class StatePacker {
 public:
  explicit StatePacker(const GroupSpec& spec) : spec_(spec) {
    width_ = kCountsPerComponent * spec.components.size();
    for (const ChainCrew& crew : spec.crews) {
      std::size_t instances = 0;
      for (const std::uint32_t c : crew.components) instances += spec.components[c].instances;
      const std::size_t longest = instances > crew.size ? instances - crew.size : 0;
      queue_offset_.push_back(width_);
      queue_length_.push_back(crew.components.size() > 1 ? longest : 0);
      width_ += queue_length_.back();
    }
  }

  [[nodiscard]] std::size_t width() const { return width_; }

  void pack(const GroupConfig& config, std::vector<std::uint16_t>& words) const {
    words.assign(width_, kNoEntry);
    for (std::size_t c = 0; c < config.counts.size(); ++c) {
      const ComponentCounts& n = config.counts[c];
      std::uint16_t* w = words.data() + kCountsPerComponent * c;
      w[0] = static_cast<std::uint16_t>(n.active);
      w[1] = static_cast<std::uint16_t>(n.idle);
      w[2] = static_cast<std::uint16_t>(n.undetected);
      w[3] = static_cast<std::uint16_t>(n.in_repair);
      w[4] = static_cast<std::uint16_t>(n.switching);
      w[5] = static_cast<std::uint16_t>(n.missed);
    }
    for (std::size_t k = 0; k < config.queues.size(); ++k) {
      if (queue_length_[k] == 0) continue;
      assert(config.queues[k].size() <= queue_length_[k]);
      std::copy(config.queues[k].begin(), config.queues[k].end(),
                words.begin() + static_cast<std::ptrdiff_t>(queue_offset_[k]));
    }
  }

  void unpack(std::span<const std::uint16_t> words, GroupConfig& config) const {
    config.counts.resize(spec_.components.size());
    config.queues.resize(spec_.crews.size());
    for (std::size_t c = 0; c < config.counts.size(); ++c) {
      ComponentCounts& n = config.counts[c];
      const std::uint16_t* w = words.data() + kCountsPerComponent * c;
      n = ComponentCounts{w[0], w[1], w[2], 0, w[3], w[4], w[5]};
      n.waiting = spec_.components[c].instances -
                  (n.active + n.idle + n.undetected + n.in_repair + n.switching + n.missed);
    }
    for (std::size_t k = 0; k < config.queues.size(); ++k) {
      auto& queue = config.queues[k];
      queue.clear();
      if (queue_length_[k] == 0) {
        const std::uint32_t c = spec_.crews[k].components.front();
        queue.assign(config.counts[c].waiting, static_cast<std::uint16_t>(c));
        continue;
      }
      for (std::size_t i = 0; i < queue_length_[k]; ++i) {
        const std::uint16_t entry = words[queue_offset_[k] + i];
        if (entry == kNoEntry) break;
        queue.push_back(entry);
      }
    }
  }

 private:
  const GroupSpec& spec_;
  std::size_t width_ = 0;
  std::vector<std::size_t> queue_offset_;
  std::vector<std::size_t> queue_length_;
};

/// 2000000 -> "2,000,000".
std::string with_separators(std::size_t n) {
  std::string digits = std::to_string(n);
  for (std::ptrdiff_t at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return digits;
}

std::uint32_t pattern_of(const GroupSpec& spec, const GroupConfig& config) {
  std::uint32_t mask = 0;
  for (std::uint32_t c = 0; c < spec.components.size(); ++c) {
    if (pool_up(spec, config, c)) mask |= 1U << c;
  }
  return mask;
}

}  // namespace

GroupStateSpace build_state_space(const GroupSpec& spec, std::size_t max_states) {
  const StatePacker packer(spec);
  StateTable table(packer.width());
  const std::size_t m = spec.components.size();
  GroupStateSpace out;
  out.components = m;

  std::vector<std::uint16_t> words;
  packer.pack(initial_config(spec), words);
  table.insert(words);

  std::vector<Eigen::Triplet<double, std::int32_t>> rates;
  std::vector<Outcome> outcomes;
  GroupConfig from;
  // States are numbered in discovery order, so walking the indices is the breadth-first search.
  for (std::uint32_t s = 0; s < table.size(); ++s) {
    packer.unpack(table.at(s), from);
    const std::uint32_t from_pattern = pattern_of(spec, from);
    out.pattern.push_back(from_pattern);
    out.down_rate_per_hour.resize(out.down_rate_per_hour.size() + m, 0.0);
    for (std::uint32_t c = 0; c < m; ++c) {
      for (int k = 0; k < kEventKinds; ++k) {
        const auto kind = static_cast<EventKind>(k);
        const double rate = event_rate(spec, from, kind, c);
        if (rate == 0.0) continue;
        outcomes.clear();
        apply_event(spec, from, kind, c, outcomes);
        for (const Outcome& outcome : outcomes) {
          if (outcome.probability == 0.0) continue;
          packer.pack(outcome.config, words);
          const auto [to, added] = table.insert(words);
          if (added && table.size() > max_states) {
            throw NotAnalysableError(
                "the Markov chain of " + describe_group(spec) + " has more than " +
                with_separators(max_states) + " states (the limit, --max-states " +
                std::to_string(max_states) +
                "); use 'nines run' for a simulation estimate, or raise the limit");
          }
          if (to == s) continue;  // back where it was at the same instant: no transition
          const double flow = rate * outcome.probability;
          rates.emplace_back(static_cast<std::int32_t>(s), static_cast<std::int32_t>(to), flow);
          const std::uint32_t lost = from_pattern & ~pattern_of(spec, outcome.config);
          // Only an active failure lowers an active count, and only of its own component: one
          // event never takes two pools down (the engine's set_pool_up relies on it too).
          assert(lost == 0 || (lost == (1U << c) && kind == EventKind::kActiveFailure));
          if (lost != 0) out.down_rate_per_hour[s * m + c] += flow;
        }
      }
    }
  }

  const auto n = static_cast<Eigen::Index>(table.size());
  std::vector<double> exit(table.size(), 0.0);
  for (const auto& t : rates) exit[static_cast<std::size_t>(t.row())] += t.value();
  for (std::size_t s = 0; s < exit.size(); ++s) {
    const auto i = static_cast<std::int32_t>(s);
    rates.emplace_back(i, i, -exit[s]);
  }
  out.generator.resize(n, n);
  out.generator.setFromTriplets(rates.begin(), rates.end());
  out.generator.makeCompressed();
  out.transitions = static_cast<std::size_t>(out.generator.nonZeros()) - table.size();
  return out;
}

}  // namespace nines::analysis::detail
