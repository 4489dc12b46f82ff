// SPDX-License-Identifier: Apache-2.0
#include "core/assessment_index.hpp"

#include <fmt/format.h>

namespace fundscreen::core {

void AssessmentIndex::add(const Assessment& a) {
  int criterion = -1;
  for (size_t i = 0; i < m_set->criteria.size(); ++i)
    if (m_set->criteria[i].id == a.criterion) criterion = static_cast<int>(i);
  if (criterion < 0) return;
  auto [it, fresh] = m_reviewer_index.emplace(a.reviewer, static_cast<int>(m_reviewers.size()));
  if (fresh) m_reviewers.push_back(a.reviewer);
  Entry e;
  e.criterion = criterion;
  e.reviewer = it->second;
  e.verdict = a.verdict;
  e.score_halves = static_cast<int8_t>(a.score_halves.value_or(-1));
  if (!a.note.empty()) {
    e.note = static_cast<int>(m_notes.size());
    m_notes.push_back(a.note);
  }
  m_by_application[a.application].push_back(e);
  ++m_count;
}

std::span<const AssessmentIndex::Entry> AssessmentIndex::of(const std::string& id) const {
  auto it = m_by_application.find(id);
  if (it == m_by_application.end()) return {};
  return it->second;
}

// Keys join the two names with a byte that cannot occur in either.
static std::string key(const std::string& reviewer, const std::string& other) { return reviewer + '\x1f' + other; }

void ConflictIndex::add(const Conflict& c) {
  if (!c.application.empty()) m_by_application.insert(key(c.reviewer, c.application));
  if (!c.applicant.empty()) m_by_applicant.insert(key(c.reviewer, c.applicant));
}

std::optional<std::string> ConflictIndex::excludes(const std::string& reviewer, const std::string& id,
                                                   const std::string& applicant) const {
  if (m_by_application.count(key(reviewer, id)))
    return fmt::format("{} declared a conflict of interest with {}", reviewer, id);
  if (!applicant.empty() && m_by_applicant.count(key(reviewer, applicant)))
    return fmt::format("{} declared a conflict of interest with {}", reviewer, applicant);
  return std::nullopt;
}

} // namespace fundscreen::core
