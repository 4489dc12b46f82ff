// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "report_fixture.hpp"

using fundscreen::report::Format;
using fundscreen::testing::ReportExample;

TEST_CASE("report::junit") {
  ReportExample example;

  SUBCASE("makes each application a test case: reject fails, clarify is skipped, fund and reserve pass") {
    CHECK(example.render(Format::junit) == R"xml(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="fundscreen" tests="4" failures="1" errors="0">
  <testsuite name="mini-2021 2" tests="4" failures="1" errors="0" skipped="1">
    <testcase classname="fundscreen.mini-2021" name="A-1 Kasvuryhmä Suomi ry">
      <system-out>rank 1 of 2 eligible: fund (cumulative 95 000.50 EUR of 200 000.00 EUR)</system-out>
    </testcase>
    <testcase classname="fundscreen.mini-2021" name="A-2 Etelä-Savon Koulutus Oy ja Mikkelin ammattikorkeakoulu">
      <system-out>rank 2 of 2 eligible: reserve</system-out>
    </testcase>
    <testcase classname="fundscreen.mini-2021" name="A-3 Tech &quot;Robotti&quot; Oy &amp; &lt;Partners&gt;">
      <failure message="failed X1, C6" type="reject">X1 Not a technological solution: the rule does not hold
C6 The whole is sufficiently resourced: the rule does not hold</failure>
    </testcase>
    <testcase classname="fundscreen.mini-2021" name="A-4 Åbo Öljy Ab">
      <skipped message="unclear C2 (C2: the reviewers disagree: 1 pass, 1 fail)"/>
    </testcase>
  </testsuite>
</testsuites>
)xml");
  }

  SUBCASE("escapes what came from the criteria set in the failure body") {
    fundscreen::core::Assessed odd = example.assessed[2];
    odd.criteria[0].reason = "a < b & \"c\" > 'd'";
    fundscreen::core::ApplicationView view = example.views[2];
    view.assessed = &odd;
    CHECK(example.render_views(Format::junit, {view})
              .find(">X1 Not a technological solution: a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;\n") !=
          std::string::npos);
  }

  SUBCASE("replaces the characters XML 1.0 forbids, in attributes and text alike, with U+FFFD") {
    fundscreen::core::Application hostile = example.apps[2];
    hostile.values[1] = std::string("Robotti\x01Oy\xEF\xBF\xBE\xEF\xBF\xBF\x1b");
    fundscreen::core::Assessed odd = example.assessed[2];
    odd.criteria[0].reason = std::string("nul\0here\xEF\xBF\xBF", 11);
    fundscreen::core::ApplicationView view = example.views[2];
    view.app = &hostile;
    view.assessed = &odd;
    std::string xml = example.render_views(Format::junit, {view});
    CHECK(xml.find("name=\"A-3 Robotti\xEF\xBF\xBDOy\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\">") != std::string::npos);
    CHECK(xml.find(">X1 Not a technological solution: nul\xEF\xBF\xBDhere\xEF\xBF\xBD\n") != std::string::npos);
    CHECK(xml.find("\xEF\xBF\xBE") == std::string::npos);
    CHECK(xml.find('\0') == std::string::npos);
  }
}
