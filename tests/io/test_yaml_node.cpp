// SPDX-License-Identifier: Apache-2.0
// The YAML node tree built from yaml-cpp's events: scalars as text with their style, null as
// yaml-cpp reads it, keys in document order, tags as written, aliases, repeated keys, byte
// offsets, and the faults yaml-cpp lets through or words vaguely.
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
  SUBCASE("offsets count bytes, as yaml-cpp's marks do") {
    CHECK(root["määrä"].offset() == text.find('5'));
    CHECK(root["kieli"].items()[1].offset() == text.find("ÅÄÖ"));
  }
  SUBCASE("the style of a scalar after ä is its own") {
    YamlNode styles = parse_yaml("ä: 'x'\nö: \"y\"\nå: |\n  z\n");
    CHECK(styles["ä"].style() == YamlNode::Style::single_quoted);
    CHECK(styles["ö"].style() == YamlNode::Style::double_quoted);
    CHECK(styles["å"].style() == YamlNode::Style::literal);
  }
}

TEST_CASE("io::parse_yaml byte order mark and documents") {
  SUBCASE("a byte order mark is skipped and counted in offsets") {
    YamlNode root = parse_yaml("\xEF\xBB\xBF"
                               "a: b\n");
    CHECK(keys(root) == "a");
    CHECK(root["a"].scalar() == "b");
    CHECK(root["a"].offset() == 6);
  }
  SUBCASE("a byte order mark is counted in the offset of a tag") {
    YamlNode root = parse_yaml("\xEF\xBB\xBF"
                               "a: !t b\n");
    CHECK(root["a"].tag_offset() == 6);
  }
  SUBCASE("only the first document is read") {
    YamlNode root = parse_yaml("a: 1\n---\na: [\n");
    CHECK(root["a"].scalar() == "1");
    CHECK(parse_yaml("a: 1\n...\n# next\nb: [\n")["a"].scalar() == "1");
    CHECK(parse_yaml("a: 1\n---\nb: \"open\n")["a"].scalar() == "1");
  }
  SUBCASE("text after the document without a --- is an error, not a second document") {
    CHECK(syntax_error("  a: 1\nb: 2\n") ==
          "7: did not find expected key while parsing a block mapping that starts @2");
    CHECK(syntax_error("- a\nb: 1\n") ==
          "4: did not find expected '-' indicator while parsing a block collection that starts @0");
    CHECK(syntax_error("[a]\nb\n") == "4: did not find expected <document start>");
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
  SUBCASE("an alias inside the node it names is an error at the alias") {
    CHECK(syntax_error("a: &x [1, *x]\n") ==
          "10: the alias '*x' is inside the node that '&x' names; a node cannot hold itself");
  }
  SUBCASE("an alias to a redefined anchor copies the latest") {
    YamlNode root = parse_yaml("a: &v 1\nb: *v\nc: &v 2\nd: *v\n");
    CHECK(root["b"].scalar() == "1");
    CHECK(root["d"].scalar() == "2");
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
  SUBCASE("aliases up to the bound are read") {
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 5; ++i) {
      std::string before = "*a" + std::to_string(i - 1);
      text +=
          "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + before + ", " + before + ", " + before + "]\n";
    }
    CHECK(parse_yaml(text)["a4"].items().size() == 3); // 3^4 * 11 nodes, far below a million
  }
}

TEST_CASE("io::parse_yaml tags") {
  SUBCASE("a tag with text after '!' takes the text; the value is empty") {
    YamlNode rule = parse_yaml("rule: !has(app.x)\n")["rule"];
    CHECK(rule.tag() == "!has(app.x)");
    CHECK(rule.tag_offset() == 6);
    CHECK(rule.is_scalar());
    CHECK(rule.scalar() == "");
  }
  SUBCASE("a '!' alone is a tag, dropped from the value") {
    YamlNode rule = parse_yaml("rule: ! has(app.x)\n")["rule"];
    CHECK(rule.tag() == "!");
    CHECK(rule.tag_offset() == 6);
    CHECK(rule.scalar() == "has(app.x)");
  }
  SUBCASE("a quoted value has none, though yaml-cpp gives it the tag '!'") {
    YamlNode root = parse_yaml("a: \"!has(app.x)\"\nb: '! x'\nc: |\n  !x\nd: x\n");
    for (const char* key : {"a", "b", "c", "d"}) {
      CAPTURE(key);
      CHECK(root[key].tag() == "");
      CHECK(!root[key].tag_offset());
    }
    CHECK(root["a"].scalar() == "!has(app.x)");
  }
  SUBCASE("a tag before a quoted value, and the value's style") {
    YamlNode a = parse_yaml("a: ! \"x\"\n")["a"];
    CHECK(a.tag() == "!");
    CHECK(a.style() == YamlNode::Style::double_quoted);
    CHECK(a.scalar() == "x");
  }
  SUBCASE("YAML's own tags as written") {
    YamlNode root = parse_yaml("a: !!str 5\nb: !<tag:yaml.org,2002:str> 6\nc: !!str\n");
    CHECK(root["a"].tag() == "!!str");
    CHECK(root["a"].scalar() == "5");
    CHECK(root["b"].tag() == "!<tag:yaml.org,2002:str>");
    CHECK(root["c"].tag() == "!!str");
    CHECK(root["c"].is_scalar());
  }
  SUBCASE("on mappings and sequences, block and flow") {
    YamlNode root = parse_yaml("m: !!map\n  k: v\ns: !list [1]\nf: !f {k: v}\n");
    CHECK(root["m"].tag() == "!!map");
    CHECK(root["m"].tag_offset() == 3);
    CHECK(root["m"]["k"].scalar() == "v");
    CHECK(root["s"].tag() == "!list");
    CHECK(root["f"].tag() == "!f");
  }
  SUBCASE("a tag on the first key is the key's, not its mapping's") {
    YamlNode item = parse_yaml("- !t a: 1\n  b: 2\n").items()[0];
    CHECK(item.tag() == "");
    CHECK(item.entries().begin() != item.entries().end());
    CHECK((*item.entries().begin()).key.tag() == "!t");
  }
  SUBCASE("after an anchor, placed at the tag") {
    YamlNode root = parse_yaml("a: &x !t v\nb: *x\n");
    CHECK(root["a"].tag() == "!t");
    CHECK(root["a"].tag_offset() == 6);
    CHECK(root["a"].offset() == 3);
    CHECK(root["b"].tag_offset() == 6); // a copy of its anchor
  }
}

TEST_CASE("io::parse_yaml empty values") {
  SUBCASE("are placed right after what comes before them") {
    YamlNode root = parse_yaml("a:\nb: # none\nc: 1\nd:\n  - \n  -\n");
    CHECK(root["a"].offset() == 2);
    CHECK(root["b"].offset() == 5);
    CHECK(root["d"].items()[0].offset() == 24);
    CHECK(root["d"].items()[1].offset() == 29);
  }
  SUBCASE("an empty key stays at its ':'") {
    YamlNode root = parse_yaml("a: 1\n: 2\n");
    CHECK((*++root.entries().begin()).key.is_null());
    CHECK((*++root.entries().begin()).key.offset() == 5);
  }
  SUBCASE("an empty value in a flow mapping is null") {
    YamlNode root = parse_yaml("a: {b: , c: 1}\n");
    CHECK(root["a"]["b"].is_null());
    CHECK(root["a"]["c"].scalar() == "1");
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
    CHECK(syntax_error("a: 'it''s\n") == "3: the quote is never closed; end the value with '");
    CHECK(syntax_error("a: \"say \\\"hi\\\"\n") == "3: the quote is never closed; end the value with \"");
  }
  SUBCASE("an unclosed quote at the end of a text without a final line break") {
    CHECK(syntax_error("a: 1\nb: 'two") == "8: the quote is never closed; end the value with '");
  }
  SUBCASE("an unclosed quote that runs into a document marker") {
    CHECK(syntax_error("a: \"x\n---\nb: 1\n") == "3: the quote is never closed; end the value with \"");
  }
  SUBCASE("an unclosed quote inside brackets") {
    CHECK(syntax_error("a: [x, \"y]\n") == "7: the quote is never closed; end the value with \"");
  }
  SUBCASE("an unclosed bracket, at the bracket") {
    CHECK(syntax_error("a: [1, 2\n") == "3: did not find expected ',' or ']' while parsing a flow sequence");
    CHECK(syntax_error("a: {b: 1\n") == "3: did not find expected ',' or '}' while parsing a flow mapping");
  }
  SUBCASE("a bracket that closes the wrong one, with where the open one starts") {
    CHECK(syntax_error("- {a: [1, b: 2}\n") ==
          "14: did not find expected ',' or ']' while parsing a flow sequence that starts @6");
  }
  SUBCASE("a key without its colon, on its own line") {
    CHECK(syntax_error("a: 1\nb 2\nc: 3\n") == "5: could not find expected ':' while scanning a simple key");
    CHECK(syntax_error("- id: J1\n  kind judgement\n  weight: 1\n") ==
          "11: could not find expected ':' while scanning a simple key");
  }
  SUBCASE("a key without its colon, last in its mapping") {
    CHECK(syntax_error("a: 1\nb\n") == "5: could not find expected ':' while scanning a simple key");
    CHECK(syntax_error("a:\n  x: 1\n  y\nb: 2\n") == "12: could not find expected ':' while scanning a simple key");
  }
  SUBCASE("a colon after a value") {
    CHECK(syntax_error("a: b: c\n") == "4: mapping values are not allowed in this context");
  }
  SUBCASE("an empty entry between commas") {
    CHECK(syntax_error("a: [x,, y]\n") == "6: an empty entry before ','; remove the extra comma");
    CHECK(syntax_error("a: {b: 1, , c: 2}\n") == "10: an empty entry before ','; remove the extra comma");
  }
  SUBCASE("a '?' inside brackets, which yaml-cpp reads as a key") {
    CHECK(syntax_error("a: {t: What? no}\n") ==
          "11: a value inside [ ] or { } cannot hold a '?' unquoted; put the value in quotes");
  }
  SUBCASE("a character that cannot start a value") {
    CHECK(syntax_error("a: @x\n") == "3: found character '@' that cannot start any token; put the value in quotes");
  }
  SUBCASE("an unknown escape, at its backslash") {
    CHECK(syntax_error("a: \"x\\qy\"\n") == "5: unknown escape '\\q' in double quotes; write '\\\\' for a backslash");
  }
  SUBCASE("too deep") {
    CHECK(syntax_error(std::string(600, '[')) ==
          "249: lists and mappings nest too deep; a fundscreen file needs a few levels");
  }
  SUBCASE("bytes that are not UTF-8") {
    CHECK(syntax_error("a: \xFF\n") == "3: invalid UTF-8 (byte 0xFF); save the file as UTF-8");
    CHECK(syntax_error("a: \xC3\n") == "3: invalid UTF-8 (byte 0xC3); save the file as UTF-8");
  }
  SUBCASE("control characters, 0x04 among them (yaml-cpp's end of the text)") {
    CHECK(syntax_error("a: x\n\x04"
                       "b: y\n") == "5: control characters are not allowed (byte 0x04)");
    CHECK(syntax_error("a: \xC2\x80\n") == "3: control characters are not allowed (U+0080)");
    CHECK(syntax_error("a: \xC2\x85\xC2\xA0\t\r\n") == "none"); // NEL, a no-break space, a tab, CRLF
  }
}
