// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "util/error.hpp"

using fundscreen::util::caret_context;
using fundscreen::util::Diagnostic;
using fundscreen::util::Error;
using fundscreen::util::ErrorKind;
using fundscreen::util::exit_code;
using fundscreen::util::format_diagnostic;
using fundscreen::util::Location;
using fundscreen::util::Severity;

TEST_CASE("util::format_diagnostic") {
  SUBCASE("starts with source, line and column") {
    Diagnostic d{Location{"set.yaml", 42, 15}, Severity::error, "unknown field 'app.requsted_eur'", {}};
    CHECK(format_diagnostic(d) == "set.yaml:42:15: error: unknown field 'app.requsted_eur'\n");
  }
  SUBCASE("says warning for a warning") {
    Diagnostic d{Location{"apps.csv", 1, 7}, Severity::warning, "unknown column 'colour'; it is ignored", {}};
    CHECK(format_diagnostic(d) == "apps.csv:1:7: warning: unknown column 'colour'; it is ignored\n");
  }
  SUBCASE("leaves out an unknown column") {
    Diagnostic d{Location{"set.yaml", 3, 0}, Severity::error, "bad", {}};
    CHECK(format_diagnostic(d) == "set.yaml:3: error: bad\n");
  }
  SUBCASE("leaves out an unknown line") {
    Diagnostic d{Location{"set.yaml", 0, 0}, Severity::error, "cannot read the file", {}};
    CHECK(format_diagnostic(d) == "set.yaml: error: cannot read the file\n");
  }
  SUBCASE("names the program when there is no source") {
    Diagnostic d{Location{}, Severity::error, "no input given", {}};
    CHECK(format_diagnostic(d) == "fundscreen: error: no input given\n");
  }
  SUBCASE("prints the context lines after the message") {
    Diagnostic d{Location{"set.yaml", 2, 5}, Severity::error, "oops", caret_context("x: abc", 5)};
    CHECK(format_diagnostic(d) == "set.yaml:2:5: error: oops\n"
                                  "    x: abc\n"
                                  "        ^\n");
  }
}

TEST_CASE("util::caret_context") {
  SUBCASE("puts the caret under the column, indented by four spaces") {
    CHECK(caret_context("rule: app.x > 0", 7) == "    rule: app.x > 0\n"
                                                 "          ^\n");
  }
  SUBCASE("counts a two-byte letter before the caret as one column") {
    // "ä" is two bytes but one character: the caret sits under the 'x' at column 5.
    CHECK(caret_context("\xC3\xA4 = x", 5) == "    \xC3\xA4 = x\n"
                                              "        ^\n");
  }
  SUBCASE("keeps tabs so the caret lines up under tab-indented text") {
    CHECK(caret_context("\tabc", 3) == "    \tabc\n"
                                       "    \t ^\n");
  }
  SUBCASE("puts the caret past the end for a column after the last character") {
    CHECK(caret_context("ab", 4) == "    ab\n"
                                    "       ^\n");
  }
  SUBCASE("puts the caret under the first character for column 1") {
    CHECK(caret_context("ab", 1) == "    ab\n"
                                    "    ^\n");
  }
}

TEST_CASE("util::exit_code") {
  CHECK(exit_code(ErrorKind::usage) == 2);
  CHECK(exit_code(ErrorKind::input) == 3);
  CHECK(exit_code(ErrorKind::criteria) == 4);
}

TEST_CASE("util::Error") {
  SUBCASE("says the first problem's message") {
    Error e(ErrorKind::criteria, {Diagnostic{Location{"a", 1, 1}, Severity::error, "first", {}},
                                  Diagnostic{Location{"a", 2, 1}, Severity::error, "second", {}}});
    CHECK(std::string(e.what()) == "first");
    CHECK(e.kind() == ErrorKind::criteria);
    CHECK(e.diagnostics().size() == 2);
  }
  SUBCASE("throw_input_error throws an input error at the place") {
    try {
      fundscreen::util::throw_input_error(Location{"apps.csv", 3, 4}, "bad cell");
      FAIL("nothing was thrown");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::input);
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(format_diagnostic(e.diagnostics()[0]) == "apps.csv:3:4: error: bad cell\n");
    }
  }
}
