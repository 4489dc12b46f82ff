// SPDX-License-Identifier: Apache-2.0
// A line is appended piece by piece into the caller's string, through a pointer into room
// made ahead (LineOut): the fragments every line shares are made once per run, and text,
// numbers, amounts and dates are written in place without temporary strings, since a large
// screening writes millions of these lines.
#include "report/jsonl_lines.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <sstream>

#include <fmt/format.h>

#include "core/funding.hpp"
#include "report/escape.hpp"
#include "report/json_out.hpp"
#include "report/money_text.hpp"

namespace fundscreen::report {

// Appends to the end of a string through a pointer, into room made ahead (the string grown,
// and cut back to what was written when the line is done): the many small pieces of a line
// without a call and a check of the string's capacity each.
class LineOut {
public:
  explicit LineOut(std::string& text) : m_text(text) { grow(text.size(), 0); }
  LineOut(const LineOut&) = delete;
  LineOut& operator=(const LineOut&) = delete;
  ~LineOut() { m_text.resize(static_cast<size_t>(m_at - m_text.data())); }

  // Makes room for `n` more bytes at at().
  __attribute__((always_inline)) void room(size_t n) {
    if (static_cast<size_t>(m_end - m_at) < n) grow(static_cast<size_t>(m_at - m_text.data()), n);
  }
  // Where the next byte goes, and after writing there (within the room made) where it ends.
  char* at() const { return m_at; }
  void moved_to(char* at) { m_at = at; }

  __attribute__((always_inline)) void put(char c) {
    room(1);
    *m_at++ = c;
  }
  __attribute__((always_inline)) void put(std::string_view text) {
    room(text.size());
    std::memcpy(m_at, text.data(), text.size());
    m_at += text.size();
  }

private:
  // About an application line of the peer job; memset when made, so not much more.
  static constexpr size_t k_room = 1536;

  __attribute__((noinline)) void grow(size_t used, size_t n) {
    m_text.resize(used + std::max(n, k_room));
    m_at = m_text.data() + used;
    m_end = m_text.data() + m_text.size();
  }

  std::string& m_text;
  char* m_at = nullptr;
  char* m_end = nullptr;
};

namespace {

using namespace std::string_view_literals;

void append_string(std::string& out, std::string_view text) {
  out += '"';
  append_json_escaped(out, text);
  out += '"';
}

void put_string(LineOut& out, std::string_view text) {
  out.room(json_escaped_room(text.size()) + 2);
  char* at = out.at();
  *at++ = '"';
  at = write_json_escaped(at, text);
  *at++ = '"';
  out.moved_to(at);
}

void put_integer(LineOut& out, int64_t value) {
  constexpr size_t k_digits = 24;
  out.room(k_digits);
  out.moved_to(std::to_chars(out.at(), out.at() + k_digits, value).ptr);
}

void put_money_string(LineOut& out, core::Money money) {
  out.room(core::k_money_room + 2);
  char* at = out.at();
  *at++ = '"';
  at = core::write_money(at, money);
  *at++ = '"';
  out.moved_to(at);
}

// A value a rule read, typed as write_value() types it for `json`.
struct PutValue {
  LineOut& out;
  void operator()(std::monostate) const { out.put("null"sv); }
  void operator()(bool b) const { out.put(b ? "true"sv : "false"sv); }
  void operator()(int64_t i) const { put_integer(out, i); }
  void operator()(double d) const {
    if (std::isfinite(d)) {
      constexpr size_t k_shortest = 32; // "-1.7976931348623157e+308" and more
      out.room(k_shortest);
      out.moved_to(fmt::format_to_n(out.at(), k_shortest, "{}", d).out);
    } else {
      out.put("null"sv);
    }
  }
  void operator()(core::Money m) const { put_money_string(out, m); }
  void operator()(const std::string& s) const { put_string(out, s); }
  void operator()(core::Date d) const {
    out.room(core::k_date_room + 2);
    char* at = out.at();
    *at++ = '"';
    at = core::write_date(at, d);
    *at++ = '"';
    out.moved_to(at);
  }
  void operator()(core::Duration d) const { put_string(out, core::to_string(d)); }
  void operator()(const core::StringList& list) const {
    out.put('[');
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out.put(',');
      put_string(out, list[i]);
    }
    out.put(']');
  }
};

void put_score(LineOut& out, const std::optional<core::Score>& score) {
  if (!score) {
    out.put("null"sv);
    return;
  }
  out.put(R"({"value":")"sv);
  std::string value; // a few digits: no allocation
  core::append_score(value, *score);
  out.put(value);
  out.put(R"(","numerator":)"sv);
  put_integer(out, score->numerator());
  out.put(R"(,"denominator":)"sv);
  put_integer(out, score->denominator());
  out.put('}');
}

void put_strings(LineOut& out, const std::vector<std::string>& items) {
  out.put('[');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.put(',');
    put_string(out, items[i]);
  }
  out.put(']');
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

// A review as json's `reviews` has it; `pass_score` follows on a verdict derived from the score.
void put_review(LineOut& out, const core::Review& review, const core::Criterion& c) {
  out.put(R"({"reviewer":)"sv);
  put_string(out, review.reviewer);
  out.put(R"(,"verdict":")"sv);
  out.put(core::verdict_name(review.verdict));
  out.put(R"(","score":)"sv);
  if (review.score_halves) {
    put_integer(out, *review.score_halves / 2);
    if (*review.score_halves % 2) out.put(".5"sv);
  } else {
    out.put("null"sv);
  }
  out.put(R"(,"note":)"sv);
  put_string(out, review.note);
  out.put(R"(,"left_out":)"sv);
  if (review.left_out.empty())
    out.put("null"sv);
  else
    put_string(out, review.left_out);
  if (review.derived && c.pass_score) {
    out.put(R"(,"pass_score":)"sv);
    out.put(core::to_string(*c.pass_score));
  }
  out.put('}');
}

// `{"id":...,"title":...,"kind":...}` and what the criterion has of rule, weight, minimum
// score and plain reasons.
void write_definition(JsonOut& json, const core::Criterion& c, std::string_view lang) {
  i18n::Lang words = lang_of(lang);
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
  if (c.pass_score) {
    json.key("pass_score");
    json.number(core::to_string(*c.pass_score));
  }
  bool opened = false;
  for (auto status : {core::Status::pass, core::Status::fail, core::Status::unclear, core::Status::pending}) {
    std::string_view reason = core::plain_reason(words, c.kind, status);
    if (reason.empty()) continue;
    if (!opened) json.key("reasons"), json.begin_object(), opened = true;
    json.field(core::status_name(status), reason);
  }
  if (opened) json.end_object();
  json.end_object();
}

} // namespace

JsonlLines::JsonlLines(const core::RunInfo& info) : m_info(info), m_lang(lang_of(info.lang)) {
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

void JsonlLines::append_display_field(LineOut& out, const core::Application& app, int field) const {
  if (field < 0 || static_cast<size_t>(field) >= app.values.size()) {
    out.put("null"sv);
    return;
  }
  const core::Value& value = app.values[static_cast<size_t>(field)];
  const auto* text = std::get_if<std::string>(&value);
  if (core::is_missing(value) || (text && text->empty()))
    out.put("null"sv);
  else if (text)
    put_string(out, *text);
  else
    put_string(out, core::to_display(value));
}

void JsonlLines::append_read_key(LineOut& out, const CriterionLine& line, const core::RuleRead& read) {
  // The index of the path among the rule's reads, as the evaluation recorded it, finds the
  // key at once; a read recorded without it (or from another rule) is looked up.
  auto index = static_cast<size_t>(read.read);
  if (read.read >= 0 && index < line.read_keys.size() && line.read_keys[index].first == read.path) {
    out.put(line.read_keys[index].second);
    return;
  }
  for (const auto& [known, key] : line.read_keys)
    if (known == read.path) {
      out.put(key);
      return;
    }
  put_string(out, read.path);
  out.put(':');
}

void JsonlLines::append_criterion(LineOut& out, const core::CriterionResult& r, size_t index) const {
  // The results come in the set's order; a criterion from elsewhere gets its fragments made here.
  bool ours = index < m_criteria.size() && &m_info.set->criteria[index] == r.criterion;
  CriterionLine other;
  if (!ours) other = criterion_line(*r.criterion);
  const CriterionLine& line = ours ? m_criteria[index] : other;
  out.put(line.open[static_cast<size_t>(r.status)]);
  if (r.reason != core::plain_reason(m_lang, line.kind, r.status)) {
    out.put(R"(,"reason":)"sv);
    put_string(out, r.reason);
  }
  if (line.has_rule && r.rule) {
    if (r.rule->truth != implied_truth(r.status)) {
      out.put(R"(,"rule_result":")"sv);
      out.put(truth_name(r.rule->truth));
      out.put('"');
    }
    if (!r.rule->reason.empty()) {
      out.put(R"(,"rule_reason":)"sv);
      put_string(out, r.rule->reason);
    }
    out.put(R"(,"reads":{)"sv);
    for (size_t i = 0; i < r.rule->reads.size(); ++i) {
      if (i) out.put(',');
      append_read_key(out, line, r.rule->reads[i]);
      std::visit(PutValue{out}, r.rule->reads[i].value_read());
    }
    out.put('}');
  }
  if (line.kind != core::CriterionKind::rule) {
    out.put(R"(,"reviews":[)"sv);
    for (size_t i = 0; i < r.reviews.size(); ++i) {
      if (i) out.put(',');
      put_review(out, r.reviews[i], *r.criterion);
    }
    out.put(R"(],"mean_score":)"sv);
    put_score(out, r.mean_score);
  }
  out.put('}');
}

// Past 80 lines, as the line has as many members as `json`'s application object, in its order.
void JsonlLines::append_application(std::string& text, const core::ApplicationView& view) const {
  const core::Assessed& a = *view.assessed;
  LineOut out(text);
  out.put(R"({"type":"application","id":)"sv);
  put_string(out, a.id);
  out.put(R"(,"applicant":)"sv);
  append_display_field(out, *view.app, m_applicant_field);
  out.put(R"(,"title":)"sv);
  append_display_field(out, *view.app, m_title_field);
  out.put(R"(,"index":)"sv);
  put_integer(out, static_cast<int64_t>(view.index));
  out.put(R"(,"line":)"sv);
  put_integer(out, view.app->where.line);
  out.put(R"(,"decision":")"sv);
  out.put(core::decision_name(view.decision));
  out.put(R"(","rank":)"sv);
  if (view.placement)
    put_integer(out, view.placement->rank);
  else
    out.put("null"sv);
  out.put(R"(,"score":)"sv);
  put_score(out, a.score);
  out.put(R"(,"amount":)"sv);
  put_money_string(out, a.amount);
  out.put(R"(,"cumulative":)"sv);
  if (view.placement && view.decision == core::Decision::fund)
    put_money_string(out, view.placement->cumulative);
  else
    out.put("null"sv);
  if (m_info.set && !m_info.set->pools.empty()) { // as json: only with pools
    out.put(R"(,"pool":)"sv);
    if (int pool = core::pool_of(*m_info.set, *view.app); pool >= 0)
      put_string(out, m_info.set->pools[static_cast<size_t>(pool)].id);
    else
      out.put("null"sv);
  }
  out.put(R"(,"decided_by":)"sv);
  put_string(out, a.decided_by);
  out.put(R"(,"failed":)"sv);
  put_strings(out, a.failed);
  out.put(R"(,"unclear":)"sv);
  put_strings(out, a.unclear);
  out.put(R"(,"pending":)"sv);
  put_strings(out, a.pending);
  out.put(R"(,"criteria":[)"sv);
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    if (i) out.put(',');
    append_criterion(out, a.criteria[i], i);
  }
  if (m_info.screening) { // after the members of a run without resolutions, which stay as they were
    out.put("],"sv);
    out.put(resolution_members_text(view));
    out.put("}\n"sv);
    return;
  }
  out.put("]}\n"sv);
}

} // namespace fundscreen::report
