// SPDX-License-Identifier: Apache-2.0
#include "core/criteria_set.hpp"

#include <array>

#include <fmt/format.h>

namespace fundscreen::core {

const std::string& Titles::in(std::string_view lang) const {
  const std::string& wanted = lang == "fi" ? fi : (lang == "sv" ? sv : en);
  if (!wanted.empty()) return wanted;
  return en.empty() ? fi : en;
}

std::string_view kind_name(CriterionKind kind) {
  switch (kind) {
  case CriterionKind::rule: return "rule";
  case CriterionKind::judgement: return "judgement";
  case CriterionKind::both: return "both";
  }
  return "rule";
}

std::string to_string(Thousandths t) {
  int64_t abs = t.value < 0 ? -t.value : t.value;
  std::string text = fmt::format("{}{}", t.value < 0 ? "-" : "", abs / 1000);
  if (abs % 1000 == 0) return text;
  std::string fraction = fmt::format("{:03}", abs % 1000);
  while (fraction.back() == '0') fraction.pop_back();
  return text + "." + fraction;
}

bool CriteriaSet::has_pass_score() const {
  for (const Criterion& c : criteria)
    if (c.pass_score) return true;
  return false;
}

int CriteriaSet::field_index(std::string_view name) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == name) return static_cast<int>(i);
  return -1;
}

const Criterion* CriteriaSet::criterion(std::string_view criterion_id) const {
  for (const Criterion& c : criteria)
    if (c.id == criterion_id) return &c;
  return nullptr;
}

int CriteriaSet::pool_index(std::string_view pool_id) const {
  for (size_t i = 0; i < pools.size(); ++i)
    if (pools[i].id == pool_id) return static_cast<int>(i);
  return -1;
}

std::span<const FieldSpec> outcome_fields() {
  static const std::array<FieldSpec, 7> fields = {{
      {"application", FieldType::string, true, {}},
      {"continued", FieldType::boolean, false, {}},
      {"resources_as_planned", FieldType::boolean, false, {}},
      {"problem_confirmed", FieldType::boolean, false, {}},
      {"goals_met", FieldType::integer, false, {}},
      {"goals_total", FieldType::integer, false, {}},
      {"note", FieldType::text, false, {}},
  }};
  return fields;
}

} // namespace fundscreen::core
