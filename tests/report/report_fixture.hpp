// SPDX-License-Identifier: Apache-2.0
// A screened call of four applications, built in memory for the report tests: A-1 funded,
// A-2 reserve (it does not fit what is left of the budget), A-3 rejected on X1 and C6,
// A-4 to clarify (its reviewers disagree on C2). Names carry ä, ö and å, and A-3 carries the
// characters each format must escape.
#pragma once

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/assessment_index.hpp"
#include "core/funding.hpp"
#include "core/run_info.hpp"
#include "core/screener.hpp"
#include "io/criteria_loader.hpp"
#include "report/writer.hpp"
#include "test_builders.hpp"

namespace fundscreen::testing {

inline constexpr std::string_view k_report_set = R"(id: mini-2021
version: 2
title:
  fi: Pieni haku
  en: Small call for pilots
call:
  name: Small call 2021
  deadline: 2021-03-01
  budget: 200000
  currency: EUR
fields:
  - {name: id, type: string, required: true}
  - {name: applicant, type: string, required: true}
  - {name: title, type: string, required: true}
  - {name: thesis, type: string}
  - {name: kind, type: enum, values: [development, technology], required: true}
  - {name: requested_eur, type: money, required: true}
  - {name: programme_budget_eur, type: money}
criteria:
  - id: X1
    title: {fi: Ei teknologista ratkaisua, en: Not a technological solution}
    kind: rule
    rule: app.kind != "technology"
    protects: [fit]
  - id: C1
    title: {fi: Edistää teesiä 3, en: Advances thesis 3}
    kind: both
    rule: has(app.thesis) and app.thesis.starts_with("3")
    weight: 2
    protects: [fit]
  - id: C2
    title: {fi: Tavoitteet ovat realistisia, en: Goals are realistic}
    kind: judgement
    weight: 1
    protects: [fit]
  - id: C6
    title: {fi: Kokonaisuus on riittävästi resursoitu, en: The whole is sufficiently resourced}
    kind: rule
    rule: |-
      has(app.programme_budget_eur)
      and app.programme_budget_eur >= app.requested_eur
    protects: [fit]
impacts:
  - id: fit
    description: the work goes on
    indicator: outcome.continued
ranking:
  tie_break:
    - {field: id, order: asc}
funding:
  policy: strict
)";

// One reviewer's verdict: application, criterion, reviewer, verdict, score, note.
inline core::Assessment verdict(std::string app, std::string criterion, std::string reviewer, core::Verdict v,
                                std::optional<int> halves, std::string note = "") {
  core::Assessment a;
  a.application = std::move(app);
  a.criterion = std::move(criterion);
  a.reviewer = std::move(reviewer);
  a.verdict = v;
  a.score_halves = halves;
  a.note = std::move(note);
  return a;
}

// The four applications screened, ranked and funded, with the views a writer gets.
struct ReportExample {
  core::CriteriaSet set;
  std::unique_ptr<core::AssessmentIndex> reviews;
  core::ConflictIndex conflicts;
  std::vector<core::Application> apps;
  std::vector<core::Assessed> assessed;
  core::FundingLine line;
  core::RunInfo info;
  std::vector<core::ApplicationView> views;

  explicit ReportExample(core::FundingPolicy policy = core::FundingPolicy::strict)
      : set(io::parse_criteria(k_report_set, "criteria/mini-2021.yaml")) {
    set.funding = policy;
    add_app({{"id", "A-1"},
             {"applicant", "Kasvuryhmä Suomi ry"},
             {"title", "Vertaisoppimisen ohjelma"},
             {"thesis", "3B"},
             {"kind", "development"},
             {"requested_eur", "95000.50"},
             {"programme_budget_eur", "300000"}});
    add_app({{"id", "A-2"},
             {"applicant", "Etelä-Savon Koulutus Oy ja Mikkelin ammattikorkeakoulu"},
             {"title", "Osaaminen kuntoon | OSKU"},
             {"thesis", "3D"},
             {"kind", "development"},
             {"requested_eur", "150000"},
             {"programme_budget_eur", "400000"}});
    add_app({{"id", "A-3"},
             {"applicant", "Tech \"Robotti\" Oy & <Partners>"},
             {"title", "Robots | more robots"},
             {"thesis", "3A"},
             {"kind", "technology"},
             {"requested_eur", "120000"},
             {"programme_budget_eur", "50000"}});
    add_app({{"id", "A-4"},
             {"applicant", "Åbo Öljy Ab"},
             {"title", "Learning at work"},
             {"thesis", "3C"},
             {"kind", "development"},
             {"requested_eur", "40000"},
             {"programme_budget_eur", "100000"}});
    add_reviews();
    screen();
  }

  // Writes every view with a writer of `format`.
  std::string render(report::Format format, report::Color color = report::Color::never) const {
    return render_views(format, views, color);
  }

  // Writes `some` views with a writer of `format`, with this example's run info.
  std::string render_views(report::Format format, const std::vector<core::ApplicationView>& some,
                           report::Color color = report::Color::never) const {
    std::ostringstream out;
    auto writer = report::make_writer(format, out, report::WriterOptions{color});
    writer->begin(info);
    for (const auto& view : some) writer->add(view);
    writer->end();
    return out.str();
  }

  // The explanation of the application at `index`.
  std::string explain(size_t index, report::Color color = report::Color::never) const {
    std::ostringstream out;
    report::write_explanation(info, views[index], out, report::WriterOptions{color});
    return out.str();
  }

private:
  void add_app(Cells cells) {
    core::Application a;
    a.values = app(cells, set.fields);
    a.where = {"apps.csv", static_cast<int>(apps.size()) + 2, 1};
    apps.push_back(std::move(a));
  }

  void add_reviews() {
    using core::Verdict;
    reviews = std::make_unique<core::AssessmentIndex>(set);
    for (const auto& a : {
             verdict("A-1", "C1", "R1", Verdict::pass, 9, "fits \"3B\" well"),
             verdict("A-1", "C1", "R2", Verdict::pass, 8),
             verdict("A-1", "C2", "R1", Verdict::pass, 8),
             verdict("A-1", "C2", "R3", Verdict::pass, 6),
             verdict("A-2", "C1", "R1", Verdict::pass, 6),
             verdict("A-2", "C2", "R1", Verdict::pass, 6),
             verdict("A-3", "C1", "R1", Verdict::pass, 4, "see C:\\docs \"v2\"\x01 ä"),
             verdict("A-3", "C2", "R1", Verdict::pass, 4),
             verdict("A-4", "C1", "R1", Verdict::pass, 8),
             verdict("A-4", "C2", "R1", Verdict::pass, 6),
             verdict("A-4", "C2", "R2", Verdict::fail, 4, "goals\nunclear"),
         })
      reviews->add(a);
    conflicts.add({"R3", "A-1", ""});
  }

  void screen() {
    core::Screener screener(set, reviews.get(), &conflicts);
    std::vector<core::RankEntry> entries;
    for (size_t i = 0; i < apps.size(); ++i) {
      assessed.push_back(screener.assess(apps[i], core::TraceReads::yes));
      if (assessed.back().eligible) entries.push_back(core::rank_entry(set, assessed.back(), apps[i], i));
    }
    line = core::draw_funding_line(set, std::move(entries));
    std::map<size_t, const core::Placement*> placed;
    for (const auto& p : line.placements) placed[p.index] = &p;
    fill_info();
    for (size_t i = 0; i < apps.size(); ++i) {
      core::ApplicationView v{i, &apps[i], &assessed[i], assessed[i].decision, nullptr};
      if (auto it = placed.find(i); it != placed.end()) {
        v.placement = it->second;
        v.decision = it->second->decision;
      }
      ++info.counts[static_cast<size_t>(v.decision)];
      views.push_back(v);
    }
  }

  void fill_info() {
    info.tool_version = "0.1.0";
    info.set = &set;
    info.criteria_path = "criteria/mini-2021.yaml";
    info.criteria_sha256 = "5e1f";
    info.inputs = {{"applications", "apps.csv", "a11c", 4}, {"assessments", "reviews.csv", "b0b5", 11}};
    info.applications = apps.size();
    info.eligible = line.placements.size();
    info.funded = line.funded;
    info.budget = line.budget;
    info.used = line.used;
  }
};

} // namespace fundscreen::testing
