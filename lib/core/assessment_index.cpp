// SPDX-License-Identifier: Apache-2.0
#include "core/assessment_index.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/cross_check.hpp"
#include "core/pass_score.hpp"
#include "util/text.hpp"

namespace fundscreen::core {

template <typename Map, typename List> static uint32_t intern(const std::string& key, Map& index, List& list) {
  auto [it, fresh] = index.emplace(key, static_cast<uint32_t>(list.size()));
  if (fresh) list.push_back(key);
  return it->second;
}

void AssessmentIndex::add(const Assessment& a) {
  int criterion = -1;
  for (size_t i = 0; i < m_set->criteria.size(); ++i)
    if (m_set->criteria[i].id == a.criterion) criterion = static_cast<int>(i);
  if (criterion < 0 || criterion > 255) return;
  Entry e;
  auto [app, fresh] = m_application_index.emplace(a.application, static_cast<uint32_t>(m_application_ids.size()));
  if (fresh) m_application_ids.push_back(&app->first);
  e.application = app->second;
  e.line = static_cast<uint32_t>(a.where.line);
  e.column = static_cast<uint16_t>(std::min(a.application_where.column, 65535));
  e.reviewer = intern(a.reviewer, m_reviewer_index, m_reviewers);
  e.criterion = static_cast<uint8_t>(criterion);
  auto source = std::find(m_sources.begin(), m_sources.end(), a.where.source);
  if (source == m_sources.end()) source = m_sources.insert(m_sources.end(), a.where.source);
  e.source = static_cast<uint8_t>(std::min<ptrdiff_t>(source - m_sources.begin(), 255));
  auto counted = counted_verdict(m_set->criteria[criterion], a).value_or(CountedVerdict{});
  e.verdict = counted.verdict;
  e.derived = counted.derived;
  e.score_halves = static_cast<int8_t>(a.score_halves.value_or(-1));
  if (!a.note.empty()) {
    e.note = static_cast<int32_t>(m_notes.size());
    m_notes.push_back(a.note);
  }
  m_entries.push_back(e);
  m_grouped = false;
}

void AssessmentIndex::count_reviewer(const Assessment& a) {
  if (a.reviewer.empty()) return;
  uint32_t reviewer = intern(a.reviewer, m_reviewer_index, m_reviewers);
  if (m_assessments_by.size() <= reviewer) {
    m_assessments_by.resize(reviewer + 1, 0);
    m_first_seen.resize(reviewer + 1);
  }
  if (m_assessments_by[reviewer]++ == 0) m_first_seen[reviewer] = a.reviewer_where;
}

util::Location AssessmentIndex::first_seen(const std::string& reviewer) const {
  auto it = m_reviewer_index.find(reviewer);
  if (it == m_reviewer_index.end() || it->second >= m_first_seen.size()) return {};
  return m_first_seen[it->second];
}

std::vector<std::pair<std::string, size_t>> AssessmentIndex::reviewer_counts() const {
  std::vector<std::pair<std::string, size_t>> counts;
  for (size_t i = 0; i < m_assessments_by.size(); ++i)
    if (m_assessments_by[i] > 0) counts.emplace_back(m_reviewers[i], m_assessments_by[i]);
  return counts;
}

bool AssessmentIndex::has_reviewer(const std::string& reviewer) const {
  auto it = m_reviewer_index.find(reviewer);
  return it != m_reviewer_index.end() && it->second < m_assessments_by.size() && m_assessments_by[it->second] > 0;
}

// Sorts the entries by application, keeping each application's verdicts in input order.
void AssessmentIndex::group() const {
  if (m_grouped) return;
  std::stable_sort(m_entries.begin(), m_entries.end(),
                   [](const Entry& a, const Entry& b) { return a.application < b.application; });
  m_offsets.assign(m_application_ids.size() + 1, 0);
  for (const Entry& e : m_entries) ++m_offsets[e.application + 1];
  for (size_t i = 1; i < m_offsets.size(); ++i) m_offsets[i] += m_offsets[i - 1];
  m_grouped = true;
}

std::span<const AssessmentIndex::Entry> AssessmentIndex::of(const std::string& id) const {
  auto it = m_application_index.find(id);
  if (it == m_application_index.end()) return {};
  group();
  uint32_t begin = m_offsets[it->second], end = m_offsets[it->second + 1];
  return std::span<const Entry>(m_entries).subspan(begin, end - begin);
}

util::Location AssessmentIndex::where(const Entry& e, int column) const {
  return util::Location{m_sources[e.source], static_cast<int>(e.line), column};
}

void AssessmentIndex::check(const IdRegistry* ids, util::Diagnostics& diagnostics) const {
  group();
  for (uint32_t app = 0; app < m_application_ids.size(); ++app) {
    std::span<const Entry> mine =
        std::span<const Entry>(m_entries).subspan(m_offsets[app], m_offsets[app + 1] - m_offsets[app]);
    const std::string& id = *m_application_ids[app];
    if (ids && !ids->contains(id))
      for (const Entry& e : mine)
        diagnostics.error(where(e, e.column), fmt::format("assessment of unknown application '{}'", id));
    for (size_t i = 0; i < mine.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (mine[i].criterion != mine[j].criterion || mine[i].reviewer != mine[j].reviewer) continue;
        diagnostics.error(where(mine[i], 1),
                          fmt::format("{} assessed {} of '{}' twice (first at line {})", m_reviewers[mine[i].reviewer],
                                      m_set->criteria[mine[i].criterion].id, id, mine[j].line));
        break;
      }
    }
  }
}

bool check_assessment(const CriteriaSet& set, const Assessment& a, util::Diagnostics& diagnostics) {
  const Criterion* c = set.criterion(a.criterion);
  if (!c) {
    std::vector<std::string> ids;
    for (const auto& known : set.criteria) ids.push_back(known.id);
    std::string message = fmt::format("unknown criterion '{}'", a.criterion);
    std::string hint = util::nearest(a.criterion, ids);
    if (!hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
    diagnostics.error(a.criterion_where, message);
    return false;
  }
  if (c->kind == CriterionKind::rule) {
    diagnostics.error(
        a.criterion_where,
        fmt::format("criterion '{}' is decided by its rule and takes no reviewers' verdicts", a.criterion));
    return false;
  }
  return check_verdict(*c, a, diagnostics);
}

// Keys join the two names with a byte that cannot occur in either.
static std::string key(const std::string& reviewer, const std::string& other) { return reviewer + '\x1f' + other; }

void ConflictIndex::add(const Conflict& c) {
  m_conflicts.push_back(c);
  if (!c.application.empty()) m_by_application.insert(key(c.reviewer, c.application));
  if (!c.applicant.empty()) m_by_applicant.insert(key(c.reviewer, c.applicant));
}

std::optional<std::string> ConflictIndex::excludes(const std::string& reviewer, const std::string& id,
                                                   const std::string& applicant, i18n::Lang lang) const {
  if (m_by_application.count(key(reviewer, id)))
    return i18n::trf(lang, "{} declared a conflict of interest with {}", reviewer, id);
  if (!applicant.empty() && m_by_applicant.count(key(reviewer, applicant)))
    return i18n::trf(lang, "{} declared a conflict of interest with {}", reviewer, applicant);
  return std::nullopt;
}

} // namespace fundscreen::core
