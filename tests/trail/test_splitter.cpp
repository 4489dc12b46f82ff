// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "trail/splitter.hpp"

using namespace fundscreen::trail;

namespace {

const std::string k_jsonl = "{\"type\":\"run\",\"fundscreen\":\"0.1.0\"}\n"
                            "{\"type\":\"application\",\"id\":\"A-1\",\"title\":\"braces { and \\\" quotes\"}\n"
                            "{\"type\":\"application\",\"id\":\"A-2\"}\n"
                            "{\"type\":\"seal\",\"format\":\"fundscreen-seal/1\"}\n";

const std::string k_json = R"({
  "run": {
    "fundscreen": "0.1.0",
    "note": "a } and a \" and a \\"
  },
  "applications": [
    {
      "id": "A-1",
      "title": "{[ not a unit ]}"
    },
    {
      "id": "A-2"
    }
  ],
  "seal": {"format":"fundscreen-seal/1"}
}
)";

Splitter split(const std::string& text, TrailFormat format, size_t chunk) {
  Splitter s(format, Capture::heads);
  for (size_t i = 0; i < text.size(); i += chunk) s.feed(std::string_view(text).substr(i, chunk));
  s.finish();
  return s;
}

void same_split(const Splitter& a, const Splitter& b) {
  REQUIRE(a.units().size() == b.units().size());
  for (size_t i = 0; i < a.units().size(); ++i) {
    CHECK(a.units()[i].sha256 == b.units()[i].sha256);
    CHECK(a.units()[i].line == b.units()[i].line);
    CHECK(a.units()[i].offset == b.units()[i].offset);
    CHECK(a.units()[i].head == b.units()[i].head);
    CHECK(a.units()[i].id == b.units()[i].id);
    CHECK(a.units()[i].decision == b.units()[i].decision);
  }
  CHECK(a.hashes() == b.hashes());
  CHECK(a.seal_text() == b.seal_text());
  CHECK(a.seal_line() == b.seal_line());
  CHECK(a.strays().size() == b.strays().size());
  CHECK(a.complete() == b.complete());
}

} // namespace

TEST_CASE("trail::Splitter") {
  SUBCASE("jsonl: each line before the seal is a unit, its bytes without the line feed") {
    Splitter s = split(k_jsonl, TrailFormat::jsonl, k_jsonl.size());
    REQUIRE(s.units().size() == 3);
    CHECK(s.units()[1].sha256 == sha256("{\"type\":\"application\",\"id\":\"A-1\",\"title\":\"braces { and \\\" "
                                        "quotes\"}"));
    CHECK(s.units()[2].line == 3);
    CHECK(s.units()[2].offset == k_jsonl.find("{\"type\":\"application\",\"id\":\"A-2\""));
    CHECK(s.has_seal());
    CHECK(s.seal_text() == R"({"type":"seal","format":"fundscreen-seal/1"})");
    CHECK(s.seal_line() == 4);
    CHECK(s.strays().empty());
    CHECK(s.complete());
  }
  SUBCASE("json: the run's value and each application, from { to its matching }") {
    Splitter s = split(k_json, TrailFormat::json, k_json.size());
    REQUIRE(s.units().size() == 3);
    size_t run = k_json.find("{\n    \"fundscreen\"");
    size_t run_end = k_json.find("\n  },") + 4;
    CHECK(s.units()[0].sha256 == sha256(std::string_view(k_json).substr(run, run_end - run)));
    CHECK(s.units()[0].line == 2);
    CHECK(s.units()[1].line == 7);
    CHECK(s.units()[2].line == 11);
    CHECK(s.units()[1].id == "A-1");
    CHECK(s.units()[0].head.starts_with("{\n    \"fundscreen\""));
    CHECK(s.seal_text() == R"({"format":"fundscreen-seal/1"})");
    CHECK(s.seal_line() == 15);
    CHECK(s.complete());
    CHECK(s.strays().empty());
  }
  SUBCASE("fed in pieces of every size, the same units as fed whole") {
    for (auto [text, format] : {std::pair{k_jsonl, TrailFormat::jsonl}, std::pair{k_json, TrailFormat::json}}) {
      Splitter whole = split(text, format, text.size());
      for (size_t chunk = 1; chunk < text.size(); ++chunk) {
        CAPTURE(chunk);
        same_split(whole, split(text, format, chunk));
      }
    }
  }
  SUBCASE("a json document cut off is not complete, and its last unit is not one") {
    std::string cut = k_json.substr(0, k_json.find("\"A-2\""));
    Splitter s = split(cut, TrailFormat::json, 7);
    CHECK_FALSE(s.complete());
    CHECK(s.cut_line() == 11);
    CHECK(s.units().size() == 2);
    CHECK_FALSE(s.has_seal());
  }
  SUBCASE("text outside the units and the seal is a stray") {
    std::string json = k_json;
    json.insert(json.find("  \"applications\""), "  \"note\": {\"a\": 1},\n");
    Splitter s = split(json, TrailFormat::json, 5);
    REQUIRE(s.strays().size() == 1);
    CHECK(s.strays()[0].what == "member 'note'");
    CHECK(s.strays()[0].line == 6);
    Splitter l = split(k_jsonl + "{\"type\":\"application\"}\n", TrailFormat::jsonl, 3);
    REQUIRE(l.strays().size() == 1);
    CHECK(l.strays()[0].line == 5);
    CHECK(l.units().size() == 3);
  }
  SUBCASE("the format is told by the first bytes") {
    CHECK(detect_format(k_jsonl) == TrailFormat::jsonl);
    CHECK(detect_format(k_json) == TrailFormat::json);
  }
}
