// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct SHA256state_st; // OpenSSL's SHA256_CTX

namespace fundscreen::io {

// A SHA-256 fed a file's bytes in order by the reader that reads them, so that the hash a run
// records is of the bytes it parsed, from the same read (never a second read of the file).
class Sha256 {
public:
  Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  ~Sha256();

  void update(std::string_view bytes);
  // The hash of every byte given so far, as 64 lower-case hex digits; the hash is then spent.
  std::string hex();

private:
  std::unique_ptr<SHA256state_st> m_ctx;
};

// The SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

} // namespace fundscreen::io
