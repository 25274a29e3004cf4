// The ROBDD: hash-consed nodes, memoised AND/OR, threshold functions, probability and gradient.
#include "nines/analysis/bdd.hpp"

#include <algorithm>
#include <cassert>
#include <functional>
#include <limits>
#include <ranges>
#include <string>
#include <utility>

#include "nines/models/error.hpp"

namespace nines::analysis {

namespace {

constexpr std::uint32_t kTerminalVar = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kInitialSlots = 1U << 12U;

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33U;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33U;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33U;
  return x;
}

std::size_t node_hash(std::uint32_t var, BddRef low, BddRef high) {
  return static_cast<std::size_t>(mix((static_cast<std::uint64_t>(low) << 32U | high) ^
                                      (static_cast<std::uint64_t>(var) * 0x9e3779b97f4a7c15ULL)));
}

std::size_t cache_hash(BddRef a, BddRef b, std::uint32_t op) {
  return static_cast<std::size_t>(mix((static_cast<std::uint64_t>(a) << 32U | b) + op));
}

}  // namespace

Bdd::Bdd(std::size_t max_nodes)
    : max_nodes_(max_nodes), unique_(kInitialSlots), cache_(kInitialSlots / 2) {
  nodes_.push_back({kTerminalVar, kFalse, kFalse});
  nodes_.push_back({kTerminalVar, kTrue, kTrue});
}

std::size_t Bdd::find_slot(const Node& node) const {
  const std::size_t mask = unique_.size() - 1;
  std::size_t slot = node_hash(node.var, node.low, node.high) & mask;
  for (;;) {
    const Slot& entry = unique_[slot];
    if (entry.ref == 0) return slot;
    const Node& other = entry.key;
    if (other.var == node.var && other.low == node.low && other.high == node.high) return slot;
    slot = (slot + 1) & mask;
  }
}

void Bdd::grow_unique() {
  // Keep the load under one half; the cache grows with the diagram so hits stay likely.
  unique_.assign(unique_.size() * 2, Slot{});
  for (std::size_t i = 2; i < nodes_.size(); ++i) {
    unique_[find_slot(nodes_[i])] = {nodes_[i], static_cast<BddRef>(i)};
  }
  cache_.assign(unique_.size() / 2, CacheEntry{});
}

BddRef Bdd::make(std::uint32_t var, BddRef low, BddRef high) {
  if (low == high) return low;
  assert(!unique_.empty() && "the diagram is read-only after compact()");
  const Node key{var, low, high};
  const std::size_t slot = find_slot(key);
  if (unique_[slot].ref != 0) return unique_[slot].ref;
  if (nodes_.size() >= max_nodes_) {
    throw NotAnalysableError("the structure function needs more than " +
                             std::to_string(max_nodes_) +
                             " decision-diagram nodes; use 'nines run' for a simulation estimate");
  }
  const auto ref = static_cast<BddRef>(nodes_.size());
  nodes_.push_back(key);
  unique_[slot] = {key, ref};
  if (nodes_.size() * 2 > unique_.size()) grow_unique();
  return ref;
}

BddRef Bdd::variable(std::uint32_t var) { return make(var, kFalse, kTrue); }

BddRef Bdd::apply(bool is_and, BddRef a, BddRef b) {
  // Terminal cases of AND / OR.
  if (a == b) return a;
  if (is_and) {
    if (a == kFalse || b == kFalse) return kFalse;
    if (a == kTrue) return b;
    if (b == kTrue) return a;
  } else {
    if (a == kTrue || b == kTrue) return kTrue;
    if (a == kFalse) return b;
    if (b == kFalse) return a;
  }
  if (a > b) std::swap(a, b);  // AND and OR commute: one entry for both orders
  const auto op = static_cast<std::uint32_t>(is_and);
  if (const CacheEntry& hit = cache_[cache_hash(a, b, op) & (cache_.size() - 1)];
      hit.a == a && hit.b == b && hit.is_and == op) {
    return hit.result;
  }

  const std::uint32_t va = nodes_[a].var;
  const std::uint32_t vb = nodes_[b].var;
  const std::uint32_t top = std::min(va, vb);
  const BddRef a_low = va == top ? nodes_[a].low : a;
  const BddRef a_high = va == top ? nodes_[a].high : a;
  const BddRef b_low = vb == top ? nodes_[b].low : b;
  const BddRef b_high = vb == top ? nodes_[b].high : b;
  const BddRef low = apply(is_and, a_low, b_low);
  const BddRef high = apply(is_and, a_high, b_high);
  const BddRef result = make(top, low, high);
  // make() may have grown the cache: index it afresh.
  cache_[cache_hash(a, b, op) & (cache_.size() - 1)] = {a, b, result, op};
  return result;
}

BddRef Bdd::conjunction(BddRef a, BddRef b) { return apply(true, a, b); }

BddRef Bdd::disjunction(BddRef a, BddRef b) { return apply(false, a, b); }

BddRef Bdd::apply_all(bool is_and, std::span<const BddRef> operands) {
  if (operands.empty()) return is_and ? kTrue : kFalse;
  std::vector<BddRef> level(operands.begin(), operands.end());
  while (level.size() > 1) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i + 1 < level.size(); i += 2) {
      level[kept++] = apply(is_and, level[i], level[i + 1]);
    }
    if (level.size() % 2 == 1) level[kept++] = level.back();
    level.resize(kept);
  }
  return level.front();
}

BddRef Bdd::conjunction(std::span<const BddRef> operands) {
  // Walk down from the top variable v of the operands while one of those that test v is false
  // with v down: the conjunction is then false there and only v up has to be followed, so the
  // result's node at v is (v, false, the conjunction of the cofactors). A service over a series
  // of pools is such a path (a cube): conjoined in one walk, it creates only the result's nodes,
  // where a tree of pairwise conjunctions would also build every intermediate path. What is
  // left when no operand forces v is conjoined pairwise.
  using Top = std::pair<std::uint32_t, BddRef>;  // (variable, node): a min-heap on both
  std::vector<Top> heap;
  for (const BddRef f : operands) {
    if (f == kFalse) return kFalse;
    if (f != kTrue) heap.emplace_back(nodes_[f].var, f);
  }
  std::make_heap(heap.begin(), heap.end(), std::greater<>{});
  std::vector<std::uint32_t> path;
  std::vector<BddRef> at_top;
  BddRef rest = kTrue;
  while (!heap.empty()) {
    if (heap.size() == 1) {  // one operand left: the rest of the path is shared with it
      rest = heap.front().second;
      break;
    }
    const std::uint32_t v = heap.front().first;
    at_top.clear();
    bool forced = false;
    while (!heap.empty() && heap.front().first == v) {
      std::pop_heap(heap.begin(), heap.end(), std::greater<>{});
      const BddRef f = heap.back().second;
      heap.pop_back();
      if (!at_top.empty() && at_top.back() == f) continue;  // equal operands pop one after another
      at_top.push_back(f);
      forced = forced || nodes_[f].low == kFalse;
    }
    if (!forced) {
      std::vector<BddRef> left(at_top);
      for (const Top& top : heap) left.push_back(top.second);
      rest = apply_all(true, left);
      break;
    }
    path.push_back(v);
    for (const BddRef f : at_top) {
      const BddRef high = nodes_[f].high;
      if (high == kFalse) return kFalse;  // false on both sides of v: false everywhere
      if (high == kTrue) continue;
      heap.emplace_back(nodes_[high].var, high);
      std::push_heap(heap.begin(), heap.end(), std::greater<>{});
    }
  }
  BddRef result = rest;
  for (const std::uint32_t v : std::views::reverse(path)) result = make(v, kFalse, result);
  return result;
}

BddRef Bdd::disjunction(std::span<const BddRef> operands) { return apply_all(false, operands); }

BddRef Bdd::at_least(std::int64_t k, std::span<const BddRef> operands) {
  const auto m = static_cast<std::int64_t>(operands.size());
  if (k <= 0) return kTrue;
  if (k > m) return kFalse;
  // The common rows (all of them, any of them) without the k x m table.
  if (k == m) return conjunction(operands);
  if (k == 1) return disjunction(operands);
  // at_least[j] over the operands i..m-1, built from the last operand backwards:
  // at least j of {f_i, rest} = (f_i AND at least j-1 of rest) OR at least j of rest.
  std::vector<BddRef> at_least_of_rest(static_cast<std::size_t>(k) + 1, kFalse);
  at_least_of_rest[0] = kTrue;
  for (std::int64_t i = m - 1; i >= 0; --i) {
    const BddRef f = operands[static_cast<std::size_t>(i)];
    const std::int64_t top = std::min(k, m - i);
    for (std::int64_t j = top; j >= 1; --j) {
      const auto uj = static_cast<std::size_t>(j);
      at_least_of_rest[uj] =
          disjunction(conjunction(f, at_least_of_rest[uj - 1]), at_least_of_rest[uj]);
    }
  }
  return at_least_of_rest[static_cast<std::size_t>(k)];
}

void Bdd::compact(std::vector<BddRef>& roots) {
  std::vector<bool> live(nodes_.size(), false);
  live[kFalse] = live[kTrue] = true;
  for (const BddRef root : roots) live[root] = true;
  // Parents have larger indices than children: one descending sweep marks everything reachable.
  for (std::size_t i = nodes_.size(); i-- > 2;) {
    if (!live[i]) continue;
    live[nodes_[i].low] = true;
    live[nodes_[i].high] = true;
  }
  std::vector<BddRef> renumbered(nodes_.size(), kFalse);
  std::vector<Node> kept;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (!live[i]) continue;
    renumbered[i] = static_cast<BddRef>(kept.size());
    Node node = nodes_[i];
    if (i >= 2) {
      node.low = renumbered[node.low];
      node.high = renumbered[node.high];
    }
    kept.push_back(node);
  }
  nodes_ = std::move(kept);
  for (BddRef& root : roots) root = renumbered[root];
  unique_.clear();
  unique_.shrink_to_fit();
  cache_.clear();
  cache_.shrink_to_fit();
}

void Bdd::probabilities(std::span<const double> p, std::span<const double> q,
                        std::vector<double>& up, std::vector<double>& down) const {
  up.resize(nodes_.size());
  down.resize(nodes_.size());
  up[kFalse] = 0.0;
  up[kTrue] = 1.0;
  down[kFalse] = 1.0;
  down[kTrue] = 0.0;
  for (std::size_t i = 2; i < nodes_.size(); ++i) {
    const Node& node = nodes_[i];
    const double pv = p[node.var];
    const double qv = q[node.var];
    up[i] = pv * up[node.high] + qv * up[node.low];
    down[i] = pv * down[node.high] + qv * down[node.low];
  }
}

void Bdd::add_gradient(BddRef root, std::span<const double> p, std::span<const double> up,
                       std::vector<double>& adjoint, std::span<double> gradient) const {
  if (root < 2) return;
  adjoint.assign(static_cast<std::size_t>(root) + 1, 0.0);
  adjoint[root] = 1.0;
  for (std::size_t i = root; i >= 2; --i) {
    const double a = adjoint[i];
    if (a == 0.0) continue;
    const Node& node = nodes_[i];
    const double pv = p[node.var];
    gradient[node.var] += a * (up[node.high] - up[node.low]);
    adjoint[node.high] += a * pv;
    adjoint[node.low] += a * (1.0 - pv);
  }
}

}  // namespace nines::analysis
