// SPDX-License-Identifier: Apache-2.0
#include "io/digest.hpp"

#include <array>

// The low-level SHA-256 functions rather than EVP: the binary is linked statically, and EVP
// would pull OpenSSL's provider machinery (with dlopen and the network lookups of its BIOs)
// into it for one fixed algorithm. They are deprecated in OpenSSL 3 but present.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

namespace fundscreen::io {

Sha256::Sha256() : m_ctx(std::make_unique<SHA256_CTX>()) { SHA256_Init(m_ctx.get()); }
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;
Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) { SHA256_Update(m_ctx.get(), bytes.data(), bytes.size()); }

std::string Sha256::hex() {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256_Final(digest.data(), m_ctx.get());
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : digest) {
    out += digits[byte >> 4];
    out += digits[byte & 15];
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 sha;
  sha.update(bytes);
  return sha.hex();
}

} // namespace fundscreen::io
