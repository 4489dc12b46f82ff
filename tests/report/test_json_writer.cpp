// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <functional>
#include <thread>

#include <doctest/doctest.h>

#include "report/jsonl_lines.hpp"
#include "report_fixture.hpp"
#include "trail/check.hpp"

using fundscreen::core::Value;
using fundscreen::report::Format;
using fundscreen::testing::ReportExample;

namespace {

// `text` without its seal (the last line of jsonl; json's last member), which
// tests/trail and the seal subcases below check.
std::string without_seal(std::string text) {
  if (size_t at = text.find("\n{\"type\":\"seal\""); at != std::string::npos) return text.substr(0, at + 1);
  if (size_t at = text.find(",\n  \"seal\": {"); at != std::string::npos) return text.substr(0, at) + "\n}\n";
  return text;
}

// The trail `text` split and checked against its seal.
fundscreen::trail::TrailCheck check(const std::string& text, fundscreen::trail::TrailFormat format) {
  fundscreen::trail::Splitter split(format, fundscreen::trail::Capture::heads);
  split.feed(text);
  split.finish();
  return fundscreen::trail::check_trail(split, std::nullopt);
}

} // namespace

TEST_CASE("report::json") {
  ReportExample example;

  SUBCASE("writes the run and each application's whole trail, escaping what needs it") {
    CHECK(without_seal(example.render_views(Format::json, {example.views[2]})) == R"json({
  "run": {
    "fundscreen": "0.1.0",
    "criteria": {
      "id": "mini-2021",
      "version": "2",
      "path": "criteria/mini-2021.yaml",
      "sha256": "5e1f"
    },
    "inputs": [
      {
        "role": "applications",
        "path": "apps.csv",
        "sha256": "a11c",
        "records": 4
      },
      {
        "role": "assessments",
        "path": "reviews.csv",
        "sha256": "b0b5",
        "records": 11
      }
    ],
    "applications": 4,
    "counts": {
      "fund": 1,
      "reserve": 1,
      "clarify": 1,
      "pending": 0,
      "reject": 1
    },
    "funding": {
      "policy": "strict",
      "budget": "200000",
      "used": "95000.50",
      "funded": 1,
      "eligible": 2,
      "currency": "EUR"
    },
    "timestamp": null,
    "lang": "en"
  },
  "applications": [
    {
      "id": "A-3",
      "applicant": "Tech \"Robotti\" Oy & <Partners>",
      "title": "Robots | more robots",
      "index": 2,
      "line": 4,
      "decision": "reject",
      "rank": null,
      "score": null,
      "amount": "120000",
      "cumulative": null,
      "decided_by": "failed X1, C6",
      "failed": [
        "X1",
        "C6"
      ],
      "unclear": [],
      "pending": [],
      "criteria": [
        {
          "id": "X1",
          "title": "Not a technological solution",
          "kind": "rule",
          "status": "fail",
          "reason": "the rule does not hold",
          "rule": {
            "text": "app.kind != \"technology\"",
            "result": "false",
            "reason": "",
            "reads": [
              {
                "path": "app.kind",
                "value": "technology"
              }
            ]
          },
          "reviews": [],
          "mean_score": null
        },
        {
          "id": "C1",
          "title": "Advances thesis 3",
          "kind": "both",
          "status": "pass",
          "reason": "the rule holds; the reviewer passed it",
          "rule": {
            "text": "has(app.thesis) and app.thesis.starts_with(\"3\")",
            "result": "true",
            "reason": "",
            "reads": [
              {
                "path": "app.thesis",
                "value": "3A"
              }
            ]
          },
          "reviews": [
            {
              "reviewer": "R1",
              "verdict": "pass",
              "score": 2,
              "note": "see C:\\docs \"v2\"\u0001 ä",
              "left_out": null
            }
          ],
          "mean_score": {
            "value": "2.00",
            "numerator": 2,
            "denominator": 1
          }
        },
        {
          "id": "C2",
          "title": "Goals are realistic",
          "kind": "judgement",
          "status": "pass",
          "reason": "the reviewer passed it",
          "rule": null,
          "reviews": [
            {
              "reviewer": "R1",
              "verdict": "pass",
              "score": 2,
              "note": "",
              "left_out": null
            }
          ],
          "mean_score": {
            "value": "2.00",
            "numerator": 2,
            "denominator": 1
          }
        },
        {
          "id": "C6",
          "title": "The whole is sufficiently resourced",
          "kind": "rule",
          "status": "fail",
          "reason": "the rule does not hold",
          "rule": {
            "text": "has(app.programme_budget_eur)\nand app.programme_budget_eur >= app.requested_eur",
            "result": "false",
            "reason": "",
            "reads": [
              {
                "path": "app.programme_budget_eur",
                "value": "50000"
              },
              {
                "path": "app.requested_eur",
                "value": "120000"
              }
            ]
          },
          "reviews": [],
          "mean_score": null
        }
      ]
    }
  ]
}
)json");
  }

  SUBCASE("writes an empty list of applications as []") {
    std::string doc = without_seal(example.render_views(Format::json, {}));
    CHECK(doc.ends_with("    \"lang\": \"en\"\n  },\n  \"applications\": []\n}\n"));
  }

  SUBCASE("ends with the seal, its last member on one line, over the run and each application") {
    std::string doc = example.render(Format::json);
    CHECK(doc.find(
              ",\n  \"seal\": {\"format\":\"fundscreen-seal/1\",\"fundscreen\":\"0.1.0\",\"criteria_sha256\":\"5e1f\","
              "\"inputs\":[{\"role\":\"applications\",\"path\":\"apps.csv\",\"sha256\":\"a11c\"},") !=
          std::string::npos);
    CHECK(doc.find(",\"signature\":null,\"unit_sha256\":[\"") != std::string::npos);
    CHECK(doc.ends_with("\"]}\n}\n"));
    fundscreen::trail::TrailCheck result = check(doc, fundscreen::trail::TrailFormat::json);
    CHECK(result.findings.empty());
    CHECK(result.units == 5);
    doc[doc.find("A-3")] = 'B';
    CHECK(check(doc, fundscreen::trail::TrailFormat::json).findings.size() == 1);
  }

  SUBCASE("gives the timestamp when there is one") {
    example.info.timestamp = "2021-06-01T00:00:00Z";
    CHECK(example.render_views(Format::json, {}).find(R"("timestamp": "2021-06-01T00:00:00Z",)") != std::string::npos);
  }

  SUBCASE("writes the values a rule read as typed JSON") {
    fundscreen::core::Assessed typed = example.assessed[2];
    typed.criteria[0].rule->reads = {
        {"app.missing", Value{}},
        {"app.flag", Value(true)},
        {"app.count", Value(int64_t{-3})},
        {"app.share", Value(0.25)},
        {"app.amount", Value(fundscreen::testing::money("95000.50"))},
        {"app.started", Value(fundscreen::testing::date("2020-09-01"))},
        {"app.span", Value(fundscreen::core::Duration{3, 0})},
        {"app.actors", Value(fundscreen::core::StringList{"Sitra", "Åbo \"A\""})},
    };
    fundscreen::core::ApplicationView view = example.views[2];
    view.assessed = &typed;
    std::string doc = example.render_views(Format::json, {view});
    CHECK(doc.find(R"(
            "reads": [
              {
                "path": "app.missing",
                "value": null
              },
              {
                "path": "app.flag",
                "value": true
              },
              {
                "path": "app.count",
                "value": -3
              },
              {
                "path": "app.share",
                "value": 0.25
              },
              {
                "path": "app.amount",
                "value": "95000.50"
              },
              {
                "path": "app.started",
                "value": "2020-09-01"
              },
              {
                "path": "app.span",
                "value": "3 months"
              },
              {
                "path": "app.actors",
                "value": [
                  "Sitra",
                  "Åbo \"A\""
                ]
              }
            ]
)") != std::string::npos);
    std::string lines = example.render_views(Format::jsonl, {view});
    CHECK(lines.find(R"("reads":{"app.missing":null,"app.flag":true,"app.count":-3,"app.share":0.25,)"
                     R"("app.amount":"95000.50","app.started":"2020-09-01","app.span":"3 months",)"
                     R"("app.actors":["Sitra","Åbo \"A\""]}})") != std::string::npos);
  }
}

TEST_CASE("report::jsonl") {
  ReportExample example;

  SUBCASE("writes the run with the criteria's definitions, then each application's own trail") {
    CHECK(
        without_seal(example.render_views(Format::jsonl, {example.views[0]})) ==
        R"json({"type":"run","fundscreen":"0.1.0","criteria":{"id":"mini-2021","version":"2","path":"criteria/mini-2021.yaml","sha256":"5e1f"},"inputs":[{"role":"applications","path":"apps.csv","sha256":"a11c","records":4},{"role":"assessments","path":"reviews.csv","sha256":"b0b5","records":11}],"applications":4,"counts":{"fund":1,"reserve":1,"clarify":1,"pending":0,"reject":1},"funding":{"policy":"strict","budget":"200000","used":"95000.50","funded":1,"eligible":2,"currency":"EUR"},"timestamp":null,"lang":"en","definitions":[{"id":"X1","title":"Not a technological solution","kind":"rule","rule":"app.kind != \"technology\"","reasons":{"pass":"the rule holds","fail":"the rule does not hold"}},{"id":"C1","title":"Advances thesis 3","kind":"both","rule":"has(app.thesis) and app.thesis.starts_with(\"3\")","weight":2},{"id":"C2","title":"Goals are realistic","kind":"judgement","weight":1},{"id":"C6","title":"The whole is sufficiently resourced","kind":"rule","rule":"has(app.programme_budget_eur)\nand app.programme_budget_eur >= app.requested_eur","reasons":{"pass":"the rule holds","fail":"the rule does not hold"}}]}
{"type":"application","id":"A-1","applicant":"Kasvuryhmä Suomi ry","title":"Vertaisoppimisen ohjelma","index":0,"line":2,"decision":"fund","rank":1,"score":{"value":"4.17","numerator":25,"denominator":6},"amount":"95000.50","cumulative":"95000.50","decided_by":"eligible","failed":[],"unclear":[],"pending":[],"criteria":[{"id":"X1","status":"pass","reads":{"app.kind":"development"}},{"id":"C1","status":"pass","reason":"the rule holds; both reviewers passed it","reads":{"app.thesis":"3B"},"reviews":[{"reviewer":"R1","verdict":"pass","score":4.5,"note":"fits \"3B\" well","left_out":null},{"reviewer":"R2","verdict":"pass","score":4,"note":"","left_out":null}],"mean_score":{"value":"4.25","numerator":17,"denominator":4}},{"id":"C2","status":"pass","reason":"the reviewer passed it (1 left out for a conflict of interest)","reviews":[{"reviewer":"R1","verdict":"pass","score":4,"note":"","left_out":null},{"reviewer":"R3","verdict":"pass","score":3,"note":"","left_out":"R3 declared a conflict of interest with A-1"}],"mean_score":{"value":"4.00","numerator":4,"denominator":1}},{"id":"C6","status":"pass","reads":{"app.programme_budget_eur":"300000","app.requested_eur":"95000.50"}}]}
)json");
  }

  SUBCASE("gives a rule's result and reason only where the status does not imply them") {
    fundscreen::core::Assessed changed = example.assessed[0];
    auto& x1 = changed.criteria[0]; // a rule criterion whose rule read a missing value
    x1.status = fundscreen::core::Status::unclear;
    x1.reason = "the rule cannot be decided: app.kind is missing";
    x1.rule->truth = fundscreen::core::Truth::unknown;
    x1.rule->reason = "app.kind is missing";
    x1.rule->reads = {{"app.kind", Value{}}};
    auto& c1 = changed.criteria[1]; // a rule that holds, on a criterion the reviewers failed
    c1.status = fundscreen::core::Status::fail;
    c1.reason = "the rule holds; both reviewers failed it";
    fundscreen::core::ApplicationView view = example.views[0];
    view.assessed = &changed;
    std::string lines = example.render_views(Format::jsonl, {view});
    CHECK(lines.find(R"({"id":"X1","status":"unclear","reason":"the rule cannot be decided: app.kind is missing",)"
                     R"("rule_reason":"app.kind is missing","reads":{"app.kind":null}})") != std::string::npos);
    CHECK(lines.find(R"({"id":"C1","status":"fail","reason":"the rule holds; both reviewers failed it",)"
                     R"("rule_result":"true","reads":{"app.thesis":"3B"},"reviews":[)") != std::string::npos);
  }

  SUBCASE("gives a rule criterion's reason when it is not the plain one of its status") {
    fundscreen::core::Assessed changed = example.assessed[0];
    changed.criteria[0].reason = "the rule does not hold";
    fundscreen::core::ApplicationView view = example.views[0];
    view.assessed = &changed;
    CHECK(example.render_views(Format::jsonl, {view})
              .find(R"({"id":"X1","status":"pass","reason":"the rule does not hold",)") != std::string::npos);
  }

  SUBCASE("appends a line to what the string holds, the same line as the writer's") {
    fundscreen::report::JsonlLines lines(example.info);
    std::string out = "before\n";
    lines.append_application(out, example.views[3]);
    std::string written = without_seal(example.render_views(Format::jsonl, {example.views[3]}));
    CHECK(out == "before\n" + written.substr(written.find('\n') + 1));
  }

  SUBCASE("formats lines on several threads at once as on one") {
    const fundscreen::report::JsonlLines lines(example.info);
    auto format_all = [&](std::string& out) {
      for (int round = 0; round < 200; ++round)
        for (const auto& view : example.views) lines.append_application(out, view);
    };
    std::string alone, first, second;
    format_all(alone);
    std::thread a(format_all, std::ref(first)), b(format_all, std::ref(second));
    a.join();
    b.join();
    CHECK(first == alone);
    CHECK(second == alone);
  }

  SUBCASE("writes every application of the example, each on its own line") {
    std::string out = example.render(Format::jsonl);
    CHECK(std::count(out.begin(), out.end(), '\n') == 6);
    CHECK(out.find("\n{\"type\":\"application\",\"id\":\"A-4\",") != std::string::npos);
  }

  SUBCASE("ends with the seal line over the run line and each application line") {
    std::string out = example.render(Format::jsonl);
    std::string last = out.substr(out.rfind('\n', out.size() - 2) + 1);
    CHECK(last.starts_with("{\"type\":\"seal\",\"format\":\"fundscreen-seal/1\",\"fundscreen\":\"0.1.0\","));
    CHECK(last.find(",\"signature\":null,\"unit_sha256\":[\"") != std::string::npos);
    CHECK(last.ends_with("\"]}\n"));
    fundscreen::trail::TrailCheck result = check(out, fundscreen::trail::TrailFormat::jsonl);
    CHECK(result.findings.empty());
    CHECK(result.units == 5);
    out[out.find("A-3")] = 'B';
    REQUIRE(check(out, fundscreen::trail::TrailFormat::jsonl).findings.size() == 1);
    CHECK(check(out, fundscreen::trail::TrailFormat::jsonl).findings[0].line == 4);
  }
}
