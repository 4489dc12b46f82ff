// SPDX-License-Identifier: Apache-2.0
// A line is appended piece by piece into the caller's string: the fragments every line
// shares are made once per run, and numbers, amounts and dates are written without
// temporary strings, since a large screening writes millions of these lines.
#include "report/jsonl_lines.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/json_out.hpp"

namespace fundscreen::report {

namespace {

using namespace std::string_view_literals;

void append_string(std::string& out, std::string_view text) {
  out += '"';
  append_json_escaped(out, text);
  out += '"';
}

void append_integer(std::string& out, int64_t value) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, static_cast<size_t>(end - digits));
}

void append_money_string(std::string& out, core::Money money) {
  out += '"';
  core::append_money(out, money);
  out += '"';
}

// A value a rule read, typed as write_value() types it for `json`.
struct AppendValue {
  std::string& out;
  void operator()(std::monostate) const { out += "null"sv; }
  void operator()(bool b) const { out += b ? "true"sv : "false"sv; }
  void operator()(int64_t i) const { append_integer(out, i); }
  void operator()(double d) const {
    if (std::isfinite(d))
      fmt::format_to(std::back_inserter(out), "{}", d);
    else
      out += "null"sv;
  }
  void operator()(core::Money m) const { append_money_string(out, m); }
  void operator()(const std::string& s) const { append_string(out, s); }
  void operator()(core::Date d) const {
    out += '"';
    core::append_date(out, d);
    out += '"';
  }
  void operator()(core::Duration d) const { append_string(out, core::to_string(d)); }
  void operator()(const core::StringList& list) const {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out += ',';
      append_string(out, list[i]);
    }
    out += ']';
  }
};

void append_score(std::string& out, const std::optional<core::Score>& score) {
  if (!score) {
    out += "null"sv;
    return;
  }
  out += R"({"value":")"sv;
  core::append_score(out, *score);
  out += R"(","numerator":)"sv;
  append_integer(out, score->numerator());
  out += R"(,"denominator":)"sv;
  append_integer(out, score->denominator());
  out += '}';
}

void append_strings(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    append_string(out, items[i]);
  }
  out += ']';
}

std::string_view truth_name(core::Truth truth) {
  return truth == core::Truth::yes ? "true" : (truth == core::Truth::no ? "false" : "unknown");
}

// The rule's result that a criterion's status implies when the line leaves it out: a
// criterion passes, or awaits verdicts, only if its rule holds; it is unclear on a rule
// whose truth is unknown, and fails on one that does not hold.
core::Truth implied_truth(core::Status status) {
  if (status == core::Status::fail) return core::Truth::no;
  return status == core::Status::unclear ? core::Truth::unknown : core::Truth::yes;
}

void append_review(std::string& out, const core::Review& review) {
  out += R"({"reviewer":)"sv;
  append_string(out, review.reviewer);
  out += R"(,"verdict":")"sv;
  out += core::verdict_name(review.verdict);
  out += R"(","score":)"sv;
  if (review.score_halves) {
    append_integer(out, *review.score_halves / 2);
    if (*review.score_halves % 2) out += ".5"sv;
  } else {
    out += "null"sv;
  }
  out += R"(,"note":)"sv;
  append_string(out, review.note);
  out += R"(,"left_out":)"sv;
  if (review.left_out.empty())
    out += "null"sv;
  else
    append_string(out, review.left_out);
  out += '}';
}

// `{"id":...,"title":...,"kind":...}` and what the criterion has of rule, weight, minimum
// score and plain reasons.
void write_definition(JsonOut& json, const core::Criterion& c, std::string_view lang) {
  json.begin_object();
  json.field("id", c.id);
  json.field("title", c.title.in(lang));
  json.field("kind", core::kind_name(c.kind));
  if (c.kind != core::CriterionKind::judgement && c.rule) json.field("rule", c.rule->text());
  if (c.weight) {
    json.key("weight");
    json.number(core::to_string(*c.weight));
  }
  if (c.min_score) {
    json.key("min_score");
    json.number(core::to_string(*c.min_score));
  }
  bool opened = false;
  for (auto status : {core::Status::pass, core::Status::fail, core::Status::unclear, core::Status::pending}) {
    std::string_view reason = core::plain_reason(c.kind, status);
    if (reason.empty()) continue;
    if (!opened) json.key("reasons"), json.begin_object(), opened = true;
    json.field(core::status_name(status), reason);
  }
  if (opened) json.end_object();
  json.end_object();
}

} // namespace

JsonlLines::JsonlLines(const core::RunInfo& info) : m_info(info) {
  if (!info.set) return;
  m_applicant_field = info.set->field_index("applicant");
  m_title_field = info.set->field_index("title");
  for (const core::Criterion& c : info.set->criteria) m_criteria.push_back(criterion_line(c));
}

JsonlLines::CriterionLine JsonlLines::criterion_line(const core::Criterion& c) {
  CriterionLine line;
  for (auto status : {core::Status::pass, core::Status::fail, core::Status::unclear, core::Status::pending}) {
    std::string& open = line.open[static_cast<size_t>(status)];
    open = R"({"id":)";
    append_string(open, c.id);
    open += R"(,"status":")";
    open += core::status_name(status);
    open += '"';
  }
  line.kind = c.kind;
  line.has_rule = c.kind != core::CriterionKind::judgement && c.rule.has_value();
  if (line.has_rule)
    for (const std::string& path : c.rule->reads()) {
      std::string key;
      append_string(key, path);
      line.read_keys.emplace_back(path, key + ':');
    }
  return line;
}

void JsonlLines::append_run(std::string& out) const {
  std::ostringstream text;
  {
    JsonOut json(text, JsonStyle::compact);
    json.begin_object();
    json.field("type", "run");
    write_run_fields(json, m_info);
    json.key("definitions");
    json.begin_array();
    if (m_info.set)
      for (const core::Criterion& c : m_info.set->criteria) write_definition(json, c, m_info.lang);
    json.end_array();
    json.end_object();
    json.end_line();
  }
  out += text.str();
}

void JsonlLines::append_display_field(std::string& out, const core::Application& app, int field) const {
  if (field < 0 || static_cast<size_t>(field) >= app.values.size()) {
    out += "null"sv;
    return;
  }
  const core::Value& value = app.values[static_cast<size_t>(field)];
  const auto* text = std::get_if<std::string>(&value);
  if (core::is_missing(value) || (text && text->empty()))
    out += "null"sv;
  else if (text)
    append_string(out, *text);
  else
    append_string(out, core::to_display(value));
}

void JsonlLines::append_read_key(std::string& out, const CriterionLine& line, const std::string& path) {
  for (const auto& [known, key] : line.read_keys)
    if (known == path) {
      out += key;
      return;
    }
  append_string(out, path);
  out += ':';
}

void JsonlLines::append_criterion(std::string& out, const core::CriterionResult& r, size_t index) const {
  // The results come in the set's order; a criterion from elsewhere gets its fragments made here.
  bool ours = index < m_criteria.size() && &m_info.set->criteria[index] == r.criterion;
  CriterionLine other;
  if (!ours) other = criterion_line(*r.criterion);
  const CriterionLine& line = ours ? m_criteria[index] : other;
  out += line.open[static_cast<size_t>(r.status)];
  if (r.reason != core::plain_reason(line.kind, r.status)) {
    out += R"(,"reason":)"sv;
    append_string(out, r.reason);
  }
  if (line.has_rule && r.rule) {
    if (r.rule->truth != implied_truth(r.status)) {
      out += R"(,"rule_result":")"sv;
      out += truth_name(r.rule->truth);
      out += '"';
    }
    if (!r.rule->reason.empty()) {
      out += R"(,"rule_reason":)"sv;
      append_string(out, r.rule->reason);
    }
    out += R"(,"reads":{)"sv;
    for (size_t i = 0; i < r.rule->reads.size(); ++i) {
      if (i) out += ',';
      append_read_key(out, line, r.rule->reads[i].path);
      std::visit(AppendValue{out}, r.rule->reads[i].value);
    }
    out += '}';
  }
  if (line.kind != core::CriterionKind::rule) {
    out += R"(,"reviews":[)"sv;
    for (size_t i = 0; i < r.reviews.size(); ++i) {
      if (i) out += ',';
      append_review(out, r.reviews[i]);
    }
    out += R"(],"mean_score":)"sv;
    append_score(out, r.mean_score);
  }
  out += '}';
}

// Past 80 lines, as the line has as many members as `json`'s application object, in its order.
void JsonlLines::append_application(std::string& out, const core::ApplicationView& view) const {
  const core::Assessed& a = *view.assessed;
  out += R"({"type":"application","id":)"sv;
  append_string(out, a.id);
  out += R"(,"applicant":)"sv;
  append_display_field(out, *view.app, m_applicant_field);
  out += R"(,"title":)"sv;
  append_display_field(out, *view.app, m_title_field);
  out += R"(,"index":)"sv;
  append_integer(out, static_cast<int64_t>(view.index));
  out += R"(,"line":)"sv;
  append_integer(out, view.app->where.line);
  out += R"(,"decision":")"sv;
  out += core::decision_name(view.decision);
  out += R"(","rank":)"sv;
  if (view.placement)
    append_integer(out, view.placement->rank);
  else
    out += "null"sv;
  out += R"(,"score":)"sv;
  append_score(out, a.score);
  out += R"(,"amount":)"sv;
  append_money_string(out, a.amount);
  out += R"(,"cumulative":)"sv;
  if (view.placement && view.decision == core::Decision::fund)
    append_money_string(out, view.placement->cumulative);
  else
    out += "null"sv;
  out += R"(,"decided_by":)"sv;
  append_string(out, a.decided_by);
  out += R"(,"failed":)"sv;
  append_strings(out, a.failed);
  out += R"(,"unclear":)"sv;
  append_strings(out, a.unclear);
  out += R"(,"pending":)"sv;
  append_strings(out, a.pending);
  out += R"(,"criteria":[)"sv;
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    if (i) out += ',';
    append_criterion(out, a.criteria[i], i);
  }
  out += "]}\n"sv;
}

} // namespace fundscreen::report
