// SPDX-License-Identifier: Apache-2.0
// Ed25519 keys and signatures for seals (OpenSSL), from PEM text: the files are read by the
// caller.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace fundscreen::trail {

// What to run to make a key, for the messages about a key that is not one.
inline constexpr std::string_view k_make_key = "openssl genpkey -algorithm ed25519 -out KEY";

// An Ed25519 private key.
class SigningKey {
public:
  // The key in the PEM text `pem` read from `source`; a text that is not a PEM private key,
  // or a key of another algorithm, is an input error at `source` saying how to make one.
  static SigningKey from_pem(std::string_view pem, const std::string& source);

  SigningKey(SigningKey&&) noexcept;
  SigningKey& operator=(SigningKey&&) noexcept;
  ~SigningKey();

  // The raw 32-byte public key.
  const std::string& public_key() const { return m_public; }
  // The signature of `message` (64 bytes).
  std::string sign(std::string_view message) const;

private:
  struct Key;
  explicit SigningKey(std::unique_ptr<Key> key);
  std::unique_ptr<Key> m_key;
  std::string m_public;
};

// The raw 32-byte Ed25519 public key in `pem` (a public key, or a private key whose public
// half is taken); an input error at `source` otherwise.
std::string public_key_from_pem(std::string_view pem, const std::string& source);

// Whether `signature` is the Ed25519 signature of `message` by the raw public key `key`.
bool verify_signature(std::string_view key, std::string_view message, std::string_view signature);

std::string to_base64(std::string_view bytes);
// The bytes of the base64 text `text`, or nullopt-like false when it is not base64.
bool from_base64(std::string_view text, std::string& bytes);

} // namespace fundscreen::trail
