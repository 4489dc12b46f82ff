// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "trail/check.hpp"
#include "trail/json_value.hpp"

using namespace fundscreen::trail;

namespace {

const std::vector<std::string> k_lines = {R"({"type":"run","fundscreen":"0.1.0"})",
                                          R"({"type":"application","id":"A-1","decision":"fund","rank":1})",
                                          R"({"type":"application","id":"A-2","decision":"reject","rank":null})"};

// A jsonl trail of `lines` sealed over `sealed` (by default the same lines).
std::string trail(const std::vector<std::string>& lines, std::vector<std::string> sealed = {}) {
  if (sealed.empty()) sealed = lines;
  Seal seal;
  seal.tool_version = "0.1.0";
  for (const std::string& line : sealed) seal.units.push_back(sha256(line));
  seal.head = chain_head(seal.units);
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text + seal_text(seal, TrailFormat::jsonl, nullptr) + "\n";
}

TrailCheck check(const std::string& text) {
  Splitter split(TrailFormat::jsonl, Capture::heads);
  split.feed(text);
  split.finish();
  return check_trail(split, std::nullopt);
}

} // namespace

TEST_CASE("trail::check_trail") {
  SUBCASE("a whole unsigned trail: no findings") {
    TrailCheck result = check(trail(k_lines));
    CHECK(result.findings.empty());
    CHECK(result.units == 3);
    CHECK(result.signed_by.empty());
  }
  SUBCASE("a changed unit is named by its line and id") {
    auto lines = k_lines;
    lines[2][lines[2].find("reject")] = 'R';
    TrailCheck result = check(trail(lines, k_lines));
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].line == 3);
    CHECK(result.findings[0].id == "A-2");
  }
  SUBCASE("a unit and its hash in the seal's list both edited: the head no longer chains the list") {
    auto lines = k_lines;
    lines[1][lines[1].find("fund")] = 'F';
    Seal seal;
    seal.tool_version = "0.1.0";
    for (const std::string& line : k_lines) seal.units.push_back(sha256(line));
    seal.head = chain_head(seal.units); // the head of the lines as written
    seal.units[1] = sha256(lines[1]);   // the list made to match the edit, after the signature
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    TrailCheck result = check(text + seal_text(seal, TrailFormat::jsonl, nullptr) + "\n");
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].message == "the seal's head is not the chain of its unit list: the seal was edited");
  }
  SUBCASE("a line after the seal is a stray") {
    TrailCheck result = check(trail(k_lines) + "{}\n");
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].kind == FindingKind::stray);
    CHECK(result.findings[0].line == 5);
    CHECK(result.findings[0].message == "a line after the seal is not part of a sealed trail");
  }
  SUBCASE("no seal: cut short") {
    TrailCheck result = check(R"({"type":"run","fundscreen":"0.1.0"})"
                              "\n");
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].kind == FindingKind::truncated);
    CHECK(result.findings[0].line == 2);
  }
  SUBCASE("a damaged seal") {
    std::string text = trail(k_lines);
    text.replace(text.find("\"units\""), 7, "\"count\"");
    TrailCheck result = check(text);
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].kind == FindingKind::seal);
    CHECK(result.findings[0].message == "the seal is damaged: its members are not those of a seal, in order");
  }
}

TEST_CASE("trail::unit_facts") {
  std::string text = k_lines[0] + "\n" + k_lines[1] + "\n" + R"({"type":"application","id":"A-\u00e4","title":")" +
                     std::string(3000, 'x') + R"(","decision":"reject"})" + "\n";
  Splitter split(TrailFormat::jsonl, Capture::heads);
  split.feed(text);
  split.finish();
  REQUIRE(split.units().size() == 3);
  CHECK(split.units()[0].head == k_lines[0]); // the run is kept whole
  UnitFacts facts = unit_facts(split.units()[1]);
  CHECK(facts.id == "A-1");
  CHECK(facts.decision == "fund");
  CHECK(facts.rank == "1");
  CHECK(split.units()[1].head.empty());
  facts = unit_facts(split.units()[2]); // the decision is past the head
  CHECK(facts.id == "A-ä");
  CHECK(facts.decision.empty());
}

TEST_CASE("trail::parse_json") {
  std::string error;
  auto value = parse_json(R"({"a":[1,"x\"y",null,true],"b":{}})", error);
  REQUIRE(value);
  CHECK(value->get("a")->items[1].text == "x\"y");
  CHECK(value->get("a")->items[3].text == "true");
  CHECK_FALSE(parse_json(std::string(100, '['), error));
  CHECK(error == "nested too deep at byte 64");
  CHECK_FALSE(parse_json(R"({"a":1} x)", error));
}
