// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/rule.hpp"
#include "core/run_info.hpp"
#include "core/value.hpp"

namespace fundscreen::report {

// Compact: `{"a":1,"b":[2]}` on one line. Pretty: one member or element a line, indented
// by two spaces a level, `"a": 1`, empty containers as `{}` and `[]`.
enum class JsonStyle { compact, pretty };

// Writes JSON to a stream as it goes, so that a document of a million applications never
// has to be held: the caller opens and closes containers and names each object member. The
// text goes through a buffer handed to the stream in blocks of about 64 KiB and whenever a
// top-level value ends, so the caller may write to the stream between values.
class JsonOut {
public:
  JsonOut(std::ostream& out, JsonStyle style) : m_out(&out), m_buffer(m_own), m_style(style) {}
  // Appends to `text` instead, and never hands anything on (one application's line made on
  // a thread of its own, say).
  JsonOut(std::string& text, JsonStyle style) : m_buffer(text), m_style(style) {}
  ~JsonOut() { flush(); }
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;

  // Ends a line of JSON Lines (or the document).
  void end_line();
  // Hands what is buffered to the stream.
  void flush();

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The name of the next member of the open object.
  void key(std::string_view name);

  void string(std::string_view text);
  void integer(int64_t value);
  // A number already written as JSON, such as `3.5`.
  void number(std::string_view literal);
  // Any value already written as compact JSON (the seal), as it is.
  void written(std::string_view json) { number(json); }
  void boolean(bool value);
  void null();

  // A member with a string value.
  void field(std::string_view name, std::string_view text) {
    key(name);
    string(text);
  }

private:
  void before_value();
  void open(char bracket);
  void close(char bracket);
  void new_line();

  std::ostream* m_out = nullptr;
  std::string m_own;
  std::string& m_buffer; // m_own, or the text appended to
  JsonStyle m_style;
  // Per open container: whether it has any member or element yet.
  std::vector<bool> m_filled;
  bool m_after_key = false;
};

// A value a rule read, typed: money, dates and durations as strings, lists as arrays, a
// missing value as null.
void write_value(JsonOut& json, const core::Value& value);

// A member `name` holding `items` as an array of strings.
void write_strings(JsonOut& json, std::string_view name, const std::vector<std::string>& items);

// A member `reads`: the values a rule read, as `{"path": ..., "value": ...}` objects.
void write_reads(JsonOut& json, const std::vector<core::RuleRead>& reads);

// A member `inputs`: each input file's role, path, SHA-256 and record count.
void write_inputs(JsonOut& json, const std::vector<core::InputFile>& inputs);

// The members of the run object: the tool's version, the criteria set, the inputs, the
// counts, the funding line, the timestamp and the language.
void write_run_fields(JsonOut& json, const core::RunInfo& info);

// With resolutions (info.screening): an application's members `screened` (the screening's
// decision and rank) and `resolution` (every column, or null), after its other members.
void write_resolution_members(JsonOut& json, const core::ApplicationView& view);

// The same members as compact JSON text, without braces, for a line of `jsonl`:
// `"screened":{...},"resolution":...`.
std::string resolution_members_text(const core::ApplicationView& view);

} // namespace fundscreen::report
