// SPDX-License-Identifier: Apache-2.0
#include "io/criteria_loader.hpp"

#include <charconv>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "core/lint.hpp"
#include "i18n/i18n.hpp"
#include "io/file.hpp"
#include "io/yaml_source.hpp"
#include "util/text.hpp"

namespace fundscreen::io {

using core::CriteriaSet;
using core::Criterion;
using core::CriterionKind;

namespace {

// A decimal such as `2`, `0.5` or `-1.25` in thousandths.
std::optional<core::Thousandths> parse_thousandths(std::string_view text) {
  text = util::trim(text);
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || fraction.size() > 3 || (dot != std::string_view::npos && fraction.empty())) return std::nullopt;
  int64_t value = 0;
  for (char c : std::string(whole) + std::string(fraction) + std::string(3 - fraction.size(), '0')) {
    if (c < '0' || c > '9' || value > 1'000'000'000'000) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return core::Thousandths{negative ? -value : value};
}

// The type a call parameter gets from how it is written.
core::Value infer_value(std::string_view text) {
  std::string why;
  if (text.size() == 10 && text[4] == '-')
    if (auto d = core::parse_date(text, why)) return *d;
  if (auto i = core::parse_integer(text); i && text.find(' ') == std::string_view::npos) return *i;
  if (text.find(',') == std::string_view::npos)
    if (auto n = core::parse_number(text)) return *n;
  if (text == "true" || text == "false") return text == "true";
  return std::string(text);
}

class CriteriaLoader {
public:
  CriteriaLoader(std::string_view text, std::string source) : m_yaml(text, source, util::ErrorKind::criteria) {
    m_set.source = std::move(source);
  }

  CriteriaSet load() {
    if (m_yaml.check_no_tags()) return std::move(m_set); // what the tagged values read is not what was meant
    const YamlNode& root = m_yaml.root();
    if (!root.is_map()) {
      m_yaml.error(util::Location{m_set.source, 1, 1}, "a criteria set is a YAML mapping with id, version, call, "
                                                       "fields and criteria");
      return std::move(m_set);
    }
    m_yaml.check_keys(root,
                      {"id", "version", "title", "lang", "call", "fields", "criteria", "impacts", "lights", "ranking",
                       "funding", "reviews", "letters"},
                      "the criteria set");
    m_set.id = required_text(root, "id", "the criteria set");
    m_set.version = required_text(root, "version", "the criteria set");
    m_set.title = titles(root["title"]);
    load_lang(root["lang"]);
    m_pools_given = root["funding"] && root["funding"].is_map() && root["funding"]["pools"];
    load_call(required(root, "call", "the criteria set"));
    load_fields(required(root, "fields", "the criteria set"));
    load_criteria(required(root, "criteria", "the criteria set"));
    load_impacts(root["impacts"]);
    load_lights(root["lights"]);
    load_ranking(root["ranking"]);
    load_funding(root["funding"]);
    load_reviews(root["reviews"]);
    load_letters(root["letters"]);
    return std::move(m_set);
  }

  std::vector<util::Diagnostic>& problems() { return m_yaml.problems(); }
  // How many of the problems are faults inside rules (the rest are the set's structure).
  size_t rule_problems() const { return m_rule_problems; }

private:
  const YamlNode& required(const YamlNode& map, const char* key, std::string_view what) {
    const YamlNode& node = map[key];
    if (!node && !m_yaml.suggested(key)) m_yaml.error(map, fmt::format("{} has no '{}'", what, key));
    return node;
  }

  std::string required_text(const YamlNode& map, const char* key, std::string_view what) {
    const YamlNode& node = required(map, key, what);
    if (!node) return {};
    if (auto text = scalar_text(node)) return *text;
    m_yaml.error(node, fmt::format("'{}' must be a single value", key));
    return {};
  }

  std::span<const YamlNode> sequence(const YamlNode& node, std::string_view what) {
    if (node && !node.is_sequence()) m_yaml.error(node, fmt::format("'{}' must be a list", what));
    return node.items();
  }

  // True if `node` is a mapping; reports it otherwise, so that a scalar where a section
  // belongs is a problem, not a crash.
  bool mapping(const YamlNode& node, std::string_view what) {
    if (node && node.is_map()) return true;
    if (node) m_yaml.error(node, fmt::format("{} must be a mapping of keys to values", what));
    return false;
  }

  // `lang:`, the language of the output when the command line names none: fi, sv or en.
  void load_lang(const YamlNode& node) {
    if (!node) return;
    std::optional<std::string> code = scalar_text(node);
    if (!code) {
      m_yaml.error(node, "'lang' must be a single value: fi, sv or en");
      return;
    }
    if (i18n::parse_lang(*code)) {
      m_set.lang = *code;
      return;
    }
    std::vector<std::string> codes = {"fi", "sv", "en"};
    std::string hint = util::nearest(*code, codes);
    m_yaml.error(node, fmt::format("unknown language '{}' for 'lang'; {}allowed: fi, sv, en", *code,
                                   hint.empty() ? "" : fmt::format("did you mean '{}'? ", hint)));
  }

  core::Titles titles(const YamlNode& node, std::string_view what = "a title") {
    core::Titles t;
    if (!node) return t;
    if (auto text = scalar_text(node)) {
      t.en = *text;
      return t;
    }
    if (!mapping(node, what)) return t;
    m_yaml.check_keys(node, {"fi", "sv", "en"}, what);
    t.fi = scalar_text(node["fi"]).value_or("");
    t.sv = scalar_text(node["sv"]).value_or("");
    t.en = scalar_text(node["en"]).value_or("");
    return t;
  }

  // ---- call ------------------------------------------------------------------------------

  void load_call(const YamlNode& call) {
    if (!mapping(call, "the call")) return;
    m_yaml.check_keys(call, {"name", "deadline", "budget", "currency", "parameters"}, "the call");
    core::Call& c = m_set.call;
    c.name = scalar_text(call["name"]).value_or("");
    c.currency = scalar_text(call["currency"]).value_or("EUR");
    add_call_value("name", core::Value(c.name), call);
    add_call_value("currency", core::Value(c.currency), call);
    if (const YamlNode& d = call["deadline"]) {
      std::string why;
      if (auto date = core::parse_date(d.scalar(), why)) {
        c.deadline = *date;
        add_call_value("deadline", *date, d);
      } else {
        m_yaml.error(d, fmt::format("invalid deadline '{}': {}", d.scalar(), why));
      }
    }
    if (!call["budget"] && !m_pools_given && !m_yaml.suggested("budget"))
      m_yaml.error(call, "the call has no 'budget'; the funding line is drawn within it: add budget: AMOUNT");
    if (const YamlNode& b = call["budget"]) {
      std::string why;
      if (auto money = core::parse_money(b.scalar(), why); money && money->cents <= 0) {
        m_yaml.error(
            b, fmt::format("the budget '{}' is not above zero; write the money the call has to give", b.scalar()));
      } else if (money) {
        c.budget = *money;
        add_call_value("budget", *money, b);
      } else {
        m_yaml.error(b, fmt::format("invalid budget '{}': {}", b.scalar(), why));
      }
    }
    load_parameters(call["parameters"]);
  }

  void add_call_value(std::string name, core::Value value, const YamlNode& where) {
    m_set.call.values.push_back(core::NamedValue{std::move(name), std::move(value)});
    m_set.call.value_where.push_back(m_yaml.at(where));
  }

  void load_parameters(const YamlNode& parameters) {
    if (!parameters) return;
    if (!parameters.is_map()) {
      m_yaml.error(parameters, "'parameters' must be a mapping of names to values");
      return;
    }
    for (const auto& entry : parameters.entries()) {
      const YamlNode& v = entry.value;
      if (v.is_sequence()) {
        core::StringList list;
        for (const auto& item : v.items()) list.push_back(item.scalar());
        add_call_value(entry.key.scalar(), std::move(list), entry.key);
      } else if (auto text = scalar_text(v)) {
        add_call_value(entry.key.scalar(), infer_value(*text), entry.key);
      } else {
        m_yaml.error(v, fmt::format("parameter '{}' must be a value or a list", entry.key.scalar()));
      }
    }
  }

  // ---- fields ----------------------------------------------------------------------------

  void load_fields(const YamlNode& fields) {
    for (const YamlNode& f : sequence(fields, "fields")) {
      if (!mapping(f, "a field")) continue;
      m_yaml.check_keys(
          f, {"name", "type", "required", "values", "separator", "min", "max", "column", "pattern", "description"},
          "a field");
      core::FieldSpec spec;
      spec.name = required_text(f, "name", "a field");
      std::string type = required_text(f, "type", fmt::format("field '{}'", spec.name));
      if (auto t = core::parse_field_type(type)) {
        spec.type = *t;
      } else if (!type.empty()) {
        std::vector<std::string> names = {"string",  "text",   "enum",    "date", "money",
                                          "integer", "number", "boolean", "list"};
        std::string hint = util::nearest(type, names);
        m_yaml.error(f["type"], fmt::format("unknown type '{}' for field '{}'; {}", type, spec.name,
                                            hint.empty() ? "allowed: " + util::join(names, ", ")
                                                         : fmt::format("did you mean '{}'?", hint)));
      }
      if (const YamlNode& required_node = f["required"]) {
        auto required = core::parse_boolean(required_node.scalar());
        if (!required)
          m_yaml.error(required_node, fmt::format("'required' is true or false, not '{}'", required_node.scalar()));
        spec.required = required.value_or(false);
      }
      for (const YamlNode& v : sequence(f["values"], "values")) spec.values.push_back(v.scalar());
      if (spec.type == core::FieldType::enumeration && spec.values.empty())
        m_yaml.error(f, fmt::format("enum field '{}' lists no values; add values: [...]", spec.name));
      load_separator(f["separator"], spec);
      spec.min = bound(f, "min", spec);
      spec.max = bound(f, "max", spec);
      if (spec.min && spec.max && core::value_before(*spec.max, *spec.min))
        m_yaml.error(f["max"], fmt::format("field '{}' has max {} below its min {}", spec.name,
                                           core::to_display(*spec.max), core::to_display(*spec.min)));
      load_columns(f["column"], spec);
      load_pattern(f, spec);
      m_set.fields.push_back(std::move(spec));
      m_set.field_where.push_back(m_yaml.at(f["name"] ? f["name"] : f));
    }
    check_shared_columns();
  }

  // A field's `column`: the header, or the list of headers, it is read from.
  void load_columns(const YamlNode& node, core::FieldSpec& spec) {
    if (!node) return;
    if (node.is_sequence() && node.items().empty())
      m_yaml.error(node, fmt::format("the column of field '{}' lists no header; {}", spec.name, k_column_example));
    else if (node.is_sequence())
      for (const YamlNode& item : node.items()) add_column(item, spec);
    else
      add_column(node, spec);
  }

  static constexpr std::string_view k_column_example =
      "write a header or a list of them, such as column: \"Y-tunnus\" or column: [\"Y-tunnus\", \"FO-nummer\"]";

  void add_column(const YamlNode& node, core::FieldSpec& spec) {
    auto text = scalar_text(node);
    std::string header(util::trim(text.value_or("")));
    if (!text)
      m_yaml.error(node, fmt::format("the column of field '{}' is not a header; {}", spec.name, k_column_example));
    else if (header.empty())
      m_yaml.error(node, fmt::format("the column of field '{}' is empty; {}", spec.name, k_column_example));
    else if (std::find(spec.columns.begin(), spec.columns.end(), header) != spec.columns.end())
      m_yaml.error(node, fmt::format("column '{}' is listed twice for field '{}'", header, spec.name));
    else {
      spec.columns.push_back(header);
      m_columns.push_back({header, m_set.fields.size(), m_yaml.at(node)});
    }
  }

  // Reports each header that two fields would be read from: a column holds one field. A
  // field without `column` is read from its name.
  void check_shared_columns() {
    std::map<std::string, size_t> first; // header -> the field read from it
    for (size_t f = 0; f < m_set.fields.size(); ++f)
      if (m_set.fields[f].columns.empty()) first.emplace(m_set.fields[f].name, f);
    for (const ColumnPlace& c : m_columns) {
      auto [it, fresh] = first.emplace(c.header, c.field);
      if (fresh || it->second == c.field) continue;
      const core::FieldSpec& other = m_set.fields[it->second];
      m_yaml.error(c.where,
                   fmt::format("field '{}' is read from column '{}', as field '{}' is{} (line {}); a column "
                               "holds one field, so give one of them another column",
                               m_set.fields[c.field].name, c.header, other.name,
                               other.columns.empty() ? " by its name" : "", m_set.field_where[it->second].line));
    }
  }

  // A field's `pattern`, compiled once; an enum's values must match it.
  void load_pattern(const YamlNode& field, core::FieldSpec& spec) {
    const YamlNode& node = field["pattern"];
    if (!node) return;
    auto text = scalar_text(node);
    std::string why;
    std::optional<core::Pattern> pattern;
    if (spec.type != core::FieldType::string && spec.type != core::FieldType::text &&
        spec.type != core::FieldType::enumeration && spec.type != core::FieldType::list)
      why = fmt::format("field '{}' is of type '{}'; only string, text, enum and list fields have a 'pattern'",
                        spec.name, core::field_type_name(spec.type));
    else if (!text || text->empty())
      why = fmt::format("the pattern of field '{}' is {}; write one regular expression, such as "
                        "pattern: '^[0-9]{{7}}-[0-9]$'",
                        spec.name, text ? "empty" : "not a text");
    else if (pattern = core::Pattern::compile(*text, why); !pattern)
      why = fmt::format("invalid pattern '{}' of field '{}': {}", *text, spec.name, why);
    if (!pattern) {
      m_yaml.error(node, why);
      return;
    }
    for (const YamlNode& v : field["values"].items())
      if (!pattern->matches(v.scalar()))
        m_yaml.error(v, fmt::format("value '{}' of field '{}' does not match the field's pattern '{}'; correct the "
                                    "value, or the pattern",
                                    v.scalar(), spec.name, pattern->source()));
    spec.pattern = std::move(pattern);
  }

  void load_separator(const YamlNode& node, core::FieldSpec& spec) {
    if (!node) return;
    const std::string& text = node.scalar();
    if (spec.type != core::FieldType::list)
      m_yaml.error(node, fmt::format("field '{}' is not a list; only list fields have a 'separator'", spec.name));
    else if (text.size() != 1 || text[0] == ' ' || text[0] == '"')
      m_yaml.error(node, fmt::format("the separator of field '{}' is one character such as \"|\", \";\" or \",\", "
                                     "not '{}'",
                                     spec.name, text));
    else
      spec.separator = text[0];
  }

  // A field's `min` or `max`, typed by the field.
  std::optional<core::Value> bound(const YamlNode& field, const char* key, const core::FieldSpec& spec) {
    const YamlNode& node = field[key];
    if (!node) return std::nullopt;
    std::string why;
    auto value = core::parse_bound(scalar_text(node).value_or(""), spec.type, why);
    if (!value) m_yaml.error(node, fmt::format("invalid {} of field '{}': {}", key, spec.name, why));
    return value;
  }

  // ---- criteria --------------------------------------------------------------------------

  void load_criteria(const YamlNode& criteria) {
    for (const YamlNode& node : sequence(criteria, "criteria")) {
      if (!mapping(node, "a criterion")) continue;
      m_yaml.check_keys(node,
                        {"id", "title", "kind", "rule", "weight", "min_score", "pass_score", "min_reviewers",
                         "protects", "description"},
                        "a criterion");
      Criterion c;
      c.id = required_text(node, "id", "a criterion");
      c.where = m_yaml.at(node["id"] ? node["id"] : node);
      c.title = titles(node["title"]);
      load_kind(node, c);
      if (const YamlNode& rule = node["rule"]) {
        c.rule_where = m_yaml.at(rule);
        c.rule_written = true;
        c.rule = compile(rule, app_scope(), core::Type::boolean, fmt::format("the rule of criterion '{}'", c.id));
      }
      c.weight = thousandths(node["weight"], "weight", c.weight_where);
      c.min_score = thousandths(node["min_score"], "min_score", c.min_score_where);
      c.pass_score = thousandths(node["pass_score"], "pass_score", c.pass_score_where);
      c.min_reviewers = whole_number(node["min_reviewers"], "min_reviewers", c.min_reviewers_where);
      for (const YamlNode& p : sequence(node["protects"], "protects")) c.protects.push_back({p.scalar(), m_yaml.at(p)});
      m_set.criteria.push_back(std::move(c));
    }
  }

  void load_kind(const YamlNode& node, Criterion& c) {
    std::string kind = required_text(node, "kind", fmt::format("criterion '{}'", c.id));
    c.kind_where = m_yaml.at(node["kind"] ? node["kind"] : node);
    if (kind == "rule")
      c.kind = CriterionKind::rule;
    else if (kind == "judgement")
      c.kind = CriterionKind::judgement;
    else if (kind == "both")
      c.kind = CriterionKind::both;
    else if (!kind.empty())
      m_yaml.error(node["kind"],
                   fmt::format("unknown kind '{}' for criterion '{}'; allowed: rule, judgement, both", kind, c.id));
  }

  std::optional<core::Thousandths> thousandths(const YamlNode& node, std::string_view key, util::Location& where) {
    if (!node) return std::nullopt;
    where = m_yaml.at(node);
    if (auto t = parse_thousandths(node.scalar())) return t;
    m_yaml.error(node, fmt::format("invalid {} '{}'; write a number such as 1 or 0.5", key, node.scalar()));
    return std::nullopt;
  }

  // A count such as `2`; lint checks its range.
  std::optional<int64_t> whole_number(const YamlNode& node, std::string_view key, util::Location& where) {
    if (!node) return std::nullopt;
    where = m_yaml.at(node);
    if (auto n = core::parse_integer(scalar_text(node).value_or(""))) return n;
    m_yaml.error(node, fmt::format("invalid {} '{}'; write a whole number such as 2", key, node.scalar()));
    return std::nullopt;
  }

  core::RuleScope app_scope() const {
    core::RuleScope scope;
    scope.app_enabled = true;
    scope.app_fields = m_set.fields;
    scope.call = m_set.call.values;
    return scope;
  }

  // Compiles the rule in `node`; reports a fault at its exact place in the file.
  std::optional<core::Rule> compile(const YamlNode& node, const core::RuleScope& scope, core::Type wanted,
                                    std::string_view what) {
    const std::string& text = node.scalar();
    try {
      core::Rule rule = core::compile_rule(text, scope);
      bool numeric =
          rule.type() == core::Type::integer || rule.type() == core::Type::number || rule.type() == core::Type::money;
      bool ok = wanted == core::Type::number ? numeric : rule.type() == wanted;
      if (!ok) {
        ++m_rule_problems;
        util::Location where = m_yaml.at_offset(node, 0);
        m_yaml.error(where,
                     fmt::format("{} must give {}, but it gives {}", what,
                                 wanted == core::Type::boolean ? "true or false" : "a number",
                                 core::with_article(rule.type())),
                     m_yaml.caret(where));
        return std::nullopt;
      }
      return rule;
    } catch (const core::RuleError& e) {
      util::Location where = m_yaml.at_offset(node, e.offset);
      m_yaml.error(where, e.what(), m_yaml.caret(where));
      ++m_rule_problems;
      return std::nullopt;
    }
  }

  // ---- impacts, ranking, funding ---------------------------------------------------------

  void load_impacts(const YamlNode& impacts) {
    core::RuleScope scope;
    scope.outcome_enabled = true;
    scope.outcome_fields = core::outcome_fields();
    scope.call = m_set.call.values;
    for (const YamlNode& node : sequence(impacts, "impacts")) {
      if (!mapping(node, "an impact")) continue;
      m_yaml.check_keys(node, {"id", "description", "indicator"}, "an impact");
      core::Impact impact;
      impact.id = required_text(node, "id", "an impact");
      impact.where = m_yaml.at(node["id"] ? node["id"] : node);
      impact.description = titles(node["description"]).in("en");
      if (const YamlNode& indicator = node["indicator"]) {
        impact.indicator_where = m_yaml.at(indicator);
        impact.indicator_written = true;
        impact.indicator =
            compile(indicator, scope, core::Type::boolean, fmt::format("the indicator of impact '{}'", impact.id));
      }
      m_set.impacts.push_back(std::move(impact));
    }
  }

  void load_lights(const YamlNode& lights) {
    if (!mapping(lights, "lights")) return;
    m_yaml.check_keys(lights, {"red_failed_share", "min_known", "max_unknown_share"}, "lights");
    core::LightThresholds& t = m_set.lights;
    t.where = m_yaml.at(lights);
    util::Location unused;
    for (auto [key, share] :
         {std::pair{"red_failed_share", &t.red_failed_share}, std::pair{"max_unknown_share", &t.max_unknown_share}}) {
      auto value = thousandths(lights[key], key, unused);
      if (value && (value->value < 0 || value->value > 1000))
        m_yaml.error(lights[key], fmt::format("'{}' is a share from 0 to 1, such as 0.5", key));
      else if (value)
        *share = *value;
    }
    if (const YamlNode& min_known = lights["min_known"]) {
      auto n = core::parse_integer(scalar_text(min_known).value_or(""));
      if (!n || *n < 0)
        m_yaml.error(min_known, "'min_known' is a whole number of projects, 0 or more");
      else
        t.min_known = *n;
    }
  }

  void load_ranking(const YamlNode& ranking) {
    if (!mapping(ranking, "the ranking")) return;
    m_yaml.check_keys(ranking, {"by", "expression", "min_total", "tie_break"}, "the ranking");
    std::string by = scalar_text(ranking["by"]).value_or("reviewer_scores");
    if (by == "expression") {
      m_set.ranking.by = core::Ranking::By::expression;
      if (const YamlNode& e = required(ranking, "expression", "a ranking by expression"))
        m_set.ranking.expression = compile(e, app_scope(), core::Type::number, "the ranking expression");
    } else if (by != "reviewer_scores") {
      m_yaml.error(ranking["by"], fmt::format("unknown ranking '{}'; allowed: reviewer_scores, expression", by));
    }
    m_set.ranking.where = m_yaml.at(ranking);
    m_set.ranking.min_total = thousandths(ranking["min_total"], "min_total", m_set.ranking.min_total_where);
    for (const YamlNode& node : sequence(ranking["tie_break"], "tie_break")) load_tie_break(node);
  }

  void load_tie_break(const YamlNode& node) {
    if (!mapping(node, "a tie-break step")) return;
    m_yaml.check_keys(node, {"criterion", "field", "order"}, "a tie-break step");
    core::TieBreak t;
    bool by_criterion = static_cast<bool>(node["criterion"]);
    if (!by_criterion && !node["field"]) {
      m_yaml.error(node, "a tie-break step names a criterion (its mean score) or a field");
      return;
    }
    t.key = by_criterion ? core::TieBreak::Key::criterion_score : core::TieBreak::Key::field;
    const YamlNode& name = by_criterion ? node["criterion"] : node["field"];
    t.name = name.scalar();
    t.where = m_yaml.at(name);
    std::string order = scalar_text(node["order"]).value_or(by_criterion ? "desc" : "asc");
    if (order != "asc" && order != "desc")
      m_yaml.error(node["order"], fmt::format("unknown order '{}'; allowed: asc, desc", order));
    t.order = order == "desc" ? core::SortOrder::descending : core::SortOrder::ascending;
    m_set.ranking.tie_break.push_back(std::move(t));
  }

  void load_funding(const YamlNode& funding) {
    if (!mapping(funding, "the funding")) return;
    m_yaml.check_keys(funding, {"policy", "amount", "allow_overspend", "pool_field", "pools"}, "the funding");
    load_pools(funding);
    if (const YamlNode& overspend = funding["allow_overspend"]) {
      auto allow = core::parse_boolean(overspend.scalar());
      if (allow)
        m_set.allow_overspend = *allow;
      else
        m_yaml.error(overspend, fmt::format("'allow_overspend' is true or false, not '{}'", overspend.scalar()));
    }
    if (const YamlNode& amount = funding["amount"]) {
      m_set.funding_amount = amount.scalar();
      m_set.funding_amount_where = m_yaml.at(amount);
    }
    std::string policy = scalar_text(funding["policy"]).value_or("strict");
    if (policy == "skip")
      m_set.funding = core::FundingPolicy::skip;
    else if (policy != "strict")
      m_yaml.error(funding["policy"], fmt::format("unknown funding policy '{}'; allowed: strict, skip", policy));
  }

  // funding: pool_field and pools (lint checks how they fit together).
  void load_pools(const YamlNode& funding) {
    if (const YamlNode& field = funding["pool_field"]) {
      m_set.pool_field = field.scalar();
      m_set.pool_field_where = m_yaml.at(field);
    }
    const YamlNode& pools = funding["pools"];
    if (!pools) return;
    m_set.pools_where = m_yaml.at(pools);
    for (const YamlNode& node : sequence(pools, "pools")) {
      if (!mapping(node, "a pool")) continue;
      m_yaml.check_keys(node, {"id", "budget"}, "a pool");
      core::Pool pool;
      pool.id = required_text(node, "id", "a pool");
      pool.where = m_yaml.at(node);
      if (const YamlNode& b = node["budget"]) {
        pool.budget_where = m_yaml.at(b);
        std::string why;
        if (auto money = core::parse_money(b.scalar(), why))
          pool.budget = *money;
        else
          m_yaml.error(b, fmt::format("invalid budget '{}' of pool '{}': {}", b.scalar(), pool.id, why));
      }
      m_set.pools.push_back(std::move(pool));
    }
    if (m_set.call.budget || m_set.pools.empty()) return;
    core::Money sum{0};
    for (const core::Pool& pool : m_set.pools) sum.cents += pool.budget.value_or(core::Money{0}).cents;
    m_set.call.budget = sum;
    m_set.budget_from_pools = true;
    add_call_value("budget", sum, pools);
  }

  void load_reviews(const YamlNode& reviews) {
    if (!mapping(reviews, "reviews")) return;
    m_yaml.check_keys(reviews, {"min_reviewers", "scale"}, "reviews");
    util::Location& where = m_set.reviews.min_reviewers_where;
    if (auto n = whole_number(reviews["min_reviewers"], "min_reviewers", where)) m_set.reviews.min_reviewers = *n;
    load_scale(reviews["scale"]);
  }

  // The texts of the decision letters: each in fi, sv and en (a plain string is English).
  void load_letters(const YamlNode& letters) {
    if (!mapping(letters, "letters")) return;
    m_yaml.check_keys(letters, {"sender", "signature", "appeal", "contact"}, "letters");
    core::Letters& l = m_set.letters;
    l.where = m_yaml.at(letters);
    for (auto [key, text, where] :
         {std::tuple{"sender", &l.sender, &l.sender_where}, std::tuple{"signature", &l.signature, &l.signature_where},
          std::tuple{"appeal", &l.appeal, &l.appeal_where}, std::tuple{"contact", &l.contact, &l.contact_where}}) {
      const YamlNode& node = letters[key];
      if (!node) continue;
      *where = m_yaml.at(node);
      *text = titles(node, fmt::format("letters.{}", key));
    }
  }

  // The scale of the reviewers' scores: `scale: {min: 0, max: 5}`, in whole or half points.
  void load_scale(const YamlNode& scale) {
    if (!mapping(scale, "the score scale")) return;
    m_yaml.check_keys(scale, {"min", "max"}, "the score scale");
    core::Reviews& r = m_set.reviews;
    r.scale_where = m_yaml.at(scale);
    util::Location unused;
    for (auto [key, bound] : {std::pair{"min", &r.scale.min_halves}, std::pair{"max", &r.scale.max_halves}}) {
      auto value = thousandths(scale[key], key, unused);
      if (value && (value->value < 0 || value->value > 100'000 || value->value % 500 != 0))
        m_yaml.error(scale[key], fmt::format("the score scale's {} is a whole or half point from 0 to 100, not '{}'",
                                             key, scale[key].scalar()));
      else if (value)
        *bound = static_cast<int>(value->value / 500);
    }
    if (r.scale.max_halves <= r.scale.min_halves)
      m_yaml.error(
          scale, fmt::format("the score scale runs from {}; its max must be above its min", core::to_string(r.scale)));
  }

  // Where each header a field's `column` names is written.
  struct ColumnPlace {
    std::string header;
    size_t field;
    util::Location where;
  };

  YamlSource m_yaml;
  CriteriaSet m_set;
  std::vector<ColumnPlace> m_columns;
  size_t m_rule_problems = 0;
  bool m_pools_given = false; // funding: pools, which give the call its budget if it has none
};

} // namespace

CriteriaCheck check_criteria(std::string_view text, std::string_view source, core::SetUse use) {
  CriteriaLoader loader(text, std::string(source));
  CriteriaCheck check;
  check.set = loader.load();
  check.problems = std::move(loader.problems());
  // A set whose structure is broken would only give knock-on lint findings; a rule fault is
  // local, so the lint checks still run beside it.
  if (check.problems.size() == loader.rule_problems())
    for (auto& d : core::lint(check.set, use)) check.problems.push_back(std::move(d));
  std::stable_sort(check.problems.begin(), check.problems.end(), [](const auto& a, const auto& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  return check;
}

CriteriaSet parse_criteria(std::string_view text, std::string_view source, core::SetUse use) {
  CriteriaCheck check = check_criteria(text, source, use);
  auto errors = std::count_if(check.problems.begin(), check.problems.end(),
                              [](const util::Diagnostic& d) { return d.severity == util::Severity::error; });
  if (errors > 0) throw util::Error(util::ErrorKind::criteria, std::move(check.problems));
  return std::move(check.set);
}

CriteriaSet load_criteria_file(const std::string& path, core::SetUse use) {
  return parse_criteria(read_file(path, util::ErrorKind::criteria), path, use);
}

} // namespace fundscreen::io
