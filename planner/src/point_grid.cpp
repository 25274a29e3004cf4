// Mixed-radix enumeration of the points, the last --vary fastest.
#include "nines/planner/point_grid.hpp"

#include <stdexcept>

namespace nines::planner {

PointGrid::PointGrid(std::vector<Vary> varies) : varies_(std::move(varies)) {
  if (varies_.empty()) throw std::invalid_argument("needs at least one --vary KEY=SPEC");
  double count = 1.0;
  for (std::size_t i = 0; i < varies_.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (varies_[j].key == varies_[i].key) {
        throw std::invalid_argument("--vary " + varies_[i].key +
                                    " is given twice (list every value in one SPEC)");
      }
    }
    count *= static_cast<double>(varies_[i].values.size());
  }
  if (count > static_cast<double>(kMaxPoints)) {
    throw std::invalid_argument("the --vary values make " +
                                std::to_string(static_cast<long long>(count)) +
                                " combinations, more than " + std::to_string(kMaxPoints) +
                                " (narrow the ranges or use a step)");
  }
  size_ = static_cast<std::size_t>(count);
}

std::vector<std::size_t> PointGrid::indices(std::size_t point) const {
  std::vector<std::size_t> out(varies_.size());
  for (std::size_t i = varies_.size(); i-- > 0;) {
    const std::size_t n = varies_[i].values.size();
    out[i] = point % n;
    point /= n;
  }
  return out;
}

std::vector<std::string> PointGrid::overrides(std::size_t point) const {
  const std::vector<std::size_t> at = indices(point);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < varies_.size(); ++i) {
    out.push_back(set_text(varies_[i].key, varies_[i].values[at[i]]));
  }
  return out;
}

nlohmann::json PointGrid::values(std::size_t point) const {
  const std::vector<std::size_t> at = indices(point);
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t i = 0; i < varies_.size(); ++i) out[varies_[i].key] = varies_[i].values[at[i]];
  return out;
}

std::string PointGrid::label(std::size_t point) const {
  const std::vector<std::size_t> at = indices(point);
  std::string out;
  for (std::size_t i = 0; i < varies_.size(); ++i) {
    if (i > 0) out += ", ";
    out += varies_[i].key + "=" + value_text(varies_[i].values[at[i]]);
  }
  return out;
}

}  // namespace nines::planner
