// SPDX-License-Identifier: Apache-2.0
// Fuzzes the readers of a call's other records: outcome reports, resolutions, the roster of
// reviewers and the declared conflicts of interest (lib/io/record_loaders.*,
// resolution_loader.*), each from a CSV or a YAML file. The first byte chooses the reader and
// the options, the rest is the file, written to a temporary file since the loaders read by
// path. Every problem is collected, sorted and formatted; what a loader returns must keep
// the promises of its header comment.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <variant>
#include <vector>

#include <unistd.h>

#include "core/criteria_set.hpp"
#include "core/date.hpp"
#include "core/records.hpp"
#include "core/resolution.hpp"
#include "core/roster.hpp"
#include "io/record_loaders.hpp"
#include "io/resolution_loader.hpp"
#include "sitra_set.hpp"
#include "util/diagnostics.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

using namespace fundscreen;

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_records: %s\n", what);
  __builtin_trap();
}

// True if `value` is missing or of the alternative that fields of `spec`'s type hold, and an
// enumeration's value is one of its values.
bool fits(const core::Value& value, const core::FieldSpec& spec) {
  if (core::is_missing(value)) return true;
  switch (spec.type) {
  case core::FieldType::string:
  case core::FieldType::text: return std::holds_alternative<std::string>(value);
  case core::FieldType::enumeration: {
    const auto* s = std::get_if<std::string>(&value);
    return s && std::find(spec.values.begin(), spec.values.end(), *s) != spec.values.end();
  }
  case core::FieldType::date: return std::holds_alternative<core::Date>(value);
  case core::FieldType::money: return std::holds_alternative<core::Money>(value);
  case core::FieldType::integer: return std::holds_alternative<int64_t>(value);
  case core::FieldType::number: return std::holds_alternative<double>(value);
  case core::FieldType::boolean: return std::holds_alternative<bool>(value);
  case core::FieldType::list: return std::holds_alternative<core::StringList>(value);
  }
  return false;
}

// Upper bounds for a location in `text`: its number of lines (counting every '\n', '\r' and
// Unicode line break, so a reader that breaks lines at any of them stays inside) and the
// bytes of its longest '\n'-separated line (a column counts characters, never more).
struct Bounds {
  int lines = 1;
  int longest = 0;
};

Bounds bounds_of(std::string_view text) {
  Bounds b;
  int length = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\r' || c == 0x85) ++b.lines; // 0x85: NEL (after 0xc2) or in Windows-1252
    if (c == 0xe2 && i + 2 < text.size() && text[i + 1] == '\x80' && (text[i + 2] == '\xa8' || text[i + 2] == '\xa9'))
      ++b.lines;
    if (c == '\n') {
      b.longest = std::max(b.longest, length);
      length = 0;
    } else {
      ++length;
    }
  }
  b.longest = std::max(b.longest, length);
  return b;
}

// Every problem in `path` must lie inside the file; all are sorted and formatted.
void check_diagnostics(util::Diagnostics& diagnostics, const std::string& path, std::string_view text) {
  Bounds b = bounds_of(text);
  for (const util::Diagnostic& d : diagnostics.items()) {
    if (d.where.source != path) continue; // a workbook's sheet (`path:Sheet1!`) counts rows and columns
    if (d.where.line < 0 || d.where.line > b.lines) fail("a problem on a line past the end of the file");
    if (d.where.column < 0 || d.where.column > b.longest + 1) fail("a problem at a column past its line");
    if (d.message.empty()) fail("a problem without a message");
  }
  diagnostics.sort_by_place();
  for (const util::Diagnostic& d : diagnostics.items()) (void)util::format_diagnostic(d);
}

// True if an error was reported at `where` (a cell or row of a record the loader kept).
bool error_at(const util::Diagnostics& diagnostics, const util::Location& where) {
  if (where.line <= 0) return false;
  for (const util::Diagnostic& d : diagnostics.items())
    if (d.severity == util::Severity::error && d.where.source == where.source && d.where.line == where.line &&
        d.where.column == where.column)
      return true;
  return false;
}

// read_outcomes: bad rows are reported and left out; what is kept has a value (or a gap) for
// every outcome field, of that field's type, and names its application.
void check_outcomes(const std::vector<core::Outcome>& outcomes) {
  std::span<const core::FieldSpec> fields = core::outcome_fields();
  for (const core::Outcome& o : outcomes) {
    if (o.values.size() != fields.size()) fail("an outcome of the wrong width");
    for (size_t i = 0; i < fields.size(); ++i)
      if (!fits(o.values[i], fields[i])) fail("an outcome value of the wrong type");
    if (!std::holds_alternative<std::string>(o.values[0])) fail("an outcome without its application");
    (void)core::to_display(o.values[4]);
  }
}

// read_resolutions: a bad cell, an empty reason or a second resolution of one application is
// reported and its row left out.
void check_resolutions(const core::Resolutions& resolutions, const util::Diagnostics& diagnostics) {
  std::unordered_set<std::string> seen;
  for (const core::Resolution& r : resolutions.all()) {
    if (r.application.empty()) fail("a resolution without its application");
    if (!seen.insert(r.application).second) fail("a second resolution of one application kept");
    if (resolutions.find(r.application) != &r) fail("a resolution not found by its application");
    if (util::trim(r.reason).empty()) fail("a resolution without a reason kept");
    if (r.amount && r.amount->cents < 0) fail("a negative agreed amount kept");
    std::string why;
    auto date = core::parse_date(r.decided_on, why);
    if (!date || core::to_string(*date) != r.decided_on) fail("a resolution's date does not read back");
    for (const util::Location* cell : {&r.application_where, &r.decision_where, &r.amount_where, &r.reason_where})
      if (error_at(diagnostics, *cell)) fail("a resolution kept with an error at its cell");
  }
}

// read_roster: nothing if the file could not be read whole; a roster has unique ids, each
// found, and the only errors beside it are the roster's own checks.
void check_roster(const std::optional<core::Roster>& roster, const util::Diagnostics& diagnostics) {
  if (!roster) return;
  std::unordered_set<std::string> ids;
  for (const core::RosterReviewer& r : roster->reviewers()) {
    if (r.id.empty()) fail("a reviewer without an id on the roster");
    if (!ids.insert(r.id).second) fail("a reviewer twice on the roster");
    if (roster->find(r.id) != &r) fail("a reviewer not found by its id");
    (void)roster->unknown(r.name);
  }
  (void)roster->unknown("Liisa Heikkila");
  for (const util::Diagnostic& d : diagnostics.items()) {
    if (d.severity != util::Severity::error) continue;
    std::string_view m = d.message;
    if (!m.starts_with("duplicate reviewer '") && !m.starts_with("unknown criterion '") &&
        !m.starts_with("criterion '"))
      fail("a roster returned from a file with a reading error");
  }
}

// read_conflicts: each conflict kept has a reviewer and names an application or an applicant.
void check_conflicts(const std::vector<core::Conflict>& conflicts) {
  for (const core::Conflict& c : conflicts) {
    if (c.reviewer.empty()) fail("a conflict without its reviewer");
    if (c.application.empty() && c.applicant.empty()) fail("a conflict naming nobody kept");
  }
  util::Diagnostics checked;
  core::check_conflict_reviewers(conflicts, nullptr, nullptr, checked);
  for (const util::Diagnostic& d : checked.items()) (void)util::format_diagnostic(d);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const core::CriteriaSet& set = fuzz::sitra_set();
  // The first byte: bits 0-1 the reader (outcomes, resolutions, roster, conflicts), bit 2 YAML
  // instead of CSV, bit 3 the delimiter (detected or ';'), bit 4 Windows-1252 instead of UTF-8,
  // bit 5 doubtful input rejected (--strict).
  const uint8_t choice = data[0];
  const int reader = choice & 3;
  const bool yaml = choice & 4;
  io::InputOptions options;
  options.csv.delimiter = (choice & 8) ? ';' : 0;
  options.csv.encoding = (choice & 16) ? io::Encoding::windows_1252 : io::Encoding::utf8;
  options.doubts = (choice & 32) ? io::Doubts::reject : io::Doubts::warn;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  static const std::string stem = "/tmp/fuzz_records-" + std::to_string(getpid());
  const std::string path = stem + (yaml ? ".yaml" : ".csv");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) fail("cannot write the temporary file");
  }

  util::Diagnostics diagnostics;
  switch (reader) {
  case 0: check_outcomes(io::read_outcomes(path, options, diagnostics)); break;
  case 1: check_resolutions(io::read_resolutions(path, options, diagnostics), diagnostics); break;
  case 2: check_roster(io::read_roster(path, options, set, diagnostics), diagnostics); break;
  default: check_conflicts(io::read_conflicts(path, options, diagnostics)); break;
  }
  std::remove(path.c_str()); // none is left behind once the run ends
  check_diagnostics(diagnostics, path, text);
  return 0;
}
