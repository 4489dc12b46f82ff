// SPDX-License-Identifier: Apache-2.0
#include "trail/sha256.hpp"

// The low-level functions, as io/digest.cpp uses them: no provider lookups for a fixed
// algorithm computed once per unit of a trail (a million times for a large one).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

namespace fundscreen::trail {

struct Sha256::State {
  SHA256_CTX ctx;
};

Sha256::Sha256() : m_state(std::make_unique<State>()) { SHA256_Init(&m_state->ctx); }
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(std::string_view bytes) { SHA256_Update(&m_state->ctx, bytes.data(), bytes.size()); }

Digest Sha256::finish() {
  Digest digest{};
  SHA256_Final(digest.data(), &m_state->ctx);
  SHA256_Init(&m_state->ctx);
  return digest;
}

Digest sha256(std::string_view bytes) {
  Digest digest{};
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest.data());
  return digest;
}

std::string to_hex(const Digest& digest) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned char byte : digest) {
    out += digits[byte >> 4];
    out += digits[byte & 15];
  }
  return out;
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool from_hex(std::string_view hex, Digest& digest) {
  if (hex.size() != 64) return false;
  for (size_t i = 0; i < 32; ++i) {
    int high = hex_value(hex[2 * i]);
    int low = hex_value(hex[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    digest[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return true;
}

} // namespace fundscreen::trail
