// nines-genmodel: writes a generated synthetic model as JSON to stdout, to time `nines` on it.
#include <charconv>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "nines/models/error.hpp"
#include "nines/models/model_loader.hpp"
#include "synthetic_models.hpp"

namespace {

constexpr const char* kUsage =
    "usage: nines-genmodel layered COMPONENTS INSTANCES MIN_UP DEPS [SEED]\n"
    "       nines-genmodel series COMPONENTS INSTANCES MIN_UP\n"
    "       nines-genmodel pool INSTANCES MIN_UP\n"
    "Writes the model as JSON to stdout (exponential laws, mtbf 1000h, mttr 10h, horizon 1y).\n"
    "e.g. nines-genmodel layered 1000 10 9 2 > big.json && nines run big.json\n";

template <typename Int>
Int parse_number(std::string_view text, std::string_view name) {
  Int value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    throw nines::UsageError(nines::format_error("nines-genmodel", name,
                                                "must be a non-negative whole number",
                                                "\"" + std::string(text) + "\""));
  }
  return value;
}

nines::models::Model generate(const std::vector<std::string_view>& args) {
  const std::string_view kind = args.at(0);
  const auto count = [&](std::size_t i, std::string_view name) {
    return parse_number<std::int64_t>(args.at(i), name);
  };
  if (kind == "layered" && (args.size() == 5 || args.size() == 6)) {
    const std::uint64_t seed = args.size() == 6 ? parse_number<std::uint64_t>(args[5], "SEED") : 1;
    return nines::bench::layered_random(count(1, "COMPONENTS"), count(2, "INSTANCES"),
                                        count(3, "MIN_UP"), count(4, "DEPS"), seed);
  }
  if (kind == "series" && args.size() == 4) {
    return nines::bench::series(count(1, "COMPONENTS"), count(2, "INSTANCES"), count(3, "MIN_UP"));
  }
  if (kind == "pool" && args.size() == 3) {
    return nines::bench::huge_pool(count(1, "INSTANCES"), count(2, "MIN_UP"));
  }
  throw nines::UsageError("nines-genmodel: unknown generator or wrong number of arguments");
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  try {
    const nines::models::Model model = generate(args);
    std::cout << nines::models::to_json(model).dump(2) << '\n';
    std::cout.flush();
    return std::cout ? 0 : 1;
  } catch (const nines::Error& error) {
    std::cerr << error.what() << '\n' << kUsage;
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "nines-genmodel: internal error: " << error.what() << '\n';
    return 1;
  }
}
