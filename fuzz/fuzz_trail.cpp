// SPDX-License-Identifier: Apache-2.0
// `verify`'s parsers on arbitrary bytes: the trail splitter (fed whole and in pieces, which
// must agree), the seal parser (a seal that parses must write and parse back the same), the
// lenient reader of a unit's first members, and the findings of check_trail and
// compare_units against a sealed list made from the input.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "trail/check.hpp"
#include "trail/json_value.hpp"
#include "trail/seal.hpp"
#include "trail/splitter.hpp"

using namespace fundscreen::trail;

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

Splitter split(std::string_view text, TrailFormat format, size_t piece) {
  Splitter s(format, Capture::heads);
  for (size_t i = 0; i < text.size(); i += piece) s.feed(text.substr(i, piece));
  s.finish();
  return s;
}

void same(const Splitter& a, const Splitter& b) {
  require(a.hashes() == b.hashes());
  require(a.units().size() == b.units().size());
  for (size_t i = 0; i < a.units().size(); ++i) {
    require(a.units()[i].offset == b.units()[i].offset);
    require(a.units()[i].line == b.units()[i].line);
    require(a.units()[i].head == b.units()[i].head && a.units()[i].id == b.units()[i].id &&
            a.units()[i].decision == b.units()[i].decision && a.units()[i].rank == b.units()[i].rank);
  }
  require(a.has_seal() == b.has_seal() && a.seal_text() == b.seal_text() && a.seal_line() == b.seal_line());
  require(a.strays().size() == b.strays().size() && a.complete() == b.complete());
}

// Each unit lies in the text: a jsonl unit is its line; a json unit starts with `{`.
void units_in_text(const Splitter& s, std::string_view text) {
  for (const Unit& unit : s.units()) {
    require(unit.offset <= text.size() && unit.line <= s.end_line());
    if (s.format() == TrailFormat::jsonl) {
      size_t end = text.find('\n', unit.offset);
      std::string_view bytes = text.substr(unit.offset, end == std::string_view::npos ? end : end - unit.offset);
      require(sha256(bytes) == unit.sha256);
    } else {
      require(text[unit.offset] == '{');
    }
  }
}

void seal_round_trip(std::string_view text, TrailFormat format) {
  std::string error;
  std::optional<ParsedSeal> parsed = parse_seal(text, format, error);
  if (!parsed) return;
  parsed->seal.signature.reset();
  std::string again = seal_text(parsed->seal, format, nullptr);
  std::optional<ParsedSeal> back = parse_seal(again, format, error);
  require(back && back->seal.units == parsed->seal.units && back->seal.head == parsed->seal.head &&
          back->seal.inputs.size() == parsed->seal.inputs.size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t control = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  TrailFormat format = control & 1 ? TrailFormat::jsonl : TrailFormat::json;
  Splitter whole = split(text, format, text.size() + 1);
  same(whole, split(text, format, 1 + (control >> 1)));
  units_in_text(whole, text);
  seal_round_trip(whole.seal_text(), format);
  seal_round_trip(text, format);
  for (const Unit& unit : whole.units()) (void)unit_facts(unit);
  std::string error;
  (void)parse_json(text, error);
  TrailCheck check = check_trail(whole, std::nullopt, 20);
  for (const Finding& finding : check.findings) require(finding.line <= whole.end_line() + 1);
  // The units against a list sealed from the bytes themselves: a unit for every line.
  std::vector<Digest> sealed;
  for (size_t from = 0; from < text.size();) {
    size_t end = text.find('\n', from);
    if (end == std::string_view::npos) end = text.size();
    sealed.push_back(sha256(text.substr(from, (end - from) % 3)));
    from = end + 1;
  }
  std::vector<UnitPlace> places;
  for (const Unit& unit : whole.units()) places.push_back({unit.line, {}});
  for (const Finding& finding : compare_units(sealed, whole.hashes(), places, whole.end_line(), 20))
    require(finding.line <= whole.end_line());
  return 0;
}
