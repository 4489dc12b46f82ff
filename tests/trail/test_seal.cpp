// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "trail/seal.hpp"
#include "trail/signing.hpp"
#include "util/error.hpp"

using namespace fundscreen::trail;

namespace {

// The test key of tests/cli/verify-keys/test-seal.pem (public: never for a real trail).
constexpr std::string_view k_key = "-----BEGIN PRIVATE KEY-----\n"
                                   "MC4CAQAwBQYDK2VwBCIEIL7WXDP005s4PKTLMVtk+B7zzWOxtWi1ecUnLXZkwfn1\n"
                                   "-----END PRIVATE KEY-----\n";

std::string bytes(const Digest& d) { return std::string(reinterpret_cast<const char*>(d.data()), d.size()); }

Seal sample() {
  Seal seal;
  seal.tool_version = "0.1.0";
  seal.criteria_sha256 = std::string(64, 'a');
  seal.inputs = {{"applications", "apps \"quoted\".csv", std::string(64, 'b')}};
  seal.units = {sha256("run"), sha256("one"), sha256("two")};
  seal.head = chain_head(seal.units);
  return seal;
}

} // namespace

TEST_CASE("trail::chain_head") {
  Digest c0 = sha256("fundscreen-seal/1");
  CHECK(chain_head({}) == c0);
  Digest h = sha256("one");
  CHECK(chain_head({h}) == sha256(bytes(c0) + bytes(h)));
  CHECK(chain_head({h, sha256("two")}) == sha256(bytes(sha256(bytes(c0) + bytes(h))) + bytes(sha256("two"))));
  CHECK(chain_head({sha256("two"), h}) != chain_head({h, sha256("two")}));
}

TEST_CASE("trail::seal_text and parse_seal") {
  SUBCASE("unsigned, round trip") {
    std::string text = seal_text(sample(), TrailFormat::jsonl, nullptr);
    CHECK(text.starts_with(R"({"type":"seal","format":"fundscreen-seal/1","fundscreen":"0.1.0",)"));
    CHECK(text.find(R"(,"signature":null,"unit_sha256":[")") != std::string::npos);
    CHECK(text.ends_with(R"("]})"));
    std::string error;
    auto parsed = parse_seal(text, TrailFormat::jsonl, error);
    REQUIRE(parsed);
    CHECK(parsed->seal.units == sample().units);
    CHECK(parsed->seal.head == sample().head);
    CHECK(parsed->seal.inputs[0].path == "apps \"quoted\".csv");
    CHECK_FALSE(parsed->seal.signature);
    CHECK_FALSE(parse_seal(text, TrailFormat::json, error)); // json's seal has no type
  }
  SUBCASE("signed: the signature covers the seal up to its head") {
    SigningKey key = SigningKey::from_pem(k_key, "test-seal.pem");
    std::string text = seal_text(sample(), TrailFormat::json, &key);
    std::string error;
    auto parsed = parse_seal(text, TrailFormat::json, error);
    REQUIRE(parsed);
    REQUIRE(parsed->seal.signature);
    CHECK(parsed->signed_bytes == text.substr(0, text.find(",\"signature\":")));
    CHECK(parsed->seal.signature->public_key == key.public_key());
    CHECK(verify_signature(key.public_key(), parsed->signed_bytes, parsed->seal.signature->value));
    std::string edited = parsed->signed_bytes;
    edited[edited.size() - 3] ^= 1;
    CHECK_FALSE(verify_signature(key.public_key(), edited, parsed->seal.signature->value));
  }
  SUBCASE("a key that is not an Ed25519 PEM private key") {
    CHECK_THROWS_WITH_AS(SigningKey::from_pem("hello", "k.pem"),
                         "not a PEM private key (or one encrypted with a passphrase); make an Ed25519 key with "
                         "'openssl genpkey -algorithm ed25519 -out KEY'",
                         fundscreen::util::Error);
  }
  SUBCASE("a seal with a member missing or out of place is damaged") {
    std::string text = seal_text(sample(), TrailFormat::json, nullptr);
    std::string error;
    std::string swapped = text;
    swapped.replace(swapped.find("\"units\""), 7, "\"count\"");
    CHECK_FALSE(parse_seal(swapped, TrailFormat::json, error));
    CHECK(error == "its members are not those of a seal, in order");
  }
}
