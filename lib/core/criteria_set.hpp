// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/records.hpp"
#include "core/rule.hpp"
#include "util/error.hpp"

namespace fundscreen::core {

// A text in the three languages of the source case; any may be empty.
struct Titles {
  std::string fi;
  std::string sv;
  std::string en;
  // The text in `lang` (fi, sv or en), falling back to English, then Finnish.
  const std::string& in(std::string_view lang) const;
};

// A value together with where it was written.
template <typename T> struct Located {
  T value;
  util::Location where;
};

// The call: its name, deadline and budget, and the parameters its rules may read as `call.NAME`.
struct Call {
  std::string name;
  std::optional<Date> deadline;
  std::optional<Money> budget;
  std::string currency;
  // Every value a rule can read as call.NAME, the named ones above included.
  std::vector<NamedValue> values;
  std::vector<util::Location> value_where;
};

enum class CriterionKind { rule, judgement, both };

// The name a criteria set uses for `kind`.
std::string_view kind_name(CriterionKind kind);

// A decimal kept exactly in thousandths (weights, score thresholds).
struct Thousandths {
  int64_t value = 0;
  auto operator<=>(const Thousandths&) const = default;
};

// `t` as a short decimal: `2`, `0.5`, `3.25`.
std::string to_string(Thousandths t);

struct Criterion {
  std::string id;
  util::Location where;
  Titles title;
  CriterionKind kind = CriterionKind::rule;
  util::Location kind_where;
  // The rule's text and compiled form, for `rule` and `both` criteria.
  std::optional<Rule> rule;
  util::Location rule_where;
  // True when the set has a rule for it, even one that did not compile.
  bool rule_written = false;
  // The score weight; criteria without one do not count in the ranking score.
  std::optional<Thousandths> weight;
  util::Location weight_where;
  // Horizon Europe style: a mean reviewer score below this fails the criterion.
  std::optional<Thousandths> min_score;
  util::Location min_score_where;
  // A reviewer's score at or above this passes the criterion, below it fails: the verdict is
  // derived from the score (core/pass_score.hpp), so an assessment needs only a score.
  std::optional<Thousandths> pass_score;
  util::Location pass_score_where;
  // The verdicts (not left out for a conflict) it needs before it is decided; else the set's.
  std::optional<int64_t> min_reviewers;
  util::Location min_reviewers_where;
  std::vector<Located<std::string>> protects;
};

// What a criterion exists to secure, and the indicator over an outcome report that shows it.
struct Impact {
  std::string id;
  util::Location where;
  std::string description;
  std::optional<Rule> indicator;
  util::Location indicator_where;
  // True when the set has an indicator for it, even one that did not compile.
  bool indicator_written = false;
};

enum class SortOrder { ascending, descending };

// One step of the tie-break order: a criterion's mean score or an application field.
struct TieBreak {
  enum class Key { criterion_score, field };
  Key key = Key::field;
  std::string name;
  SortOrder order = SortOrder::ascending;
  util::Location where;
};

struct Ranking {
  enum class By { reviewer_scores, expression };
  By by = By::reviewer_scores;
  // With By::expression: a number, integer or money computed from the application.
  std::optional<Rule> expression;
  // An eligible application whose weighted total is below this is rejected.
  std::optional<Thousandths> min_total;
  util::Location min_total_where;
  std::vector<TieBreak> tie_break;
  // Where the `ranking` section is, if the set has one.
  util::Location where;
};

// When `impact` shows a criterion or impact red or yellow. Green: every known result held;
// yellow: some failed; red: more than `red_failed_share` of the known results failed, or too
// little data (fewer than `min_known` known results, or more than `max_unknown_share` unknown).
struct LightThresholds {
  Thousandths red_failed_share{500};
  int64_t min_known = 1;
  Thousandths max_unknown_share{500};
  util::Location where;
  bool operator==(const LightThresholds& o) const {
    return red_failed_share == o.red_failed_share && min_known == o.min_known &&
           max_unknown_share == o.max_unknown_share;
  }
};

// The set-wide rules for reviews (the `reviews` section).
struct Reviews {
  // The verdicts a judgement or both criterion needs unless it sets its own; fewer: pending.
  int64_t min_reviewers = 1;
  util::Location min_reviewers_where;
  // The scale of the reviewers' scores: 0 to 5 unless the set says otherwise. Scores outside
  // it are errors; min_score and min_total are on it.
  ScoreScale scale;
  util::Location scale_where;
};

// How the funding line is drawn: `strict` stops at the first application that does not fit
// the remaining budget; `skip` passes over it and goes on to smaller ones.
enum class FundingPolicy { strict, skip };

// A funding pool (funding: pools): a budget of its own, drawn by the applications whose pool
// field (funding: pool_field) names its id; each pool has its own funding line.
struct Pool {
  std::string id;
  std::optional<Money> budget; // lint reports one missing or below zero
  util::Location where;
  util::Location budget_where;
};

// What the decision letters say besides the screening (the `letters` section): who sends them,
// how they are signed, how to ask for a review of the decision, and whom to contact, each in
// the three languages; a text missing in a letter's language shows as a placeholder there.
struct Letters {
  Titles sender;
  Titles signature;
  Titles appeal;
  Titles contact;       // optional: no placeholder when missing
  util::Location where; // of the section; line 0 when the set has none
  util::Location sender_where;
  util::Location signature_where;
  util::Location appeal_where;
  util::Location contact_where;
};

// The whole definition of a call's screening, read from one criteria file.
struct CriteriaSet {
  std::string id;
  std::string version;
  Titles title;
  std::string source;
  // The language of the output when the command line names none (`lang:`): fi, sv, en or
  // empty (none given: English).
  std::string lang;
  Call call;
  std::vector<FieldSpec> fields;
  std::vector<util::Location> field_where;
  std::vector<Criterion> criteria;
  std::vector<Impact> impacts;
  Ranking ranking;
  FundingPolicy funding = FundingPolicy::strict;
  // The money field whose sum the funding line keeps within the budget.
  std::string funding_amount = "requested_eur";
  util::Location funding_amount_where;
  LightThresholds lights;
  // True if resolutions may fund more than the budget (funding: allow_overspend: true).
  bool allow_overspend = false;
  // The field naming each application's pool, and the pools (both empty: one budget).
  std::string pool_field;
  util::Location pool_field_where;
  std::vector<Pool> pools;
  util::Location pools_where;
  // True if the call gave no budget and call.budget is the pools' sum.
  bool budget_from_pools = false;
  Reviews reviews;
  Letters letters;

  // The verdicts criterion `c` needs before it is decided: its own min_reviewers, else the set's.
  int64_t min_reviewers(const Criterion& c) const { return c.min_reviewers.value_or(reviews.min_reviewers); }
  // True if some criterion derives its reviewers' verdicts from their scores (a pass_score).
  bool has_pass_score() const;
  // The index of the field called `name`, or -1.
  int field_index(std::string_view name) const;
  // The criterion with `id`, or null.
  const Criterion* criterion(std::string_view id) const;
  // The index of the pool with `id`, or -1.
  int pool_index(std::string_view id) const;
};

// The fields of an outcome report, as impact indicators read them (`outcome.continued`).
std::span<const FieldSpec> outcome_fields();

} // namespace fundscreen::core
