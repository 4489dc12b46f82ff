// SPDX-License-Identifier: Apache-2.0
#include "trail/seal.hpp"

#include <cstring>
#include <sstream>

#include "trail/json_value.hpp"
#include "trail/signing.hpp"

namespace fundscreen::trail {

namespace {

constexpr std::string_view k_signature_member = R"(,"signature":)";

void member(std::string& out, std::string_view key, std::string_view value) {
  out += ",\"";
  out += key;
  out += "\":";
  append_json_string(out, value);
}

bool hex_digest(const JsonValue* value, Digest& digest) {
  return value && value->type == JsonValue::Type::string && from_hex(value->text, digest);
}

bool is_string(const JsonValue* value) { return value && value->type == JsonValue::Type::string; }

std::optional<SealSignature> read_signature(const JsonValue& value, std::string& error) {
  static const std::vector<std::string> keys = {"algorithm", "public_key", "public_key_sha256", "value"};
  bool in_order = value.members.size() == keys.size();
  for (size_t i = 0; in_order && i < keys.size(); ++i)
    in_order = value.members[i].first == keys[i] && value.members[i].second.type == JsonValue::Type::string;
  SealSignature signature;
  if (!in_order || value.members[0].second.text != "ed25519" ||
      !from_base64(value.members[1].second.text, signature.public_key) || signature.public_key.size() != 32 ||
      !from_base64(value.members[3].second.text, signature.value)) {
    error = "its signature is not an Ed25519 signature with its public key";
    return std::nullopt;
  }
  if (value.members[2].second.text != key_fingerprint(signature.public_key)) {
    error = "its public_key_sha256 is not the SHA-256 of its public key";
    return std::nullopt;
  }
  return signature;
}

bool read_inputs(const JsonValue* value, std::vector<SealInput>& inputs) {
  if (!value || value->type != JsonValue::Type::array) return false;
  for (const JsonValue& item : value->items) {
    const JsonValue* role = item.get("role");
    const JsonValue* path = item.get("path");
    const JsonValue* sha = item.get("sha256");
    if (item.members.size() != 3 || !is_string(role) || !is_string(path) || !is_string(sha)) return false;
    inputs.push_back({role->text, path->text, sha->text});
  }
  return true;
}

} // namespace

Digest chain_head(const std::vector<Digest>& units) {
  Digest chain = sha256(k_seal_format);
  Sha256 sha;
  for (const Digest& unit : units) {
    sha.update(std::string_view(reinterpret_cast<const char*>(chain.data()), chain.size()));
    sha.update(std::string_view(reinterpret_cast<const char*>(unit.data()), unit.size()));
    chain = sha.finish();
  }
  return chain;
}

std::string key_fingerprint(std::string_view key) { return to_hex(sha256(key)); }

std::string seal_signed_part(const Seal& seal, TrailFormat format) {
  std::string out = format == TrailFormat::jsonl ? R"({"type":"seal")" : "{";
  out += format == TrailFormat::jsonl ? ",\"format\":" : "\"format\":";
  append_json_string(out, k_seal_format);
  member(out, "fundscreen", seal.tool_version);
  member(out, "criteria_sha256", seal.criteria_sha256);
  out += ",\"inputs\":[";
  for (size_t i = 0; i < seal.inputs.size(); ++i) {
    out += i ? ",{\"role\":" : "{\"role\":";
    append_json_string(out, seal.inputs[i].role);
    member(out, "path", seal.inputs[i].path);
    member(out, "sha256", seal.inputs[i].sha256);
    out += '}';
  }
  out += "],\"units\":" + std::to_string(seal.units.size());
  member(out, "head", to_hex(seal.head));
  return out;
}

void write_seal(std::ostream& out, const Seal& seal, TrailFormat format, const SigningKey* key) {
  std::string text = seal_signed_part(seal, format);
  if (!key) {
    text += k_signature_member;
    text += "null";
  } else {
    std::string signature = key->sign(text);
    text += k_signature_member;
    text += R"({"algorithm":"ed25519","public_key":")" + to_base64(key->public_key()) + R"(","public_key_sha256":")" +
            key_fingerprint(key->public_key()) + R"(","value":")" + to_base64(signature) + "\"}";
  }
  text += ",\"unit_sha256\":[";
  out << text;
  // The list in pieces: a million units' hashes are 67 MB of text.
  std::string piece;
  piece.reserve(67 * 1024 + 8);
  for (size_t i = 0; i < seal.units.size(); ++i) {
    piece += i ? ",\"" : "\"";
    piece += to_hex(seal.units[i]);
    piece += '"';
    if (piece.size() >= 67 * 1024) {
      out << piece;
      piece.clear();
    }
  }
  out << piece << "]}";
}

std::string seal_text(const Seal& seal, TrailFormat format, const SigningKey* key) {
  std::ostringstream out;
  write_seal(out, seal, format, key);
  return std::move(out).str();
}

namespace {

// The list `"hex",...]}` that ends a seal, into `units`: read by hand, since a million
// hashes as a tree of JSON values would cost hundreds of megabytes.
bool read_unit_list(std::string_view list, std::vector<Digest>& units) {
  if (list.size() < 2 || list.substr(list.size() - 2) != "]}") return false;
  list.remove_suffix(2);
  while (!list.empty()) {
    if (!units.empty()) {
      if (list[0] != ',') return false;
      list.remove_prefix(1);
    }
    if (list.size() < 66 || list[0] != '"' || list[65] != '"') return false;
    Digest digest;
    if (!from_hex(list.substr(1, 64), digest)) return false;
    units.push_back(digest);
    list.remove_prefix(66);
  }
  return true;
}

} // namespace

std::optional<ParsedSeal> parse_seal(std::string_view text, TrailFormat format, std::string& error) {
  constexpr std::string_view k_list_member = R"(,"unit_sha256":[)";
  // Strings hold no bare quote, so the first `,"unit_sha256":[` is the member's.
  size_t list_at = text.find(k_list_member);
  std::vector<Digest> listed;
  bool list_read =
      list_at != std::string_view::npos && read_unit_list(text.substr(list_at + k_list_member.size()), listed);
  std::string fault;
  std::string rest = list_read ? std::string(text.substr(0, list_at)) + "}" : std::string();
  std::optional<JsonValue> value = parse_json(list_read ? std::string_view(rest) : text, fault);
  if (!value || value->type != JsonValue::Type::object) {
    error = "it is not a JSON object (" + (fault.empty() ? "another value" : fault) + ")";
    return std::nullopt;
  }
  std::vector<std::string> keys = {"format", "fundscreen", "criteria_sha256", "inputs", "units", "head", "signature"};
  if (format == TrailFormat::jsonl) keys.insert(keys.begin(), "type");
  bool in_order = list_read && value->members.size() == keys.size();
  for (size_t i = 0; in_order && i < keys.size(); ++i) in_order = value->members[i].first == keys[i];
  if (!in_order) {
    error = "its members are not those of a seal, in order";
    return std::nullopt;
  }
  const JsonValue* format_value = value->get("format");
  if (!is_string(format_value) || format_value->text != k_seal_format) {
    error = "its format is not '" + std::string(k_seal_format) + "'";
    return std::nullopt;
  }
  ParsedSeal parsed;
  Seal& seal = parsed.seal;
  const JsonValue* version = value->get("fundscreen");
  const JsonValue* criteria = value->get("criteria_sha256");
  const JsonValue* count = value->get("units");
  if (!is_string(version) || !is_string(criteria) || !read_inputs(value->get("inputs"), seal.inputs) || !count ||
      count->type != JsonValue::Type::number || count->text != std::to_string(listed.size()) ||
      !hex_digest(value->get("head"), seal.head)) {
    error = "a member has the wrong type or value";
    return std::nullopt;
  }
  seal.units = std::move(listed);
  seal.tool_version = version->text;
  seal.criteria_sha256 = criteria->text;
  const JsonValue& signature = *value->get("signature");
  if (signature.type != JsonValue::Type::null) {
    seal.signature = read_signature(signature, error);
    if (!seal.signature) return std::nullopt;
  }
  // Strings hold no bare quote, so the first `,"signature":` is the member's.
  size_t cut = text.find(k_signature_member);
  parsed.signed_bytes = std::string(text.substr(0, cut));
  return parsed;
}

} // namespace fundscreen::trail
