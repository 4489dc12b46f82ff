// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/criteria_set.hpp"
#include "core/records.hpp"

namespace fundscreen::core {

// A reviewer's declared conflict of interest: with one application, or with every
// application of one applicant.
struct Conflict {
  std::string reviewer;
  std::string application;
  std::string applicant;
};

// The reviewers' verdicts of a call, grouped by application and kept compact: reviewer
// names and notes are stored once.
class AssessmentIndex {
public:
  // One verdict as stored.
  struct Entry {
    int criterion = 0; // index in the set's criteria
    int reviewer = 0;  // index into reviewers()
    Verdict verdict = Verdict::unclear;
    int8_t score_halves = -1; // -1: no score
    int note = -1;            // index into notes(), -1: no note
  };

  explicit AssessmentIndex(const CriteriaSet& set) : m_set(&set) {}

  // Adds `a`; an assessment of a criterion the set does not have is ignored (validate
  // reports it).
  void add(const Assessment& a);
  // The verdicts on application `id`, in the order they were added.
  std::span<const Entry> of(const std::string& id) const;

  const std::string& reviewer(int index) const { return m_reviewers[index]; }
  const std::string& note(int index) const { return m_notes[index]; }
  size_t size() const { return m_count; }

private:
  const CriteriaSet* m_set;
  std::unordered_map<std::string, std::vector<Entry>> m_by_application;
  std::vector<std::string> m_reviewers;
  std::unordered_map<std::string, int> m_reviewer_index;
  std::vector<std::string> m_notes;
  size_t m_count = 0;
};

// The conflicts of interest, ready to ask whether a reviewer is out for an application.
class ConflictIndex {
public:
  void add(const Conflict& c);
  // Why `reviewer` is left out of application `id` of `applicant`, or nothing.
  std::optional<std::string> excludes(const std::string& reviewer, const std::string& id,
                                      const std::string& applicant) const;
  bool empty() const { return m_by_application.empty() && m_by_applicant.empty(); }

private:
  std::unordered_set<std::string> m_by_application;
  std::unordered_set<std::string> m_by_applicant;
};

} // namespace fundscreen::core
