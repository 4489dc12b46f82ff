// SPDX-License-Identifier: Apache-2.0
// Fuzzes the cell parsers: money, dates, numbers, integers and a value of every field type.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/value.hpp"

using namespace fundscreen;
using core::FieldSpec;
using core::FieldType;

namespace {

// One field of every type; the enum's values as sitra-2021's `stage`.
const std::vector<FieldSpec>& every_type() {
  static const std::vector<FieldSpec> fields = {
      {"id", FieldType::string, true, {}},
      {"problem", FieldType::text, false, {}},
      {"stage", FieldType::enumeration, true, {"idea", "new", "ongoing", "käynnissä"}},
      {"programme_started", FieldType::date, false, {}},
      {"requested_eur", FieldType::money, true, {}},
      {"team_size", FieldType::integer, false, {}},
      {"panel_score", FieldType::number, false, {}},
      {"has_partner", FieldType::boolean, false, {}},
      {"actors", FieldType::list, false, {}},
  };
  return fields;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string why;
  if (auto m = core::parse_money(text, why)) {
    // What was parsed must print and parse back to the same amount.
    std::string again;
    auto back = core::parse_money(core::to_string(*m), again);
    if (!back || *back != *m) __builtin_trap();
  }
  why.clear();
  if (auto d = core::parse_date(text, why)) {
    // A date that parsed must print and parse back to the same day.
    std::string again;
    auto back = core::parse_date(core::to_string(*d), again);
    if (!back || *back != *d) __builtin_trap();
    (void)core::add(*d, core::Duration{-3, 0});
    (void)core::add(*d, core::Duration{13, 31});
  }
  for (const FieldSpec& field : every_type()) {
    std::string reason;
    if (auto v = core::parse_field_value(text, field, reason)) (void)core::to_display(*v);
  }
  (void)core::parse_number(text);
  (void)core::parse_integer(text);
  (void)core::parse_boolean(text);
  return 0;
}
