// SPDX-License-Identifier: Apache-2.0
#include "io/digest.hpp"

#include <array>
#include <fstream>
#include <memory>

// The low-level SHA-256 functions rather than EVP: the binary is linked statically, and EVP
// would pull OpenSSL's provider machinery (with dlopen and the network lookups of its BIOs)
// into it for one fixed algorithm. They are deprecated in OpenSSL 3 but present.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include "io/file.hpp"

namespace fundscreen::io {

namespace {

class Sha256 {
public:
  Sha256() { SHA256_Init(&m_ctx); }
  void update(std::string_view bytes) { SHA256_Update(&m_ctx, bytes.data(), bytes.size()); }
  std::string hex() {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256_Final(digest.data(), &m_ctx);
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char byte : digest) {
      out += digits[byte >> 4];
      out += digits[byte & 15];
    }
    return out;
  }

private:
  SHA256_CTX m_ctx;
};

} // namespace

std::string sha256_hex(std::string_view bytes) {
  Sha256 sha;
  sha.update(bytes);
  return sha.hex();
}

std::string sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) read_file(path, util::ErrorKind::input); // throws with the reason
  Sha256 sha;
  std::array<char, 65536> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    sha.update(std::string_view(buffer.data(), static_cast<size_t>(in.gcount())));
  }
  return sha.hex();
}

} // namespace fundscreen::io
