// SPDX-License-Identifier: Apache-2.0
#include <sstream>

#include <doctest/doctest.h>

#include "report_fixture.hpp"
#include "util/text.hpp"

using fundscreen::report::Color;
using fundscreen::report::Format;
using fundscreen::testing::ReportExample;

namespace {

// The lines of `text`.
std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The character (not byte) position of `needle` in `line`.
size_t char_column(const std::string& line, std::string_view needle) {
  size_t at = line.find(needle);
  REQUIRE(at != std::string::npos);
  return fundscreen::util::utf8_length(std::string_view(line).substr(0, at));
}

} // namespace

TEST_CASE("report::table") {
  ReportExample example;

  SUBCASE("shows the counts, the ranking with the funding line, and the other decisions with reasons") {
    CHECK(example.render(Format::table) ==
          R"(mini-2021 version 2 · Small call 2021 · 4 applications
fund 1 · reserve 1 · clarify 1 · pending 0 · reject 1
budget EUR 200,000.00 · funded EUR 95,000.50 (1 application, strict funding line)

Ranked (2 eligible)
rank  id   applicant                         score  requested EUR  cumulative EUR  decision
   1  A-1  Kasvuryhmä Suomi ry                4.17      95,000.50       95,000.50  fund
--- funding line: 95,000.50 of EUR 200,000.00 ---
   2  A-2  Etelä-Savon Koulutus Oy ja Mikk…   3.00     150,000.00                  reserve

Clarify (1)
  A-4  Åbo Öljy Ab  unclear C2
                    C2: the reviewers disagree: 1 pass, 1 fail

Reject (1)
  A-3  Tech "Robotti" Oy & <Partners>  failed X1, C6
)");
  }

  SUBCASE("aligns columns by characters when names have ä, ö and å") {
    auto table = lines(example.render(Format::table));
    const std::string& header = table[5];
    auto end_of = [](const std::string& line, std::string_view text) { return char_column(line, text) + text.size(); };
    struct Row {
      const std::string& line;
      std::string_view applicant, score, requested, decision;
    };
    for (const Row& row : {Row{table[6], "Kasvuryhmä", "4.17", "95,000.50", "fund"},
                           Row{table[8], "Etelä-Savon", "3.00", "150,000.00", "reserve"}}) {
      CAPTURE(row.line);
      CHECK(char_column(row.line, row.applicant) == char_column(header, "applicant"));
      CHECK(end_of(row.line, row.score) == end_of(header, "score"));
      CHECK(end_of(row.line, row.requested) == end_of(header, "requested EUR"));
      CHECK(char_column(row.line, row.decision) == char_column(header, "decision"));
    }
  }

  SUBCASE("in Finnish, aligns the words, the decimal commas and the euro sign by characters") {
    example.info.lang = "fi";
    auto table = lines(example.render(Format::table));
    CHECK(table[2] == "budjetti 200 000,00 € · rahoitetaan 95 000,50 € (1 hakemus, tiukka rahoitusraja)");
    const std::string& header = table[5];
    CHECK(header == "sija  tunnus  hakija                            pisteet    haettu €  kertymä €  päätös");
    auto end_of = [](const std::string& line, std::string_view text) {
      return char_column(line, text) + fundscreen::util::utf8_length(text);
    };
    CHECK(table[7] == "--- rahoitusraja: 95 000,50 budjetista 200 000,00 € ---");
    CHECK(end_of(table[6], "4,17") == end_of(header, "pisteet"));
    CHECK(end_of(table[6], "95 000,50") == end_of(header, "haettu €"));
    CHECK(char_column(table[8], "varalla") == char_column(header, "päätös"));
  }

  SUBCASE("colours the decisions only when asked") {
    std::string coloured = example.render(Format::table, Color::always);
    CHECK(coloured.find("\x1b[32mfund 1\x1b[0m · \x1b[36mreserve 1\x1b[0m") != std::string::npos);
    CHECK(coloured.find("95,000.50  \x1b[32mfund\x1b[0m\n") != std::string::npos);
    CHECK(coloured.find("\x1b[33mClarify (1)\x1b[0m") != std::string::npos);
    CHECK(coloured.find("\x1b[31mReject (1)\x1b[0m") != std::string::npos);
    CHECK(example.render(Format::table).find('\x1b') == std::string::npos);
  }

  SUBCASE("says so when nothing is eligible") {
    std::vector<fundscreen::core::ApplicationView> rejected = {example.views[2]};
    CHECK(example.render_views(Format::table, rejected).find("\nRanked: no eligible applications\n\nReject (1)\n") !=
          std::string::npos);
  }
}
