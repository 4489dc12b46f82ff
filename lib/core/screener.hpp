// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment_index.hpp"
#include "core/criteria_set.hpp"
#include "core/records.hpp"
#include "core/score.hpp"
#include "i18n/i18n.hpp"

namespace fundscreen::core {

// A criterion's outcome for one application.
enum class Status { pass, fail, unclear, pending };

// The decision on an application, in the order of precedence of the screening.
enum class Decision { fund, reserve, clarify, pending, reject };

std::string_view status_name(Status status);
std::string_view decision_name(Decision decision);

// The reason a criterion of `kind` gives for `status` whenever there is nothing more to say
// ("the rule holds"), or empty when its reason always says more (the reviewers' verdicts, a
// value the rule could not read), in `lang`. Writers may leave such a reason out.
std::string_view plain_reason(i18n::Lang lang, CriterionKind kind, Status status);

// One reviewer's verdict as the audit trail shows it.
struct Review {
  std::string reviewer;
  Verdict verdict = Verdict::unclear;
  std::optional<int> score_halves;
  // True if the verdict was derived from the score by the criterion's pass_score.
  bool derived = false;
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

// The most criteria an Outline holds: a bit each in its 64-bit masks.
inline constexpr size_t k_max_outline_criteria = 64;

// True if `set` is small enough for Screener::outline() (at most k_max_outline_criteria).
inline bool can_outline(const CriteriaSet& set) { return set.criteria.size() <= k_max_outline_criteria; }

// One application's decision without its trail: what the counts, the ranking and the csv
// format need. Criteria are bits by their index in the set (so a set of at most
// k_max_outline_criteria, see can_outline()); computing it allocates nothing.
struct Outline {
  // A view of the application's id: valid while the application is.
  std::string_view id;
  Decision decision = Decision::pending;
  bool eligible = false;
  uint64_t failed = 0;
  uint64_t unclear = 0;
  uint64_t pending = 0;
  std::optional<Score> score;
  Money amount;
};
static_assert(k_max_outline_criteria == std::numeric_limits<decltype(Outline::failed)>::digits);

// The criteria ids of the bits of `mask`, in the set's order, each followed by `separator`
// except the last, appended to `out`.
void append_criteria(std::string& out, const CriteriaSet& set, uint64_t mask, std::string_view separator);

// The step that decided, for a person: "failed C6, C8", "eligible" in `lang`; the same text
// as Assessed::decided_by of a Screener in `lang`.
std::string decided_by(const CriteriaSet& set, const Outline& outline, i18n::Lang lang);

// Screens applications against a criteria set: rules, reviewers' verdicts, conflicts of
// interest and score thresholds. Pure: it reads nothing but what it is given.
class Screener {
public:
  // `assessments` and `conflicts` may be null (no reviews given). The reasons and
  // Assessed::decided_by come out in `lang`.
  Screener(const CriteriaSet& set, const AssessmentIndex* assessments, const ConflictIndex* conflicts,
           i18n::Lang lang = i18n::Lang::en);

  // Every criterion's outcome and the decision the precedence gives; with `trace` the rules
  // record the values they read.
  Assessed assess(const Application& app, TraceReads trace) const;
  // As assess(), into `out`, reusing the memory of an earlier application's assessment (its
  // strings, vectors and the values its rules read): a worker that keeps one allocates
  // little once warm.
  void assess_into(const Application& app, TraceReads trace, Assessed& out) const;

  // True if the set is small enough for outline(): core::can_outline().
  bool can_outline() const { return core::can_outline(m_set); }
  // The decision alone, as assess() would give it, without allocating; needs can_outline().
  Outline outline(const Application& app) const;

private:
  // The reviewers' side of criterion `index` from the stored verdicts, with the mean score.
  Status review_outline(size_t index, std::span<const AssessmentIndex::Entry> entries, const std::string& id,
                        const Application& app, std::optional<Score>& mean) const;
  // The decision from the criteria's outcomes in `o` (reject, clarify, pending, or eligible
  // with its ranking score); `weighted` is the weighted reviewer score, if there is one.
  void decide(Outline& o, const Application& app, std::optional<Score> weighted) const;
  void assess_criterion(const Criterion& c, const Application& app, std::span<const Review> reviews, TraceReads trace,
                        CriterionResult& result) const;
  // The verdicts on application `id`, each with the index of its criterion.
  std::vector<std::pair<int, Review>> reviews_of(const Application& app, const std::string& id) const;
  // The weighted mean of the reviewers' scores of the weighted criteria, if any.
  static std::optional<Score> weighted_score(std::span<const CriterionResult> criteria);

  const CriteriaSet& m_set;
  const AssessmentIndex* m_assessments;
  const ConflictIndex* m_conflicts;
  i18n::Lang m_lang;
  int m_id_field;
  int m_amount_field;
  int m_applicant_field;
  // The rules of the rule criteria as one flat program for outline(), and the criteria it
  // covers as bits; immutable, so outline() may run on several threads at once.
  std::shared_ptr<const RuleProgram> m_rules;
  uint64_t m_rule_bits = 0;
};

// A value as an exact score for ranking: money, integers, numbers, dates; nothing otherwise.
std::optional<Score> to_score(const Value& value);

} // namespace fundscreen::core
