// Tests of the BDD: canonical nodes, threshold functions, probabilities and gradients.
#include "nines/analysis/bdd.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "nines/models/error.hpp"

namespace nines::analysis {
namespace {

double probability(const Bdd& bdd, BddRef root, const std::vector<double>& p) {
  std::vector<double> q;
  for (const double x : p) q.push_back(1.0 - x);
  std::vector<double> up;
  std::vector<double> down;
  bdd.probabilities(p, q, up, down);
  EXPECT_NEAR(up[root] + down[root], 1.0, 1e-15);
  return up[root];
}

TEST(Bdd, EqualFunctionsShareOneNode) {
  Bdd bdd;
  const BddRef a = bdd.variable(0);
  const BddRef b = bdd.variable(1);
  EXPECT_EQ(bdd.conjunction(a, b), bdd.conjunction(b, a));
  EXPECT_EQ(bdd.disjunction(a, bdd.conjunction(a, b)), a);  // absorption
  EXPECT_EQ(bdd.conjunction(a, Bdd::kFalse), Bdd::kFalse);
  EXPECT_EQ(bdd.disjunction(a, Bdd::kTrue), Bdd::kTrue);
}

TEST(Bdd, TwoOfThreeHasTheBinomialProbability) {
  Bdd bdd;
  const std::vector<BddRef> x = {bdd.variable(0), bdd.variable(1), bdd.variable(2)};
  const BddRef two_of_three = bdd.at_least(2, x);
  const double p = 0.9;
  EXPECT_NEAR(probability(bdd, two_of_three, {p, p, p}), 3 * p * p - 2 * p * p * p, 1e-15);
  EXPECT_EQ(bdd.at_least(0, x), Bdd::kTrue);
  EXPECT_EQ(bdd.at_least(4, x), Bdd::kFalse);
  EXPECT_EQ(bdd.at_least(3, x), bdd.conjunction(x[0], bdd.conjunction(x[1], x[2])));
}

TEST(Bdd, WideConjunctionAndDisjunctionAreTheFoldedOnes) {
  // Combined in a balanced tree, they must still be the one canonical node of the fold.
  Bdd bdd;
  std::vector<BddRef> x;
  for (std::uint32_t v = 0; v < 7; ++v) x.push_back(bdd.variable(6 - v));
  BddRef all = Bdd::kTrue;
  BddRef any = Bdd::kFalse;
  for (const BddRef f : x) {
    all = bdd.conjunction(all, f);
    any = bdd.disjunction(any, f);
  }
  EXPECT_EQ(bdd.conjunction(x), all);
  EXPECT_EQ(bdd.disjunction(x), any);
  EXPECT_EQ(bdd.at_least(7, x), all);
  EXPECT_EQ(bdd.at_least(1, x), any);
  EXPECT_EQ(bdd.conjunction(std::vector<BddRef>{}), Bdd::kTrue);
  EXPECT_EQ(bdd.disjunction(std::vector<BddRef>{}), Bdd::kFalse);
  EXPECT_EQ(bdd.conjunction(std::vector<BddRef>{x[3]}), x[3]);
}

TEST(Bdd, WideConjunctionOfSeriesAndParallelTermsIsTheFoldedOne) {
  // Paths sharing their tails (walked together), a disjunction (no operand forces its top
  // variable: conjoined pairwise from there), a repeated operand, and a contradiction.
  Bdd bdd;
  std::vector<BddRef> x;
  for (std::uint32_t v = 0; v < 8; ++v) x.push_back(bdd.variable(v));
  const BddRef tail = bdd.conjunction(x[6], x[7]);
  const BddRef a = bdd.conjunction(x[1], bdd.conjunction(x[4], tail));
  const BddRef b = bdd.conjunction(x[2], bdd.conjunction(x[5], tail));
  const BddRef either = bdd.disjunction(bdd.conjunction(x[3], x[5]), x[6]);
  const std::vector<BddRef> terms = {x[0], a, b, either, a, Bdd::kTrue};
  BddRef folded = Bdd::kTrue;
  for (const BddRef f : terms) folded = bdd.conjunction(folded, f);
  EXPECT_EQ(bdd.conjunction(terms), folded);
  const std::vector<BddRef> paths = {x[0], a, b};
  EXPECT_EQ(bdd.conjunction(paths), bdd.conjunction(x[0], bdd.conjunction(a, b)));
  EXPECT_EQ(bdd.conjunction(std::vector<BddRef>{a, Bdd::kFalse}), Bdd::kFalse);
  EXPECT_EQ(bdd.conjunction(std::vector<BddRef>{b, either, a}),
            bdd.conjunction(a, bdd.conjunction(b, either)));
}

TEST(Bdd, WideConjunctionOfPathsCreatesOnlyTheResultsNodes) {
  // x0 x1 x2 x4 x5 x6 x7 from x0, x1 x4 x6 x7 and x2 x5 x6 x7: x5 x6 x7 is b's own tail, so only
  // the nodes at x4, x2, x1 and x0 are new (a fold would also build x1 x2 x4 x5 x6 x7 ... first).
  Bdd bdd;
  std::vector<BddRef> x;
  for (std::uint32_t v = 0; v < 8; ++v) x.push_back(bdd.variable(v));
  const BddRef tail = bdd.conjunction(x[6], x[7]);
  const BddRef a = bdd.conjunction(x[1], bdd.conjunction(x[4], tail));
  const BddRef b = bdd.conjunction(x[2], bdd.conjunction(x[5], tail));
  const std::size_t before = bdd.size();
  const BddRef all = bdd.conjunction(std::vector<BddRef>{b, x[0], a});
  EXPECT_EQ(bdd.size() - before, 4U);
  EXPECT_EQ(bdd.var(all), 0U);
}

TEST(Bdd, SharedVariableIsCountedOnce) {
  // (a AND s) OR (b AND s) = s AND (a OR b): the naive product of paths would count s twice.
  Bdd bdd;
  const BddRef s = bdd.variable(0);
  const BddRef a = bdd.variable(1);
  const BddRef b = bdd.variable(2);
  const BddRef f = bdd.disjunction(bdd.conjunction(a, s), bdd.conjunction(b, s));
  const double ps = 0.9;
  const double pa = 0.8;
  const double pb = 0.7;
  EXPECT_NEAR(probability(bdd, f, {ps, pa, pb}), ps * (1 - (1 - pa) * (1 - pb)), 1e-15);
}

TEST(Bdd, GradientIsTheBirnbaumImportance) {
  Bdd bdd;
  const BddRef s = bdd.variable(0);
  const BddRef a = bdd.variable(1);
  const BddRef b = bdd.variable(2);
  const BddRef f = bdd.conjunction(s, bdd.disjunction(a, b));
  const std::vector<double> p = {0.9, 0.8, 0.7};
  const std::vector<double> q = {0.1, 0.2, 0.3};
  std::vector<double> up;
  std::vector<double> down;
  bdd.probabilities(p, q, up, down);
  std::vector<double> adjoint;
  std::vector<double> gradient(3, 0.0);
  bdd.add_gradient(f, p, up, adjoint, gradient);
  EXPECT_NEAR(gradient[0], 1 - 0.2 * 0.3, 1e-15);  // h(1_s) - h(0_s)
  EXPECT_NEAR(gradient[1], 0.9 * 0.3, 1e-15);      // s up and b down
  EXPECT_NEAR(gradient[2], 0.9 * 0.2, 1e-15);
}

TEST(Bdd, CompactKeepsTheFunctionsAndDropsTheRest) {
  Bdd bdd;
  std::vector<BddRef> x;
  for (std::uint32_t v = 0; v < 6; ++v) x.push_back(bdd.variable(v));
  const BddRef kept = bdd.at_least(3, x);
  (void)bdd.at_least(5, x);  // garbage
  const std::vector<double> p(6, 0.6);
  const double before = probability(bdd, kept, p);
  const std::size_t size_before = bdd.size();
  std::vector<BddRef> roots = {kept};
  bdd.compact(roots);
  EXPECT_LT(bdd.size(), size_before);
  EXPECT_NEAR(probability(bdd, roots[0], p), before, 1e-15);
}

TEST(Bdd, RefusesToGrowPastItsLimit) {
  Bdd bdd(8);
  std::vector<BddRef> x;
  for (std::uint32_t v = 0; v < 6; ++v) x.push_back(bdd.variable(v));
  try {
    (void)bdd.at_least(3, x);
    FAIL() << "expected NotAnalysableError";
  } catch (const NotAnalysableError& e) {
    EXPECT_NE(std::string(e.what()).find("more than 8 decision-diagram nodes"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("nines run"), std::string::npos);
  }
}

}  // namespace
}  // namespace nines::analysis
