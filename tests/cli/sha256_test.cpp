// SHA-256 against the FIPS 180-4 / NIST example vectors.
#include "nines/report/sha256.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "nines/report/provenance.hpp"

namespace nines::report {
namespace {

TEST(Sha256, MatchesTheNistVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1'000'000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PadsAtEveryBlockBoundary) {
  // 55, 56 and 64 bytes: the length fits the block, spills into the next, fills it exactly.
  EXPECT_EQ(sha256_hex(std::string(55, 'a')),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha256_hex(std::string(56, 'a')),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha256_hex(std::string(64, 'a')),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256, OfAFileIsOfItsBytes) {
  const std::string path = ::testing::TempDir() + "sha256_test.json";
  std::ofstream(path, std::ios::binary) << "abc";
  EXPECT_EQ(file_sha256_hex(path), sha256_hex("abc"));
  EXPECT_THROW(file_sha256_hex(path + ".missing"), std::runtime_error);
}

TEST(CanonicalOverride, WritesCompactJsonAndBareStrings) {
  EXPECT_EQ(canonical_override("db.instances=3"), "db.instances=3");
  EXPECT_EQ(canonical_override("db.instances= 3 "), "db.instances=3");
  EXPECT_EQ(canonical_override("api.mttr=30m"), "api.mttr=30m");
  EXPECT_EQ(canonical_override("api.mttr=\"30m\""), "api.mttr=30m");
  EXPECT_EQ(canonical_override(R"(db.repair={ "type": "exponential", "mean": "2h" })"),
            R"(db.repair={"mean":"2h","type":"exponential"})");
  EXPECT_EQ(overrides_text({"db.instances=3", "api.mttr=30m"}),
            "with db.instances=3, api.mttr=30m");
  EXPECT_EQ(overrides_text({}), "");
}

}  // namespace
}  // namespace nines::report
