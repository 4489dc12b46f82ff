// SPDX-License-Identifier: Apache-2.0
// GitHub Actions workflow commands:
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
// SARIF 2.1.0: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
#include "report/problem_formats.hpp"

#include <fmt/format.h>

#include "report/json_out.hpp"
#include "report/problem_rules.hpp"

namespace fundscreen::report {

namespace {

// `text` with % CR LF (and the characters of `also`) percent-encoded, as the runner decodes
// them, and the other control characters but tab (NUL, ESC among them) as U+FFFD, so that
// data can neither end the command nor reach the log as control codes.
std::string percent_escaped(std::string_view text, std::string_view also) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '%' || c == '\r' || c == '\n' || also.find(c) != std::string_view::npos)
      out += fmt::format("%{:02X}", u);
    else if ((u < 0x20 && c != '\t') || u == 0x7F)
      out += "\xEF\xBF\xBD";
    else
      out += c;
  }
  return out;
}

// A file name as a URI reference (RFC 3986): a relative path stays relative (to the
// repository root, where a pipeline runs), an absolute one becomes a file: URI; every byte
// but the unreserved ones and '/' is percent-encoded.
std::string file_uri(std::string_view path) {
  std::string out = path.starts_with('/') ? "file://" : "";
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' || c == '.' ||
                 c == '_' || c == '~' || c == '/';
    out += plain ? std::string(1, c) : fmt::format("%{:02X}", u);
  }
  return out;
}

void text_member(JsonOut& json, std::string_view name, std::string_view text) {
  json.key(name);
  json.begin_object();
  json.field("text", text);
  json.end_object();
}

// `duplicate-id` as `DuplicateId`: SARIF's rule name is an identifier, the title is for people.
std::string identifier(std::string_view id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

void write_rule(JsonOut& json, const ProblemRule& rule) {
  json.begin_object();
  json.field("id", rule.id);
  json.field("name", identifier(rule.id));
  text_member(json, "shortDescription", rule.title);
  text_member(json, "fullDescription", rule.help);
  text_member(json, "help", rule.help);
  json.end_object();
}

void write_location(JsonOut& json, const util::Location& where) {
  json.key("locations");
  json.begin_array();
  json.begin_object();
  json.key("physicalLocation");
  json.begin_object();
  json.key("artifactLocation");
  json.begin_object();
  json.field("uri", file_uri(where.source));
  json.end_object();
  if (where.line > 0) {
    json.key("region");
    json.begin_object();
    json.key("startLine");
    json.integer(where.line);
    if (where.column > 0) {
      json.key("startColumn");
      json.integer(where.column);
    }
    json.end_object();
  }
  json.end_object();
  json.end_object();
  json.end_array();
}

void write_result(JsonOut& json, const util::Diagnostic& d) {
  size_t rule = problem_rule(d);
  json.begin_object();
  json.field("ruleId", problem_rules()[rule].id);
  json.key("ruleIndex");
  json.integer(static_cast<int64_t>(rule));
  json.field("level", d.severity == util::Severity::error ? "error" : "warning");
  text_member(json, "message", d.message);
  if (!d.where.source.empty()) write_location(json, d.where);
  json.end_object();
}

} // namespace

std::string github_data(std::string_view text) { return percent_escaped(text, ""); }

std::string github_property(std::string_view text) { return percent_escaped(text, ":,"); }

std::string github_command(std::string_view command, const util::Location& where, std::string_view title,
                           std::string_view message) {
  std::vector<std::string> properties;
  if (!where.source.empty()) properties.push_back("file=" + github_property(where.source));
  if (!where.source.empty() && where.line > 0) properties.push_back(fmt::format("line={}", where.line));
  if (!where.source.empty() && where.line > 0 && where.column > 0)
    properties.push_back(fmt::format("col={}", where.column));
  if (!title.empty()) properties.push_back("title=" + github_property(title));
  return fmt::format("::{} {}::{}\n", command, fmt::join(properties, ","), github_data(message));
}

std::string github_annotation(const util::Diagnostic& d) {
  const ProblemRule& rule = problem_rules()[problem_rule(d)];
  return github_command(d.severity == util::Severity::error ? "error" : "warning", d.where,
                        fmt::format("fundscreen: {} ({})", rule.title, rule.id), d.message);
}

void write_sarif(const std::vector<util::Diagnostic>& problems, std::string_view version, std::ostream& out) {
  JsonOut json(out, JsonStyle::pretty);
  json.begin_object();
  json.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  json.field("version", "2.1.0");
  json.key("runs");
  json.begin_array();
  json.begin_object();
  json.key("tool");
  json.begin_object();
  json.key("driver");
  json.begin_object();
  json.field("name", "fundscreen");
  json.field("version", version);
  json.key("rules");
  json.begin_array();
  for (const ProblemRule& rule : problem_rules()) write_rule(json, rule);
  json.end_array();
  json.end_object();
  json.end_object();
  json.field("columnKind", "unicodeCodePoints");
  json.key("results");
  json.begin_array();
  for (const util::Diagnostic& d : problems) write_result(json, d);
  json.end_array();
  json.end_object();
  json.end_array();
  json.end_object();
  json.end_line();
}

} // namespace fundscreen::report
