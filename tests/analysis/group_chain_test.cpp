// Tests of the Markov chain of a crew / standby group.
#include "nines/analysis/group_chain.hpp"

#include <gtest/gtest.h>

#include "nines/models/error.hpp"

namespace nines::analysis {
namespace {

TEST(GroupChain, Placeholder) { SUCCEED(); }

}  // namespace
}  // namespace nines::analysis
