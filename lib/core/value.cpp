// SPDX-License-Identifier: Apache-2.0
#include "core/value.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fundscreen::core {

std::string_view type_name(Type type) {
  constexpr std::array<std::string_view, 8> names = {"boolean", "integer", "number",   "money",
                                                     "string",  "date",    "duration", "list"};
  return names[static_cast<size_t>(type)];
}

std::string with_article(Type type) {
  std::string_view name = type_name(type);
  if (type == Type::money) return "money";
  return std::string(name[0] == 'i' ? "an " : "a ") + std::string(name);
}

namespace {
constexpr std::array<std::string_view, 9> k_field_type_names = {"string",  "text",   "enum",    "date", "money",
                                                                "integer", "number", "boolean", "list"};
}

std::string_view field_type_name(FieldType type) { return k_field_type_names[static_cast<size_t>(type)]; }

std::optional<FieldType> parse_field_type(std::string_view name) {
  for (size_t i = 0; i < k_field_type_names.size(); ++i)
    if (k_field_type_names[i] == name) return static_cast<FieldType>(i);
  return std::nullopt;
}

Type value_type(FieldType type) {
  switch (type) {
  case FieldType::string:
  case FieldType::text:
  case FieldType::enumeration: return Type::string;
  case FieldType::date: return Type::date;
  case FieldType::money: return Type::money;
  case FieldType::integer: return Type::integer;
  case FieldType::number: return Type::number;
  case FieldType::boolean: return Type::boolean;
  case FieldType::list: return Type::list;
  }
  return Type::string;
}

bool is_empty(const Value& value) {
  if (is_missing(value)) return true;
  if (auto s = std::get_if<std::string>(&value)) return util::trim(*s).empty();
  if (auto l = std::get_if<StringList>(&value)) return l->empty();
  return false;
}

std::span<const std::string> field_headers(const FieldSpec& field) {
  if (field.columns.empty()) return {&field.name, 1};
  return field.columns;
}

int field_for_header(std::span<const FieldSpec> fields, std::string_view header) {
  header = util::trim(header);
  for (size_t i = 0; i < fields.size(); ++i)
    for (const std::string& h : field_headers(fields[i]))
      if (h == header) return static_cast<int>(i);
  return -1;
}

std::string quoted_alternatives(std::span<const std::string> names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += fmt::format("'{}'", names[i]);
  }
  return out;
}

std::string field_label(const FieldSpec& field, const CellHeader& header) {
  std::string_view kind = header.kind == CellHeader::Kind::key ? "key" : "column";
  if (!header.name.empty() && header.name != field.name)
    return fmt::format("field '{}' ({} '{}')", field.name, kind, header.name);
  if (!header.name.empty() || field.columns.empty()) return fmt::format("field '{}'", field.name);
  return fmt::format("field '{}' ({} {})", field.name, kind, quoted_alternatives(field.columns));
}

namespace {
struct Display {
  std::string operator()(std::monostate) const { return "missing"; }
  std::string operator()(bool b) const { return b ? "true" : "false"; }
  std::string operator()(int64_t i) const { return std::to_string(i); }
  std::string operator()(double d) const { return fmt::format("{}", d); }
  std::string operator()(Money m) const { return to_string(m); }
  std::string operator()(const std::string& s) const { return fmt::format("\"{}\"", s); }
  std::string operator()(Date d) const { return to_string(d); }
  std::string operator()(Duration d) const { return to_string(d); }
  std::string operator()(const StringList& l) const {
    std::vector<std::string> quoted;
    for (const auto& s : l) quoted.push_back(fmt::format("\"{}\"", s));
    return "[" + util::join(quoted, ", ") + "]";
  }
};
} // namespace

std::string to_display(const Value& value) { return std::visit(Display{}, value); }

std::optional<bool> parse_boolean(std::string_view text) {
  std::string lower(util::trim(text));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.ends_with("\xC3\x84")) lower.replace(lower.size() - 2, 2, "\xC3\xA4"); // KYLLÄ
  for (auto yes : {"true", "yes", "1", "kyllä", "ja", "y"})
    if (lower == yes) return true;
  for (auto no : {"false", "no", "0", "ei", "nej", "n"})
    if (lower == no) return false;
  return std::nullopt;
}

// `text` without the spaces people put between thousands: space, no-break space (U+00A0)
// and narrow no-break space (U+202F).
static std::string without_group_spaces(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') continue;
    if (text.substr(i).starts_with("\xC2\xA0")) {
      i += 1;
      continue;
    }
    if (text.substr(i).starts_with("\xE2\x80\xAF")) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

// Digits with at most one '.' and at most 15 digits: the digits as an integer divided by a
// power of ten, both exact in a double, so the one division rounds as from_chars does.
static std::optional<double> plain_decimal(std::string_view text) {
  static constexpr double k_powers[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  int64_t m = 0;
  size_t count = 0, dot = std::string_view::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && dot == std::string_view::npos && i > 0) {
      dot = i;
      continue;
    }
    if (c < '0' || c > '9' || ++count > 15) return std::nullopt;
    m = m * 10 + (c - '0');
  }
  if (count == 0 || dot == text.size() - 1) return std::nullopt;
  size_t decimals = dot == std::string_view::npos ? 0 : text.size() - dot - 1;
  return static_cast<double>(m) / k_powers[decimals];
}

std::optional<double> parse_number(std::string_view text) {
  if (auto plain = plain_decimal(text)) return plain;
  std::string compact = without_group_spaces(util::trim(text));
  std::replace(compact.begin(), compact.end(), ',', '.');
  double value = 0;
  auto [end, ec] = std::from_chars(compact.data(), compact.data() + compact.size(), value);
  if (compact.empty() || ec != std::errc() || end != compact.data() + compact.size()) return std::nullopt;
  return value;
}

std::optional<int64_t> parse_integer(std::string_view text) {
  std::string compact = without_group_spaces(util::trim(text));
  int64_t value = 0;
  auto [end, ec] = std::from_chars(compact.data(), compact.data() + compact.size(), value);
  if (compact.empty() || ec != std::errc() || end != compact.data() + compact.size()) return std::nullopt;
  return value;
}

// Splits `text` at `separator` into `out`, trimmed, empty items dropped; reuses the items'
// memory.
static void split_list_into(std::string_view text, char separator, Value& out) {
  auto* items = std::get_if<StringList>(&out);
  if (!items) items = &out.emplace<StringList>();
  size_t n = 0;
  while (true) {
    size_t bar = text.find(separator);
    std::string_view item = util::trim(text.substr(0, bar));
    if (!item.empty()) {
      if (n < items->size())
        (*items)[n].assign(item);
      else
        items->emplace_back(item);
      ++n;
    }
    if (bar == std::string_view::npos) break;
    text.remove_prefix(bar + 1);
  }
  items->resize(n);
}

static bool holds_other_separator(std::string_view text, char separator, char& found) {
  for (char c : {',', ';'}) {
    if (c != separator && text.find(c) != std::string_view::npos) {
      found = c;
      return true;
    }
  }
  return false;
}

bool is_doubtful_list_cell(std::string_view text, const FieldSpec& field) {
  char found = 0;
  return field.type == FieldType::list && holds_other_separator(text, field.separator, found);
}

std::string doubtful_list_cell(std::string_view text, const FieldSpec& field, const CellHeader& header) {
  char found = 0;
  if (field.type != FieldType::list || !holds_other_separator(text, field.separator, found)) return {};
  Value items;
  split_list_into(text, field.separator, items);
  size_t n = std::get<StringList>(items).size();
  return fmt::format("list {} holds '{}' in '{}', read as {} item{} separated by '{}'; if it names several, "
                     "separate them with '{}', or set separator: \"{}\" on the field in the criteria set",
                     field_label(field, header), found, util::trim(text), n, n == 1 ? "" : "s", field.separator,
                     field.separator, found);
}

std::optional<Value> parse_bound(std::string_view text, FieldType type, std::string& why) {
  std::string reason;
  std::optional<Value> bound;
  switch (type) {
  case FieldType::date:
    if (auto d = parse_date(text, reason)) bound = *d;
    break;
  case FieldType::money:
    if (auto m = parse_money(text, reason)) bound = *m;
    break;
  case FieldType::integer:
    if (auto i = parse_integer(text)) bound = *i;
    break;
  case FieldType::number:
    if (auto n = parse_number(text)) bound = *n;
    break;
  default:
    why = fmt::format("a field of type '{}' has no 'min' or 'max'; only number, integer, money and date fields do",
                      field_type_name(type));
    return std::nullopt;
  }
  if (!bound) why = fmt::format("'{}' is not {}", text, with_article(value_type(type)));
  return bound;
}

static void assign_text(std::string_view text, Value& out) {
  if (auto* s = std::get_if<std::string>(&out))
    s->assign(text);
  else
    out.emplace<std::string>(text);
}

static bool check_enum(std::string_view text, const FieldSpec& field, std::string& why, const CellHeader& header) {
  if (std::find(field.values.begin(), field.values.end(), text) != field.values.end()) return true;
  std::string hint = util::nearest(text, field.values);
  why = fmt::format("unknown value '{}' for {}; allowed: {}", text, field_label(field, header),
                    util::join(field.values, ", "));
  if (!hint.empty()) why += fmt::format(" (did you mean '{}'?)", hint);
  return false;
}

static std::string bad_value(std::string_view what, std::string_view text, const FieldSpec& field,
                             const CellHeader& header, std::string_view advice) {
  return fmt::format("invalid {} '{}' for {}; {}", what, text, field_label(field, header), advice);
}

bool value_before(const Value& a, const Value& b) {
  if (const auto* m = std::get_if<Money>(&a)) return *m < std::get<Money>(b);
  if (const auto* i = std::get_if<int64_t>(&a)) return *i < std::get<int64_t>(b);
  if (const auto* n = std::get_if<double>(&a)) return *n < std::get<double>(b);
  return std::get<Date>(a) < std::get<Date>(b);
}

// True if `out` (parsed from `text`) is within `field`'s `min` and `max`; else makes it
// missing and says why. A money field without a `min` takes nothing below zero.
static bool in_range(std::string_view text, const FieldSpec& field, const CellHeader& header, Value& out,
                     std::string& why) {
  bool dated = field.type == FieldType::date;
  if (field.min && value_before(out, *field.min))
    why = fmt::format("{} '{}' for {} is {} the field's min, {}; correct the value, or the set's 'min' "
                      "if the value is right",
                      field_type_name(field.type), text, field_label(field, header), dated ? "before" : "below",
                      to_display(*field.min));
  else if (field.max && value_before(*field.max, out))
    why = fmt::format("{} '{}' for {} is {} the field's max, {}; correct the value, or the set's 'max' "
                      "if the value is right",
                      field_type_name(field.type), text, field_label(field, header), dated ? "after" : "above",
                      to_display(*field.max));
  else if (!field.min && field.type == FieldType::money && std::get<Money>(out).cents < 0)
    why = fmt::format("money '{}' for {} is below zero; correct the amount, or give the field a 'min' "
                      "below zero in the criteria set if negative amounts are meant",
                      text, field_label(field, header));
  else
    return true;
  out = Value{};
  return false;
}

bool matches_pattern(const Value& value, const FieldSpec& field, std::string& why, const CellHeader& header) {
  if (!field.pattern) return true;
  if (const auto* text = std::get_if<std::string>(&value)) {
    if (field.pattern->matches(*text)) return true;
    why = fmt::format("value '{}' for {} does not match the field's pattern '{}'; correct the value, or the set's "
                      "pattern if the value is right",
                      *text, field_label(field, header), field.pattern->source());
    return false;
  }
  if (const auto* items = std::get_if<StringList>(&value)) {
    for (const std::string& item : *items) {
      if (field.pattern->matches(item)) continue;
      why = fmt::format("list item '{}' for {} does not match the field's pattern '{}'; correct the item, or the "
                        "set's pattern if the item is right",
                        item, field_label(field, header), field.pattern->source());
      return false;
    }
  }
  return true;
}

// Keeps `out` if it matches the field's pattern; else makes it missing and says why.
static bool check_pattern(const FieldSpec& field, const CellHeader& header, Value& out, std::string& why) {
  if (matches_pattern(out, field, why, header)) return true;
  out = Value{};
  return false;
}

std::optional<Value> parse_field_value(std::string_view raw, const FieldSpec& field, std::string& why,
                                       const CellHeader& header) {
  Value value;
  if (!parse_field_value_into(raw, field, value, why, header)) return std::nullopt;
  return value;
}

// Stores `parsed` in `out`, or makes `out` missing and returns false when there is none.
template <typename T> static bool store(const std::optional<T>& parsed, Value& out) {
  if (parsed) {
    out = *parsed;
    return true;
  }
  out = Value{};
  return false;
}

bool parse_field_value_into(std::string_view raw, const FieldSpec& field, Value& out, std::string& why,
                            const CellHeader& header) {
  std::string_view text = field.type == FieldType::text ? raw : util::trim(raw);
  if (text.empty() || (field.type == FieldType::text && util::trim(text).empty())) {
    out = Value{};
    return true;
  }
  std::string reason;
  switch (field.type) {
  case FieldType::string:
  case FieldType::text: assign_text(text, out); return !field.pattern || check_pattern(field, header, out, why);
  case FieldType::enumeration:
    if (check_enum(text, field, why, header)) {
      assign_text(text, out);
      return !field.pattern || check_pattern(field, header, out, why);
    }
    out = Value{};
    return false;
  case FieldType::list:
    split_list_into(text, field.separator, out);
    return !field.pattern || check_pattern(field, header, out, why);
  case FieldType::date:
    if (store(parse_date(text, reason), out)) return in_range(text, field, header, out, why);
    why = bad_value("date", text, field, header, reason);
    return false;
  case FieldType::money:
    if (store(parse_money(text, reason), out)) return in_range(text, field, header, out, why);
    why = bad_value("money", text, field, header, reason);
    return false;
  case FieldType::integer:
    if (store(parse_integer(text), out)) return in_range(text, field, header, out, why);
    why = bad_value("integer", text, field, header, "write a whole number such as 12");
    return false;
  case FieldType::number:
    if (store(parse_number(text), out)) return in_range(text, field, header, out, why);
    why = bad_value("number", text, field, header, "write a number such as 3.5 or 3,5");
    return false;
  case FieldType::boolean:
    if (store(parse_boolean(text), out)) return true;
    why = bad_value("boolean", text, field, header, "write true or false (yes/no, kyllä/ei)");
    return false;
  }
  out = Value{};
  return false;
}

} // namespace fundscreen::core
