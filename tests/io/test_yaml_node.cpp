// SPDX-License-Identifier: Apache-2.0
// The YAML node tree built from libyaml's events: scalars as text with their style, null as
// yaml-cpp read it, keys in document order, aliases, repeated keys, byte offsets.
#include <string>

#include <doctest/doctest.h>

#include "io/yaml_node.hpp"

using fundscreen::io::parse_yaml;
using fundscreen::io::YamlNode;
using fundscreen::io::YamlSyntaxError;

namespace {

// The keys of mapping `node`, joined with spaces.
std::string keys(const YamlNode& node) {
  std::string out;
  for (const auto& entry : node.entries()) out += (out.empty() ? "" : " ") + entry.key.scalar();
  return out;
}

// The error parsing `text` gives, as `offset: message` (and `@offset` of the context).
std::string syntax_error(const std::string& text) {
  try {
    parse_yaml(text);
  } catch (const YamlSyntaxError& e) {
    std::string out = std::to_string(e.offset()) + ": " + e.what();
    if (e.context_offset()) out += " @" + std::to_string(*e.context_offset());
    return out;
  }
  return "none";
}

} // namespace

TEST_CASE("io::parse_yaml scalars") {
  YamlNode root = parse_yaml("a: yes\nb: 1.50\nc: 2021-03-01\nd: 'it''s'\ne: \"\\u00e4\"\n");
  REQUIRE(root.is_map());
  SUBCASE("stay text, for the loaders to type") {
    CHECK(root["a"].scalar() == "yes");
    CHECK(root["b"].scalar() == "1.50");
    CHECK(root["c"].scalar() == "2021-03-01");
  }
  SUBCASE("quoted ones are unescaped") {
    CHECK(root["d"].scalar() == "it's");
    CHECK(root["e"].scalar() == "\xC3\xA4");
  }
  SUBCASE("keep their style") {
    YamlNode styles = parse_yaml("p: x\ns: 'x'\nd: \"x\"\nl: |\n  x\nf: >\n  x\n");
    CHECK(styles["p"].style() == YamlNode::Style::plain);
    CHECK(styles["s"].style() == YamlNode::Style::single_quoted);
    CHECK(styles["d"].style() == YamlNode::Style::double_quoted);
    CHECK(styles["l"].style() == YamlNode::Style::literal);
    CHECK(styles["f"].style() == YamlNode::Style::folded);
    CHECK(styles["l"].scalar() == "x\n");
  }
}

TEST_CASE("io::parse_yaml null as yaml-cpp read it") {
  YamlNode root = parse_yaml("a:\nb: ~\nc: null\nd: NULL\ne: \"null\"\nf: ''\ng: !!str\nh: none\n");
  SUBCASE("an empty value, ~ and null written plain are null, with empty text") {
    for (const char* key : {"a", "b", "c", "d"}) {
      CAPTURE(key);
      CHECK(root[key].is_null());
      CHECK(!root[key].is_scalar());
      CHECK(static_cast<bool>(root[key]));
      CHECK(root[key].scalar() == "");
    }
  }
  SUBCASE("quoted or tagged, they are text") {
    CHECK(root["e"].scalar() == "null");
    CHECK(root["f"].is_scalar());
    CHECK(root["g"].is_scalar());
    CHECK(root["h"].scalar() == "none");
  }
  SUBCASE("an empty document or one of comments only is null") {
    CHECK(parse_yaml("").is_null());
    CHECK(parse_yaml("# nothing\n\n").is_null());
  }
}

TEST_CASE("io::parse_yaml mappings and sequences") {
  YamlNode root = parse_yaml("z: 1\na: [x, y]\nm: {k: v}\n");
  SUBCASE("keys come in document order") { CHECK(keys(root) == "z a m"); }
  SUBCASE("a missing key gives an undefined node") {
    CHECK(!root["nope"]);
    CHECK(!root["z"]["deeper"]);
    CHECK(root["nope"].items().empty());
    CHECK(!root["nope"].offset());
  }
  SUBCASE("a sequence's items") {
    REQUIRE(root["a"].items().size() == 2);
    CHECK(root["a"].items()[1].scalar() == "y");
    CHECK(root["a"].entries().begin() == root["a"].entries().end());
  }
  SUBCASE("a lookup in a sequence or scalar finds nothing") {
    CHECK(!root["a"]["0"]);
    CHECK(!root["z"]["z"]);
  }
}

TEST_CASE("io::parse_yaml Finnish text") {
  std::string text = "hakija: Äänekosken Osaamisosuuskunta\nmäärä: 5\nkieli: [åäö, ÅÄÖ]\n";
  YamlNode root = parse_yaml(text);
  SUBCASE("keys and values round-trip") {
    CHECK(keys(root) == "hakija määrä kieli");
    CHECK(root["hakija"].scalar() == "Äänekosken Osaamisosuuskunta");
    CHECK(root["määrä"].scalar() == "5");
    CHECK(root["kieli"].items()[0].scalar() == "åäö");
    CHECK(root["kieli"].items()[1].scalar() == "ÅÄÖ");
  }
  SUBCASE("offsets count bytes, though libyaml counts characters") {
    CHECK(root["määrä"].offset() == text.find('5'));
    CHECK(root["kieli"].items()[1].offset() == text.find("ÅÄÖ"));
  }
}

TEST_CASE("io::parse_yaml byte order mark and documents") {
  SUBCASE("a byte order mark is skipped and counted in offsets") {
    YamlNode root = parse_yaml("\xEF\xBB\xBF"
                               "a: b\n");
    CHECK(root["a"].scalar() == "b");
    CHECK(root["a"].offset() == 6);
  }
  SUBCASE("only the first document is read, as yaml-cpp did") {
    YamlNode root = parse_yaml("a: 1\n---\na: [\n");
    CHECK(root["a"].scalar() == "1");
  }
}

TEST_CASE("io::parse_yaml aliases") {
  SUBCASE("resolve to a copy of the anchored node") {
    YamlNode root = parse_yaml("a: &v [x, y]\nb: *v\nc: &s text\nd: *s\n");
    REQUIRE(root["b"].items().size() == 2);
    CHECK(root["b"].items()[0].scalar() == "x");
    CHECK(root["d"].scalar() == "text");
  }
  SUBCASE("an alias without its anchor is an error at the alias") {
    CHECK(syntax_error("a: 1\nb: *nope\n") == "8: the alias '*nope' names no anchor; define '&nope' before it");
  }
  SUBCASE("aliases that would expand without end are an error") {
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 14; ++i) {
      std::string before = "*a" + std::to_string(i - 1);
      text +=
          "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + before + ", " + before + ", " + before + "]\n";
    }
    CHECK(syntax_error(text).find("aliases expand to more than a million nodes") != std::string::npos);
  }
}

TEST_CASE("io::parse_yaml errors") {
  SUBCASE("a key written twice, at the repeat, pointing back to the first") {
    CHECK(syntax_error("a: 1\nb: 2\na: 3\n") == "10: the key 'a' is written twice in a mapping; the first is @0");
    CHECK(syntax_error("- {x: 1, y: 2, y: 3, x: 4}\n") ==
          "15: the key 'y' is written twice in a mapping; the first is @9");
  }
  SUBCASE("an unclosed quote, at the quote") {
    CHECK(syntax_error("a: 1\nb: \"two\nc: 3\n") == "8: the quote is never closed; end the value with \"");
    CHECK(syntax_error("a: 'one\n") == "3: the quote is never closed; end the value with '");
  }
  SUBCASE("an unclosed bracket, at the bracket") {
    CHECK(syntax_error("a: [1, 2\n") == "3: did not find expected ',' or ']' while parsing a flow sequence");
  }
  SUBCASE("a key without its colon, on its own line") {
    CHECK(syntax_error("a: 1\nb 2\nc: 3\n") == "5: could not find expected ':' while scanning a simple key");
  }
  SUBCASE("bytes that are not UTF-8") {
    CHECK(syntax_error("a: \xFF\n") == "3: invalid leading UTF-8 octet (byte 0xFF); save the file as UTF-8");
  }
}
