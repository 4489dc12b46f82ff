// SPDX-License-Identifier: Apache-2.0
// A YAML source: syntax errors as located errors of the caller's kind, places of nodes and
// of characters inside scalars in characters, not bytes.
#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "io/yaml_source.hpp"

using fundscreen::io::YamlSource;
using fundscreen::util::Error;
using fundscreen::util::ErrorKind;
using fundscreen::util::format_diagnostic;
using fundscreen::util::Location;

namespace {

// The error reading `text` as `kind` throws, printed as the command line prints it.
std::string error_of(const std::string& text, ErrorKind kind = ErrorKind::input) {
  try {
    YamlSource source(text, "in.yaml", kind);
  } catch (const Error& e) {
    CHECK(e.kind() == kind);
    REQUIRE(e.diagnostics().size() == 1);
    return format_diagnostic(e.diagnostics()[0]);
  }
  return "none";
}

std::string place(const Location& where) { return std::to_string(where.line) + ":" + std::to_string(where.column); }

} // namespace

TEST_CASE("io::YamlSource syntax errors") {
  SUBCASE("an unclosed quote is an error at the quote, of the reader's kind") {
    std::string text = "- id: A1\n  title: \"Työssä oppimisen malli\n  stage: idea\n";
    std::string expected = "in.yaml:2:10: error: invalid YAML: the quote is never closed; end the value with \"\n"
                           "      title: \"Työssä oppimisen malli\n"
                           "             ^\n";
    CHECK(error_of(text, ErrorKind::input) == expected);
    CHECK(error_of(text, ErrorKind::criteria) == expected);
  }
  SUBCASE("a key without its colon on line 3 is reported on line 3") {
    CHECK(error_of("id: x\nversion: 1\ntitle Pieni\ncall: {}\n") ==
          "in.yaml:3:1: error: invalid YAML: could not find expected ':' while scanning a simple key\n"
          "    title Pieni\n"
          "    ^\n");
  }
  SUBCASE("an error with the start of what it is in") {
    CHECK(error_of("a:\n  - [1, 2\n  - x: y\n") ==
          "in.yaml:3:6: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that "
          "starts at line 2, column 5\n"
          "      - x: y\n"
          "         ^\n");
  }
  SUBCASE("columns after a byte order mark and after ä count characters") {
    CHECK(error_of("\xEF\xBB\xBF"
                   "ä: [1, 2\n")
              .starts_with("in.yaml:1:4: error: invalid YAML: did not find expected"));
  }
}

TEST_CASE("io::YamlSource places") {
  std::string text = "hakija: Äänekosken Osaamisosuuskunta\nmäärä: 5\nsääntö: !!str \"app.x == 'ä'\"\n";
  YamlSource source(text, "in.yaml", ErrorKind::criteria);
  const auto& root = source.root();
  SUBCASE("of a node, in characters") {
    CHECK(place(source.at(root["määrä"])) == "2:8");
    CHECK(place(source.at(root["hakija"])) == "1:9");
  }
  SUBCASE("of a missing node, unknown") { CHECK(place(source.at(root["nope"])) == "0:0"); }
  SUBCASE("inside a tagged, quoted scalar") {
    CHECK(root["sääntö"].scalar() == "app.x == 'ä'");
    CHECK(place(source.at_offset(root["sääntö"], 0)) == "3:16");
    CHECK(place(source.at_offset(root["sääntö"], 4)) == "3:20"); // the 'x'
  }
  SUBCASE("with a byte order mark, columns on line 1 do not count it") {
    YamlSource with_bom("\xEF\xBB\xBF"
                        "a: b\n",
                        "in.yaml", ErrorKind::criteria);
    CHECK(place(with_bom.at(with_bom.root()["a"])) == "1:4");
  }
}

namespace {

// The problems check_no_tags() reports for `text` as the command line prints them, without
// the source line and caret under each unless `with_caret`.
std::string tag_problems(const std::string& text, bool with_caret = false) {
  YamlSource source(text, "in.yaml", ErrorKind::criteria);
  bool any = source.check_no_tags();
  std::string out;
  for (const auto& d : source.problems()) {
    std::string printed = format_diagnostic(d);
    out += with_caret ? printed : printed.substr(0, printed.find('\n') + 1);
  }
  CHECK(any == !out.empty());
  return out;
}

} // namespace

TEST_CASE("io::YamlSource::check_no_tags") {
  SUBCASE("a '!' glued to a rule is a tag that empties it, reported at the tag") {
    CHECK(tag_problems("id: x\nrule: !has(app.x)\n") ==
          "in.yaml:2:7: error: YAML tag '!has(app.x)' on this value; YAML reads a '!' that starts a value as a tag, "
          "not as part of it: quote the whole value, e.g. rule: \"!has(app.x)\"\n");
  }
  SUBCASE("a '!' before a space is a tag that YAML drops") {
    CHECK(tag_problems("rule: ! has(app.x)\n") ==
          "in.yaml:1:7: error: YAML tag '!' on this value; YAML reads a '!' that starts a value as a tag, not as part "
          "of it: quote the whole value, e.g. rule: \"! has(app.x)\"\n");
  }
  SUBCASE("with the line and a caret under the tag") {
    CHECK(tag_problems("call: !c\n  name: x\n", true) ==
          "in.yaml:1:7: error: YAML tag '!c' on this mapping; fundscreen reads no YAML tags: remove it\n"
          "    call: !c\n"
          "          ^\n");
  }
  SUBCASE("columns count characters") {
    CHECK(tag_problems("sääntö: !x\n").starts_with("in.yaml:1:9: error: YAML tag '!x' on this value"));
  }
  SUBCASE("the example quotes with ' when the value holds a \"") {
    CHECK(tag_problems("- !(app.stage == \"idea\")\n").ends_with("e.g. '!(app.stage == \"idea\")'\n"));
  }
  SUBCASE("a long or multi-line value gets no example") {
    CHECK(tag_problems("rule: ! >\n  has(app.x)\n  and has(app.y)\n").ends_with("quote the whole value\n"));
  }
  SUBCASE("YAML's own tags, and tags on lists and mappings, are to be removed") {
    CHECK(tag_problems("version: !!str 1\n") ==
          "in.yaml:1:10: error: YAML tag '!!str' on this value; fundscreen reads no YAML tags: remove it\n");
    CHECK(tag_problems("call: !c\n  name: x\nprotects: !!seq [a]\n") ==
          "in.yaml:1:7: error: YAML tag '!c' on this mapping; fundscreen reads no YAML tags: remove it\n"
          "in.yaml:3:11: error: YAML tag '!!seq' on this list; fundscreen reads no YAML tags: remove it\n");
  }
  SUBCASE("on a key") {
    CHECK(tag_problems("!k name: x\n") ==
          "in.yaml:1:1: error: YAML tag '!k' on this key; YAML reads a '!' that starts a key as a tag, not as part of "
          "it: quote the whole key, e.g. \"!k name\"\n");
  }
  SUBCASE("once, though an alias copies the tagged node") {
    CHECK(tag_problems("a: &x !t v\nb: *x\n") ==
          "in.yaml:1:7: error: YAML tag '!t' on this value; YAML reads a '!' that starts a value as a tag, not as "
          "part of it: quote the whole value, e.g. a: \"!t v\"\n");
  }
  SUBCASE("none in quoted values, or in values that hold a '!' further on") {
    CHECK(tag_problems("a: \"!has(app.x)\"\nb: '! x'\nc: app.x != 1\nd: |\n  !x\n") == "");
  }
}
