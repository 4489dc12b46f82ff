// SPDX-License-Identifier: Apache-2.0
#include "trail/signing.hpp"

#include <cctype>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "util/error.hpp"

namespace fundscreen::trail {

namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};

[[noreturn]] void key_error(const std::string& source, const std::string& message) {
  util::throw_input_error({source, 1, 1}, message);
}

enum class Half { private_key, public_key };

// The key in `pem`, private (or, for Half::public_key, either).
Pkey read_pem(std::string_view pem, Half half) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return nullptr;
  if (half == Half::public_key) {
    Pkey key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    if (key) return key;
    BIO_reset(bio.get());
  }
  // An empty passphrase callback result: an encrypted key fails instead of prompting.
  return Pkey(PEM_read_bio_PrivateKey(
      bio.get(), nullptr, [](char*, int, int, void*) { return 0; }, nullptr));
}

std::string raw_public(EVP_PKEY* key) {
  std::string raw(32, '\0');
  size_t size = raw.size();
  if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(raw.data()), &size) != 1 || size != 32)
    return {};
  return raw;
}

void check_ed25519(EVP_PKEY* key, const std::string& source, std::string_view what) {
  if (EVP_PKEY_get_id(key) == EVP_PKEY_ED25519) return;
  const char* name = EVP_PKEY_get0_type_name(key);
  key_error(source, std::string(what) + " is " + (name ? name : "of another algorithm") +
                        ", not Ed25519; make one with '" + std::string(k_make_key) + "'");
}

} // namespace

struct SigningKey::Key {
  Pkey pkey;
};

SigningKey::SigningKey(std::unique_ptr<Key> key) : m_key(std::move(key)) { m_public = raw_public(m_key->pkey.get()); }
SigningKey::SigningKey(SigningKey&&) noexcept = default;
SigningKey& SigningKey::operator=(SigningKey&&) noexcept = default;
SigningKey::~SigningKey() = default;

SigningKey SigningKey::from_pem(std::string_view pem, const std::string& source) {
  Pkey key = read_pem(pem, Half::private_key);
  if (!key)
    key_error(source, "not a PEM private key (or one encrypted with a passphrase); make an Ed25519 key with '" +
                          std::string(k_make_key) + "'");
  check_ed25519(key.get(), source, "the key");
  return SigningKey(std::make_unique<Key>(Key{std::move(key)}));
}

std::string SigningKey::sign(std::string_view message) const {
  MdCtx ctx(EVP_MD_CTX_new());
  std::string signature(64, '\0');
  size_t size = signature.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_key->pkey.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
    throw std::runtime_error("Ed25519 signing failed");
  signature.resize(size);
  return signature;
}

std::string public_key_from_pem(std::string_view pem, const std::string& source) {
  Pkey key = read_pem(pem, Half::public_key);
  if (!key)
    key_error(source, "not a PEM public key; write the public half of a key with 'openssl pkey -in KEY -pubout -out "
                      "KEY.pub'");
  check_ed25519(key.get(), source, "the public key");
  return raw_public(key.get());
}

bool verify_signature(std::string_view key, std::string_view message, std::string_view signature) {
  if (key.size() != 32) return false;
  Pkey pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                                        key.size()));
  MdCtx ctx(EVP_MD_CTX_new());
  if (!pkey || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1) return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

std::string to_base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

bool from_base64(std::string_view text, std::string& bytes) {
  if (text.size() % 4 != 0 || text.size() > (size_t{1} << 20)) return false;
  for (char c : text)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '/' && c != '=') return false;
  bytes.assign(3 * text.size() / 4 + 1, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                          reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return false;
  size_t size = static_cast<size_t>(n);
  if (text.ends_with("=="))
    size -= 2;
  else if (text.ends_with("="))
    size -= 1;
  bytes.resize(size);
  return true;
}

} // namespace fundscreen::trail
