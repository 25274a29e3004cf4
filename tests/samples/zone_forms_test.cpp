// The zoned samples against their old forms, where zones and regions were components that the
// pools depended on: with hot pools the two describe the same system (up to coincidences of an
// instance failure with the other zone's outage, far below the runs' noise), so they must agree
// within 4 standard errors of their difference.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "nines/engine/monte_carlo.hpp"
#include "nines/models/model_loader.hpp"

namespace nines {
namespace {

const std::filesystem::path kSource(NINES_SOURCE_DIR);

void expect_agree(const engine::Estimate& a, const engine::Estimate& b, const char* what) {
  // Different models draw different streams: the runs are independent.
  const double stderr_difference = std::hypot(a.stderr_, b.stderr_);
  ASSERT_GT(stderr_difference, 0.0) << what;
  EXPECT_LT(std::abs(a.mean - b.mean), 4.0 * stderr_difference)
      << what << ": " << a.mean << " against " << b.mean << " (stderr of the difference "
      << stderr_difference << ")";
}

TEST(ZoneForms, WebShopTwoZonesAgreesWithZonesAsComponentsWithHotPools) {
  const std::vector<std::string> hot = {"db.standby={\"mode\":\"hot\"}", "replications=20000"};
  const auto zoned = models::load_model(kSource / "samples/web-shop-two-zones.json", hot);
  const auto old =
      models::load_model(kSource / "tests/data/valid/web-shop-two-zones-as-components.json", hot);
  engine::RunOptions options;
  options.threads = 2;
  const engine::RunResult a = engine::run(zoned.model, options);
  const engine::RunResult b = engine::run(old.model, options);
  expect_agree(a.availability, b.availability, "availability");
  expect_agree(a.outages_per_year, b.outages_per_year, "outages per year");
}

}  // namespace
}  // namespace nines
