// SPDX-License-Identifier: Apache-2.0
#include "core/roster.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fundscreen::core {

void Roster::add(RosterReviewer reviewer, util::Diagnostics& diagnostics) {
  auto [it, fresh] = m_index.emplace(reviewer.id, m_reviewers.size());
  if (!fresh) {
    diagnostics.error(reviewer.where, fmt::format("duplicate reviewer '{}' on the roster (first at line {})",
                                                  reviewer.id, m_reviewers[it->second].where.line));
    return;
  }
  m_reviewers.push_back(std::move(reviewer));
}

const RosterReviewer* Roster::find(std::string_view id) const {
  auto it = m_index.find(std::string(id));
  return it == m_index.end() ? nullptr : &m_reviewers[it->second];
}

// The ids of the criteria that take reviewers' verdicts, in the set's order.
static std::vector<std::string> judged_criteria(const CriteriaSet& set) {
  std::vector<std::string> ids;
  for (const Criterion& c : set.criteria)
    if (c.kind != CriterionKind::rule) ids.push_back(c.id);
  return ids;
}

void Roster::check(const CriteriaSet& set, util::Diagnostics& diagnostics) const {
  std::vector<std::string> judged = judged_criteria(set);
  for (const RosterReviewer& r : m_reviewers) {
    for (const std::string& id : r.criteria) {
      const Criterion* c = set.criterion(id);
      if (c && c->kind == CriterionKind::rule) {
        diagnostics.error(r.criteria_where,
                          fmt::format("criterion '{}' is decided by its rule and takes no reviewers' verdicts; "
                                      "remove it from the criteria of reviewer '{}'",
                                      id, r.id));
      } else if (!c) {
        std::string hint = util::nearest(id, judged);
        diagnostics.error(r.criteria_where,
                          fmt::format("unknown criterion '{}' for reviewer '{}'; {}", id, r.id,
                                      hint.empty() ? "the criteria that take verdicts are " + util::join(judged, ", ")
                                                   : fmt::format("did you mean '{}'?", hint)));
      }
    }
  }
}

std::string Roster::unknown(std::string_view reviewer) const {
  std::string message = fmt::format("unknown reviewer '{}', not on the roster {}; ", reviewer, m_source);
  // Assessments name the reviewer's id: a name would make two spellings of one reviewer,
  // which the checks for a second verdict and for conflicts would not match.
  for (const RosterReviewer& r : m_reviewers)
    if (r.name == reviewer)
      return message + fmt::format("it is the name of reviewer '{}': write the id '{}'", r.id, r.id);
  util::NearestWord by_id(reviewer), by_name(reviewer);
  for (const RosterReviewer& r : m_reviewers) {
    by_id.offer(r.id);
    by_name.offer(r.name);
  }
  if (std::string id = by_id.best(); !id.empty()) return message + fmt::format("did you mean '{}'?", id);
  if (std::string name = by_name.best(); !name.empty()) {
    auto r = std::find_if(m_reviewers.begin(), m_reviewers.end(), [&](const auto& x) { return x.name == name; });
    return message + fmt::format("did you mean '{}' ({})?", r->id, name);
  }
  return message + "add the reviewer to the roster or correct the name";
}

void check_reviewer(const Roster& roster, const Assessment& a, util::Diagnostics& diagnostics) {
  if (a.reviewer.empty()) return; // reported as a missing value
  const RosterReviewer* r = roster.find(a.reviewer);
  if (!r) {
    diagnostics.error(a.reviewer_where, roster.unknown(a.reviewer));
    return;
  }
  if (r->criteria.empty() || a.criterion.empty() ||
      std::find(r->criteria.begin(), r->criteria.end(), a.criterion) != r->criteria.end())
    return;
  diagnostics.error(a.criterion_where,
                    fmt::format("reviewer '{}' is not on the roster for '{}' ({}:{} lists {}); correct the criterion "
                                "or add it to the reviewer's criteria",
                                a.reviewer, a.criterion, roster.source(), r->where.line,
                                util::join(r->criteria, ", ")));
}

// The message for a conflict's reviewer who gave none of the assessments read.
static std::string unassessed(const Conflict& c, const AssessmentIndex& assessments) {
  util::NearestWord nearest(c.reviewer);
  for (const auto& [reviewer, count] : assessments.reviewer_counts()) nearest.offer(reviewer);
  std::string message =
      fmt::format("unknown reviewer '{}' in a conflict, who gave none of the assessments read; ", c.reviewer);
  if (std::string hint = nearest.best(); !hint.empty()) return message + fmt::format("did you mean '{}'?", hint);
  return message + "correct the name, or give the call's roster (--reviewers) if the reviewer has not assessed yet";
}

void check_conflict_reviewers(std::span<const Conflict> conflicts, const Roster* roster,
                              const AssessmentIndex* assessments, util::Diagnostics& diagnostics) {
  bool any_assessed = assessments && !assessments->reviewer_counts().empty();
  std::vector<std::string> unchecked_files;
  for (const Conflict& c : conflicts) {
    if (roster) {
      if (!roster->find(c.reviewer)) diagnostics.error(c.reviewer_where, roster->unknown(c.reviewer));
    } else if (any_assessed) {
      if (!assessments->has_reviewer(c.reviewer)) diagnostics.error(c.reviewer_where, unassessed(c, *assessments));
    } else if (std::find(unchecked_files.begin(), unchecked_files.end(), c.where.source) == unchecked_files.end()) {
      unchecked_files.push_back(c.where.source);
      diagnostics.error(c.reviewer_where,
                        "the conflicts' reviewers cannot be checked: no assessments were read and no roster was "
                        "given; give the call's roster (--reviewers) or the assessments");
    }
  }
}

void check_similar_reviewers(const AssessmentIndex& assessments, util::Severity severity,
                             util::Diagnostics& diagnostics) {
  auto counts = assessments.reviewer_counts();
  std::vector<std::string> names;
  for (const auto& [name, n] : counts) names.push_back(name);
  for (const auto& [name, n] : counts) {
    std::vector<std::string> others;
    for (const std::string& other : names)
      if (other != name) others.push_back(other);
    std::string near = util::nearest(name, others);
    if (near.empty()) continue;
    size_t near_n = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == near; })->second;
    if (n > near_n || (n == near_n && name > near)) continue; // reported at the rarer of the two
    diagnostics.add(util::Diagnostic{
        assessments.first_seen(name),
        severity,
        fmt::format("reviewer '{}' ({}) is spelt almost like '{}' ({}); if they are one person, correct the "
                    "name: as two reviewers, a conflict of interest declared for one does not leave out the "
                    "other's verdicts; the call's roster (--reviewers) checks every name",
                    name, util::count_of(n, "assessment"), near, util::count_of(near_n, "assessment")),
        {}});
  }
}

} // namespace fundscreen::core
