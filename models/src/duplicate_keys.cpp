// The duplicate-key check: a SAX pass over text that already parsed, watching keys only (the
// DOM parser's callback form is slower and, with diagnostics on, quadratic in long arrays).
#include "duplicate_keys.hpp"

#include <algorithm>
#include <vector>

#include "reporter.hpp"

namespace nines::models::detail {
namespace {

using nlohmann::json;

/// Tracks which element of each open container is being read and the keys of every open
/// object; the first key seen twice in one object is remembered with its pointer.
class DuplicateKeyFinder : public nlohmann::json_sax<json> {
 public:
  explicit DuplicateKeyFinder(std::string& duplicate) : duplicate_(duplicate) {}

  bool null() override { return element(); }
  bool boolean(bool /*value*/) override { return element(); }
  bool number_integer(number_integer_t /*value*/) override { return element(); }
  bool number_unsigned(number_unsigned_t /*value*/) override { return element(); }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override {
    return element();
  }
  bool string(string_t& /*value*/) override { return element(); }
  bool binary(binary_t& /*value*/) override { return element(); }
  bool start_object(std::size_t /*elements*/) override { return enter(false); }
  bool start_array(std::size_t /*elements*/) override { return enter(true); }
  bool end_object() override { return leave(); }
  bool end_array() override { return leave(); }
  bool key(string_t& key) override {
    Frame& frame = frames_[depth_ - 1];
    if (duplicate_.empty() &&
        std::find(frame.keys.begin(), frame.keys.end(), key) != frame.keys.end()) {
      duplicate_ = pointer_to(key);
    }
    frame.keys.push_back(key);
    frame.key = key;
    return true;
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    return false;  // the text parsed before: cannot happen
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;          // arrays: the element being read
    std::string key;                // objects: the member being read
    std::vector<std::string> keys;  // objects: every key so far (objects have few)
  };

  bool enter(bool array) {
    // Frames are reused, not popped, so their key lists keep their storage.
    if (frames_.size() == depth_) frames_.emplace_back();
    Frame& frame = frames_[depth_++];
    frame.array = array;
    frame.index = 0;
    frame.keys.clear();
    return true;
  }

  bool leave() {
    --depth_;
    return element();
  }

  /// A value ended: in an array, the next one is the next element.
  bool element() {
    if (depth_ > 0 && frames_[depth_ - 1].array) ++frames_[depth_ - 1].index;
    return true;
  }

  /// The pointer of `key` in the innermost object, built only when needed.
  std::string pointer_to(const std::string& key) const {
    std::string pointer;
    for (std::size_t i = 0; i + 1 < depth_; ++i) {
      const Frame& f = frames_[i];
      pointer += "/" + (f.array ? std::to_string(f.index) : pointer_token(f.key));
    }
    return pointer + "/" + pointer_token(key);
  }

  std::string& duplicate_;
  std::vector<Frame> frames_;
  std::size_t depth_ = 0;
};

}  // namespace

json parse_finding_duplicate_keys(const std::string& text, std::string& duplicate) {
  json document = json::parse(text);  // syntax errors are reported from here, as before
  duplicate.clear();
  DuplicateKeyFinder finder(duplicate);
  json::sax_parse(text, &finder);
  return document;
}

}  // namespace nines::models::detail
