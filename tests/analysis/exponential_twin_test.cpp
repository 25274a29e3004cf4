// Tests of --approximate exponential: the twin of the same means, against the chains it stands for.
#include "nines/analysis/exponential_twin.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>

#include "analysis_models.hpp"
#include "nines/analysis/system_analysis.hpp"
#include "nines/models/error.hpp"

namespace nines::analysis {
namespace {

using testing::model_from;

/// Two instances sharing a crew of one, with lognormal repairs of median 2 h and sigma 0.5
/// (mean 2 e^{0.125} h); `repair` replaces the repair law.
std::string crew_pool(const std::string& repair) {
  return R"({"crews": [{"id": "oncall", "size": 1}],
    "components": [{"id": "db", "instances": 2, "min_up": 1, "crew": "oncall",
                    "mtbf": "500h", "repair": )" +
         repair + "}]}";
}

/// A double written with all its digits, so the twin written in JSON is the same law.
std::string exact_text(double value) {
  std::ostringstream out;
  out.precision(17);
  out << value;
  return out.str();
}

TEST(ExponentialTwin, CrewPoolWithLognormalRepairsIsSolvedAsItsExponentialTwin) {
  const auto model =
      model_from(crew_pool(R"({"type": "lognormal", "median": "2h", "sigma": 0.5})"));
  AnalyzeOptions options;
  options.approximate_exponential = true;
  const Analysis approximated = analyze(model, options);

  const double mean_repair = 2.0 * std::exp(0.125);
  const Analysis twin = analyze(model_from(
      crew_pool(R"({"type": "exponential", "mean": ")" + exact_text(mean_repair) + R"(h"})")));
  EXPECT_EQ(approximated.method, "markov");
  EXPECT_NEAR(approximated.availability, twin.availability, 1e-12);
  EXPECT_NEAR(approximated.outages_per_year, twin.outages_per_year, 1e-9);
  // Two exponential instances, one repair at a time: pi_2 : pi_1 : pi_0 = 1 : 2l/m : 2l^2/m^2.
  const double r = (1.0 / 500.0) / (1.0 / mean_repair);
  EXPECT_NEAR(approximated.unavailability, 2 * r * r / (1 + 2 * r + 2 * r * r), 1e-9);

  EXPECT_EQ(approximated.approximation, "exponential");
  ASSERT_EQ(approximated.replaced_laws.size(), 1U);
  EXPECT_EQ(approximated.replaced_laws[0], "db.repair (lognormal)");
  EXPECT_EQ(approximated.approximated_components, std::vector<std::string>{"db"});
  EXPECT_TRUE(twin.approximation.empty());
}

TEST(ExponentialTwin, IndependentPoolKeepsItsExactSteadyStateButNoHorizonValue) {
  const auto model = model_from(R"({"horizon": "30d",
    "components": [{"id": "api", "instances": 2, "min_up": 1, "mtbf": "100h",
                    "repair": {"type": "lognormal", "median": "2h", "sigma": 0.5}}]})");
  AnalyzeOptions options;
  options.approximate_exponential = true;
  const Analysis approximated = analyze(model, options);
  const Analysis exact = analyze(model);
  // Insensitivity: an independent pool's steady state depends on the means only.
  EXPECT_NEAR(approximated.availability, exact.availability, 1e-15);
  EXPECT_TRUE(approximated.approximated_components.empty());
  // Its transient depends on the laws' shapes: the twin's would be a different number.
  EXPECT_FALSE(approximated.horizon_availability.has_value());
  EXPECT_FALSE(approximated.horizon_outages_per_year.has_value());
  EXPECT_NE(approximated.horizon_note.find("approximate exponential"), std::string::npos);
}

TEST(ExponentialTwin, ExponentialModelIsLeftAsItIs) {
  const auto model = model_from(R"({"horizon": "30d",
    "components": [{"id": "unit", "mtbf": "100h", "mttr": "10h"}]})");
  const ExponentialTwin twin = exponential_twin(model);
  EXPECT_TRUE(twin.replaced.empty());
  EXPECT_EQ(twin.model, model);
  AnalyzeOptions options;
  options.approximate_exponential = true;
  EXPECT_TRUE(analyze(model, options).horizon_availability.has_value());
}

TEST(ExponentialTwin, RefusalListsEveryOffendingLawAtOnce) {
  const auto model = model_from(R"({"crews": [{"id": "oncall", "size": 1}],
    "components": [
      {"id": "api", "crew": "oncall", "failure": {"type": "weibull", "shape": 1.5, "scale": "900h"},
       "repair": {"type": "lognormal", "median": "1h", "sigma": 0.5}},
      {"id": "db", "crew": "oncall", "mtbf": "900h",
       "repair": {"type": "fixed", "value": "2h"}},
      {"id": "free", "mtbf": "900h", "repair": {"type": "lognormal", "median": "1h", "sigma": 0.5}}],
    "dependencies": [{"from": "api", "to": ["db", "free"], "min_up": 2}]})");
  EXPECT_EQ(non_exponential_chain_laws(model),
            (std::vector<std::string>{"component \"api\": its failure is weibull",
                                      "component \"api\": its repair is lognormal",
                                      "component \"db\": its repair is fixed"}));
  try {
    (void)analyze(model);
    FAIL() << "expected a refusal";
  } catch (const NotAnalysableError& e) {
    const std::string what = e.what();
    for (const char* law : {"\"api\": its failure is weibull", "\"api\": its repair is lognormal",
                            "\"db\": its repair is fixed", "--approximate exponential"}) {
      EXPECT_NE(what.find(law), std::string::npos) << law << " in " << what;
    }
    EXPECT_EQ(what.find("\"free\""), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace nines::analysis
