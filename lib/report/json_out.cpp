// SPDX-License-Identifier: Apache-2.0
#include "report/json_out.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "core/date.hpp"
#include "report/escape.hpp"

namespace fundscreen::report {

void JsonOut::flush() {
  if (!m_out) return;
  m_out->write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
  m_buffer.clear();
}

void JsonOut::end_line() {
  m_buffer += '\n';
  if (m_buffer.size() >= (size_t{1} << 16)) flush();
}

void JsonOut::new_line() {
  if (m_style == JsonStyle::compact) return;
  m_buffer += '\n';
  m_buffer.append(2 * m_filled.size(), ' ');
}

void JsonOut::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_filled.empty()) return;
  if (m_filled.back()) m_buffer += ',';
  m_filled.back() = true;
  new_line();
}

void JsonOut::key(std::string_view name) {
  before_value();
  m_buffer += '"';
  append_json_escaped(m_buffer, name);
  m_buffer += m_style == JsonStyle::pretty ? "\": " : "\":";
  m_after_key = true;
}

void JsonOut::open(char bracket) {
  before_value();
  m_buffer += bracket;
  m_filled.push_back(false);
}

void JsonOut::close(char bracket) {
  bool filled = m_filled.back();
  m_filled.pop_back();
  if (filled) new_line();
  m_buffer += bracket;
  // A whole value is in the stream once it ends, so that a caller may write to the stream
  // itself between values (a line end after each, as JSON Lines has).
  if (m_filled.empty() || m_buffer.size() >= (size_t{1} << 16)) flush();
}

void JsonOut::string(std::string_view text) {
  before_value();
  m_buffer += '"';
  append_json_escaped(m_buffer, text);
  m_buffer += '"';
}

void JsonOut::integer(int64_t value) {
  before_value();
  m_buffer += std::to_string(value);
}

void JsonOut::number(std::string_view literal) {
  before_value();
  m_buffer += literal;
}

void JsonOut::boolean(bool value) {
  before_value();
  m_buffer += value ? "true" : "false";
}

void JsonOut::null() {
  before_value();
  m_buffer += "null";
}

namespace {

// A value a rule read, typed: money, dates and durations as strings, lists as arrays.
struct ValueJson {
  JsonOut& json;
  void operator()(std::monostate) const { json.null(); }
  void operator()(bool b) const { json.boolean(b); }
  void operator()(int64_t i) const { json.integer(i); }
  void operator()(double d) const {
    if (std::isfinite(d))
      json.number(fmt::format("{}", d));
    else
      json.null();
  }
  void operator()(core::Money m) const { json.string(core::to_string(m)); }
  void operator()(const std::string& s) const { json.string(s); }
  void operator()(core::Date d) const { json.string(core::to_string(d)); }
  void operator()(core::Duration d) const { json.string(core::to_string(d)); }
  void operator()(const core::StringList& list) const {
    json.begin_array();
    for (const std::string& s : list) json.string(s);
    json.end_array();
  }
};

} // namespace

void write_value(JsonOut& json, const core::Value& value) { std::visit(ValueJson{json}, value); }

void write_strings(JsonOut& json, std::string_view name, const std::vector<std::string>& items) {
  json.key(name);
  json.begin_array();
  for (const std::string& s : items) json.string(s);
  json.end_array();
}

void write_reads(JsonOut& json, const std::vector<core::RuleRead>& reads) {
  json.key("reads");
  json.begin_array();
  for (const core::RuleRead& read : reads) {
    json.begin_object();
    json.field("path", read.path);
    json.key("value");
    write_value(json, read.value_read());
    json.end_object();
  }
  json.end_array();
}

void write_inputs(JsonOut& json, const std::vector<core::InputFile>& inputs) {
  json.key("inputs");
  json.begin_array();
  for (const core::InputFile& input : inputs) {
    json.begin_object();
    json.field("role", input.role);
    json.field("path", input.path);
    json.field("sha256", input.sha256);
    json.key("records");
    json.integer(static_cast<int64_t>(input.records));
    json.end_object();
  }
  json.end_array();
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
  using core::Decision;
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
  if (!info.pools.empty()) { // a set without pools keeps its members as they were
    json.key("pools");
    json.begin_array();
    for (const core::PoolLine& pool : info.pools) {
      json.begin_object();
      json.field("id", pool.id);
      json.field("budget", core::to_string(pool.budget));
      json.field("used", core::to_string(pool.used));
      json.key("funded");
      json.integer(pool.funded);
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
  json.key("timestamp");
  if (info.timestamp)
    json.string(*info.timestamp);
  else
    json.null();
  json.field("lang", info.lang);
  if (!info.screening) return;
  // With resolutions, counts and funding above are the final picture, this the screening's.
  json.key("screening");
  json.begin_object();
  json.key("counts");
  json.begin_object();
  for (Decision d : {Decision::fund, Decision::reserve, Decision::clarify, Decision::pending, Decision::reject}) {
    json.key(core::decision_name(d));
    json.integer(static_cast<int64_t>(info.screening->counts[static_cast<size_t>(d)]));
  }
  json.end_object();
  json.field("used", core::to_string(info.screening->used));
  json.key("funded");
  json.integer(info.screening->funded);
  json.key("resolutions");
  json.integer(static_cast<int64_t>(info.screening->resolutions));
  json.end_object();
}

void write_resolution_members(JsonOut& json, const core::ApplicationView& view) {
  json.key("screened");
  json.begin_object();
  json.field("decision", core::decision_name(view.screened));
  json.key("rank");
  if (view.screened_rank > 0)
    json.integer(view.screened_rank);
  else
    json.null();
  json.end_object();
  json.key("resolution");
  const core::Resolution* r = view.resolution;
  if (!r) return json.null();
  json.begin_object();
  json.field("decision", core::decision_name(r->decision));
  json.key("amount");
  if (r->amount)
    json.string(core::to_string(*r->amount));
  else
    json.null();
  json.field("decided_on", r->decided_on);
  json.field("decided_by", r->decided_by);
  json.field("reason", r->reason);
  json.key("line");
  json.integer(r->where.line);
  json.end_object();
}

std::string resolution_members_text(const core::ApplicationView& view) {
  std::string text;
  {
    JsonOut json(text, JsonStyle::compact);
    json.begin_object();
    write_resolution_members(json, view);
    json.end_object();
  }
  return text.substr(1, text.size() - 2);
}

} // namespace fundscreen::report
