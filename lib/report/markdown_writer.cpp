// SPDX-License-Identifier: Apache-2.0
// `markdown`: a memo a programme officer can paste. Everything that came from a criteria set
// or an application goes through markdown_text(), so a `|` cannot break a table.
#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/money_text.hpp"
#include "report/summary.hpp"
#include "report/words.hpp"
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
    m_lang = lang_of(info.lang);
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
      write_ranked(Decision::fund, i18n::tr(m_lang, "Funded"));
      write_ranked(Decision::reserve, i18n::tr(m_lang, "Reserve"));
    } else {
      write_pools();
    }
    write_reasons(Decision::clarify, i18n::tr(m_lang, "Clarify"));
    write_reasons(Decision::pending, i18n::tr(m_lang, "Pending"));
    write_rejected();
    write_resolutions();
  }

private:
  std::string money(core::Money m) const { return money_text(m_lang, m, m_info.set ? m_info.set->call.currency : ""); }
  std::string applications(size_t n) const { return applications_text(m_lang, n); }
  std::string_view decision(Decision d) const { return decision_word(m_lang, d); }
  std::string_view none() const { return i18n::tr(m_lang, "None."); }

  void count_failures(const core::Assessed& a) {
    if (a.failed.empty()) ++m_below_total;
    for (size_t i = 0; i < a.criteria.size() && i < m_failures.size(); ++i)
      if (a.criteria[i].status == core::Status::fail) ++m_failures[i];
  }

  void write_title() {
    const core::CriteriaSet* set = m_info.set;
    m_out << "# " << i18n::trf(m_lang, "Screening: {}", md(set ? set->call.name : "")) << "\n\n";
    if (set) {
      std::string title = set->title.in(m_info.lang);
      m_out << i18n::trf(m_lang, "Criteria set **{}** version {}{}.", md(set->id), md(set->version),
                         title.empty() ? "" : " (" + md(title) + ")")
            << ' ';
    }
    bool skip = set && set->funding == core::FundingPolicy::skip;
    m_out << (skip ? i18n::trf(m_lang, "{} screened. Budget {}; funded {} for {} (skip funding line).",
                               applications(m_info.applications), money(m_info.budget), money(m_info.used),
                               applications(static_cast<size_t>(m_info.funded)))
                   : i18n::trf(m_lang, "{} screened. Budget {}; funded {} for {} (strict funding line).",
                               applications(m_info.applications), money(m_info.budget), money(m_info.used),
                               applications(static_cast<size_t>(m_info.funded))))
          << '\n';
    if (m_info.timestamp) m_out << '\n' << i18n::trf(m_lang, "Screened at {}.", md(*m_info.timestamp)) << '\n';
  }

  void write_counts() {
    m_out << "\n## " << i18n::tr(m_lang, "Decisions") << "\n\n";
    std::string_view total = i18n::tr(m_lang, "total");
    if (m_info.screening) { // the final picture beside the screening's
      m_out << fmt::format("| {} | {} | {} |\n| --- | ---: | ---: |\n", i18n::tr(m_lang, "decision"),
                           i18n::tr(m_lang, "screening"), i18n::tr(m_lang, "final"));
      for (Decision d : {Decision::fund, Decision::reserve, Decision::clarify, Decision::pending, Decision::reject})
        m_out << fmt::format("| {} | {} | {} |\n", decision(d), m_info.screening->counts[static_cast<size_t>(d)],
                             m_info.counts[static_cast<size_t>(d)]);
      m_out << fmt::format("| {} | {} | {} |\n", total, m_info.applications, m_info.applications);
      m_out << '\n'
            << i18n::trnf(m_lang, "The screening funded {} for {}; the final picture after {} resolution is above.",
                          "The screening funded {} for {}; the final picture after {} resolutions is above.",
                          m_info.screening->resolutions, money(m_info.screening->used),
                          applications(m_info.screening->funded), m_info.screening->resolutions)
            << '\n';
      return;
    }
    m_out << fmt::format("| {} | {} |\n| --- | ---: |\n", i18n::tr(m_lang, "decision"),
                         i18n::tr(m_lang, "applications"));
    for (Decision d : {Decision::fund, Decision::reserve, Decision::clarify, Decision::pending, Decision::reject})
      m_out << fmt::format("| {} | {} |\n", decision(d), m_info.counts[static_cast<size_t>(d)]);
    m_out << fmt::format("| {} | {} |\n", total, m_info.applications);
  }

  // With pools: each pool's funded and reserve lists under its own budget.
  void write_pools() {
    for (size_t p = 0; p < m_info.pools.size(); ++p) {
      const core::PoolLine& pool = m_info.pools[p];
      m_out << "\n## " << i18n::trf(m_lang, "Pool {}", md(pool.id)) << "\n\n"
            << i18n::trf(m_lang, "Budget {}; funded {} for {}.", money(pool.budget), money(pool.used),
                         applications(pool.funded))
            << '\n';
      write_ranked(Decision::fund, i18n::tr(m_lang, "Funded"), static_cast<int>(p));
      write_ranked(Decision::reserve, i18n::tr(m_lang, "Reserve"), static_cast<int>(p));
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
      if (rows++ == 0) {
        // With resolutions the amount is the one drawn: agreed, else requested.
        std::string_view amount = m_info.screening ? i18n::tr(m_lang, "amount") : i18n::tr(m_lang, "requested");
        m_out << fmt::format("| {} | {} | {} | {} | {} | {} |", i18n::tr(m_lang, "rank"), i18n::tr(m_lang, "id"),
                             i18n::tr(m_lang, "applicant"), i18n::tr(m_lang, "title"), i18n::tr(m_lang, "score"),
                             amount);
        m_out << (funded ? fmt::format(" {} |\n| ---: | --- | --- | --- | ---: | ---: | ---: |\n",
                                       i18n::tr(m_lang, "cumulative"))
                         : std::string("\n| ---: | --- | --- | --- | ---: | ---: |\n"));
      }
      m_out << fmt::format("| {} | {} | {} | {} | {} | {} |", s.rank, md(s.id), md(s.applicant), md(s.title),
                           s.score ? decimal_text(m_lang, core::to_string(*s.score)) : "", money(s.amount));
      m_out << (funded ? fmt::format(" {} |\n", money(s.cumulative)) : "\n");
    }
    if (rows == 0) m_out << none() << '\n';
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
    if (rows == 0) m_out << none() << '\n';
  }

  void write_rejected() {
    m_out << "\n## " << i18n::tr(m_lang, "Rejected") << "\n\n";
    if (m_info.counts[static_cast<size_t>(Decision::reject)] == 0) {
      m_out << none() << '\n';
      return;
    }
    m_out << fmt::format("| {} | {} | {} |\n| --- | --- | ---: |\n", i18n::tr(m_lang, "criterion"),
                         i18n::tr(m_lang, "title"), i18n::tr(m_lang, "applications that failed it"));
    for (size_t i = 0; i < m_failures.size(); ++i) {
      if (m_failures[i] == 0) continue;
      const core::Criterion& c = m_info.set->criteria[i];
      m_out << fmt::format("| {} | {} | {} |\n", md(c.id), md(c.title.in(m_info.lang)), m_failures[i]);
    }
    if (m_below_total)
      m_out << fmt::format("| {} | {} | {} |\n", i18n::tr(m_lang, "total"),
                           i18n::tr(m_lang, "score below the minimum total"), m_below_total);
    m_out << '\n';
    for (const Summary& s : m_others)
      if (s.decision == Decision::reject)
        m_out << fmt::format("- **{}** {}: {}\n", md(s.id), md(s.applicant), md(s.decided_by));
  }

  // With resolutions: every resolved application with every column of its resolution.
  void write_resolutions() {
    if (!m_info.screening) return;
    m_out << "\n## " << i18n::tr(m_lang, "Resolutions") << "\n\n";
    std::vector<const Summary*> rows;
    for (const auto* group : {&m_ranked, &m_others})
      for (const Summary& s : *group)
        if (s.resolution) rows.push_back(&s);
    if (rows.empty()) {
      m_out << none() << '\n';
      return;
    }
    m_out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", i18n::tr(m_lang, "id"),
                         i18n::tr(m_lang, "applicant"), i18n::tr(m_lang, "screening"), i18n::tr(m_lang, "resolution"),
                         i18n::tr(m_lang, "amount"), i18n::tr(m_lang, "decided on"), i18n::tr(m_lang, "decided by"),
                         i18n::tr(m_lang, "reason"), i18n::tr(m_lang, "final"))
          << "| --- | --- | --- | --- | ---: | --- | --- | --- | --- |\n";
    for (const Summary* s : rows) {
      const core::Resolution& r = *s->resolution;
      m_out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", md(s->id), md(s->applicant),
                           decision(s->screened), decision(r.decision), r.amount ? money(*r.amount) : "",
                           md(date_text(m_lang, r.decided_on)), md(r.decided_by), md(r.reason), decision(s->decision));
    }
  }

  std::ostream& m_out;
  core::RunInfo m_info;
  i18n::Lang m_lang = i18n::Lang::en;
  std::vector<Summary> m_ranked;
  std::vector<Summary> m_others;
  std::vector<size_t> m_failures; // per criterion of the set, in its order
  size_t m_below_total = 0;
};

} // namespace

std::unique_ptr<Writer> make_markdown_writer(std::ostream& out) { return std::make_unique<MarkdownWriter>(out); }

} // namespace fundscreen::report
