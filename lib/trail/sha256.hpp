// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>

namespace fundscreen::trail {

// A SHA-256 as its 32 bytes.
using Digest = std::array<unsigned char, 32>;

// A SHA-256 computed over bytes given piece by piece.
class Sha256 {
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void update(std::string_view bytes);
  // The digest of everything given since the last reset; starts over.
  Digest finish();

private:
  struct State;
  std::unique_ptr<State> m_state;
};

// The SHA-256 of `bytes`.
Digest sha256(std::string_view bytes);

// `digest` as 64 lower-case hex digits.
std::string to_hex(const Digest& digest);

// The digest written as 64 hex digits in `hex`, if it is one.
bool from_hex(std::string_view hex, Digest& digest);

} // namespace fundscreen::trail
