// SPDX-License-Identifier: Apache-2.0
#include "core/decision_diff.hpp"

#include <fmt/format.h>

namespace fundscreen::core {

static const CriterionResult* find(const Assessed& a, const std::string& id) {
  for (const CriterionResult& r : a.criteria)
    if (r.criterion->id == id) return &r;
  return nullptr;
}

static std::vector<std::string> reads_of(const CriterionResult* r) {
  std::vector<std::string> lines;
  if (r && r->rule)
    for (const RuleRead& read : r->rule->reads)
      lines.push_back(fmt::format("{} = {}", read.path, to_display(read.value_read())));
  return lines;
}

static void add_shift(std::vector<CriterionShift>& out, const std::string& id, const CriterionResult* a,
                      const CriterionResult* b) {
  if (a && b && a->status == b->status) return;
  CriterionShift s;
  s.id = id;
  if (a) s.old_status = a->status, s.old_reason = a->reason;
  if (b) s.new_status = b->status, s.new_reason = b->reason;
  s.old_reads = reads_of(a);
  s.new_reads = reads_of(b);
  out.push_back(std::move(s));
}

std::vector<CriterionShift> criterion_shifts(const Assessed& before, const Assessed& after) {
  std::vector<CriterionShift> shifts;
  for (const CriterionResult& r : before.criteria) add_shift(shifts, r.criterion->id, &r, find(after, r.criterion->id));
  for (const CriterionResult& r : after.criteria)
    if (!find(before, r.criterion->id)) add_shift(shifts, r.criterion->id, nullptr, &r);
  return shifts;
}

} // namespace fundscreen::core
