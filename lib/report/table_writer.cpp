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
#include "report/writers.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

using core::Decision;

constexpr size_t k_id_width = 24;
constexpr size_t k_applicant_width = 32;
constexpr std::array<Decision, 5> k_decisions = {Decision::fund, Decision::reserve, Decision::clarify,
                                                 Decision::pending, Decision::reject};

class TableWriter final : public Writer {
public:
  TableWriter(std::ostream& out, WriterOptions options) : m_out(out), m_options(options) {}

  void begin(const core::RunInfo& info) override { m_info = info; }

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
  std::string money(core::Money m) const { return money_text(m, m_info.set ? m_info.set->call.currency : ""); }

  void write_header() {
    const core::CriteriaSet* set = m_info.set;
    std::vector<std::string> head;
    if (set) head = {printable(set->id + " version " + set->version), printable(set->call.name)};
    head.push_back(util::count_of(m_info.applications, "application"));
    m_out << util::join(head, " \xC2\xB7 ") << '\n';
    std::vector<std::string> counts;
    for (Decision d : k_decisions)
      counts.push_back(paint(d, fmt::format("{} {}", core::decision_name(d), m_info.counts[static_cast<size_t>(d)])));
    m_out << util::join(counts, " \xC2\xB7 ");
    if (m_info.screening)
      m_out << fmt::format(" (final, after {})", util::count_of(m_info.screening->resolutions, "resolution"));
    m_out << '\n';
    if (m_info.screening) {
      std::vector<std::string> screened;
      for (Decision d : k_decisions)
        screened.push_back(
            fmt::format("{} {}", core::decision_name(d), m_info.screening->counts[static_cast<size_t>(d)]));
      m_out << "screening: " << util::join(screened, " \xC2\xB7 ") << '\n';
    }
    bool skip = set && set->funding == core::FundingPolicy::skip;
    m_out << fmt::format("budget {} \xC2\xB7 funded {} ({}, {} funding line)", money(m_info.budget), money(m_info.used),
                         util::count_of(static_cast<size_t>(m_info.funded), "application"), skip ? "skip" : "strict");
    if (m_info.screening)
      m_out << fmt::format(" \xC2\xB7 screening funded {} ({})", money(m_info.screening->used),
                           util::count_of(static_cast<size_t>(m_info.screening->funded), "application"));
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
      m_out << fmt::format("\nPool {}: budget {} \xC2\xB7 funded {} ({})\n", printable(pool.id), money(pool.budget),
                           money(pool.used), util::count_of(static_cast<size_t>(pool.funded), "application"));
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
      m_out << "\nRanked: no eligible applications\n";
      return;
    }
    if (m_info.screening)
      m_out << fmt::format("\nRanked ({} placed: resolved funds first, then the funding line)\n", ranked.size());
    else
      m_out << fmt::format("\nRanked ({} eligible)\n", ranked.size());
    std::string currency = m_info.set && !m_info.set->call.currency.empty() ? " " + m_info.set->call.currency : "";
    Columns table({{"rank", Align::right},
                   {"id", Align::left, k_id_width},
                   {"applicant", Align::left, k_applicant_width},
                   {"score", Align::right},
                   {(m_info.screening ? "amount" : "requested") + currency, Align::right},
                   {"cumulative" + currency, Align::right},
                   {"decision", Align::left}});
    // The line goes below the last funded application. Under `skip`, reserves above it were
    // passed over because they did not fit what was left, and say so.
    size_t below_line = 0;
    for (size_t i = 0; i < ranked.size(); ++i)
      if (ranked[i].decision == Decision::fund) below_line = i + 1;
    for (size_t i = 0; i < ranked.size(); ++i) {
      const Summary& s = ranked[i];
      std::string decision = decision_with_screening(s);
      if (s.decision == Decision::reserve && i < below_line && !s.resolution)
        decision += " (passed over: does not fit)";
      table.add({std::to_string(s.rank), s.id, s.applicant, s.score ? core::to_string(*s.score) : "",
                 money_text(s.amount), s.decision == Decision::fund ? money_text(s.cumulative) : "", decision});
    }
    m_out << table.header() << '\n';
    for (size_t i = 0; i < ranked.size(); ++i) {
      if (i == below_line) write_funding_line(used, budget);
      m_out << table.row(i, colour_start(ranked[i].decision, m_options.color), colour_end(m_options.color)) << '\n';
    }
    if (below_line == ranked.size()) write_funding_line(used, budget);
  }

  void write_funding_line(core::Money above, core::Money budget) {
    m_out << fmt::format("--- funding line: {} of {} ---\n", money_text(above), money(budget));
  }

  // With resolutions: each resolved application with every column of its resolution, in
  // the order of the final line, then the rejected ones in input order.
  void write_resolutions() {
    if (!m_info.screening) return;
    std::vector<const Summary*> rows;
    for (const auto* group : {&m_ranked, &m_others})
      for (const Summary& s : *group)
        if (s.resolution) rows.push_back(&s);
    m_out << fmt::format("\nResolutions ({})\n", rows.size());
    Columns table({{"id", Align::left, k_id_width},
                   {"applicant", Align::left, k_applicant_width},
                   {"screening"},
                   {"resolution"},
                   {"amount", Align::right},
                   {"decided on"},
                   {"decided by"},
                   {"final"}});
    for (const Summary* s : rows) {
      const core::Resolution& r = *s->resolution;
      table.add({s->id, s->applicant, std::string(core::decision_name(s->screened)),
                 std::string(core::decision_name(r.decision)), r.amount ? money_text(*r.amount) : "", r.decided_on,
                 r.decided_by, std::string(core::decision_name(s->decision))});
    }
    if (rows.empty()) return;
    std::string indent(2 + table.offset(2), ' ');
    m_out << "  " << table.header() << '\n';
    for (size_t i = 0; i < rows.size(); ++i) {
      m_out << "  " << table.row(i) << '\n';
      m_out << indent << printable("reason: " + rows[i]->resolution->reason) << '\n';
    }
  }

  void write_section(Decision d) {
    std::vector<const Summary*> rows;
    for (const Summary& s : m_others)
      if (s.decision == d) rows.push_back(&s);
    if (rows.empty()) return;
    std::string name(core::decision_name(d));
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    m_out << '\n' << paint(d, fmt::format("{} ({})", name, rows.size())) << '\n';
    Columns table({{"id", Align::left, k_id_width}, {"applicant", Align::left, k_applicant_width}, {"reason"}});
    for (const Summary* s : rows) table.add({s->id, s->applicant, s->decided_by});
    std::string indent(2 + table.offset(2), ' ');
    for (size_t i = 0; i < rows.size(); ++i) {
      m_out << "  " << table.row(i) << '\n';
      for (const std::string& detail : rows[i]->details) m_out << indent << printable(detail) << '\n';
    }
  }

  std::ostream& m_out;
  WriterOptions m_options;
  core::RunInfo m_info;
  std::vector<Summary> m_ranked;
  std::vector<Summary> m_others;
};

} // namespace

std::unique_ptr<Writer> make_table_writer(std::ostream& out, WriterOptions options) {
  return std::make_unique<TableWriter>(out, options);
}

} // namespace fundscreen::report
