// SHA-256 (FIPS 180-4) of bytes and files, so a result names the exact model file it came from.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace nines::report {

/// The SHA-256 digest of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

/// The SHA-256 of the file's bytes as 64 lowercase hex digits. Throws std::runtime_error when
/// the file cannot be read.
std::string file_sha256_hex(const std::filesystem::path& file);

}  // namespace nines::report
