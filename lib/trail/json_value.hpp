// SPDX-License-Identifier: Apache-2.0
// A small JSON reader for the parts of a trail `verify` reads whole (the seal, the run unit)
// and a lenient one for the first members of a unit cut short, with the escaping of the
// seal's strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fundscreen::trail {

struct JsonMember;

struct JsonValue {
  enum class Type { null, boolean, number, string, array, object };
  Type type = Type::null;
  // A string's value (unescaped), a number as written, `true` or `false`.
  std::string text;
  std::vector<JsonValue> items;
  std::vector<JsonMember> members; // in document order

  // The member `key` of an object, or null.
  const JsonValue* get(std::string_view key) const;
};

// A member of an object: its key and value (a struct rather than a std::pair, which would
// need JsonValue complete where it is declared).
struct JsonMember {
  std::string first;
  JsonValue second;
};

// `text` as one JSON value (nothing but white space after it); nullopt with the reason and
// the byte offset in `error` when it is not one. Nesting deeper than 64 levels is refused.
std::optional<JsonValue> parse_json(std::string_view text, std::string& error);

// The scalar members named `keys` among the first members of the object that `text` starts
// (a head, perhaps cut short): each one's string value or literal, or nullopt when not
// found before the text ends or a member of another name fails to read.
std::vector<std::optional<std::string>> leading_members(std::string_view text, const std::vector<std::string>& keys);

// Appends `text` to `out` as a JSON string, with its quotes.
void append_json_string(std::string& out, std::string_view text);

} // namespace fundscreen::trail
