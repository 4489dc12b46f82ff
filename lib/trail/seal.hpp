// SPDX-License-Identifier: Apache-2.0
// The seal at the end of a trail: the hash chain over its units, what the run read, and an
// Ed25519 signature over the seal itself.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "trail/sha256.hpp"
#include "trail/splitter.hpp"

namespace fundscreen::trail {

inline constexpr std::string_view k_seal_format = "fundscreen-seal/1";

// The head of the chain over the units' hashes: c0 = SHA-256("fundscreen-seal/1"),
// c_i = SHA-256(c_{i-1} || h_i) over the 32-byte values.
Digest chain_head(const std::vector<Digest>& units);

struct SealInput {
  std::string role;
  std::string path;
  std::string sha256;
};

struct SealSignature {
  std::string public_key; // the raw 32 bytes
  std::string value;      // the raw 64 bytes
};

struct Seal {
  std::string tool_version;
  std::string criteria_sha256;
  std::vector<SealInput> inputs;
  std::vector<Digest> units;
  Digest head{};
  std::optional<SealSignature> signature;
};

class SigningKey;

// Writes the seal of a trail of `format` (jsonl: with "type":"seal" first), without a line
// end: every member up to "head", then the signature of those bytes by `key` (or null), then
// the units' hashes. The signed bytes are small; the list, which the head commits to, is
// written in pieces, never held as text.
void write_seal(std::ostream& out, const Seal& seal, TrailFormat format, const SigningKey* key);
// The same as a string (tests).
std::string seal_text(const Seal& seal, TrailFormat format, const SigningKey* key);

// A seal read back, with the bytes its signature covers.
struct ParsedSeal {
  Seal seal;
  std::string signed_bytes;
};

// The seal in `text`; nullopt with the reason in `error` when it is not one this version
// writes (members missing, out of order or of the wrong type).
std::optional<ParsedSeal> parse_seal(std::string_view text, TrailFormat format, std::string& error);

// The SHA-256 of the raw public key `key` as hex: the key's fingerprint.
std::string key_fingerprint(std::string_view key);

} // namespace fundscreen::trail
