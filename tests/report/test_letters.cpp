// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "report/letters.hpp"
#include "report_fixture.hpp"

using fundscreen::core::Decision;
using fundscreen::report::letter_file_stem;
using fundscreen::report::write_letter;
using fundscreen::testing::ReportExample;

namespace {

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// The Markdown between the headings `## from` and the next `## `.
std::string section(const std::string& md, std::string_view from) {
  size_t start = md.find(fmt::format("## {}\n", from));
  REQUIRE(start != std::string::npos);
  size_t end = md.find("\n## ", start + 3);
  return md.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

} // namespace

TEST_CASE("report::write_letter") {
  ReportExample example;

  SUBCASE("a rejection lists every criterion failed, with the values that decided") {
    std::string decision = section(write_letter(example.info, example.views[2]).markdown, "Decision");
    CHECK(decision == R"(## Decision

Decision: **reject**

Your application has not been granted funding.

It did not meet the following criteria:

- **X1 Not a technological solution**: the rule does not hold (app.kind = "technology")
- **C6 The whole is sufficiently resourced**: the rule does not hold (app.programme\_budget\_eur = EUR 50,000.00; app.requested\_eur = EUR 120,000.00)
)");
  }

  SUBCASE("a funded application gets its amount in each language's convention") {
    const auto& view = example.views[0];
    REQUIRE(view.decision == Decision::fund);
    CHECK(has(write_letter(example.info, view).markdown, "Amount granted: EUR 95,000.50\n"));
    example.info.lang = "fi";
    CHECK(has(write_letter(example.info, view).markdown, "Myönnetty rahoitus: 95 000,50 €\n"));
    example.info.lang = "sv";
    CHECK(has(write_letter(example.info, view).html, "<p>Beviljat belopp: 95 000,50 €</p>"));
  }

  SUBCASE("a reserve learns its rank and what the budget funds") {
    std::string decision = section(write_letter(example.info, example.views[1]).markdown, "Decision");
    CHECK(has(decision, "Rank 2 of 2 eligible applications.\n"));
    CHECK(has(decision, "The budget of EUR 200,000.00 funds 1 application.\n"));
  }

  SUBCASE("a clarification names what is unclear and why") {
    std::string decision = section(write_letter(example.info, example.views[3]).markdown, "Decision");
    CHECK(has(decision, "- **C2 Goals are realistic**: the reviewers disagree: 1 pass, 1 fail\n"));
    CHECK_FALSE(has(decision, "C1"));
  }

  SUBCASE("every criterion is told, passed or not, in the letter's language") {
    example.info.lang = "fi";
    std::string md = write_letter(example.info, example.views[2]).markdown;
    CHECK(has(md, "### X1 Ei teknologista ratkaisua\n\nTulos: **ei täyty**\n"));
    CHECK(has(md, "### C1 Edistää teesiä 3\n\nTulos: **täyttyy**\n"));
    CHECK(has(md, "Arvioijien pisteiden keskiarvo: 2,00\n"));
  }

  SUBCASE("the applicant's name cannot open a tag in the HTML") {
    int applicant = example.set.field_index("applicant");
    example.apps[0].values[static_cast<size_t>(applicant)] = std::string("<script>alert(1)</script>");
    auto letter = write_letter(example.info, example.views[0]);
    CHECK_FALSE(has(letter.html, "<script"));
    CHECK(has(letter.html, "<dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>"));
    CHECK(has(letter.markdown, "- Applicant: \\<script\\>alert(1)\\</script\\>\n"));
  }

  SUBCASE("an id with markup is escaped in the heading of both formats") {
    example.assessed[0].id = "<b>A-1";
    auto letter = write_letter(example.info, example.views[0]);
    CHECK(has(letter.markdown, "# Decision on application \\<b\\>A-1\n"));
    CHECK(has(letter.html, "<h1>Decision on application &lt;b&gt;A-1</h1>"));
    CHECK(has(letter.html, "<title>Decision on application &lt;b&gt;A-1</title>"));
  }

  SUBCASE("the HTML is one document that names its language and loads nothing") {
    example.info.lang = "sv";
    std::string html = write_letter(example.info, example.views[0]).html;
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">\n"));
    CHECK(html.ends_with("</html>\n"));
    CHECK_FALSE(has(html, "http"));
    CHECK_FALSE(has(html, "src="));
    CHECK(has(html, "@page{size:A4"));
  }

  SUBCASE("a text the set lacks shows as a placeholder in the letter's language") {
    example.set.letters.appeal.en = "Write to us within 14 days.";
    example.set.letters.signature.fi = "Terveisin\nSitra";
    auto en = write_letter(example.info, example.views[0]);
    CHECK(has(en.markdown, "\nWrite to us within 14 days.\n"));
    CHECK(has(en.markdown, "**[signature: add letters.signature.en to the criteria set]**"));
    CHECK(has(en.html, "<mark class=\"placeholder\">[sender: add letters.sender.en to the criteria set]</mark>"));
    example.info.lang = "fi";
    auto fi = write_letter(example.info, example.views[0]);
    CHECK(has(fi.markdown, "[ohjeet uudelleenarvioinnin pyytämiseen: lisää kriteeristöön letters.appeal.fi]"));
    CHECK(has(fi.markdown, "Terveisin\\\nSitra\n"));
    CHECK(has(fi.html, "Terveisin<br>\nSitra"));
  }

  SUBCASE("the date is the run's, else a placeholder") {
    CHECK(has(write_letter(example.info, example.views[0]).markdown,
              "- Date: [date: run with --timestamp to date the letter]\n"));
    example.info.timestamp = "2021-05-12T09:00:00Z";
    example.info.lang = "fi";
    CHECK(has(write_letter(example.info, example.views[0]).markdown, "- Päiväys: 12.5.2021\n"));
  }
}

TEST_CASE("report::missing_letter_texts") {
  ReportExample example;
  example.set.letters.appeal.sv = "Skriv till oss.";
  CHECK(fundscreen::report::missing_letter_texts(example.set, fundscreen::i18n::Lang::sv) ==
        std::vector<std::string>{"letters.sender.sv", "letters.signature.sv"});
}

TEST_CASE("report::letter_file_stem") {
  CHECK(letter_file_stem("OA-2021-004") == "OA-2021-004");
  CHECK(letter_file_stem("Hakemus ä 1") == "Hakemus ä 1");
  CHECK(letter_file_stem("a/b\\c") == "a_b_c");
  CHECK(letter_file_stem("../etc") == "_._etc");
  CHECK(letter_file_stem(".hidden") == "_hidden");
  CHECK(letter_file_stem("tab\there") == "tab_here");
  CHECK(letter_file_stem("x:y*z?<>|\"") == "x_y_z_____");
  SUBCASE("cut at 100 bytes, not inside a character") {
    CHECK(letter_file_stem(std::string(120, 'a')) == std::string(100, 'a'));
    CHECK(letter_file_stem(std::string(99, 'a') + "ää") == std::string(99, 'a'));
  }
}

TEST_CASE("report::letters_index") {
  ReportExample example;
  example.info.lang = "fi";
  std::string index = fundscreen::report::letters_index(
      example.info, {{"A-1", "Kasvuryhmä Suomi ry", Decision::fund, "A-1"}, {"A/2", "B | C", Decision::reject, "A_2"}});
  CHECK(index == R"(<!-- fundscreen letters: this folder is rewritten by each run -->

# Päätöskirjeet

Pieni haku

| Hakemus | Hakija | Päätös | Kirje |
|---|---|---|---|
| A-1 | Kasvuryhmä Suomi ry | rahoitetaan | [A-1.md](<A-1.md>), [A-1.html](<A-1.html>) |
| A/2 | B \| C | hylätään | [A\_2.md](<A\_2.md>), [A\_2.html](<A\_2.html>) \* |

\* Tunnus ei sellaisenaan kelpaa tiedostonimeksi, joten kirjeen tiedostoilla on turvallinen nimi.
)");
}
