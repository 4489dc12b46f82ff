// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "report_fixture.hpp"

using fundscreen::report::Format;
using fundscreen::testing::ReportExample;

TEST_CASE("report::csv") {
  ReportExample example;

  SUBCASE("writes one row per application in input order") {
    CHECK(example.render(Format::csv) == R"(id,decision,rank,score,failed,unclear,pending,amount,reason
A-1,fund,1,4.17,,,,95000.50,eligible
A-2,reserve,2,3.00,,,,150000,eligible
A-3,reject,,,X1;C6,,,120000,"failed X1, C6"
A-4,clarify,,,,C2,,40000,unclear C2
)");
  }

  SUBCASE("neutralises formula cells and quotes commas, quotes and line breaks") {
    std::vector<fundscreen::core::Assessed> assessed;
    for (std::string id : {"=cmd", "-5", "+x", "@y", "a,b", "say \"hi\"", "two\nlines"}) {
      assessed.push_back(example.assessed[2]);
      assessed.back().id = id;
    }
    std::vector<fundscreen::core::ApplicationView> views;
    for (const auto& a : assessed) {
      views.push_back(example.views[2]);
      views.back().assessed = &a;
    }
    CHECK(example.render_views(Format::csv, views) == R"(id,decision,rank,score,failed,unclear,pending,amount,reason
'=cmd,reject,,,X1;C6,,,120000,"failed X1, C6"
'-5,reject,,,X1;C6,,,120000,"failed X1, C6"
'+x,reject,,,X1;C6,,,120000,"failed X1, C6"
'@y,reject,,,X1;C6,,,120000,"failed X1, C6"
"a,b",reject,,,X1;C6,,,120000,"failed X1, C6"
"say ""hi""",reject,,,X1;C6,,,120000,"failed X1, C6"
"two
lines",reject,,,X1;C6,,,120000,"failed X1, C6"
)");
  }
}
