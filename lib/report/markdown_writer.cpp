// SPDX-License-Identifier: Apache-2.0
// `markdown`: a memo a programme officer can paste. Everything that came from a criteria set
// or an application goes through markdown_text(), so a `|` cannot break a table.
#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/money_text.hpp"
#include "report/summary.hpp"
#include "report/writers.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

using core::Decision;

std::string md(std::string_view text) { return markdown_text(text); }

class MarkdownWriter final : public Writer {
public:
  explicit MarkdownWriter(std::ostream& out) : m_out(out) {}

  void begin(const core::RunInfo& info) override {
    m_info = info;
    if (info.set) m_failures.assign(info.set->criteria.size(), 0);
  }

  void add(const core::ApplicationView& view) override {
    bool rejected = view.decision == Decision::reject;
    Summary s = summarize(m_info, view, rejected ? KeepTitle::no : KeepTitle::yes);
    if (rejected && view.assessed->decision == Decision::reject) count_failures(*view.assessed);
    (view.placement ? m_ranked : m_others).push_back(std::move(s));
  }

  void end() override {
    sort_by_rank(m_ranked);
    write_title();
    write_counts();
    if (m_info.pools.empty()) {
      write_ranked(Decision::fund, "Funded");
      write_ranked(Decision::reserve, "Reserve");
    } else {
      write_pools();
    }
    write_reasons(Decision::clarify, "Clarify");
    write_reasons(Decision::pending, "Pending");
    write_rejected();
    write_resolutions();
  }

private:
  std::string money(core::Money m) const { return money_text(m, m_info.set ? m_info.set->call.currency : ""); }

  void count_failures(const core::Assessed& a) {
    if (a.failed.empty()) ++m_below_total;
    for (size_t i = 0; i < a.criteria.size() && i < m_failures.size(); ++i)
      if (a.criteria[i].status == core::Status::fail) ++m_failures[i];
  }

  void write_title() {
    const core::CriteriaSet* set = m_info.set;
    m_out << "# Screening: " << md(set ? set->call.name : "") << "\n\n";
    if (set) {
      std::string title = set->title.in(m_info.lang);
      m_out << fmt::format("Criteria set **{}** version {}{}. ", md(set->id), md(set->version),
                           title.empty() ? "" : " (" + md(title) + ")");
    }
    bool skip = set && set->funding == core::FundingPolicy::skip;
    m_out << fmt::format("{} screened. Budget {}; funded {} for {} ({} funding line).\n",
                         util::count_of(m_info.applications, "application"), money(m_info.budget), money(m_info.used),
                         util::count_of(static_cast<size_t>(m_info.funded), "application"), skip ? "skip" : "strict");
    if (m_info.timestamp) m_out << "\nScreened at " << md(*m_info.timestamp) << ".\n";
  }

  void write_counts() {
    if (m_info.screening) { // the final picture beside the screening's
      m_out << "\n## Decisions\n\n| decision | screening | final |\n| --- | ---: | ---: |\n";
      for (Decision d : {Decision::fund, Decision::reserve, Decision::clarify, Decision::pending, Decision::reject})
        m_out << fmt::format("| {} | {} | {} |\n", core::decision_name(d),
                             m_info.screening->counts[static_cast<size_t>(d)], m_info.counts[static_cast<size_t>(d)]);
      m_out << fmt::format("| total | {} | {} |\n", m_info.applications, m_info.applications);
      m_out << fmt::format("\nThe screening funded {} for {}; the final picture after {} is above.\n",
                           money(m_info.screening->used),
                           util::count_of(static_cast<size_t>(m_info.screening->funded), "application"),
                           util::count_of(m_info.screening->resolutions, "resolution"));
      return;
    }
    m_out << "\n## Decisions\n\n| decision | applications |\n| --- | ---: |\n";
    for (Decision d : {Decision::fund, Decision::reserve, Decision::clarify, Decision::pending, Decision::reject})
      m_out << fmt::format("| {} | {} |\n", core::decision_name(d), m_info.counts[static_cast<size_t>(d)]);
    m_out << fmt::format("| total | {} |\n", m_info.applications);
  }

  // With pools: each pool's funded and reserve lists under its own budget.
  void write_pools() {
    for (size_t p = 0; p < m_info.pools.size(); ++p) {
      const core::PoolLine& pool = m_info.pools[p];
      m_out << fmt::format("\n## Pool {}\n\nBudget {}; funded {} for {}.\n", md(pool.id), money(pool.budget),
                           money(pool.used), util::count_of(static_cast<size_t>(pool.funded), "application"));
      write_ranked(Decision::fund, "Funded", static_cast<int>(p));
      write_ranked(Decision::reserve, "Reserve", static_cast<int>(p));
    }
  }

  // The ranked applications decided `d`; with a `pool` (0 or more) only that pool's, under
  // a heading one level down.
  void write_ranked(Decision d, std::string_view heading, int pool = -1) {
    m_out << (pool < 0 ? "\n## " : "\n### ") << heading << "\n\n";
    bool funded = d == Decision::fund;
    size_t rows = 0;
    for (const Summary& s : m_ranked) {
      if (s.decision != d || (pool >= 0 && s.pool != pool)) continue;
      // With resolutions the amount is the one drawn: agreed, else requested.
      std::string_view amount = m_info.screening ? "amount" : "requested";
      if (rows++ == 0)
        m_out << (funded ? fmt::format("| rank | id | applicant | title | score | {} | cumulative |\n"
                                       "| ---: | --- | --- | --- | ---: | ---: | ---: |\n",
                                       amount)
                         : fmt::format("| rank | id | applicant | title | score | {} |\n"
                                       "| ---: | --- | --- | --- | ---: | ---: |\n",
                                       amount));
      m_out << fmt::format("| {} | {} | {} | {} | {} | {} |", s.rank, md(s.id), md(s.applicant), md(s.title),
                           s.score ? core::to_string(*s.score) : "", money(s.amount));
      m_out << (funded ? fmt::format(" {} |\n", money(s.cumulative)) : "\n");
    }
    if (rows == 0) m_out << "None.\n";
  }

  void write_reasons(Decision d, std::string_view heading) {
    m_out << "\n## " << heading << "\n\n";
    size_t rows = 0;
    for (const Summary& s : m_others) {
      if (s.decision != d) continue;
      ++rows;
      m_out << fmt::format("- **{}** {}: {}\n", md(s.id), md(s.applicant), md(s.decided_by));
      for (const std::string& detail : s.details) m_out << "  - " << md(detail) << '\n';
    }
    if (rows == 0) m_out << "None.\n";
  }

  void write_rejected() {
    m_out << "\n## Rejected\n\n";
    if (m_info.counts[static_cast<size_t>(Decision::reject)] == 0) {
      m_out << "None.\n";
      return;
    }
    m_out << "| criterion | title | applications that failed it |\n| --- | --- | ---: |\n";
    for (size_t i = 0; i < m_failures.size(); ++i) {
      if (m_failures[i] == 0) continue;
      const core::Criterion& c = m_info.set->criteria[i];
      m_out << fmt::format("| {} | {} | {} |\n", md(c.id), md(c.title.in(m_info.lang)), m_failures[i]);
    }
    if (m_below_total) m_out << fmt::format("| total | score below the minimum total | {} |\n", m_below_total);
    m_out << '\n';
    for (const Summary& s : m_others)
      if (s.decision == Decision::reject)
        m_out << fmt::format("- **{}** {}: {}\n", md(s.id), md(s.applicant), md(s.decided_by));
  }

  // With resolutions: every resolved application with every column of its resolution.
  void write_resolutions() {
    if (!m_info.screening) return;
    m_out << "\n## Resolutions\n\n";
    std::vector<const Summary*> rows;
    for (const auto* group : {&m_ranked, &m_others})
      for (const Summary& s : *group)
        if (s.resolution) rows.push_back(&s);
    if (rows.empty()) {
      m_out << "None.\n";
      return;
    }
    m_out << "| id | applicant | screening | resolution | amount | decided on | decided by | reason | final |\n"
             "| --- | --- | --- | --- | ---: | --- | --- | --- | --- |\n";
    for (const Summary* s : rows) {
      const core::Resolution& r = *s->resolution;
      m_out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", md(s->id), md(s->applicant),
                           core::decision_name(s->screened), core::decision_name(r.decision),
                           r.amount ? money(*r.amount) : "", md(r.decided_on), md(r.decided_by), md(r.reason),
                           core::decision_name(s->decision));
    }
  }

  std::ostream& m_out;
  core::RunInfo m_info;
  std::vector<Summary> m_ranked;
  std::vector<Summary> m_others;
  std::vector<size_t> m_failures; // per criterion of the set, in its order
  size_t m_below_total = 0;
};

} // namespace

std::unique_ptr<Writer> make_markdown_writer(std::ostream& out) { return std::make_unique<MarkdownWriter>(out); }

} // namespace fundscreen::report
