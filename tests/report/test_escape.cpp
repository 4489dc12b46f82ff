// SPDX-License-Identifier: Apache-2.0
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "report/escape.hpp"

using namespace fundscreen::report;

TEST_CASE("report::csv_cell") {
  SUBCASE("leaves plain cells as they are") {
    CHECK(csv_cell("A-1") == "A-1");
    CHECK(csv_cell("Kasvuryhmä Suomi ry") == "Kasvuryhmä Suomi ry");
    CHECK(csv_cell("") == "");
  }
  SUBCASE("neutralises cells a spreadsheet would run as a formula") {
    CHECK(csv_cell("=cmd") == "'=cmd");
    CHECK(csv_cell("-5") == "'-5");
    CHECK(csv_cell("+x") == "'+x");
    CHECK(csv_cell("@y") == "'@y");
    CHECK(csv_cell("\tz") == "'\tz");
  }
  SUBCASE("quotes cells with a comma, a quote or a line break, doubling quotes") {
    CHECK(csv_cell("failed X1, C6") == "\"failed X1, C6\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(csv_cell("cr\rhere") == "\"cr\rhere\"");
  }
  SUBCASE("neutralises first, then quotes") {
    CHECK(csv_cell("=HYPERLINK(\"x\",1)") == "\"'=HYPERLINK(\"\"x\"\",1)\"");
    CHECK(csv_cell("-1,5") == "\"'-1,5\"");
  }
}

TEST_CASE("report::json_escape") {
  SUBCASE("escapes quotes and backslashes") { CHECK(json_escape(R"(C:\docs "v2")") == R"(C:\\docs \"v2\")"); }
  SUBCASE("writes control characters as escapes") {
    CHECK(json_escape("a\nb\tc\rd") == R"(a\nb\tc\rd)");
    CHECK(json_escape(std::string("\x01\x1f", 2)) == R"(\u0001\u001f)");
    CHECK(json_escape(std::string("nul\0!", 5)) == R"(nul\u0000!)");
  }
  SUBCASE("passes UTF-8 through and replaces bytes that are not UTF-8") {
    CHECK(json_escape("Åbo Öljy, ä – €") == "Åbo Öljy, ä – €");
    CHECK(json_escape("bad \xff byte") == "bad \xEF\xBF\xBD byte");
    CHECK(json_escape("cut \xC3") == "cut \xEF\xBF\xBD");
    CHECK(json_escape("overlong \xC0\xAF") == "overlong \xEF\xBF\xBD\xEF\xBF\xBD");
  }
}

TEST_CASE("report::write_json_escaped writes what json_escape gives, within its room") {
  std::vector<std::string> texts = {"",
                                    "plain",
                                    R"(C:\docs "v2")",
                                    std::string("nul\0!\x01\x1f\x7f", 8),
                                    "Åbo Öljy, ä – €",
                                    "bad \xff byte",
                                    "cut \xC3",
                                    "overlong \xC0\xAF"};
  std::mt19937 random(3);
  for (int i = 0; i < 2000; ++i) {
    std::string text(random() % 40, ' ');
    for (char& c : text) c = static_cast<char>(random() % 4 == 0 ? random() % 256 : 'a' + random() % 26);
    texts.push_back(text);
  }
  std::string controls(50, '\x01'); // the most room: six bytes each
  texts.push_back(controls);
  int differ = 0;
  for (const std::string& text : texts) {
    std::string room(json_escaped_room(text.size()), '#');
    char* end = write_json_escaped(room.data(), text);
    if (std::string(room.data(), end) != json_escape(text)) ++differ;
  }
  CHECK(differ == 0);
  CHECK(json_escape(controls).size() == json_escaped_room(controls.size()));
}

TEST_CASE("report::xml_text") {
  CHECK(xml_text(R"(Tech "R" & <P> 'x')") == "Tech &quot;R&quot; &amp; &lt;P&gt; &apos;x&apos;");
  CHECK(xml_text("line\nnext\ttab") == "line\nnext\ttab");
  CHECK(xml_text("bell\x07") == "bell\xEF\xBF\xBD");
  CHECK(xml_text("Öljy") == "Öljy");
  SUBCASE("replaces every character XML 1.0 forbids with U+FFFD, as it does a control character") {
    CHECK(xml_text(std::string("nul\0 soh\x01 us\x1f", 13)) == "nul\xEF\xBF\xBD soh\xEF\xBF\xBD us\xEF\xBF\xBD");
    CHECK(xml_text("fffe\xEF\xBF\xBE ffff\xEF\xBF\xBF") == "fffe\xEF\xBF\xBD ffff\xEF\xBF\xBD");
    CHECK(xml_text("surrogate \xED\xA0\x80") == "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  }
  SUBCASE("keeps the characters next to the forbidden ones, which XML 1.0 allows") {
    CHECK(xml_text("\xEF\xBF\xBD \xEF\xBF\xBC \xEE\x80\x80 \xED\x9F\xBF") ==
          "\xEF\xBF\xBD \xEF\xBF\xBC \xEE\x80\x80 \xED\x9F\xBF"); // U+FFFD U+FFFC U+E000 U+D7FF
    CHECK(xml_text("\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF") == "\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF"); // U+10000 U+10FFFF
    CHECK(xml_text("\xC2\x85 \xEF\xB7\x90") == "\xC2\x85 \xEF\xB7\x90");                         // U+0085, U+FDD0
  }
}

TEST_CASE("report::xml_attribute") {
  CHECK(xml_attribute("a & b") == "a &amp; b");
  CHECK(xml_attribute("line\nnext\ttab\r") == "line&#10;next&#9;tab&#13;");
  CHECK(xml_attribute("esc\x1b[31m") == "esc\xEF\xBF\xBD[31m");
  SUBCASE("replaces U+FFFE and U+FFFF with U+FFFD, as it does a control character") {
    CHECK(xml_attribute("A\xEF\xBF\xBE\x01\xEF\xBF\xBF") == "A\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  }
}

TEST_CASE("report::markdown_text") {
  SUBCASE("escapes what would break a table or start formatting") {
    CHECK(markdown_text("Robots | more") == R"(Robots \| more)");
    CHECK(markdown_text("*bold* _it_ `code` [link]") == R"(\*bold\* \_it\_ \`code\` \[link\])");
    CHECK(markdown_text("<b> & # ~ \\") == R"(\<b\> \& \# \~ \\)");
  }
  SUBCASE("puts a line break as a space") { CHECK(markdown_text("two\nlines") == "two lines"); }
  SUBCASE("leaves letters and ordinary punctuation") {
    CHECK(markdown_text("Etelä-Savon Koulutus Oy (OSKU).") == "Etelä-Savon Koulutus Oy (OSKU).");
  }
}

TEST_CASE("report::printable") {
  CHECK(printable("red\x1b[31m name") == "red [31m name");
  CHECK(printable("two\nlines") == "two lines");
  CHECK(printable("Åbo Öljy") == "Åbo Öljy");
}
