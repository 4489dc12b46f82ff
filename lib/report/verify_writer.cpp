// SPDX-License-Identifier: Apache-2.0
#include "report/verify_writer.hpp"

#include <fmt/format.h>

#include "report/json_out.hpp"

namespace fundscreen::report {

namespace {

std::string place(const std::string& path, uint64_t line) { return line ? fmt::format("{}:{}", path, line) : path; }

std::string key_name(const std::string& fingerprint) { return "SHA256:" + fingerprint.substr(0, 16); }

void write_table(std::ostream& out, const std::string& path, const trail::TrailCheck& check,
                 std::optional<size_t> rescreened) {
  for (const trail::Finding& f : check.findings)
    out << fmt::format("{}: {}: {}\n", place(path, f.line), trail::finding_kind_name(f.kind), f.message);
  if (!check.findings.empty()) {
    out << fmt::format("NOT VERIFIED: {} finding{}\n", check.findings.size(), check.findings.size() == 1 ? "" : "s");
    return;
  }
  std::string head = trail::to_hex(check.head).substr(0, 12);
  if (check.signed_by.empty()) {
    out << fmt::format("verified: {} units, head {}, unsigned (anyone could have sealed it; screen --seal KEY "
                       "signs)\n",
                       check.units, head);
  } else {
    out << fmt::format("verified: {} units, head {}, signed by key {}\n", check.units, head, key_name(check.signed_by));
    if (check.key_source == trail::KeySource::own)
      out << "the key is the trail's own, from its seal: --public-key KEY.pub proves who sealed it\n";
  }
  if (rescreened)
    out << fmt::format("re-screened {} applications from the same inputs: the same decisions, ranks and trails\n",
                       *rescreened);
}

void write_json(std::ostream& out, const std::string& path, const trail::TrailCheck& check,
                std::optional<size_t> rescreened) {
  JsonOut json(out, JsonStyle::pretty);
  json.begin_object();
  json.field("trail", path);
  json.key("verified");
  json.boolean(check.findings.empty());
  json.key("units");
  json.integer(static_cast<int64_t>(check.units));
  json.field("head", trail::to_hex(check.head));
  json.key("signed_by");
  if (check.signed_by.empty())
    json.null();
  else
    json.string(check.signed_by);
  json.key("key");
  if (check.key_source == trail::KeySource::none)
    json.null();
  else
    json.string(check.key_source == trail::KeySource::own ? "own" : "given");
  json.key("rescreened");
  if (rescreened)
    json.integer(static_cast<int64_t>(*rescreened));
  else
    json.null();
  json.key("findings");
  json.begin_array();
  for (const trail::Finding& f : check.findings) {
    json.begin_object();
    json.field("kind", trail::finding_kind_name(f.kind));
    json.key("line");
    if (f.line)
      json.integer(static_cast<int64_t>(f.line));
    else
      json.null();
    json.key("id");
    if (f.id.empty())
      json.null();
    else
      json.string(f.id);
    json.field("message", f.message);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.end_line();
}

} // namespace

void write_verification(std::ostream& out, const std::string& path, const trail::TrailCheck& check,
                        std::optional<size_t> rescreened, VerifyFormat format) {
  if (format == VerifyFormat::json)
    write_json(out, path, check, rescreened);
  else
    write_table(out, path, check, rescreened);
}

} // namespace fundscreen::report
