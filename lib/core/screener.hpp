// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/assessment_index.hpp"
#include "core/criteria_set.hpp"
#include "core/records.hpp"
#include "core/score.hpp"

namespace fundscreen::core {

// A criterion's outcome for one application.
enum class Status { pass, fail, unclear, pending };

// The decision on an application, in the order of precedence of the screening.
enum class Decision { fund, reserve, clarify, pending, reject };

std::string_view status_name(Status status);
std::string_view decision_name(Decision decision);

// One reviewer's verdict as the audit trail shows it.
struct Review {
  std::string reviewer;
  Verdict verdict = Verdict::unclear;
  std::optional<int> score_halves;
  std::string note;
  // Why the verdict was left out (a conflict of interest), or empty.
  std::string left_out;
};

// How one criterion went for one application, with everything that decided it.
struct CriterionResult {
  const Criterion* criterion = nullptr;
  Status status = Status::pending;
  std::string reason;
  // The rule's result, for rule and both criteria.
  std::optional<RuleResult> rule;
  Status rule_status = Status::pass;
  // The reviewers' verdicts, for judgement and both criteria.
  std::vector<Review> reviews;
  Status review_status = Status::pass;
  std::optional<Score> mean_score;
};

// One application screened against every criterion, before the ranking.
struct Assessed {
  std::string id;
  Money amount;
  std::vector<CriterionResult> criteria;
  // reject, clarify or pending; for an eligible application fund until the funding line says.
  Decision decision = Decision::pending;
  bool eligible = false;
  // The ranking score (weighted reviewer scores or the ranking expression), if there is one.
  std::optional<Score> score;
  // The step that decided, for a person: "failed C6, C8".
  std::string decided_by;
  std::vector<std::string> failed;
  std::vector<std::string> unclear;
  std::vector<std::string> pending;
};

// Screens applications against a criteria set: rules, reviewers' verdicts, conflicts of
// interest and score thresholds. Pure: it reads nothing but what it is given.
class Screener {
public:
  // `assessments` and `conflicts` may be null (no reviews given).
  Screener(const CriteriaSet& set, const AssessmentIndex* assessments, const ConflictIndex* conflicts);

  // Every criterion's outcome and the decision the precedence gives; with `trace` the rules
  // record the values they read.
  Assessed assess(const Application& app, TraceReads trace) const;

private:
  CriterionResult assess_criterion(const Criterion& c, const Application& app, std::span<const Review> reviews,
                                   TraceReads trace) const;
  // The verdicts on application `id`, each with the index of its criterion.
  std::vector<std::pair<int, Review>> reviews_of(const Application& app, const std::string& id) const;
  void decide(Assessed& result, const Application& app) const;
  std::optional<Score> ranking_score(const Assessed& result, const Application& app) const;

  const CriteriaSet& m_set;
  const AssessmentIndex* m_assessments;
  const ConflictIndex* m_conflicts;
  int m_id_field;
  int m_amount_field;
  int m_applicant_field;
};

// A value as an exact score for ranking: money, integers, numbers, dates; nothing otherwise.
std::optional<Score> to_score(const Value& value);

} // namespace fundscreen::core
