// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/criteria_set.hpp"
#include "core/records.hpp"
#include "i18n/i18n.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::core {

class IdRegistry;

// A reviewer's declared conflict of interest: with one application, or with every
// application of one applicant.
struct Conflict {
  Conflict() = default;
  Conflict(std::string reviewer_, std::string application_, std::string applicant_)
      : reviewer(std::move(reviewer_)), application(std::move(application_)), applicant(std::move(applicant_)) {}

  std::string reviewer;
  std::string application;
  std::string applicant;
  // Where the row and its cells were read (empty for a conflict made in code).
  util::Location where;
  util::Location reviewer_where;
  util::Location application_where;
  util::Location applicant_where;
};

// The reviewers' verdicts of a call, kept compact because a large call has millions: one
// small entry a verdict, reviewer names and notes stored once, grouped by application.
class AssessmentIndex {
public:
  // One verdict as stored.
  struct Entry {
    uint32_t application = 0; // index into the application ids seen
    uint32_t line = 0;
    uint32_t reviewer = 0; // index into reviewer()
    int32_t note = -1;     // index into note(), -1: no note
    uint16_t column = 0;   // of the application cell
    uint8_t criterion = 0; // index in the set's criteria
    uint8_t source = 0;    // index of the file it came from
    Verdict verdict = Verdict::unclear;
    int8_t score_halves = -1; // -1: no score
    bool derived = false;     // the verdict derived from the score by the criterion's pass_score
  };

  explicit AssessmentIndex(const CriteriaSet& set) : m_set(&set) {}

  // Adds `a` with the verdict that counts (written, or derived from its score by the
  // criterion's pass_score); an assessment of a criterion the set does not have is left out
  // (see check_assessment, which reports it), one with no verdict that counts is unclear.
  void add(const Assessment& a);
  // Counts `a` for its reviewer, whether it could be added or not: the reviewers the
  // assessments name, for conflicts to be checked against and for `validate` to list.
  void count_reviewer(const Assessment& a);
  // The reviewers counted, each with their number of assessments, in the order first read.
  std::vector<std::pair<std::string, size_t>> reviewer_counts() const;
  // Where count_reviewer() first met `reviewer`'s name (the reviewer cell), or nowhere.
  util::Location first_seen(const std::string& reviewer) const;
  // True if `reviewer` gave an assessment that was counted.
  bool has_reviewer(const std::string& reviewer) const;
  // The verdicts on application `id`, in the order they were added.
  std::span<const Entry> of(const std::string& id) const;
  // Reports what needs all verdicts at once: a reviewer who assessed one criterion of one
  // application twice, and, if `ids` is given, verdicts on applications not in the inputs.
  void check(const IdRegistry* ids, util::Diagnostics& diagnostics) const;

  const std::string& reviewer(uint32_t index) const { return m_reviewers[index]; }
  const std::string& note(int32_t index) const { return m_notes[index]; }
  size_t size() const { return m_entries.size(); }

  // Groups the verdicts by application, which of() otherwise does on its first call: after
  // it, of() may be called from several threads at once.
  void group() const;

private:
  util::Location where(const Entry& e, int column) const;

  const CriteriaSet* m_set;
  std::unordered_map<std::string, uint32_t> m_application_index;
  std::vector<const std::string*> m_application_ids;
  std::unordered_map<std::string, uint32_t> m_reviewer_index;
  std::vector<std::string> m_reviewers;
  std::vector<size_t> m_assessments_by;     // assessments by each of m_reviewers
  std::vector<util::Location> m_first_seen; // where each of m_reviewers was first named
  std::vector<std::string> m_notes;
  std::vector<std::string> m_sources;
  // Grouped by application on first read; `m_offsets[a]` is where application a starts.
  mutable std::vector<Entry> m_entries;
  mutable std::vector<uint32_t> m_offsets;
  mutable bool m_grouped = false;
};

// Reports what one assessment alone shows is wrong: an unknown criterion (with a
// suggestion), a rule criterion, which takes no verdicts, or a verdict that is missing or
// that its score contradicts (check_verdict). True if it can be used.
bool check_assessment(const CriteriaSet& set, const Assessment& a, util::Diagnostics& diagnostics);

// The conflicts of interest, ready to ask whether a reviewer is out for an application.
class ConflictIndex {
public:
  void add(const Conflict& c);
  // The conflicts added, in order.
  std::span<const Conflict> conflicts() const { return m_conflicts; }
  // Why `reviewer` is left out of application `id` of `applicant` (in `lang`), or nothing.
  std::optional<std::string> excludes(const std::string& reviewer, const std::string& id, const std::string& applicant,
                                      i18n::Lang lang = i18n::Lang::en) const;
  bool empty() const { return m_by_application.empty() && m_by_applicant.empty(); }

private:
  std::vector<Conflict> m_conflicts;
  std::unordered_set<std::string> m_by_application;
  std::unordered_set<std::string> m_by_applicant;
};

} // namespace fundscreen::core
