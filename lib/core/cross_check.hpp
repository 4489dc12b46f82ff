// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/assessment_index.hpp"
#include "core/criteria_set.hpp"
#include "core/id_registry.hpp"
#include "core/records.hpp"
#include "util/diagnostics.hpp"
#include "util/text.hpp"

namespace fundscreen::core {

// Checks what declared conflicts of interest name against the applications read: a
// conflict's application must be one of them, its applicant the applicant of one. A call may
// have a million applications and a few conflicts, so no applicant is kept: see() marks the
// conflicts' applicants as the applications stream past, and only when one was never seen
// are the applications offered again, to find a "did you mean".
class ConflictCheck {
public:
  ConflictCheck(const CriteriaSet& set, std::span<const Conflict> conflicts);

  // Marks the applicant of `app` as seen if a conflict names it; may be called from several
  // threads at once.
  void see(const Application& app) const;
  // True if a conflict names an applicant that no application seen had: then offer() every
  // application before report(), for a "did you mean".
  bool applicant_missing() const;
  // Offers the applicant of `app` as a suggestion for the applicants never seen.
  void offer(const Application& app);
  // Reports each conflict whose application is not in `ids`, or whose applicant no
  // application had (or that names an applicant when the set has no applicant field).
  void report(const IdRegistry& ids, util::Diagnostics& diagnostics) const;

private:
  std::span<const Conflict> m_conflicts;
  int m_applicant_field;
  // The applicants the conflicts name, each with its place in m_seen.
  std::unordered_map<std::string, size_t> m_applicants;
  std::unique_ptr<std::atomic<bool>[]> m_seen;
  mutable std::atomic<size_t> m_unseen{0};
  std::vector<util::NearestWord> m_suggestions; // by place in m_seen, filled in by offer()
};

// Checks outcome reports: one per application, and, if `ids` is given, known applications.
void check_outcomes(const IdRegistry* ids, std::span<const Outcome> outcomes, util::Diagnostics& diagnostics);

} // namespace fundscreen::core
