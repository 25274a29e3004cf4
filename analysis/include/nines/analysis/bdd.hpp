// A reduced ordered binary decision diagram: the exact structure function of a system of pools.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace nines::analysis {

/// Index of a node in a Bdd; 0 and 1 are the constant functions.
using BddRef = std::uint32_t;

/// ROBDD over variables 0..n-1, ordered by index (variable 0 at the top). Nodes are hash-consed,
/// so equal functions share one node; children always have smaller indices than their parents,
/// which lets probabilities flow bottom-up in index order. No complement edges: the structure
/// functions of availability models are monotone and small in practice.
class Bdd {
 public:
  static constexpr BddRef kFalse = 0;
  static constexpr BddRef kTrue = 1;

  /// `max_nodes` bounds the table; building past it throws NotAnalysableError.
  explicit Bdd(std::size_t max_nodes = 20'000'000);

  [[nodiscard]] BddRef variable(std::uint32_t var);
  [[nodiscard]] BddRef conjunction(BddRef a, BddRef b);
  [[nodiscard]] BddRef disjunction(BddRef a, BddRef b);
  /// The conjunction of all operands (true for none). Where the operands are paths (services
  /// over series of pools) it is built in one walk down the variables that creates only the
  /// result's nodes; the rest is combined pairwise in a balanced tree. Folding the operands one
  /// at a time would rebuild the growing result once per operand: quadratic work, and as many
  /// dead nodes, for the entry of a large model.
  [[nodiscard]] BddRef conjunction(std::span<const BddRef> operands);
  /// The disjunction of all operands (false for none), combined pairwise in a balanced tree.
  [[nodiscard]] BddRef disjunction(std::span<const BddRef> operands);
  /// True when at least k of the operands are true.
  [[nodiscard]] BddRef at_least(std::int64_t k, std::span<const BddRef> operands);

  [[nodiscard]] std::size_t size() const { return nodes_.size(); }
  [[nodiscard]] std::uint32_t var(BddRef node) const { return nodes_[node].var; }
  [[nodiscard]] BddRef low(BddRef node) const { return nodes_[node].low; }
  [[nodiscard]] BddRef high(BddRef node) const { return nodes_[node].high; }

  /// Keeps only the nodes reachable from `roots` (renumbered, order kept); `roots` is updated.
  /// The diagram is read-only afterwards.
  void compact(std::vector<BddRef>& roots);

  /// up[node] = P(function true) and down[node] = P(function false) for independent variables
  /// with P(var true) = p[var] and P(var false) = q[var]. Both are summed separately so a
  /// probability near 1 keeps the digits of its complement.
  void probabilities(std::span<const double> p, std::span<const double> q, std::vector<double>& up,
                     std::vector<double>& down) const;

  /// Adds to gradient[var] the partial derivative of P(root) with respect to p[var], given the
  /// node probabilities `up` from `probabilities`. One backward pass; `adjoint` is scratch space.
  void add_gradient(BddRef root, std::span<const double> p, std::span<const double> up,
                    std::vector<double>& adjoint, std::span<double> gradient) const;

 private:
  struct Node {
    std::uint32_t var;
    BddRef low;
    BddRef high;
  };
  /// One entry of the memo of AND/OR results: a lossy direct-mapped cache, as in CUDD.
  struct CacheEntry {
    BddRef a = 0;
    BddRef b = 0;
    BddRef result = 0;
    std::uint32_t is_and = 2;  // 2: empty
  };

  BddRef make(std::uint32_t var, BddRef low, BddRef high);
  BddRef apply(bool is_and, BddRef a, BddRef b);
  BddRef apply_all(bool is_and, std::span<const BddRef> operands);
  /// The slot of (var, low, high) in `unique_`: where it is, or the empty slot to put it.
  std::size_t find_slot(const Node& node) const;
  void grow_unique();

  std::size_t max_nodes_;
  std::vector<Node> nodes_;
  /// A slot of the unique table holds the key beside the node, so a probe touches one line.
  struct Slot {
    Node key;
    BddRef ref = 0;  // 0: empty (the constant nodes are never stored)
  };
  /// Open addressing with linear probing. Empty after compact(): the diagram is then read-only.
  std::vector<Slot> unique_;
  std::vector<CacheEntry> cache_;
};

}  // namespace nines::analysis
