// SPDX-License-Identifier: Apache-2.0
#include "report/summary.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/funding.hpp"
#include "report/money_text.hpp"
#include "report/words.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

std::string field_text(const core::RunInfo& info, const core::Application& app, std::string_view name) {
  int field = info.set ? info.set->field_index(name) : -1;
  if (field < 0 || static_cast<size_t>(field) >= app.values.size()) return {};
  const core::Value& value = app.values[static_cast<size_t>(field)];
  if (core::is_missing(value)) return {};
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return core::to_display(value);
}

std::vector<std::string> criterion_reasons(const core::Assessed& assessed, core::Decision decision) {
  std::vector<std::string> lines;
  if (decision != core::Decision::clarify && decision != core::Decision::pending) return lines;
  const auto& ids = decision == core::Decision::clarify ? assessed.unclear : assessed.pending;
  for (const core::CriterionResult& r : assessed.criteria)
    if (std::find(ids.begin(), ids.end(), r.criterion->id) != ids.end())
      lines.push_back(r.criterion->id + ": " + r.reason);
  return lines;
}

std::string reason_line(const core::Assessed& assessed, core::Decision decision) {
  std::vector<std::string> reasons = criterion_reasons(assessed, decision);
  if (reasons.empty()) return assessed.decided_by;
  return assessed.decided_by + " (" + util::join(reasons, "; ") + ")";
}

Summary summarize(const core::RunInfo& info, const core::ApplicationView& view, KeepTitle keep_title) {
  Summary s;
  s.id = view.assessed->id;
  s.applicant = field_text(info, *view.app, "applicant");
  if (keep_title == KeepTitle::yes) s.title = field_text(info, *view.app, "title");
  s.decision = view.decision;
  s.decided_by = view.assessed->decided_by;
  s.details = criterion_reasons(*view.assessed, view.decision);
  s.amount = view.assessed->amount;
  if (info.set) s.pool = core::pool_of(*info.set, *view.app);
  if (view.placement) {
    s.rank = view.placement->rank;
    s.score = view.assessed->score;
    s.cumulative = view.placement->cumulative;
  }
  s.screened = view.decision;
  if (!info.screening) return s;
  s.screened = view.screened;
  s.resolution = view.resolution;
  if (const core::Resolution* r = view.resolution) {
    i18n::Lang lang = lang_of(info.lang);
    s.decided_by = i18n::trf(lang, "resolved {} on {} by {} (screening: {}, {})", decision_word(lang, r->decision),
                             date_text(lang, r->decided_on), r->decided_by, decision_word(lang, view.screened),
                             view.assessed->decided_by);
    if (r->amount) s.amount = *r->amount;
    s.details.clear();
    s.details.push_back(i18n::trf(lang, "reason: {}", r->reason));
  }
  return s;
}

std::string decision_with_screening(i18n::Lang lang, const Summary& s) {
  std::string_view name = decision_word(lang, s.decision);
  if (s.resolution) return i18n::trf(lang, "{} (resolved; screened {})", name, decision_word(lang, s.screened));
  if (s.screened != s.decision) return i18n::trf(lang, "{} (screened {})", name, decision_word(lang, s.screened));
  return std::string(name);
}

void sort_by_rank(std::vector<Summary>& eligible) {
  std::stable_sort(eligible.begin(), eligible.end(), [](const Summary& a, const Summary& b) {
    if ((a.rank > 0) != (b.rank > 0)) return a.rank > 0;
    if (a.rank > 0 && a.pool != b.pool) return a.pool < b.pool;
    return a.rank < b.rank;
  });
}

} // namespace fundscreen::report
