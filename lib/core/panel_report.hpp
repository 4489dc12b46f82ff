// SPDX-License-Identifier: Apache-2.0
// `fundscreen reviews`: what a panel chair needs before the panel meets. Who still owes
// assessments, where the reviewers' scores spread or their verdicts disagree, and how well the
// panel agrees on each criterion (Krippendorff's alpha). Pure: the run feeds it the screened
// applications.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/assessment_index.hpp"
#include "core/criteria_set.hpp"
#include "core/records.hpp"
#include "core/roster.hpp"
#include "core/screener.hpp"

namespace fundscreen::core {

// Krippendorff's alpha with the interval metric over scores: units are applications, coders
// reviewers, and only units with at least two values are pairable. Computed exactly on
// half-point integers: alpha = 1 - D_o / D_e, D_o = (1/n) sum_u sum_{i != j in u}
// (v_i - v_j)^2 / (m_u - 1), D_e = sum_{i != j} (v_i - v_j)^2 / (n (n - 1)) over the n
// pairable values.
class AlphaTally {
public:
  // Adds one unit's values (scores in half points); a unit of fewer than two adds nothing.
  void add_unit(std::span<const int> halves);

  struct Result {
    // The pairable values (n) and the pairs of values within units behind them.
    size_t values = 0;
    size_t pairs = 0;
    // Alpha rounded to thousandths (half away from zero), if it is defined.
    std::optional<int64_t> thousandths;
    // Why alpha is undefined: "no pairable values" or "no variance"; empty when defined.
    std::string undefined;
  };
  Result result() const;

private:
  __extension__ using Wide = __int128;
  // Per unit size m: the sum over its units of m * sum(v^2) - (sum v)^2, by m ascending.
  std::vector<std::pair<int64_t, Wide>> m_within;
  int64_t m_values = 0;
  int64_t m_pairs = 0;
  Wide m_sum = 0;
  Wide m_squares = 0;
};

// Alpha in thousandths as text with three decimals: 849 -> "0.849", -125 -> "-0.125".
std::string thousandths_text(int64_t thousandths);

// One assessment a reviewer owes: the application and the criteria not yet assessed.
struct OwedAssessment {
  std::string application;
  std::vector<std::string> criteria;
};

// One reviewer's load.
struct ReviewerLoad {
  std::string reviewer;
  bool on_roster = false;
  // From the roster; nothing without one, or for a reviewer who is not on it.
  std::optional<size_t> assigned;
  // Assessments given (also those left out for a conflict, or of applications not assigned).
  size_t done = 0;
  // Of those, the ones not assigned (on an application a rule rejects, one of a declared
  // conflict, a criterion not the reviewer's): done - unassigned + owed = assigned. Nothing
  // when assigned is unknown.
  std::optional<size_t> unassigned;
  // The assigned assessments not given, counted and by application in input order.
  std::optional<size_t> owed;
  std::vector<OwedAssessment> owed_by_application;
  // Conflicts of interest the reviewer declared.
  size_t conflicts = 0;
};

// One application's scores and verdicts on one judged criterion, from the reviewers who
// count (a conflict leaves a reviewer out).
struct ScoreSpread {
  std::string application;
  size_t scores = 0; // reviewers who gave a score
  int min_halves = 0;
  int max_halves = 0;
  size_t pass = 0;
  size_t fail = 0;
  // A pass and a fail among the verdicts (those pass_score derived count).
  bool disagree() const { return pass > 0 && fail > 0; }
};

// One judged criterion (judgement or both).
struct CriterionAgreement {
  const Criterion* criterion = nullptr;
  // Each application with a verdict or a score on it, in input order.
  std::vector<ScoreSpread> applications;
  AlphaTally::Result alpha;
};

struct PanelReport {
  bool roster = false;
  size_t applications = 0;
  // Applications that need the reviewers' judgement: not rejected by a rule.
  size_t judged_applications = 0;
  std::vector<ReviewerLoad> reviewers;
  std::vector<CriterionAgreement> criteria;
};

// Builds the panel report from the screened applications, given in input order.
//
// Assigned, with a roster: each reviewer's criteria (all judged criteria when the roster lists
// none) times the applications that need the reviewers' judgement, that is every application
// whose rules (of rule criteria and of both criteria) all pass or are unclear, less those
// where the reviewer declared a conflict (by application or by applicant).
class PanelTally {
public:
  // `roster` may be null (assigned and owed then unknown); `conflicts` may be null.
  PanelTally(const CriteriaSet& set, const Roster* roster, const ConflictIndex* conflicts);

  // One application screened with its trail (`assessed` holds every reviewer's verdict,
  // with those a conflict leaves out marked), of `applicant` (empty if none).
  void add(const Assessed& assessed, const std::string& applicant);

  // The report; reviewers in roster order, then those seen only in assessments in the order
  // of `reviewer_order` (the order the assessments named them), then any others as met.
  PanelReport finish(std::span<const std::string> reviewer_order) const;

private:
  ReviewerLoad& load_of(const std::string& reviewer);

  const CriteriaSet& m_set;
  const Roster* m_roster;
  const ConflictIndex* m_conflicts;
  // Indices of the judged criteria in the set.
  std::vector<size_t> m_judged;
  PanelReport m_report;
  std::unordered_map<std::string, size_t> m_load_index;
  std::vector<AlphaTally> m_alpha; // by entry of m_judged
};

} // namespace fundscreen::core
