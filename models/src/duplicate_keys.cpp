// The duplicate-key check: a SAX pass over text that already parsed, watching keys only (the
// DOM parser's callback form is slower and, with diagnostics on, quadratic in long arrays). The
// same pass finds where a number beyond the double range is, which the DOM parser cannot say.
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
  explicit DuplicateKeyFinder(KeyScan& scan) : scan_(scan) {}

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
    if (scan_.duplicate.empty() &&
        std::find(frame.keys.begin(), frame.keys.end(), key) != frame.keys.end()) {
      scan_.duplicate = pointer_to(key);
    }
    frame.keys.push_back(key);
    frame.key = key;
    return true;
  }
  bool parse_error(std::size_t /*position*/, const std::string& last_token,
                   const nlohmann::detail::exception& error) override {
    // 406: a number too large for a double ("1e400"), reported while reading that value; any
    // other error cannot happen (the DOM parser accepted the text, or failed on the number).
    if (error.id == 406) {
      scan_.out_of_range = current_pointer();
      scan_.out_of_range_text = last_token;
    }
    return false;
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

  /// The pointer of the value being read.
  std::string current_pointer() const {
    if (depth_ == 0) return "";
    const Frame& f = frames_[depth_ - 1];
    return f.array ? pointer_to_element(depth_) : pointer_to(f.key);
  }

  /// The pointer of the element being read in the innermost container (an array).
  std::string pointer_to_element(std::size_t depth) const {
    std::string pointer;
    for (std::size_t i = 0; i < depth; ++i) {
      const Frame& f = frames_[i];
      pointer += "/" + (f.array ? std::to_string(f.index) : pointer_token(f.key));
    }
    return pointer;
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

  KeyScan& scan_;
  std::vector<Frame> frames_;
  std::size_t depth_ = 0;
};

}  // namespace

json parse_finding_duplicate_keys(const std::string& text, KeyScan& scan) {
  scan = KeyScan{};
  json document;
  try {
    document = json::parse(text);  // syntax errors are reported from here, as before
  } catch (const json::out_of_range& e) {
    if (e.id != 406) throw;
    // A number beyond the double range: the pass below says where it is.
  }
  DuplicateKeyFinder finder(scan);
  json::sax_parse(text, &finder);
  return document;
}

}  // namespace nines::models::detail
