// Tests of format_error, the one place messages are built.
#include "nines/models/error.hpp"

#include <gtest/gtest.h>

namespace nines {
namespace {

TEST(FormatError, JoinsFilePointerProblemAndValue) {
  EXPECT_EQ(format_error("shop.json", "/components/2/repair/median", "must be a positive duration",
                         "\"-5h\""),
            "shop.json: /components/2/repair/median: must be a positive duration; got \"-5h\"");
}

TEST(FormatError, LeavesOutEmptyParts) {
  EXPECT_EQ(format_error("shop.json", "", "cannot read the model"),
            "shop.json: cannot read the model");
  EXPECT_EQ(format_error("", "/seed", "must be a non-negative integer", "-1"),
            "/seed: must be a non-negative integer; got -1");
  EXPECT_EQ(format_error("", "", "", "3"), "got 3");
}

TEST(ErrorHierarchy, ModelAndUsageErrorsAreErrors) {
  EXPECT_THROW(throw ModelError("x"), Error);
  EXPECT_THROW(throw UsageError("x"), Error);
  EXPECT_STREQ(ModelError("a: b").what(), "a: b");
}

}  // namespace
}  // namespace nines
