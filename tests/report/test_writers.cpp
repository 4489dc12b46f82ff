// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "report_fixture.hpp"

using fundscreen::core::Decision;
using fundscreen::report::Format;
using fundscreen::report::parse_format;
using fundscreen::testing::ReportExample;

namespace {

constexpr Format k_formats[] = {Format::table, Format::csv,      Format::json,
                                Format::jsonl, Format::markdown, Format::junit};

} // namespace

TEST_CASE("report::parse_format") {
  CHECK(parse_format("table") == Format::table);
  CHECK(parse_format("jsonl") == Format::jsonl);
  CHECK(parse_format("junit") == Format::junit);
  CHECK_FALSE(parse_format("xml").has_value());
}

TEST_CASE("report::make_writer") {
  ReportExample example;

  SUBCASE("gives the same bytes on every run") {
    for (Format f : k_formats) {
      ReportExample again;
      CHECK(example.render(f) == again.render(f));
    }
  }

  SUBCASE("accounts for every application in every format") {
    for (Format f : k_formats) {
      std::string out = example.render(f);
      for (std::string id : {"A-1", "A-2", "A-3", "A-4"}) {
        CAPTURE(static_cast<int>(f));
        CHECK(out.find(id) != std::string::npos);
      }
    }
  }

  SUBCASE("writes a run without applications") {
    for (Format f : k_formats) CHECK_FALSE(example.render_views(f, {}).empty());
    CHECK(example.render_views(Format::csv, {}) == "id,decision,rank,score,failed,unclear,pending,amount,reason\n");
  }

  SUBCASE("lists an application awaiting review with the criterion's reason") {
    fundscreen::core::Assessed waiting = example.assessed[3];
    waiting.criteria[2].status = fundscreen::core::Status::pending;
    waiting.criteria[2].reason = "no reviewer's verdict yet";
    waiting.unclear.clear();
    waiting.pending = {"C2"};
    waiting.decision = Decision::pending;
    waiting.decided_by = "awaiting verdicts on C2";
    auto view = example.views[3];
    view.assessed = &waiting;
    view.decision = Decision::pending;
    CHECK(example.render_views(Format::table, {view}).ends_with(R"(
Pending (1)
  A-4  Åbo Öljy Ab  awaiting verdicts on C2
                    C2: no reviewer's verdict yet
)"));
    CHECK(example.render_views(Format::markdown, {view}).find(R"(## Pending

- **A-4** Åbo Öljy Ab: awaiting verdicts on C2
  - C2: no reviewer's verdict yet
)") != std::string::npos);
    CHECK(example.render_views(Format::junit, {view})
              .find(R"x(<skipped message="awaiting verdicts on C2 (C2: no reviewer&apos;s verdict yet)"/>)x") !=
          std::string::npos);
    CHECK(example.render_views(Format::csv, {view}).ends_with("\nA-4,pending,,,,,C2,40000,awaiting verdicts on C2\n"));
  }
}
