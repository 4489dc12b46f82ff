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
