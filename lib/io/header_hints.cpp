// SPDX-License-Identifier: Apache-2.0
#include "io/header_hints.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fundscreen::io {

namespace {

// Every header the schema's fields are read from.
std::vector<std::string> all_headers(std::span<const core::FieldSpec> schema) {
  std::vector<std::string> names;
  for (const auto& f : schema)
    for (const std::string& h : core::field_headers(f)) names.push_back(h);
  return names;
}

// `a` and `b` alike but for ASCII case and spaces: "Business ID" and "business id".
bool loosely_equal(std::string_view a, std::string_view b) {
  auto next = [](std::string_view s, size_t& i) {
    while (i < s.size() && s[i] == ' ') ++i;
    return i < s.size() ? static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++]))) : '\0';
  };
  size_t i = 0, j = 0;
  for (;;) {
    char x = next(a, i), y = next(b, j);
    if (x != y) return false;
    if (x == '\0') return true;
  }
}

// The unknown header (of `unknown`) most likely meant for `field`, and the header of the
// field to rename it to: one that differs only in case and spaces, else the nearest, else
// the field's own name when the field is read from other headers, else the only unknown one
// when `missing` is a single field.
std::pair<std::string, std::string> likely_header(const core::FieldSpec& field, const std::vector<std::string>& unknown,
                                                  size_t missing) {
  std::span<const std::string> headers = core::field_headers(field);
  for (const std::string& h : headers)
    for (const std::string& u : unknown)
      if (loosely_equal(h, u)) return {u, h};
  for (const std::string& h : headers)
    if (std::string u = util::nearest(h, unknown); !u.empty()) return {u, h};
  if (!field.columns.empty() && std::find(unknown.begin(), unknown.end(), field.name) != unknown.end())
    return {field.name, headers.front()};
  if (unknown.size() == 1 && missing == 1) return {unknown.front(), headers.front()};
  return {};
}

} // namespace

std::string unknown_header_hint(std::string_view kind, std::string_view name, std::span<const core::FieldSpec> schema) {
  for (const core::FieldSpec& f : schema)
    if (f.name == name && !f.columns.empty())
      return fmt::format("; field '{}' is read from the {} {} (its 'column' in the criteria set)", f.name, kind,
                         core::quoted_alternatives(f.columns));
  std::string hint = util::nearest(name, all_headers(schema));
  return hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint);
}

std::string missing_headers(const core::FieldSpec& field) {
  std::string names = core::quoted_alternatives(core::field_headers(field));
  return field.columns.empty() ? names : fmt::format("{} for field '{}'", names, field.name);
}

std::string add_or_rename(const core::FieldSpec& field, std::string_view kind, const std::vector<std::string>& unknown,
                          size_t missing) {
  auto [other, target] = likely_header(field, unknown, missing);
  std::string add = field.columns.size() > 1 ? fmt::format("add one of these {}s (its values may be empty)", kind)
                                             : fmt::format("add the {} (its values may be empty)", kind);
  if (!other.empty())
    return fmt::format("if the {} '{}' holds it, rename it '{}'; otherwise {}", kind, other, target, add);
  return fmt::format("{}, or correct the spelling of the {} that holds it", add, kind);
}

std::string missing_header_message(const core::FieldSpec& field, std::string_view kind,
                                   const std::vector<std::string>& unknown, size_t missing) {
  if (field.required) {
    std::string message = fmt::format("missing required {} {}", kind, missing_headers(field));
    if (auto [other, target] = likely_header(field, unknown, missing); !other.empty())
      message += fmt::format("; if the {} '{}' holds it, rename it '{}'", kind, other, target);
    return message;
  }
  return fmt::format("missing {} {}{} of the criteria set; {}", kind, missing_headers(field),
                     field.columns.empty() ? ", a field" : "", add_or_rename(field, kind, unknown, missing));
}

std::string two_headers(const core::FieldSpec& field, std::string_view kind, std::string_view first,
                        std::string_view second) {
  return fmt::format("{}s '{}' and '{}' both hold field '{}'; keep the one that is meant and remove the other", kind,
                     first, second, field.name);
}

} // namespace fundscreen::io
