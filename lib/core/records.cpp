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

std::span<const FieldSpec> assessment_fields(VerdictColumn verdict) {
  static const std::array<FieldSpec, 6> required = {{
      {"application", FieldType::string, true, {}},
      {"criterion", FieldType::string, true, {}},
      {"reviewer", FieldType::string, true, {}},
      {"verdict", FieldType::enumeration, true, {"pass", "fail", "unclear"}},
      {"score", FieldType::number, false, {}},
      {"note", FieldType::text, false, {}},
  }};
  static const std::array<FieldSpec, 6> optional = [] {
    auto fields = required;
    fields[3].required = false;
    return fields;
  }();
  return verdict == VerdictColumn::required ? std::span<const FieldSpec>(required) : optional;
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

std::string halves_text(int halves) {
  return halves % 2 ? fmt::format("{}.5", halves / 2) : fmt::format("{}", halves / 2);
}

std::string to_string(ScoreScale scale) {
  return halves_text(scale.min_halves) + " to " + halves_text(scale.max_halves);
}

std::optional<int> score_to_halves(double score, std::string_view text, ScoreScale scale, std::string& why) {
  if (score * 2 < scale.min_halves || score * 2 > scale.max_halves) {
    why = fmt::format("score '{}' is outside {}, the criteria set's score scale", text, to_string(scale));
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
