// SPDX-License-Identifier: Apache-2.0
#include "core/records.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fundscreen::core {

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
  case Verdict::pass: return "pass";
  case Verdict::fail: return "fail";
  case Verdict::unclear: return "unclear";
  }
  return "unclear";
}

std::span<const FieldSpec> assessment_fields() {
  static const std::array<FieldSpec, 6> fields = {{
      {"application", FieldType::string, true, {}},
      {"criterion", FieldType::string, true, {}},
      {"reviewer", FieldType::string, true, {}},
      {"verdict", FieldType::enumeration, true, {"pass", "fail", "unclear"}},
      {"score", FieldType::number, false, {}},
      {"note", FieldType::text, false, {}},
  }};
  return fields;
}

std::span<const FieldSpec> roster_fields() {
  static const std::array<FieldSpec, 3> fields = {{
      {"reviewer", FieldType::string, true, {}},
      {"name", FieldType::string, true, {}},
      {"criteria", FieldType::list, false, {}},
  }};
  return fields;
}

std::span<const FieldSpec> conflict_fields() {
  static const std::array<FieldSpec, 4> fields = {{
      {"reviewer", FieldType::string, true, {}},
      {"application", FieldType::string, false, {}},
      {"applicant", FieldType::string, false, {}},
      {"note", FieldType::text, false, {}},
  }};
  return fields;
}

std::optional<int> score_to_halves(double score, std::string_view text, std::string& why) {
  if (score < 0 || score > 5) {
    why = fmt::format("score '{}' is outside 0 to 5", text);
    return std::nullopt;
  }
  double halves = score * 2;
  if (halves != std::floor(halves)) {
    why = fmt::format("score '{}' is not in half points; write e.g. 3 or 3.5", text);
    return std::nullopt;
  }
  return static_cast<int>(halves);
}

std::optional<double> goal_target_floor(std::string_view text) {
  text = util::trim(text);
  if (auto n = parse_number(text)) return n;
  for (std::string_view dash : {"\u2013", "-"}) {
    size_t at = text.find(dash, 1);
    if (at == std::string_view::npos) continue;
    auto low = parse_number(text.substr(0, at));
    auto high = parse_number(text.substr(at + dash.size()));
    if (low && high && *low <= *high) return low;
  }
  return std::nullopt;
}

} // namespace fundscreen::core
