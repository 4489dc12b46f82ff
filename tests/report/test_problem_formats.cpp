// SPDX-License-Identifier: Apache-2.0
#include <sstream>

#include <doctest/doctest.h>

#include "report/problem_formats.hpp"

using fundscreen::util::Diagnostic;
using fundscreen::util::Location;
using fundscreen::util::Severity;
namespace report = fundscreen::report;

TEST_CASE("report::github_command") {
  SUBCASE("escapes % CR LF in the message, and also : and , in the properties") {
    CHECK(report::github_data("50%\r\nof: a, b") == "50%25%0D%0Aof: a, b");
    CHECK(report::github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A");
    CHECK(report::github_data(std::string_view("nul\0 esc\x1b tab\t", 14)) == "nul\xEF\xBF\xBD esc\xEF\xBF\xBD tab\t");
    CHECK(report::github_command("error", Location{"dir,x/a:b.csv", 3, 7}, "t: 1, 2", "line one\nline two") ==
          "::error file=dir%2Cx/a%3Ab.csv,line=3,col=7,title=t%3A 1%2C 2::line one%0Aline two\n");
  }

  SUBCASE("leaves out what is not known") {
    CHECK(report::github_command("notice", Location{"a.csv", 3, 0}, "", "m") == "::notice file=a.csv,line=3::m\n");
    CHECK(report::github_command("notice", Location{}, "t", "m") == "::notice title=t::m\n");
  }

  SUBCASE("a warning is ::warning, titled with its rule") {
    Diagnostic d{Location{"s.yaml", 4, 3}, Severity::warning, "impact 'I1' is protected by no criterion", {}};
    CHECK(report::github_annotation(d) ==
          "::warning file=s.yaml,line=4,col=3,title=fundscreen%3A Impact coverage (impact-coverage)::impact 'I1' is "
          "protected by no criterion\n");
  }
}

TEST_CASE("report::write_sarif") {
  std::ostringstream out;
  report::write_sarif({Diagnostic{Location{"my dir/set.yaml", 12, 5}, Severity::error,
                                  "duplicate criterion id 'C1' (first defined at line 9)", "context"},
                       Diagnostic{Location{}, Severity::warning, "no place", {}}},
                      "1.2.3", out);
  std::string log = out.str();
  CHECK(log.starts_with("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": "
                        "\"2.1.0\","));
  CHECK(log.find(R"("ruleId": "duplicate-id")") != std::string::npos);
  CHECK(log.find("\"id\": \"duplicate-id\",\n              \"name\": \"DuplicateId\",") != std::string::npos);
  CHECK(log.find(R"("uri": "my%20dir/set.yaml")") != std::string::npos);
  CHECK(log.find("\"startLine\": 12,") != std::string::npos);
  CHECK(log.find("\"startColumn\": 5") != std::string::npos);
  CHECK(log.find(R"("level": "warning")") != std::string::npos);
  CHECK(log.find("context") == std::string::npos);
  CHECK(log.ends_with("}\n"));
}
