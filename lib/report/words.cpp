// SPDX-License-Identifier: Apache-2.0
#include "report/words.hpp"

#include "report/money_text.hpp"

namespace fundscreen::report {

std::string_view decision_word(i18n::Lang lang, core::Decision decision) {
  switch (decision) {
  case core::Decision::fund: return i18n::trc(lang, "decision", "fund");
  case core::Decision::reserve: return i18n::trc(lang, "decision", "reserve");
  case core::Decision::clarify: return i18n::trc(lang, "decision", "clarify");
  case core::Decision::pending: return i18n::trc(lang, "decision", "pending");
  case core::Decision::reject: return i18n::trc(lang, "decision", "reject");
  }
  return core::decision_name(decision);
}

std::string_view status_word(i18n::Lang lang, core::Status status) {
  switch (status) {
  case core::Status::pass: return i18n::trc(lang, "status", "pass");
  case core::Status::fail: return i18n::trc(lang, "status", "fail");
  case core::Status::unclear: return i18n::trc(lang, "status", "unclear");
  case core::Status::pending: return i18n::trc(lang, "status", "pending");
  }
  return core::status_name(status);
}

std::string_view verdict_word(i18n::Lang lang, core::Verdict verdict) {
  switch (verdict) {
  case core::Verdict::pass: return i18n::trc(lang, "verdict", "pass");
  case core::Verdict::fail: return i18n::trc(lang, "verdict", "fail");
  case core::Verdict::unclear: return i18n::trc(lang, "verdict", "unclear");
  }
  return core::verdict_name(verdict);
}

std::string_view kind_word(i18n::Lang lang, core::CriterionKind kind) {
  switch (kind) {
  case core::CriterionKind::rule: return i18n::trc(lang, "kind", "rule");
  case core::CriterionKind::judgement: return i18n::trc(lang, "kind", "judgement");
  case core::CriterionKind::both: return i18n::trc(lang, "kind", "both");
  }
  return core::kind_name(kind);
}

std::string applications_text(i18n::Lang lang, size_t n) {
  return i18n::trnf(lang, "{} application", "{} applications", n, count_text(lang, static_cast<int64_t>(n)));
}

} // namespace fundscreen::report
