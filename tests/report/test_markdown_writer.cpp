// SPDX-License-Identifier: Apache-2.0
#include <sstream>

#include <doctest/doctest.h>

#include "report_fixture.hpp"

using fundscreen::report::Format;
using fundscreen::testing::ReportExample;

namespace {

// The number of `|` in `line` that are not escaped with a backslash: a table row's columns + 1.
size_t bars(const std::string& line) {
  size_t n = 0;
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
  return n;
}

} // namespace

TEST_CASE("report::markdown") {
  ReportExample example;

  SUBCASE("writes a memo: counts, funded and reserve tables, reasons, and failures per criterion") {
    CHECK(example.render(Format::markdown) == R"md(# Screening: Small call 2021

Criteria set **mini-2021** version 2 (Small call for pilots). 4 applications screened. Budget EUR 200,000.00; funded EUR 95,000.50 for 1 application (strict funding line).

## Decisions

| decision | applications |
| --- | ---: |
| fund | 1 |
| reserve | 1 |
| clarify | 1 |
| pending | 0 |
| reject | 1 |
| total | 4 |

## Funded

| rank | id | applicant | title | score | requested | cumulative |
| ---: | --- | --- | --- | ---: | ---: | ---: |
| 1 | A-1 | Kasvuryhmä Suomi ry | Vertaisoppimisen ohjelma | 4.17 | EUR 95,000.50 | EUR 95,000.50 |

## Reserve

| rank | id | applicant | title | score | requested |
| ---: | --- | --- | --- | ---: | ---: |
| 2 | A-2 | Etelä-Savon Koulutus Oy ja Mikkelin ammattikorkeakoulu | Osaaminen kuntoon \| OSKU | 3.00 | EUR 150,000.00 |

## Clarify

- **A-4** Åbo Öljy Ab: unclear C2
  - C2: the reviewers disagree: 1 pass, 1 fail

## Pending

None.

## Rejected

| criterion | title | applications that failed it |
| --- | --- | ---: |
| X1 | Not a technological solution | 1 |
| C6 | The whole is sufficiently resourced | 1 |

- **A-3** Tech "Robotti" Oy \& \<Partners\>: failed X1, C6
)md");
  }

  SUBCASE("keeps a | from an application inside its cell") {
    std::istringstream in(example.render(Format::markdown));
    std::string row;
    for (std::string line; std::getline(in, line);)
      if (line.starts_with("| 2 | A-2")) row = line;
    CHECK(row.find("kuntoon \\| OSKU") != std::string::npos);
    CHECK(bars(row) == 7);
  }

  SUBCASE("titles criteria in the run's language") {
    example.info.lang = "fi";
    CHECK(example.render(Format::markdown).find("| C6 | Kokonaisuus on riittävästi resursoitu | 1 |") !=
          std::string::npos);
  }
}
