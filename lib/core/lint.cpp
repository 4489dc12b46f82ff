// SPDX-License-Identifier: Apache-2.0
#include "core/lint.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fundscreen::core {

namespace {

class Linter {
public:
  Linter(const CriteriaSet& set, SetUse use) : m_set(set), m_use(use) {}

  std::vector<util::Diagnostic> run() {
    check_fields();
    check_criteria();
    check_impacts();
    check_tie_break();
    check_funding();
    check_pools();
    check_reviews();
    check_ranking();
    check_letters();
    std::stable_sort(m_found.begin(), m_found.end(), [](const auto& a, const auto& b) {
      return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    return std::move(m_found);
  }

private:
  void report(const util::Location& where, std::string message) {
    m_found.push_back(util::Diagnostic{where, util::Severity::error, std::move(message), {}});
  }

  // A finding about impacts: screening does without them, `impact` does not.
  void report_impact(const util::Location& where, std::string message) {
    util::Severity severity = m_use == SetUse::impact ? util::Severity::error : util::Severity::warning;
    m_found.push_back(util::Diagnostic{where, severity, std::move(message), {}});
  }

  // Reports every id seen before, naming the line of its first definition.
  template <typename Items, typename Id, typename Where>
  void check_unique(const Items& items, std::string_view what, Id id, Where where) {
    std::map<std::string, int> first;
    for (const auto& item : items) {
      auto [it, fresh] = first.emplace(id(item), where(item).line);
      if (!fresh)
        report(where(item), fmt::format("duplicate {} '{}' (first defined at line {})", what, id(item), it->second));
    }
  }

  void check_fields() {
    std::vector<size_t> order(m_set.fields.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    check_unique(
        order, "field", [&](size_t i) { return m_set.fields[i].name; }, [&](size_t i) { return m_set.field_where[i]; });
    int id = m_set.field_index("id");
    if (id < 0) {
      report(util::Location{m_set.source, 1, 1}, "the set declares no 'id' field; every application needs one");
    } else if (FieldType type = m_set.fields[id].type;
               type != FieldType::string && type != FieldType::text && type != FieldType::enumeration) {
      // Ids are compared, looked up and shown as text; a number would be read as no id at all.
      report(m_set.field_where[id], fmt::format("field 'id' is of type '{}', but an application id is text; declare "
                                                "it 'type: string' (ids like 1042 are read as text)",
                                                field_type_name(type)));
    }
  }

  void check_criteria() {
    check_unique(
        m_set.criteria, "criterion id", [](const Criterion& c) { return c.id; },
        [](const Criterion& c) { return c.where; });
    for (const Criterion& c : m_set.criteria) check_criterion(c);
  }

  void check_criterion(const Criterion& c) {
    bool judged = c.kind != CriterionKind::rule;
    if (c.kind != CriterionKind::judgement && !c.rule_written)
      report(c.kind_where, fmt::format("criterion '{}' is of kind '{}' but has no rule", c.id, kind_name(c.kind)));
    if (c.kind == CriterionKind::judgement && c.rule_written)
      report(c.rule_where, fmt::format("criterion '{}' is of kind 'judgement' but has a rule; make it 'both' or "
                                       "remove the rule",
                                       c.id));
    if (c.weight && c.weight->value < 0)
      report(c.weight_where, fmt::format("criterion '{}' has a negative weight ({}); weights are 0 or more", c.id,
                                         to_string(*c.weight)));
    else if (c.weight && !judged)
      report(c.weight_where, fmt::format("criterion '{}' is a rule and has no reviewer scores to weigh", c.id));
    if (c.min_score && !judged)
      report(c.min_score_where,
             fmt::format("criterion '{}' is a rule and has no reviewer scores for a min_score", c.id));
    else if (c.min_score && !on_scale(*c.min_score))
      report(c.min_score_where, fmt::format("criterion '{}' has min_score {}, outside the score scale {}; it is "
                                            "compared with the mean of the reviewers' scores on that scale",
                                            c.id, to_string(*c.min_score), scale_text()));
    check_pass_score(c);
    if (c.min_reviewers && !judged)
      report(c.min_reviewers_where,
             fmt::format("criterion '{}' is a rule and has no reviewers; remove min_reviewers", c.id));
    else if (c.min_reviewers && *c.min_reviewers < 1)
      report(c.min_reviewers_where, fmt::format("criterion '{}' has min_reviewers {}; it is a whole number, 1 or more",
                                                c.id, *c.min_reviewers));
    if (c.protects.empty() && !m_set.impacts.empty())
      report_impact(c.where, fmt::format("criterion '{}' protects no impact; add protects: [IMPACT]", c.id));
    for (const auto& p : c.protects) check_impact_reference(c, p);
  }

  // A pass_score is compared with each reviewer's score, so it is on their scale and in
  // their steps: with 3.25, a reviewer's 3 fails and 3.5 passes, which 3.5 says plainly.
  void check_pass_score(const Criterion& c) {
    if (!c.pass_score) return;
    int64_t value = c.pass_score->value;
    if (c.kind == CriterionKind::rule) {
      report(c.pass_score_where, fmt::format("criterion '{}' is a rule and has no reviewer scores for a pass_score; "
                                             "remove pass_score, or make the criterion 'both'",
                                             c.id));
    } else if (!on_scale(*c.pass_score)) {
      bool above = value > int64_t{500} * m_set.reviews.scale.max_halves;
      report(c.pass_score_where, fmt::format("criterion '{}' has pass_score {}, outside the score scale {}: {}; "
                                             "write a pass_score on the scale",
                                             c.id, to_string(*c.pass_score), scale_text(),
                                             above ? "no score could pass it" : "every score would pass it"));
    } else if (value % 500 != 0) {
      report(c.pass_score_where,
             fmt::format("criterion '{}' has pass_score {}, between half points, the steps of the scores; write {} "
                         "or {}",
                         c.id, to_string(*c.pass_score), to_string(Thousandths{value / 500 * 500}),
                         to_string(Thousandths{value / 500 * 500 + 500})));
    }
  }

  void check_impact_reference(const Criterion& c, const Located<std::string>& p) {
    std::vector<std::string> ids;
    for (const Impact& i : m_set.impacts) {
      if (i.id == p.value) return;
      ids.push_back(i.id);
    }
    std::string message = fmt::format("criterion '{}' protects unknown impact '{}'", c.id, p.value);
    std::string hint = util::nearest(p.value, ids);
    if (!hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
    report(p.where, message);
  }

  void check_impacts() {
    if (m_set.impacts.empty())
      report_impact(util::Location{m_set.source, 1, 1},
                    "the set defines no impacts; screening does without them, but 'fundscreen impact' needs "
                    "impacts: with an indicator for each, and protects: [IMPACT] on each criterion");
    check_unique(
        m_set.impacts, "impact id", [](const Impact& i) { return i.id; }, [](const Impact& i) { return i.where; });
    for (const Impact& impact : m_set.impacts) {
      if (!impact.indicator_written)
        report_impact(impact.where, fmt::format("impact '{}' has no indicator; add indicator: EXPRESSION over outcome "
                                                "fields",
                                                impact.id));
      bool protected_by_any = std::any_of(m_set.criteria.begin(), m_set.criteria.end(), [&](const Criterion& c) {
        return std::any_of(c.protects.begin(), c.protects.end(), [&](const auto& p) { return p.value == impact.id; });
      });
      if (!protected_by_any)
        report_impact(impact.where, fmt::format("impact '{}' is protected by no criterion", impact.id));
    }
  }

  void check_tie_break() {
    for (const TieBreak& t : m_set.ranking.tie_break) {
      if (t.key == TieBreak::Key::field) {
        if (m_set.field_index(t.name) < 0) report(t.where, unknown("field", t.name, field_names()));
        continue;
      }
      const Criterion* c = m_set.criterion(t.name);
      if (!c) {
        report(t.where, unknown("criterion", t.name, criterion_ids()));
      } else if (c->kind == CriterionKind::rule) {
        report(t.where, fmt::format("the tie-break uses the score of '{}', a rule criterion with no reviewer "
                                    "scores",
                                    t.name));
      }
    }
  }

  void check_funding() {
    int field = m_set.field_index(m_set.funding_amount);
    util::Location where =
        m_set.funding_amount_where.line ? m_set.funding_amount_where : util::Location{m_set.source, 1, 1};
    if (field < 0)
      report(where, fmt::format("the funding amount field '{}' is not a field of the set; set funding: amount: "
                                "to a money field",
                                m_set.funding_amount));
    else if (m_set.fields[field].type != FieldType::money)
      report(where, fmt::format("the funding amount field '{}' is not money", m_set.funding_amount));
    else if (!m_set.fields[field].required)
      report(m_set.field_where[field],
             fmt::format("the funding amount field '{}' is not required; an eligible application without an "
                         "amount cannot be funded: add required: true",
                         m_set.funding_amount));
  }

  void check_pools() {
    const auto& pools = m_set.pools;
    if (!m_set.pool_field.empty()) {
      if (int field = m_set.field_index(m_set.pool_field); field >= 0)
        check_pool_values(m_set.fields[static_cast<size_t>(field)]);
      if (m_set.field_index(m_set.pool_field) < 0) {
        std::string message = fmt::format("the pool field '{}' is not a field of the set", m_set.pool_field);
        std::string hint = util::nearest(m_set.pool_field, field_names());
        message += hint.empty() ? std::string("; set funding: pool_field: to the field naming each application's pool")
                                : fmt::format("; did you mean '{}'?", hint);
        report(m_set.pool_field_where, message);
      }
      if (pools.empty())
        report(m_set.pool_field_where,
               fmt::format("funding: pool_field '{}' without pools; add pools: [{{id: POOL, budget: AMOUNT}}, ...] "
                           "or remove pool_field",
                           m_set.pool_field));
    } else if (!pools.empty()) {
      report(m_set.pools_where, "funding: pools without a pool_field; add pool_field: FIELD, the field naming "
                                "each application's pool");
    }
    check_unique(
        pools, "pool id", [](const Pool& p) { return p.id; }, [](const Pool& p) { return p.where; });
    Money sum{0};
    bool summed = true; // every pool's budget is known: the call's can be checked against the sum
    for (const Pool& pool : pools) {
      summed = summed && pool.budget && pool.budget->cents >= 0;
      if (!pool.budget)
        report(pool.where, fmt::format("pool '{}' has no budget; add budget: AMOUNT", pool.id));
      else if (pool.budget->cents < 0)
        report(pool.budget_where, fmt::format("pool '{}' has a budget below zero, '{}'; write the money the pool has "
                                              "to give",
                                              pool.id, to_string(*pool.budget)));
      else
        sum.cents += pool.budget->cents;
    }
    if (pools.empty() || !summed || m_set.budget_from_pools || !m_set.call.budget ||
        m_set.call.budget->cents == sum.cents)
      return;
    util::Location where{m_set.source, 1, 1};
    for (size_t i = 0; i < m_set.call.values.size(); ++i)
      if (m_set.call.values[i].name == "budget") where = m_set.call.value_where[i];
    report(where, fmt::format("the call's budget {} is not the sum of the pools' budgets, {}; remove the call's "
                              "budget (the pools' sum is then the call's), or make them agree",
                              to_string(*m_set.call.budget), to_string(sum)));
  }

  // The pool field names a pool by its text: a string or enum field; an enum's values and
  // the pools' ids must match (a pool no value names is never drawn from).
  void check_pool_values(const FieldSpec& field) {
    if (field.type != FieldType::string && field.type != FieldType::text && field.type != FieldType::enumeration) {
      report(m_set.pool_field_where,
             fmt::format("the pool field '{}' is a {} field; a pool is named by a string or enum field",
                         m_set.pool_field, field_type_name(field.type)));
      return;
    }
    if (field.type != FieldType::enumeration || m_set.pools.empty()) return;
    for (const Pool& pool : m_set.pools) {
      if (std::find(field.values.begin(), field.values.end(), pool.id) != field.values.end()) continue;
      std::string message = fmt::format("pool '{}' is not a value of the pool field '{}'", pool.id, m_set.pool_field);
      std::string hint = util::nearest(pool.id, field.values);
      message += hint.empty() ? fmt::format("; its values are {}", util::join(field.values, ", "))
                              : fmt::format("; did you mean '{}'?", hint);
      report(pool.where, message);
    }
  }

  void check_reviews() {
    if (m_set.reviews.min_reviewers < 1)
      report(m_set.reviews.min_reviewers_where,
             fmt::format("reviews: min_reviewers {}; it is a whole number, 1 or more", m_set.reviews.min_reviewers));
  }

  // With the reviewers' scores ranking: the total is their weighted mean, so it is on their
  // scale, and without a weight there is no score at all (a set of rules alone ranks by its
  // tie-break order by design; one with reviewers most likely forgot the weights).
  void check_ranking() {
    const Ranking& r = m_set.ranking;
    if (r.by != Ranking::By::reviewer_scores) return;
    bool weighted = std::any_of(m_set.criteria.begin(), m_set.criteria.end(), [](const Criterion& c) {
      return c.kind != CriterionKind::rule && c.weight && c.weight->value != 0;
    });
    bool judged = std::any_of(m_set.criteria.begin(), m_set.criteria.end(),
                              [](const Criterion& c) { return c.kind != CriterionKind::rule; });
    util::Location where = r.where.line ? r.where : util::Location{m_set.source, 1, 1};
    if (r.min_total && !weighted)
      report(r.min_total_where, fmt::format("min_total {} needs a score, but no criterion the reviewers score has a "
                                            "weight, so every application would be rejected; give those criteria a "
                                            "weight",
                                            to_string(*r.min_total)));
    else if (r.min_total && !on_scale(*r.min_total))
      report(r.min_total_where,
             fmt::format("min_total {} is outside the score scale {}; it is compared with the weighted mean of the "
                         "reviewers' scores on that scale, not with a sum of points",
                         to_string(*r.min_total), scale_text()));
    else if (!weighted && judged)
      m_found.push_back(util::Diagnostic{
          where,
          util::Severity::warning,
          "the ranking is by the reviewers' scores, but no criterion they score has a weight: eligible applications "
          "are ranked by the tie-break order alone; give criteria a weight, or rank by an expression",
          {}});
  }

  // A letters text missing in a language that the section writes other texts in: the letters
  // in that language would show a placeholder for it.
  void check_letters() {
    const Letters& l = m_set.letters;
    if (!l.where.line) return;
    struct Text {
      std::string_view key;
      const Titles* text;
      const util::Location* where;
    };
    const Text texts[] = {{"sender", &l.sender, &l.sender_where},
                          {"signature", &l.signature, &l.signature_where},
                          {"appeal", &l.appeal, &l.appeal_where}};
    for (const auto& language :
         {std::pair{"fi", &Titles::fi}, std::pair{"sv", &Titles::sv}, std::pair{"en", &Titles::en}}) {
      // Not a structured binding: clang 14 (clang-tidy) cannot capture one in the lambda below.
      const char* lang = language.first;
      std::string Titles::*member = language.second;
      bool used =
          std::any_of(std::begin(texts), std::end(texts), [&](const Text& t) { return !(t.text->*member).empty(); });
      if (!used) continue;
      for (const Text& t : texts)
        if ((t.text->*member).empty())
          m_found.push_back(util::Diagnostic{
              t.where->line ? *t.where : l.where,
              util::Severity::warning,
              fmt::format("letters.{0} has no '{1}' text, but the section writes others in '{1}': letters in that "
                          "language would show a placeholder; add letters.{0}.{1}",
                          t.key, lang),
              {}});
    }
  }

  bool on_scale(Thousandths t) const {
    const ScoreScale& s = m_set.reviews.scale;
    return t.value >= int64_t{500} * s.min_halves && t.value <= int64_t{500} * s.max_halves;
  }

  // "0 to 5 (reviews: scale)"
  std::string scale_text() const { return to_string(m_set.reviews.scale) + " (reviews: scale)"; }

  static std::string unknown(std::string_view what, const std::string& name, const std::vector<std::string>& known) {
    std::string message = fmt::format("the tie-break names unknown {} '{}'", what, name);
    std::string hint = util::nearest(name, known);
    if (!hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
    return message;
  }

  std::vector<std::string> field_names() const {
    std::vector<std::string> names;
    for (const auto& f : m_set.fields) names.push_back(f.name);
    return names;
  }

  std::vector<std::string> criterion_ids() const {
    std::vector<std::string> ids;
    for (const auto& c : m_set.criteria) ids.push_back(c.id);
    return ids;
  }

  const CriteriaSet& m_set;
  SetUse m_use;
  std::vector<util::Diagnostic> m_found;
};

} // namespace

std::vector<util::Diagnostic> lint(const CriteriaSet& set, SetUse use) { return Linter(set, use).run(); }

} // namespace fundscreen::core
