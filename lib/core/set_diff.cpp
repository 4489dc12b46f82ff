// SPDX-License-Identifier: Apache-2.0
#include "core/set_diff.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace fundscreen::core {

std::string_view change_kind_name(SetChange::Kind kind) {
  switch (kind) {
  case SetChange::Kind::added: return "added";
  case SetChange::Kind::removed: return "removed";
  case SetChange::Kind::changed: return "changed";
  }
  return "changed";
}

namespace {

class SetDiffer {
public:
  SetDiffer(const CriteriaSet& old_set, const CriteriaSet& new_set) : m_old(old_set), m_new(new_set) {}

  std::vector<SetChange> run() {
    compare("id", m_old.id, m_new.id);
    compare("version", m_old.version, m_new.version);
    compare_titles("title", m_old.title, m_new.title);
    compare_call();
    compare_fields();
    compare_criteria();
    compare_impacts();
    compare_ranking();
    compare("funding policy", policy(m_old.funding), policy(m_new.funding));
    compare("funding amount", m_old.funding_amount, m_new.funding_amount);
    compare("reviews min_reviewers", std::to_string(m_old.reviews.min_reviewers),
            std::to_string(m_new.reviews.min_reviewers));
    compare("reviews scale", core::to_string(m_old.reviews.scale), core::to_string(m_new.reviews.scale));
    compare("lights red_failed_share", to_string(m_old.lights.red_failed_share),
            to_string(m_new.lights.red_failed_share));
    compare("lights min_known", std::to_string(m_old.lights.min_known), std::to_string(m_new.lights.min_known));
    compare("lights max_unknown_share", to_string(m_old.lights.max_unknown_share),
            to_string(m_new.lights.max_unknown_share));
    return std::move(m_changes);
  }

private:
  void compare(std::string what, const std::string& a, const std::string& b) {
    if (a != b) m_changes.push_back({SetChange::Kind::changed, std::move(what), a, b});
  }
  void added(std::string what, std::string value) {
    m_changes.push_back({SetChange::Kind::added, std::move(what), "", std::move(value)});
  }
  void removed(std::string what, std::string value) {
    m_changes.push_back({SetChange::Kind::removed, std::move(what), std::move(value), ""});
  }

  void compare_titles(const std::string& what, const Titles& a, const Titles& b) {
    compare(what + " (fi)", a.fi, b.fi);
    compare(what + " (sv)", a.sv, b.sv);
    compare(what + " (en)", a.en, b.en);
  }

  static std::string policy(FundingPolicy p) { return p == FundingPolicy::strict ? "strict" : "skip"; }

  // Items matched by name: removed ones, then for each new one added or compared.
  template <typename Item, typename Name, typename Show, typename Each>
  void by_name(const std::vector<Item>& a, const std::vector<Item>& b, const std::string& what, Name name, Show show,
               Each each) {
    auto find = [&](const std::vector<Item>& items, const std::string& n) -> const Item* {
      for (const Item& i : items)
        if (name(i) == n) return &i;
      return nullptr;
    };
    for (const Item& old_item : a)
      if (!find(b, name(old_item))) removed(fmt::format("{} {}", what, name(old_item)), show(old_item));
    for (const Item& new_item : b) {
      const Item* old_item = find(a, name(new_item));
      if (!old_item)
        added(fmt::format("{} {}", what, name(new_item)), show(new_item));
      else
        each(*old_item, new_item, fmt::format("{} {}", what, name(new_item)));
    }
  }

  void compare_call() {
    compare("call name", m_old.call.name, m_new.call.name);
    by_name(
        m_old.call.values, m_new.call.values, "call", [](const NamedValue& v) { return v.name; },
        [](const NamedValue& v) { return plain(v.value); },
        [&](const NamedValue& a, const NamedValue& b, const std::string& what) {
          compare(what, plain(a.value), plain(b.value));
        });
  }

  static std::string plain(const Value& v) {
    if (auto s = std::get_if<std::string>(&v)) return *s;
    return to_display(v);
  }

  static std::string field_text(const FieldSpec& f) {
    std::string text(field_type_name(f.type));
    if (!f.values.empty()) text += " [" + util::join(f.values, ", ") + "]";
    if (f.required) text += ", required";
    if (f.type == FieldType::list && f.separator != '|') text += fmt::format(", separator '{}'", f.separator);
    if (f.min) text += ", min " + to_display(*f.min);
    if (f.max) text += ", max " + to_display(*f.max);
    if (!f.columns.empty()) text += ", column " + quoted_alternatives(f.columns);
    if (f.pattern) text += ", pattern '" + f.pattern->source() + "'";
    return text;
  }

  void compare_fields() {
    by_name(
        m_old.fields, m_new.fields, "field", [](const FieldSpec& f) { return f.name; }, field_text,
        [&](const FieldSpec& a, const FieldSpec& b, const std::string& what) {
          compare(what, field_text(a), field_text(b));
        });
  }

  static std::string rule_text(const std::optional<Rule>& r) { return r ? r->text() : ""; }

  static std::string optional_text(const std::optional<Thousandths>& t) { return t ? to_string(*t) : ""; }

  static std::string count_text(const std::optional<int64_t>& n) { return n ? std::to_string(*n) : ""; }

  static std::string protects_text(const Criterion& c) {
    std::vector<std::string> ids;
    for (const auto& p : c.protects) ids.push_back(p.value);
    return util::join(ids, ", ");
  }

  static std::string criterion_text(const Criterion& c) {
    std::string text(kind_name(c.kind));
    if (c.rule) text += ": " + c.rule->text();
    return text;
  }

  void compare_criteria() {
    by_name(
        m_old.criteria, m_new.criteria, "criterion", [](const Criterion& c) { return c.id; }, criterion_text,
        [&](const Criterion& a, const Criterion& b, const std::string& what) {
          compare(what + " kind", std::string(kind_name(a.kind)), std::string(kind_name(b.kind)));
          compare(what + " rule", rule_text(a.rule), rule_text(b.rule));
          compare(what + " weight", optional_text(a.weight), optional_text(b.weight));
          compare(what + " min_score", optional_text(a.min_score), optional_text(b.min_score));
          compare(what + " pass_score", optional_text(a.pass_score), optional_text(b.pass_score));
          compare(what + " min_reviewers", count_text(a.min_reviewers), count_text(b.min_reviewers));
          compare(what + " protects", protects_text(a), protects_text(b));
          compare_titles(what + " title", a.title, b.title);
        });
  }

  void compare_impacts() {
    by_name(
        m_old.impacts, m_new.impacts, "impact", [](const Impact& i) { return i.id; },
        [](const Impact& i) { return rule_text(i.indicator); },
        [&](const Impact& a, const Impact& b, const std::string& what) {
          compare(what + " description", a.description, b.description);
          compare(what + " indicator", rule_text(a.indicator), rule_text(b.indicator));
        });
  }

  static std::string tie_break_text(const Ranking& r) {
    std::vector<std::string> steps;
    for (const TieBreak& t : r.tie_break)
      steps.push_back(fmt::format("{}{} {}", t.key == TieBreak::Key::criterion_score ? "score of " : "", t.name,
                                  t.order == SortOrder::ascending ? "asc" : "desc"));
    return util::join(steps, ", ");
  }

  void compare_ranking() {
    auto by = [](const Ranking& r) {
      return r.by == Ranking::By::expression ? "expression: " + rule_text(r.expression)
                                             : std::string("reviewer scores");
    };
    compare("ranking", by(m_old.ranking), by(m_new.ranking));
    compare("ranking min_total", optional_text(m_old.ranking.min_total), optional_text(m_new.ranking.min_total));
    compare("ranking tie-break", tie_break_text(m_old.ranking), tie_break_text(m_new.ranking));
  }

  const CriteriaSet& m_old;
  const CriteriaSet& m_new;
  std::vector<SetChange> m_changes;
};

} // namespace

std::vector<SetChange> diff_sets(const CriteriaSet& old_set, const CriteriaSet& new_set) {
  return SetDiffer(old_set, new_set).run();
}

} // namespace fundscreen::core
