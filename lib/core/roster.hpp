// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/assessment_index.hpp"
#include "core/criteria_set.hpp"
#include "core/records.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::core {

// One reviewer on a call's roster.
struct RosterReviewer {
  // What assessments and conflicts name the reviewer by, matched exactly.
  std::string id;
  std::string name;
  // The criteria the reviewer assesses; empty: any.
  std::vector<std::string> criteria;
  util::Location where;
  util::Location criteria_where;
};

// A call's roster of reviewers: who may give verdicts, and on which criteria.
class Roster {
public:
  // `source` names the roster's file in messages.
  explicit Roster(std::string source) : m_source(std::move(source)) {}

  // Adds `reviewer`; an id already on the roster is an error naming the line of the first.
  void add(RosterReviewer reviewer, util::Diagnostics& diagnostics);
  // The reviewer with `id`, or null.
  const RosterReviewer* find(std::string_view id) const;
  const std::string& source() const { return m_source; }
  std::span<const RosterReviewer> reviewers() const { return m_reviewers; }

  // Reports each listed criterion that `set` lacks (with a suggestion) or that its rule
  // decides (it takes no verdicts).
  void check(const CriteriaSet& set, util::Diagnostics& diagnostics) const;
  // The message for `reviewer`, which is no id on the roster, with the fix: the id whose
  // name it is, or the nearest id or name.
  std::string unknown(std::string_view reviewer) const;

private:
  std::string m_source;
  std::vector<RosterReviewer> m_reviewers;
  std::unordered_map<std::string, size_t> m_index;
};

// With a roster: reports an assessment whose reviewer is not on it (at the reviewer's cell),
// or whose criterion is not among the criteria the roster lists for its reviewer (at the
// criterion's cell).
void check_reviewer(const Roster& roster, const Assessment& a, util::Diagnostics& diagnostics);

// Reports each conflict whose reviewer is unknown: not on `roster` when there is one, else
// one who gave none of the assessments `assessments` counted. Without a roster and without any
// assessment no reviewer can be checked: that is an error once a file, at its first conflict.
void check_conflict_reviewers(std::span<const Conflict> conflicts, const Roster* roster,
                              const AssessmentIndex* assessments, util::Diagnostics& diagnostics);

// Without a roster: reports each reviewer whose name is so near another's (`Liisa Heikkila`
// beside `Liisa Heikkilä`) that it is likely the same person misspelt, at the first assessment
// of the one named less often, with `severity` (a warning, an error with --strict). Left as
// two reviewers, a conflict of interest declared for one would not leave out the other's
// verdicts, nor would one person's second verdict on a criterion be found.
void check_similar_reviewers(const AssessmentIndex& assessments, util::Severity severity,
                             util::Diagnostics& diagnostics);

} // namespace fundscreen::core
