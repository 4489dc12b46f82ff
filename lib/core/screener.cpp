// SPDX-License-Identifier: Apache-2.0
#include "core/screener.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include <fmt/format.h>

#include "core/rule_program.hpp"
#include "util/text.hpp"

namespace fundscreen::core {

std::string_view status_name(Status status) {
  switch (status) {
  case Status::pass: return "pass";
  case Status::fail: return "fail";
  case Status::unclear: return "unclear";
  case Status::pending: return "pending";
  }
  return "pending";
}

std::string_view decision_name(Decision decision) {
  switch (decision) {
  case Decision::fund: return "fund";
  case Decision::reserve: return "reserve";
  case Decision::clarify: return "clarify";
  case Decision::pending: return "pending";
  case Decision::reject: return "reject";
  }
  return "pending";
}

// A double as the exact fraction it stores, so that equal doubles tie and no rounding orders.
static Score exact_fraction(double d) {
  if (d == 0 || !std::isfinite(d)) return Score(0, 1);
  int exponent = 0;
  double mantissa = std::frexp(d, &exponent); // d = mantissa * 2^exponent, 0.5 <= |mantissa| < 1
  int64_t m = static_cast<int64_t>(std::ldexp(mantissa, 53));
  int shift = 53 - exponent;          // d = m / 2^shift
  for (; shift > 62; --shift) m /= 2; // beyond int64: drop precision below 2^-62
  if (shift > 0) {
    // Halve an even m as long as a power of two divides both: at most `shift` times.
    int twos = std::min(std::countr_zero(static_cast<uint64_t>(m)), shift);
    m /= int64_t{1} << twos;
    shift -= twos;
  }
  if (shift <= 0) return Score(m * (int64_t{1} << std::min(-shift, 9)), 1);
  return Score(m, int64_t{1} << shift);
}

std::optional<Score> to_score(const Value& value) {
  if (auto m = std::get_if<Money>(&value)) return Score(m->cents, 100);
  if (auto i = std::get_if<int64_t>(&value)) return Score(*i, 1);
  if (auto d = std::get_if<double>(&value)) return exact_fraction(*d);
  if (auto date = std::get_if<Date>(&value)) return Score(date->days, 1);
  if (auto b = std::get_if<bool>(&value)) return Score(*b ? 1 : 0, 1);
  return std::nullopt;
}

Screener::Screener(const CriteriaSet& set, const AssessmentIndex* assessments, const ConflictIndex* conflicts,
                   i18n::Lang lang)
    : m_set(set), m_assessments(assessments), m_conflicts(conflicts), m_lang(lang), m_id_field(set.field_index("id")),
      m_amount_field(set.field_index(set.funding_amount)), m_applicant_field(set.field_index("applicant")) {
  auto rules = std::make_shared<RuleProgram>();
  for (size_t i = 0; i < set.criteria.size() && i < k_max_outline_criteria; ++i) {
    const Criterion& c = set.criteria[i];
    if (c.kind == CriterionKind::rule && c.rule && rules->add_verdict(*c.rule, static_cast<int>(i)))
      m_rule_bits |= uint64_t{1} << i;
  }
  if (m_rule_bits) m_rules = std::move(rules);
}

static const std::string& text_field(const Application& app, int field) {
  static const std::string k_empty;
  if (field < 0) return k_empty;
  const auto* s = std::get_if<std::string>(&app.values[field]);
  return s ? *s : k_empty;
}

std::vector<std::pair<int, Review>> Screener::reviews_of(const Application& app, const std::string& id) const {
  std::vector<std::pair<int, Review>> reviews;
  if (!m_assessments) return reviews;
  for (const auto& e : m_assessments->of(id)) {
    Review r;
    r.reviewer = m_assessments->reviewer(e.reviewer);
    r.verdict = e.verdict;
    r.derived = e.derived;
    if (e.score_halves >= 0) r.score_halves = e.score_halves;
    if (e.note >= 0) r.note = m_assessments->note(e.note);
    if (m_conflicts)
      r.left_out = m_conflicts->excludes(r.reviewer, id, text_field(app, m_applicant_field), m_lang).value_or("");
    reviews.emplace_back(e.criterion, std::move(r));
  }
  return reviews;
}

// "the reviewer passed it", "both reviewers passed it", "all 3 reviewers passed it" (the
// whole sentence, as the verb agrees with its subject in Finnish).
static std::string all_passed(i18n::Lang lang, size_t counted) {
  if (counted == 1) return std::string(i18n::tr(lang, "the reviewer passed it"));
  if (counted == 2) return std::string(i18n::tr(lang, "both reviewers passed it"));
  return i18n::trf(lang, "all {} reviewers passed it", counted);
}

static std::string all_failed(i18n::Lang lang, size_t counted) {
  if (counted == 1) return std::string(i18n::tr(lang, "the reviewer failed it"));
  if (counted == 2) return std::string(i18n::tr(lang, "both reviewers failed it"));
  return i18n::trf(lang, "all {} reviewers failed it", counted);
}

// The reviewers' side of a criterion from the verdicts that count (not left out for a
// conflict): fewer than `required` (none at least) pending, whatever they say; else all pass
// pass, all fail fail, otherwise unclear. assess() and outline() both decide by it.
static Status verdicts_status(size_t pass, size_t fail, size_t unclear, int64_t required) {
  size_t counted = pass + fail + unclear;
  if (counted == 0 || static_cast<int64_t>(counted) < required) return Status::pending;
  if (pass == counted) return Status::pass;
  return fail == counted ? Status::fail : Status::unclear;
}

// True if the reviewers' mean score fails criterion `c`'s min_score; not while the
// criterion awaits verdicts.
static bool below_min_score(const Criterion& c, Status reviews, const std::optional<Score>& mean) {
  return c.min_score && mean && reviews != Status::pending && *mean < Score(c.min_score->value, 1000);
}

// True if criterion `c`, which its reviewers pass, still awaits a score: the ranking weighs
// it, or it has a min_score, and no reviewer who counts gave one. Without the score the
// application would be ranked on its other criteria alone, or pass its min_score unseen.
static bool awaits_score(const CriteriaSet& set, const Criterion& c, Status reviews, const std::optional<Score>& mean) {
  if (reviews != Status::pass || mean) return false;
  bool weighed = c.weight && c.weight->value != 0 && set.ranking.by == Ranking::By::reviewer_scores;
  return weighed || c.min_score;
}

// The reviewers' side of a criterion needing `required` verdicts, with the reason.
static Status review_status(i18n::Lang lang, std::span<const Review> reviews, int64_t required, std::string& reason) {
  size_t pass = 0, fail = 0, unclear = 0, left_out = 0;
  for (const Review& r : reviews) {
    if (!r.left_out.empty()) {
      ++left_out;
      continue;
    }
    (r.verdict == Verdict::pass ? pass : (r.verdict == Verdict::fail ? fail : unclear))++;
  }
  size_t counted = pass + fail + unclear;
  Status status = verdicts_status(pass, fail, unclear, required);
  if (status == Status::pending) {
    reason = required > 1 ? i18n::trf(lang, "{} of {} required reviews", counted, required)
                          : std::string(i18n::tr(lang, "no reviewer's verdict yet"));
  } else if (status == Status::pass) {
    reason = all_passed(lang, counted);
  } else if (status == Status::fail) {
    reason = all_failed(lang, counted);
  } else {
    reason = unclear ? i18n::trnf(lang, "{} reviewer said unclear", "{} reviewers said unclear", unclear, unclear)
                     : i18n::trf(lang, "the reviewers disagree: {} pass, {} fail", pass, fail);
  }
  if (left_out) {
    reason += ' ';
    reason += i18n::trnf(lang, "({} left out for a conflict of interest)", "({} left out for a conflict of interest)",
                         left_out, left_out);
  }
  return status;
}

static std::optional<Score> mean_score(std::span<const Review> reviews) {
  int64_t halves = 0, n = 0;
  for (const Review& r : reviews) {
    if (!r.left_out.empty() || !r.score_halves) continue;
    halves += *r.score_halves;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return Score(halves, 2 * n);
}

// The stronger of two outcomes: fail before unclear before pending before pass.
static Status combine(Status a, Status b) {
  auto rank = [](Status s) {
    return s == Status::fail ? 3 : (s == Status::unclear ? 2 : (s == Status::pending ? 1 : 0));
  };
  return rank(a) >= rank(b) ? a : b;
}

std::string_view plain_reason(i18n::Lang lang, CriterionKind kind, Status status) {
  if (kind != CriterionKind::rule) return {};
  if (status == Status::pass) return i18n::tr(lang, "the rule holds");
  if (status == Status::fail) return i18n::tr(lang, "the rule does not hold");
  return {};
}

static void append_rule_reason(i18n::Lang lang, std::string& out, const RuleResult& r) {
  if (r.truth == Truth::yes) {
    out += plain_reason(lang, CriterionKind::rule, Status::pass);
  } else if (r.truth == Truth::no) {
    out += plain_reason(lang, CriterionKind::rule, Status::fail);
  } else {
    out += i18n::tr(lang, "the rule cannot be decided:");
    out += ' ';
    out += r.reason;
  }
}

void Screener::assess_criterion(const Criterion& c, const Application& app, std::span<const Review> reviews,
                                TraceReads trace, CriterionResult& result) const {
  result.criterion = &c;
  result.reason.clear();
  result.rule_status = Status::pass;
  result.review_status = Status::pass;
  result.mean_score.reset();
  Status status = Status::pass;
  bool reasons = false; // the reasons are joined with "; "
  if (c.kind != CriterionKind::judgement && c.rule) {
    if (!result.rule) result.rule.emplace();
    evaluate_into(*c.rule, RecordView{app.values, {}}, trace, *result.rule, m_lang);
    Truth t = result.rule->truth;
    result.rule_status = t == Truth::yes ? Status::pass : (t == Truth::no ? Status::fail : Status::unclear);
    status = result.rule_status;
    append_rule_reason(m_lang, result.reason, *result.rule);
    reasons = true;
  } else {
    result.rule.reset();
  }
  if (c.kind != CriterionKind::rule) {
    result.reviews.assign(reviews.begin(), reviews.end());
    std::string why;
    result.review_status = review_status(m_lang, result.reviews, m_set.min_reviewers(c), why);
    result.mean_score = mean_score(result.reviews);
    if (awaits_score(m_set, c, result.review_status, result.mean_score)) {
      result.review_status = Status::pending;
      why += ' ';
      why += c.min_score ? i18n::tr(m_lang, "but gave no score, which its min_score needs")
                         : i18n::tr(m_lang, "but gave no score, which the ranking needs");
    }
    status = combine(status, result.review_status);
    if (reasons) result.reason += "; ";
    result.reason += why;
    if (below_min_score(c, result.review_status, result.mean_score)) {
      status = Status::fail;
      result.reason += "; ";
      result.reason += i18n::trf(m_lang, "the mean score {} is below the minimum {}", to_string(*result.mean_score),
                                 to_string(*c.min_score));
    }
  } else {
    result.reviews.clear();
  }
  result.status = status;
}

// The words before the criteria that decided an outline with failed, unclear or pending
// criteria: "failed " in "failed C6, C8".
static std::string_view decided_prefix(i18n::Lang lang, const Outline& o) {
  if (o.failed) return i18n::tr(lang, "failed ");
  return o.unclear ? i18n::tr(lang, "unclear ") : i18n::tr(lang, "awaiting verdicts on ");
}

// The failed, unclear or pending criteria of an outline, as `append(out, mask)` writes them.
template <typename Append>
static std::string decided_text(const CriteriaSet& set, const Outline& o, i18n::Lang lang, Append append) {
  std::string out;
  if (o.failed || o.unclear || o.pending) {
    out = decided_prefix(lang, o);
    append(out, o.failed ? o.failed : (o.unclear ? o.unclear : o.pending));
    return out;
  }
  if (o.decision == Decision::reject)
    return i18n::trf(lang, "score {} is below the minimum total {}",
                     o.score ? to_string_below(*o.score, Score(set.ranking.min_total->value, 1000))
                             : std::string(i18n::tr(lang, "(none)")),
                     to_string(*set.ranking.min_total));
  if (o.decision == Decision::pending)
    return std::string(i18n::tr(lang, "awaiting its ranking score: the ranking expression has no value"));
  return std::string(i18n::tr(lang, "eligible"));
}

void append_criteria(std::string& out, const CriteriaSet& set, uint64_t mask, std::string_view separator) {
  bool first = true;
  for (size_t i = 0; mask != 0 && i < set.criteria.size(); ++i, mask >>= 1) {
    if (!(mask & 1)) continue;
    if (!first) out += separator;
    out += set.criteria[i].id;
    first = false;
  }
}

std::string decided_by(const CriteriaSet& set, const Outline& outline, i18n::Lang lang) {
  return decided_text(set, outline, lang,
                      [&](std::string& out, uint64_t mask) { append_criteria(out, set, mask, ", "); });
}

Assessed Screener::assess(const Application& app, TraceReads trace) const {
  Assessed result;
  assess_into(app, trace, result);
  return result;
}

// The ids of `list` joined with ", ", appended to `out`.
static void append_ids(std::string& out, const std::vector<std::string>& list) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out += ", ";
    out += list[i];
  }
}

void Screener::assess_into(const Application& app, TraceReads trace, Assessed& result) const {
  result.id = text_field(app, m_id_field);
  result.amount = Money{};
  if (m_amount_field >= 0)
    if (auto m = std::get_if<Money>(&app.values[m_amount_field])) result.amount = *m;
  std::vector<std::pair<int, Review>> all = reviews_of(app, result.id);
  result.failed.clear();
  result.unclear.clear();
  result.pending.clear();
  result.criteria.resize(m_set.criteria.size());
  std::vector<Review> mine;
  for (size_t i = 0; i < m_set.criteria.size(); ++i) {
    mine.clear();
    for (auto& [criterion, review] : all)
      if (criterion == static_cast<int>(i)) mine.push_back(review);
    CriterionResult& r = result.criteria[i];
    assess_criterion(m_set.criteria[i], app, mine, trace, r);
    const std::string& id = m_set.criteria[i].id;
    if (r.status == Status::fail) result.failed.push_back(id);
    if (r.status == Status::unclear) result.unclear.push_back(id);
    if (r.status == Status::pending) result.pending.push_back(id);
  }
  // Any number of criteria: the outline's masks only say whether there are any.
  Outline o;
  o.failed = result.failed.empty() ? 0 : 1;
  o.unclear = result.unclear.empty() ? 0 : 1;
  o.pending = result.pending.empty() ? 0 : 1;
  decide(o, app, o.failed || o.unclear || o.pending ? std::nullopt : weighted_score(result.criteria));
  result.decision = o.decision;
  result.eligible = o.eligible;
  result.score = o.score;
  result.decided_by.clear();
  if (o.failed || o.unclear || o.pending) {
    result.decided_by = decided_prefix(m_lang, o);
    append_ids(result.decided_by, o.failed ? result.failed : (o.unclear ? result.unclear : result.pending));
  } else {
    result.decided_by = decided_text(m_set, o, m_lang, [](std::string&, uint64_t) {});
  }
}

Status Screener::review_outline(size_t index, std::span<const AssessmentIndex::Entry> entries, const std::string& id,
                                const Application& app, std::optional<Score>& mean) const {
  size_t pass = 0, fail = 0, unclear = 0;
  int64_t halves = 0, scored = 0;
  bool conflicts = m_conflicts && !m_conflicts->empty();
  for (const AssessmentIndex::Entry& e : entries) {
    if (e.criterion != index) continue;
    if (conflicts && m_conflicts->excludes(m_assessments->reviewer(e.reviewer), id, text_field(app, m_applicant_field)))
      continue;
    (e.verdict == Verdict::pass ? pass : (e.verdict == Verdict::fail ? fail : unclear))++;
    if (e.score_halves >= 0) {
      halves += e.score_halves;
      ++scored;
    }
  }
  if (scored) mean = Score(halves, 2 * scored);
  return verdicts_status(pass, fail, unclear, m_set.min_reviewers(m_set.criteria[index]));
}

Outline Screener::outline(const Application& app) const {
  Outline o;
  const std::string& id = text_field(app, m_id_field);
  o.id = id;
  if (m_amount_field >= 0)
    if (auto m = std::get_if<Money>(&app.values[m_amount_field])) o.amount = *m;
  std::span<const AssessmentIndex::Entry> entries;
  if (m_assessments) entries = m_assessments->of(id);
  Score sum;
  int64_t weights = 0;
  // The rule criteria in one run; a field of another type than declared leaves them to the
  // loop, which evaluates each as evaluate() does.
  uint64_t done = m_rules && m_rules->run_verdicts(RecordView{app.values, {}}, o.failed, o.unclear) ? m_rule_bits : 0;
  size_t n = m_set.criteria.size();
  uint64_t all = n == k_max_outline_criteria ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
  for (uint64_t rest = all & ~done; rest != 0; rest &= rest - 1) {
    size_t i = static_cast<size_t>(std::countr_zero(rest));
    const Criterion& c = m_set.criteria[i];
    Status status = Status::pass;
    if (c.kind != CriterionKind::judgement && c.rule) {
      Truth t = evaluate_truth(*c.rule, RecordView{app.values, {}});
      status = t == Truth::yes ? Status::pass : (t == Truth::no ? Status::fail : Status::unclear);
    }
    if (c.kind != CriterionKind::rule) {
      std::optional<Score> mean;
      Status reviews = review_outline(i, entries, id, app, mean);
      if (awaits_score(m_set, c, reviews, mean)) reviews = Status::pending;
      status = combine(status, reviews);
      if (below_min_score(c, reviews, mean)) status = Status::fail;
      if (c.weight && c.weight->value != 0 && mean) {
        sum = sum + mean->times(c.weight->value);
        weights += c.weight->value;
      }
    }
    uint64_t bit = uint64_t{1} << i;
    if (status == Status::fail) o.failed |= bit;
    if (status == Status::unclear) o.unclear |= bit;
    if (status == Status::pending) o.pending |= bit;
  }
  bool decided = o.failed || o.unclear || o.pending;
  decide(o, app, decided || weights == 0 ? std::nullopt : std::optional<Score>(sum.divided_by(weights)));
  return o;
}

void Screener::decide(Outline& o, const Application& app, std::optional<Score> weighted) const {
  if (o.failed) {
    o.decision = Decision::reject;
    return;
  }
  if (o.unclear || o.pending) {
    o.decision = o.unclear ? Decision::clarify : Decision::pending;
    return;
  }
  if (m_set.ranking.by == Ranking::By::expression) {
    weighted.reset();
    if (m_set.ranking.expression)
      weighted = to_score(evaluate_value(*m_set.ranking.expression, RecordView{app.values, {}}));
    if (!weighted) { // it cannot be placed in the ranking: not below every other, unseen
      o.decision = Decision::pending;
      return;
    }
  }
  o.score = weighted;
  const auto& min_total = m_set.ranking.min_total;
  if (min_total && (!o.score || *o.score < Score(min_total->value, 1000))) {
    o.decision = Decision::reject;
    return;
  }
  o.eligible = true;
  o.decision = Decision::fund;
}

// The weighted mean over the weighted criteria that have scores.
std::optional<Score> Screener::weighted_score(std::span<const CriterionResult> criteria) {
  Score sum;
  int64_t weights = 0;
  for (const CriterionResult& r : criteria) {
    const auto& w = r.criterion->weight;
    if (!w || w->value == 0 || !r.mean_score) continue;
    sum = sum + r.mean_score->times(w->value);
    weights += w->value;
  }
  if (weights == 0) return std::nullopt;
  return sum.divided_by(weights);
}

} // namespace fundscreen::core
