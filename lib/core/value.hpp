// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/pattern.hpp"

namespace fundscreen::core {

// The types of the rule language.
enum class Type { boolean, integer, number, money, string, date, duration, list };

// The type's name as rules and messages write it.
std::string_view type_name(Type type);

// The type's name with its article, for messages: "a date", "an integer".
std::string with_article(Type type);

// The declared type of an application or outcome field in a criteria set.
enum class FieldType { string, text, enumeration, date, money, integer, number, boolean, list };

// The name a criteria set uses for `type` (`enum` for enumeration).
std::string_view field_type_name(FieldType type);

// The field type called `name` in a criteria set, if there is one.
std::optional<FieldType> parse_field_type(std::string_view name);

// The rule-language type that values of a field of `type` have.
Type value_type(FieldType type);

using StringList = std::vector<std::string>;

// A typed value read from an input; monostate is a missing value (an empty cell).
using Value = std::variant<std::monostate, bool, int64_t, double, Money, std::string, Date, Duration, StringList>;

// True if `value` is missing.
inline bool is_missing(const Value& value) { return std::holds_alternative<std::monostate>(value); }

// True if `value` is missing, an empty or blank string, or an empty list: what `has()` denies.
bool is_empty(const Value& value);

// The value as an audit trail shows it: `2021-03-01`, `95000.50`, `"3B"`, `["a", "b"]`, `missing`.
std::string to_display(const Value& value);

// A field of a criteria set: its name, type and, for an enum, the allowed values.
struct FieldSpec {
  std::string name;
  FieldType type = FieldType::string;
  bool required = false;
  std::vector<std::string> values;
  // A list's items are separated by this character in a cell.
  char separator = '|';
  // The least and greatest value allowed (number, integer, money and date fields), of the
  // field's type. A money field without a `min` takes no amount below zero.
  std::optional<Value> min = std::nullopt;
  std::optional<Value> max = std::nullopt;
  // The headers (CSV) or keys (YAML) the field is read from (its `column`): a file holds one of
  // them. Empty: the field is read from the header of its own name.
  std::vector<std::string> columns = {};
  // What every value (every item of a list) must match whole (string, text, enum and list
  // fields); a missing value is not checked.
  std::optional<Pattern> pattern = std::nullopt;
};

// The headers `field` may be read from: its `columns`, or else its name alone.
std::span<const std::string> field_headers(const FieldSpec& field);

// The index of the field of `fields` that is read from `header` (trimmed), or -1.
int field_for_header(std::span<const FieldSpec> fields, std::string_view header);

// The header (CSV column) or key (YAML) a value was read from, for messages.
struct CellHeader {
  enum class Kind { column, key };
  std::string_view name;
  Kind kind = Kind::column;
};

// How a message names `field`: "field 'business_id'", and when it is read from a header of
// another name, that header too: "field 'business_id' (column 'Y-tunnus')". Without a
// header, a field with `columns` names all of them ("(column 'Y-tunnus' or 'FO-nummer')").
std::string field_label(const FieldSpec& field, const CellHeader& header = {});

// `names` quoted and joined as a message lists alternatives: "'a'", "'a' or 'b'",
// "'a', 'b' or 'c'".
std::string quoted_alternatives(std::span<const std::string> names);

// Converts the text of one cell to a value of `field`'s type, checked against the field's
// `values`, `min`, `max` and `pattern`; an empty or blank cell is missing. On a bad value
// returns nothing and sets `why` to a message naming the value (and `header`, the column or
// key it was read from).
std::optional<Value> parse_field_value(std::string_view text, const FieldSpec& field, std::string& why,
                                       const CellHeader& header = {});

// As parse_field_value, but into `out`, reusing the memory of the string or list it already
// holds, so that a reader that keeps one row allocates nothing once it is warm. On a bad
// value returns false, sets `why` and leaves `out` missing.
bool parse_field_value_into(std::string_view text, const FieldSpec& field, Value& out, std::string& why,
                            const CellHeader& header = {});

// True if `value` (each item of a list) matches `field`'s pattern whole, or the field has
// none, or the value is missing; else false, with `why` naming the first value that does not.
bool matches_pattern(const Value& value, const FieldSpec& field, std::string& why, const CellHeader& header = {});

// For a list cell that holds ',' or ';' while `field`'s items are separated by another
// character (the items may have been run together into one): a message that names the cell,
// the separator and the fix; empty otherwise.
std::string doubtful_list_cell(std::string_view text, const FieldSpec& field, const CellHeader& header = {});

// True if doubtful_list_cell() has something to say about `text`, without making the message.
bool is_doubtful_list_cell(std::string_view text, const FieldSpec& field);

// The bound `text` (a field's `min` or `max`, as the set writes it) for a field of `type`, or
// nothing (with `why`) when `type` has no order or the text is not a value of it.
std::optional<Value> parse_bound(std::string_view text, FieldType type, std::string& why);

// True if `a` comes before `b`, two values of one ordered field type (money, integer, number,
// date), as a field's `min` and `max` compare.
bool value_before(const Value& a, const Value& b);

// Parses a boolean as people write it: true/false, yes/no, 1/0, kyllä/ei, ja/nej.
std::optional<bool> parse_boolean(std::string_view text);

// Parses a decimal number with a dot or a decimal comma (`3.5`, `3,5`, `1 200,5`).
std::optional<double> parse_number(std::string_view text);

// Parses a whole number, allowing spaces (also no-break) between thousands.
std::optional<int64_t> parse_integer(std::string_view text);

} // namespace fundscreen::core
