// SPDX-License-Identifier: Apache-2.0
// `json`: one document, pretty-printed with two spaces a level (deterministic, and a diff of
// two runs reads line by line). `jsonl`: the normalised stream of jsonl_lines.hpp.
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/funding.hpp"
#include "report/json_out.hpp"
#include "report/jsonl_lines.hpp"
#include "report/summary.hpp"
#include "report/writers.hpp"
#include "trail/seal.hpp"
#include "trail/sealing_stream.hpp"

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

// A review; `pass_score` follows on a verdict derived from the score by it.
void write_review(JsonOut& json, const core::Review& review, const core::Criterion& c) {
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
  if (review.derived && c.pass_score) {
    json.key("pass_score");
    json.number(core::to_string(*c.pass_score));
  }
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
  for (const core::Review& review : r.reviews) write_review(json, review, *r.criterion);
  json.end_array();
  json.key("mean_score");
  write_score(json, r.mean_score);
  json.end_object();
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
  if (info.set && !info.set->pools.empty()) {
    json.key("pool");
    if (int pool = core::pool_of(*info.set, *view.app); pool >= 0)
      json.string(info.set->pools[static_cast<size_t>(pool)].id);
    else
      json.null();
  }
  json.field("decided_by", a.decided_by);
  write_strings(json, "failed", a.failed);
  write_strings(json, "unclear", a.unclear);
  write_strings(json, "pending", a.pending);
  json.key("criteria");
  json.begin_array();
  for (const core::CriterionResult& r : a.criteria) write_criterion(json, r, info.lang);
  json.end_array();
  if (info.screening) write_resolution_members(json, view);
}

// What a writer writes goes through a splitter on its way out, and the seal is made of the
// units it found: the same rule `verify` reads them back by.
class Sealer {
public:
  Sealer(std::ostream& out, trail::TrailFormat format, const trail::SigningKey* key)
      : m_format(format), m_key(key), m_split(format), m_stream(&out, m_split) {}

  std::ostream& stream() { return m_stream; }

  // Writes the seal of everything written so far, for the run `info`, to the stream, past
  // the splitter; nothing may be written through it after, but the seal's line end or brace.
  void write_seal(const core::RunInfo& info) {
    m_stream.flush();
    m_stream.stop_splitting();
    trail::Seal seal;
    seal.tool_version = info.tool_version;
    seal.criteria_sha256 = info.criteria_sha256;
    for (const core::InputFile& input : info.inputs) seal.inputs.push_back({input.role, input.path, input.sha256});
    seal.units = m_split.take_hashes();
    seal.head = trail::chain_head(seal.units);
    trail::write_seal(m_stream, seal, m_format, m_key);
  }

private:
  trail::TrailFormat m_format;
  const trail::SigningKey* m_key;
  trail::Splitter m_split;
  trail::SplittingStream m_stream;
};

class JsonDocumentWriter final : public Writer {
public:
  explicit JsonDocumentWriter(std::unique_ptr<Sealer> sealer)
      : m_sealer(std::move(sealer)), m_json(m_sealer->stream(), JsonStyle::pretty) {}

  Needs needs() const override { return {Detail::traced, true}; } // the trail and the inputs' SHA-256

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

  // The seal is the top-level object's last member, on one line.
  void end() override {
    m_json.end_array();
    m_json.flush(); // the last unit through the splitter
    m_json.key("seal");
    m_json.written(""); // the seal follows the key, as its value
    m_json.flush();
    m_sealer->write_seal(m_info);
    m_json.end_object();
    m_json.end_line();
    m_json.flush();
  }

private:
  std::unique_ptr<Sealer> m_sealer;
  JsonOut m_json;
  core::RunInfo m_info;
};

class JsonLinesWriter final : public RowWriter {
public:
  // `sealer` is held by the object whose stream the rows go to, made before it.
  explicit JsonLinesWriter(std::unique_ptr<Sealer> sealer) : RowWriter(sealer->stream()), m_sealer(std::move(sealer)) {}

  Needs needs() const override { return {Detail::traced, true}; } // the trail and the inputs' SHA-256

  void begin(const core::RunInfo& info) override {
    m_info = info;
    m_lines.emplace(info);
    m_lines->append_run(buffer());
    flush();
  }

  // The seal is the last line.
  void end() override {
    flush();
    m_sealer->write_seal(m_info);
    buffer() += '\n';
    flush();
  }

  // An application's line, appended to `out`; safe to call from several threads at once.
  void format(const core::ApplicationView& view, std::string& out) const override {
    m_lines->append_application(out, view);
  }

  // A line shows the id, applicant and title, and the values the rules read.
  std::optional<std::vector<std::string>> fields_shown() const override {
    return std::vector<std::string>{"id", "applicant", "title"};
  }

private:
  std::unique_ptr<Sealer> m_sealer;
  std::optional<JsonlLines> m_lines;
  core::RunInfo m_info;
};

} // namespace

std::unique_ptr<Writer> make_json_writer(std::ostream& out, JsonLines lines, const trail::SigningKey* seal_key) {
  if (lines == JsonLines::yes)
    return std::make_unique<JsonLinesWriter>(std::make_unique<Sealer>(out, trail::TrailFormat::jsonl, seal_key));
  return std::make_unique<JsonDocumentWriter>(std::make_unique<Sealer>(out, trail::TrailFormat::json, seal_key));
}

} // namespace fundscreen::report
