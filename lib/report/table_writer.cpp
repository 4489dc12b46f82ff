// SPDX-License-Identifier: Apache-2.0
// `table`: the screening for a person at a terminal. It prints at end(), so it keeps a small
// summary of every application (see Summary).
#include <array>

#include <fmt/format.h>

#include "report/colour.hpp"
#include "report/columns.hpp"
#include "report/escape.hpp"
#include "report/money_text.hpp"
#include "report/summary.hpp"
#include "report/words.hpp"
#include "report/writers.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

using core::Decision;

// The separator of the parts of a line: ` · `.
constexpr std::string_view k_dot = " \xC2\xB7 ";
constexpr size_t k_id_width = 24;
constexpr size_t k_applicant_width = 32;
constexpr std::array<Decision, 5> k_decisions = {Decision::fund, Decision::reserve, Decision::clarify,
                                                 Decision::pending, Decision::reject};

class TableWriter final : public Writer {
public:
  TableWriter(std::ostream& out, WriterOptions options) : m_out(out), m_options(options) {}

  void begin(const core::RunInfo& info) override {
    m_info = info;
    m_lang = lang_of(info.lang);
  }

  void add(const core::ApplicationView& view) override {
    Summary s = summarize(m_info, view, KeepTitle::no);
    (view.placement ? m_ranked : m_others).push_back(std::move(s));
  }

  void end() override {
    write_header();
    if (m_info.pools.empty())
      write_ranked();
    else
      write_pools();
    write_resolutions();
    for (Decision d : {Decision::clarify, Decision::pending, Decision::reject}) write_section(d);
  }

private:
  std::string paint(Decision d, std::string_view text) const { return report::paint(d, text, m_options.color); }
  // An amount with the call's currency, and without (in a column whose header names it).
  std::string money(core::Money m) const { return money_text(m_lang, m, m_info.set ? m_info.set->call.currency : ""); }
  std::string amount(core::Money m) const { return money_text(m_lang, m); }
  std::string applications(int64_t n) const { return applications_text(m_lang, static_cast<size_t>(n)); }

  void write_header() {
    const core::CriteriaSet* set = m_info.set;
    std::vector<std::string> head;
    if (set) head = {printable(i18n::trf(m_lang, "{} version {}", set->id, set->version)), printable(set->call.name)};
    head.push_back(applications_text(m_lang, m_info.applications));
    m_out << util::join(head, k_dot) << '\n';
    std::vector<std::string> counts;
    for (Decision d : k_decisions)
      counts.push_back(paint(d, fmt::format("{} {}", decision_word(m_lang, d), m_info.counts[static_cast<size_t>(d)])));
    m_out << util::join(counts, k_dot);
    if (m_info.screening)
      m_out << ' '
            << i18n::trnf(m_lang, "(final, after {} resolution)", "(final, after {} resolutions)",
                          m_info.screening->resolutions, m_info.screening->resolutions);
    m_out << '\n';
    if (m_info.screening) {
      std::vector<std::string> screened;
      for (Decision d : k_decisions)
        screened.push_back(
            fmt::format("{} {}", decision_word(m_lang, d), m_info.screening->counts[static_cast<size_t>(d)]));
      m_out << i18n::trf(m_lang, "screening: {}", util::join(screened, k_dot)) << '\n';
    }
    bool skip = set && set->funding == core::FundingPolicy::skip;
    m_out << i18n::trf(m_lang, "budget {}", money(m_info.budget)) << k_dot
          << (skip ? i18n::trf(m_lang, "funded {} ({}, skip funding line)", money(m_info.used),
                               applications(m_info.funded))
                   : i18n::trf(m_lang, "funded {} ({}, strict funding line)", money(m_info.used),
                               applications(m_info.funded)));
    if (m_info.screening)
      m_out << k_dot
            << i18n::trf(m_lang, "screening funded {} ({})", money(m_info.screening->used),
                         applications(m_info.screening->funded));
    m_out << '\n';
  }

  // With pools: each pool's ranking under its own funding line.
  void write_pools() {
    sort_by_rank(m_ranked);
    for (size_t p = 0; p < m_info.pools.size(); ++p) {
      const core::PoolLine& pool = m_info.pools[p];
      std::vector<Summary> ranked;
      for (const Summary& s : m_ranked)
        if (s.pool == static_cast<int>(p)) ranked.push_back(s);
      m_out << '\n'
            << i18n::trf(m_lang, "Pool {}: budget {}", printable(pool.id), money(pool.budget)) << k_dot
            << i18n::trf(m_lang, "funded {} ({})", money(pool.used), applications(pool.funded)) << '\n';
      write_ranked(ranked, pool.used, pool.budget);
    }
  }

  void write_ranked() {
    sort_by_rank(m_ranked);
    write_ranked(m_ranked, m_info.used, m_info.budget);
  }

  // `ranked` in rank order, under a funding line of `used` of `budget`.
  void write_ranked(const std::vector<Summary>& ranked, core::Money used, core::Money budget) {
    if (ranked.empty()) {
      m_out << '\n' << i18n::tr(m_lang, "Ranked: no eligible applications") << '\n';
      return;
    }
    if (m_info.screening)
      m_out << '\n'
            << i18n::trf(m_lang, "Ranked ({} placed: resolved funds first, then the funding line)", ranked.size())
            << '\n';
    else
      m_out << '\n' << i18n::trf(m_lang, "Ranked ({} eligible)", ranked.size()) << '\n';
    std::string currency;
    if (m_info.set && !m_info.set->call.currency.empty())
      currency = fmt::format(" {}", currency_text(m_lang, m_info.set->call.currency));
    Columns table(
        {{std::string(i18n::tr(m_lang, "rank")), Align::right},
         {std::string(i18n::tr(m_lang, "id")), Align::left, k_id_width},
         {std::string(i18n::tr(m_lang, "applicant")), Align::left, k_applicant_width},
         {std::string(i18n::tr(m_lang, "score")), Align::right},
         {std::string(m_info.screening ? i18n::tr(m_lang, "amount") : i18n::tr(m_lang, "requested")) + currency,
          Align::right},
         {std::string(i18n::tr(m_lang, "cumulative")) + currency, Align::right},
         {std::string(i18n::tr(m_lang, "decision")), Align::left}});
    // The line goes below the last funded application. Under `skip`, reserves above it were
    // passed over because they did not fit what was left, and say so.
    size_t below_line = 0;
    for (size_t i = 0; i < ranked.size(); ++i)
      if (ranked[i].decision == Decision::fund) below_line = i + 1;
    for (size_t i = 0; i < ranked.size(); ++i) {
      const Summary& s = ranked[i];
      std::string decision = decision_with_screening(m_lang, s);
      if (s.decision == Decision::reserve && i < below_line && !s.resolution) {
        decision += ' ';
        decision += i18n::tr(m_lang, "(passed over: does not fit)");
      }
      table.add({std::to_string(s.rank), s.id, s.applicant,
                 s.score ? decimal_text(m_lang, core::to_string(*s.score)) : "", amount(s.amount),
                 s.decision == Decision::fund ? amount(s.cumulative) : "", decision});
    }
    m_out << table.header() << '\n';
    for (size_t i = 0; i < ranked.size(); ++i) {
      if (i == below_line) write_funding_line(used, budget);
      m_out << table.row(i, colour_start(ranked[i].decision, m_options.color), colour_end(m_options.color)) << '\n';
    }
    if (below_line == ranked.size()) write_funding_line(used, budget);
  }

  void write_funding_line(core::Money above, core::Money budget) {
    m_out << i18n::trf(m_lang, "--- funding line: {} of {} ---", amount(above), money(budget)) << '\n';
  }

  // With resolutions: each resolved application with every column of its resolution, in
  // the order of the final line, then the rejected ones in input order.
  void write_resolutions() {
    if (!m_info.screening) return;
    std::vector<const Summary*> rows;
    for (const auto* group : {&m_ranked, &m_others})
      for (const Summary& s : *group)
        if (s.resolution) rows.push_back(&s);
    m_out << '\n' << i18n::trf(m_lang, "Resolutions ({})", rows.size()) << '\n';
    Columns table({{std::string(i18n::tr(m_lang, "id")), Align::left, k_id_width},
                   {std::string(i18n::tr(m_lang, "applicant")), Align::left, k_applicant_width},
                   {std::string(i18n::tr(m_lang, "screening"))},
                   {std::string(i18n::tr(m_lang, "resolution"))},
                   {std::string(i18n::tr(m_lang, "amount")), Align::right},
                   {std::string(i18n::tr(m_lang, "decided on"))},
                   {std::string(i18n::tr(m_lang, "decided by"))},
                   {std::string(i18n::tr(m_lang, "final"))}});
    for (const Summary* s : rows) {
      const core::Resolution& r = *s->resolution;
      table.add({s->id, s->applicant, std::string(decision_word(m_lang, s->screened)),
                 std::string(decision_word(m_lang, r.decision)), r.amount ? amount(*r.amount) : "",
                 date_text(m_lang, r.decided_on), r.decided_by, std::string(decision_word(m_lang, s->decision))});
    }
    if (rows.empty()) return;
    std::string indent(2 + table.offset(2), ' ');
    m_out << "  " << table.header() << '\n';
    for (size_t i = 0; i < rows.size(); ++i) {
      m_out << "  " << table.row(i) << '\n';
      m_out << indent << printable(i18n::trf(m_lang, "reason: {}", rows[i]->resolution->reason)) << '\n';
    }
  }

  void write_section(Decision d) {
    std::vector<const Summary*> rows;
    for (const Summary& s : m_others)
      if (s.decision == d) rows.push_back(&s);
    if (rows.empty()) return;
    m_out << '\n' << paint(d, section_title(d, rows.size())) << '\n';
    Columns table({{std::string(i18n::tr(m_lang, "id")), Align::left, k_id_width},
                   {std::string(i18n::tr(m_lang, "applicant")), Align::left, k_applicant_width},
                   {std::string(i18n::tr(m_lang, "reason"))}});
    for (const Summary* s : rows) table.add({s->id, s->applicant, s->decided_by});
    std::string indent(2 + table.offset(2), ' ');
    for (size_t i = 0; i < rows.size(); ++i) {
      m_out << "  " << table.row(i) << '\n';
      for (const std::string& detail : rows[i]->details) m_out << indent << printable(detail) << '\n';
    }
  }

  // The heading of the section of decision `d`, with its number of applications: `Reject (5)`.
  std::string section_title(Decision d, size_t n) const {
    if (d == Decision::clarify) return i18n::trf(m_lang, "Clarify ({})", n);
    if (d == Decision::pending) return i18n::trf(m_lang, "Pending ({})", n);
    return i18n::trf(m_lang, "Reject ({})", n);
  }

  std::ostream& m_out;
  WriterOptions m_options;
  core::RunInfo m_info;
  i18n::Lang m_lang = i18n::Lang::en;
  std::vector<Summary> m_ranked;
  std::vector<Summary> m_others;
};

} // namespace

std::unique_ptr<Writer> make_table_writer(std::ostream& out, WriterOptions options) {
  return std::make_unique<TableWriter>(out, options);
}

} // namespace fundscreen::report
