// SPDX-License-Identifier: Apache-2.0
#include <sstream>

#include <doctest/doctest.h>

#include "report/html_report.hpp"
#include "report_fixture.hpp"
#include "util/error.hpp"

using namespace fundscreen;
using fundscreen::testing::ReportExample;

namespace {

std::string render(const ReportExample& example, report::HtmlReportOptions options = {}) {
  std::ostringstream out;
  auto writer = report::make_html_report_writer(out, std::move(options));
  writer->begin(example.info);
  for (const auto& view : example.views) writer->add(view);
  writer->end();
  return out.str();
}

size_t count(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

} // namespace

TEST_CASE("report::html_report") {
  ReportExample example;

  SUBCASE("asks for the values read and the inputs' digests") {
    std::ostringstream out;
    auto writer = report::make_html_report_writer(out, {});
    CHECK(writer->needs().detail == report::Detail::traced);
    CHECK(writer->needs().digests);
  }

  SUBCASE("one page: language, one style sheet, no script, nothing from outside") {
    std::string html = render(example);
    CHECK(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    CHECK(count(html, "<style>") == 1);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("thead { display: table-header-group; }") != std::string::npos);
    CHECK(count(html, "<h1>") == 1);
    CHECK(count(html, "<section class=\"application\"") == 4);
    CHECK(count(html, "<tr class=\"app-row\">") == 4);
    CHECK(count(html, "<tr class=\"funding-line\">") == 1);
  }

  SUBCASE("the funding line lies between the last funded and the first reserve") {
    std::string html = render(example);
    size_t funded = html.find("href=\"#app-A-1\"");
    size_t line = html.find("<tr class=\"funding-line\">");
    size_t reserve = html.find("href=\"#app-A-2\"");
    CHECK(funded < line);
    CHECK(line < reserve);
  }

  SUBCASE("every text from the inputs is escaped") {
    std::string html = render(example);
    CHECK(html.find("Tech &quot;Robotti&quot; Oy &amp; &lt;Partners&gt;") != std::string::npos);
    CHECK(html.find("<Partners>") == std::string::npos);
  }

  SUBCASE("the words follow the run's language") {
    example.info.lang = "fi";
    std::string html = render(example);
    CHECK(html.starts_with("<!doctype html>\n<html lang=\"fi\">"));
    CHECK(html.find("<h1>Pieni haku</h1>") != std::string::npos);
    CHECK(html.find("95 000,50 €") != std::string::npos);
    CHECK(html.find("rahoitetaan") != std::string::npos);
  }

  SUBCASE("--title replaces the heading, escaped") {
    std::string html = render(example, {{}, "Board &amp; </section>"});
    CHECK(html.find("<h1>Board &amp;amp; &lt;/section&gt;</h1>") != std::string::npos);
  }

  SUBCASE("--by charts the decisions by a field of the set") {
    std::string html = render(example, {{"kind"}, ""});
    CHECK(html.find("Decisions by kind") != std::string::npos);
    CHECK(html.find("development: fund 1, reserve 1, clarify 1; technology: reject 1") != std::string::npos);
  }

  SUBCASE("--by a field the set does not have is a usage error with the nearest field") {
    std::ostringstream out;
    auto writer = report::make_html_report_writer(out, {{"knd"}, ""});
    try {
      writer->begin(example.info);
      FAIL("no error");
    } catch (const util::Error& e) {
      CHECK(e.kind() == util::ErrorKind::usage);
      CHECK(e.diagnostics().at(0).message ==
            "--by 'knd' is not a field of the criteria set 'mini-2021'; did you mean 'kind'?");
    }
    CHECK(out.str().empty());
  }
}

TEST_CASE("report::application_fragment") {
  CHECK(report::application_fragment("OA-2021-072") == "app-OA-2021-072");
  // Different ids never share a fragment: `_` is escaped too.
  CHECK(report::application_fragment("A/4") == "app-A_2f4");
  CHECK(report::application_fragment("A_4") == "app-A_5f4");
  CHECK(report::application_fragment("A_2f4") == "app-A_5f2f4");
  CHECK(report::application_fragment("\" onclick=\"x") == "app-_22_20onclick_3d_22x");
  CHECK(report::application_fragment("Hä") == "app-H_c3_a4");
}
