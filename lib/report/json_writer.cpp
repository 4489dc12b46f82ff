// SPDX-License-Identifier: Apache-2.0
// `json`: one document, pretty-printed with two spaces a level (deterministic, and a diff of
// two runs reads line by line). `jsonl`: compact, one object a line, the run first.
#include <cmath>

#include <fmt/format.h>

#include "core/date.hpp"
#include "report/json_out.hpp"
#include "report/summary.hpp"
#include "report/writers.hpp"

namespace fundscreen::report {

namespace {

using core::Decision;

void write_score(JsonOut& json, const std::optional<core::Score>& score) {
  if (!score) return json.null();
  json.begin_object();
  json.field("value", core::to_string(*score));
  json.key("numerator");
  json.integer(score->numerator());
  json.key("denominator");
  json.integer(score->denominator());
  json.end_object();
}

std::string_view truth_name(core::Truth truth) {
  return truth == core::Truth::yes ? "true" : (truth == core::Truth::no ? "false" : "unknown");
}

void write_rule(JsonOut& json, const core::CriterionResult& r) {
  json.key("rule");
  if (!r.rule || !r.criterion->rule) return json.null();
  json.begin_object();
  json.field("text", r.criterion->rule->text());
  json.field("result", truth_name(r.rule->truth));
  json.field("reason", r.rule->reason);
  write_reads(json, r.rule->reads);
  json.end_object();
}

void write_review(JsonOut& json, const core::Review& review) {
  json.begin_object();
  json.field("reviewer", review.reviewer);
  json.field("verdict", core::verdict_name(review.verdict));
  json.key("score");
  if (review.score_halves)
    json.number(fmt::format("{}{}", *review.score_halves / 2, *review.score_halves % 2 ? ".5" : ""));
  else
    json.null();
  json.field("note", review.note);
  json.key("left_out");
  if (review.left_out.empty())
    json.null();
  else
    json.string(review.left_out);
  json.end_object();
}

void write_criterion(JsonOut& json, const core::CriterionResult& r, std::string_view lang) {
  json.begin_object();
  json.field("id", r.criterion->id);
  json.field("title", r.criterion->title.in(lang));
  json.field("kind", core::kind_name(r.criterion->kind));
  json.field("status", core::status_name(r.status));
  json.field("reason", r.reason);
  write_rule(json, r);
  json.key("reviews");
  json.begin_array();
  for (const core::Review& review : r.reviews) write_review(json, review);
  json.end_array();
  json.key("mean_score");
  write_score(json, r.mean_score);
  json.end_object();
}

void write_run_fields(JsonOut& json, const core::RunInfo& info) {
  json.field("fundscreen", info.tool_version);
  json.key("criteria");
  json.begin_object();
  json.field("id", info.set ? info.set->id : "");
  json.field("version", info.set ? info.set->version : "");
  json.field("path", info.criteria_path);
  json.field("sha256", info.criteria_sha256);
  json.end_object();
  write_inputs(json, info.inputs);
  json.key("applications");
  json.integer(static_cast<int64_t>(info.applications));
  json.key("counts");
  json.begin_object();
  for (Decision d : {Decision::fund, Decision::reserve, Decision::clarify, Decision::pending, Decision::reject}) {
    json.key(core::decision_name(d));
    json.integer(static_cast<int64_t>(info.counts[static_cast<size_t>(d)]));
  }
  json.end_object();
  json.key("funding");
  json.begin_object();
  bool skip = info.set && info.set->funding == core::FundingPolicy::skip;
  json.field("policy", skip ? "skip" : "strict");
  json.field("budget", core::to_string(info.budget));
  json.field("used", core::to_string(info.used));
  json.key("funded");
  json.integer(info.funded);
  json.key("eligible");
  json.integer(static_cast<int64_t>(info.eligible));
  json.field("currency", info.set ? info.set->call.currency : "");
  json.end_object();
  json.key("timestamp");
  if (info.timestamp)
    json.string(*info.timestamp);
  else
    json.null();
  json.field("lang", info.lang);
}

// The application's field `name` as text, or null when the set has no such field or it is missing.
void write_display_field(JsonOut& json, const core::RunInfo& info, const core::Application& app,
                         std::string_view name) {
  json.key(name);
  std::string text = field_text(info, app, name);
  if (text.empty())
    json.null();
  else
    json.string(text);
}

// The score is given whenever the screening computed one: for eligible applications, and
// for one rejected for a total below the set's minimum, whose score is the reason.
void write_application_fields(JsonOut& json, const core::RunInfo& info, const core::ApplicationView& view) {
  const core::Assessed& a = *view.assessed;
  json.field("id", a.id);
  write_display_field(json, info, *view.app, "applicant");
  write_display_field(json, info, *view.app, "title");
  json.key("index");
  json.integer(static_cast<int64_t>(view.index));
  json.key("line");
  json.integer(view.app->where.line);
  json.field("decision", core::decision_name(view.decision));
  json.key("rank");
  if (view.placement)
    json.integer(view.placement->rank);
  else
    json.null();
  json.key("score");
  write_score(json, a.score);
  json.field("amount", core::to_string(a.amount));
  json.key("cumulative");
  if (view.placement && view.decision == Decision::fund)
    json.string(core::to_string(view.placement->cumulative));
  else
    json.null();
  json.field("decided_by", a.decided_by);
  write_strings(json, "failed", a.failed);
  write_strings(json, "unclear", a.unclear);
  write_strings(json, "pending", a.pending);
  json.key("criteria");
  json.begin_array();
  for (const core::CriterionResult& r : a.criteria) write_criterion(json, r, info.lang);
  json.end_array();
}

class JsonDocumentWriter final : public Writer {
public:
  explicit JsonDocumentWriter(std::ostream& out) : m_json(out, JsonStyle::pretty) {}

  void begin(const core::RunInfo& info) override {
    m_info = info;
    m_json.begin_object();
    m_json.key("run");
    m_json.begin_object();
    write_run_fields(m_json, m_info);
    m_json.end_object();
    m_json.key("applications");
    m_json.begin_array();
  }

  void add(const core::ApplicationView& view) override {
    m_json.begin_object();
    write_application_fields(m_json, m_info, view);
    m_json.end_object();
  }

  void end() override {
    m_json.end_array();
    m_json.end_object();
    m_json.end_line();
    m_json.flush();
  }

private:
  JsonOut m_json;
  core::RunInfo m_info;
};

class JsonLinesWriter final : public Writer {
public:
  explicit JsonLinesWriter(std::ostream& out) : m_out(out), m_json(out, JsonStyle::compact) {}

  void begin(const core::RunInfo& info) override {
    m_info = info;
    m_json.begin_object();
    m_json.field("type", "run");
    write_run_fields(m_json, m_info);
    m_json.end_object();
    m_json.end_line();
    m_json.flush(); // the application lines go to the stream on their own
  }

  void add(const core::ApplicationView& view) override {
    m_line.clear();
    format(view, m_line);
    add_formatted(m_line);
  }

  void end() override {
    m_out.write(m_lines.data(), static_cast<std::streamsize>(m_lines.size()));
    m_lines.clear();
  }

  bool formats_each() const override { return true; }

  // An application's line, appended to `out` by a JsonOut of the calling thread's own.
  void format(const core::ApplicationView& view, std::string& out) const override {
    JsonOut json(out, JsonStyle::compact);
    json.begin_object();
    json.field("type", "application");
    write_application_fields(json, m_info, view);
    json.end_object();
    json.end_line();
  }

  void add_formatted(std::string_view text) override {
    constexpr size_t k_block = size_t{1} << 16;
    if (m_lines.empty() && text.size() >= k_block) // large enough to hand on as it is
      m_out.write(text.data(), static_cast<std::streamsize>(text.size()));
    else
      m_lines += text;
    if (m_lines.size() >= k_block) end();
  }

private:
  std::ostream& m_out;
  JsonOut m_json;
  core::RunInfo m_info;
  std::string m_line;
  std::string m_lines;
};

} // namespace

std::unique_ptr<Writer> make_json_writer(std::ostream& out, JsonLines lines) {
  if (lines == JsonLines::yes) return std::make_unique<JsonLinesWriter>(out);
  return std::make_unique<JsonDocumentWriter>(out);
}

} // namespace fundscreen::report
