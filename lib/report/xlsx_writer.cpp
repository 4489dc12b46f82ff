// SPDX-License-Identifier: Apache-2.0
// `xlsx`: a workbook for the programme officers: the decisions (the csv's columns, then
// applicant and title), the ranking with the funding line drawn under the last funded
// application, and the criteria. Written whole at the end (xlsx_book.hpp).
#include <algorithm>
#include <cstdlib>

#include "core/funding.hpp"
#include "report/summary.hpp"
#include "report/writers.hpp"
#include "report/xlsx_book.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

using Book = XlsxBook;

double money_value(core::Money m) { return static_cast<double>(m.cents) / 100.0; }

Book::Cell score_cell(const std::optional<core::Score>& score) {
  if (!score) return Book::empty();
  return Book::number(std::strtod(core::to_string(*score).c_str(), nullptr));
}

class XlsxWriter final : public Writer {
public:
  explicit XlsxWriter(std::ostream& out) : m_out(out), m_book("") {}

  std::optional<std::vector<std::string>> fields_shown() const override {
    return std::vector<std::string>{"id", "applicant", "title"};
  }

  void begin(const core::RunInfo& info) override {
    m_info = info;
    m_book = Book(info.set ? info.set->call.currency : "");
    // As csv: with pools, the application's pool after the first seven columns.
    m_pooled = info.set && !info.set->pools.empty();
    std::vector<std::string> header = {"id", "decision", "rank", "score", "failed", "unclear", "pending"};
    if (m_pooled) header.push_back("pool");
    for (const char* name : {"amount", "reason", "applicant", "title"}) header.push_back(name);
    m_decisions = &m_book.add_sheet("decisions", std::move(header));
  }

  void add(const core::ApplicationView& view) override {
    const core::Assessed& a = *view.assessed;
    std::string applicant = view.app ? field_text(m_info, *view.app, "applicant") : "";
    std::string title = view.app ? field_text(m_info, *view.app, "title") : "";
    int pool = view.placement ? view.placement->pool : (view.app ? core::pool_of(*m_info.set, *view.app) : -1);
    std::string pool_id = pool >= 0 ? m_info.set->pools[static_cast<size_t>(pool)].id : "";
    m_decisions->rows.push_back({
        Book::text(a.id),
        Book::text(core::decision_name(view.decision)),
        view.placement ? Book::number(view.placement->rank, Book::Style::integer) : Book::empty(),
        view.placement ? score_cell(a.score) : Book::empty(),
        Book::text(util::join(a.failed, ";")),
        Book::text(util::join(a.unclear, ";")),
        Book::text(util::join(a.pending, ";")),
        Book::number(money_value(a.amount), Book::Style::money),
        Book::text(a.decided_by),
        Book::text(applicant),
        Book::text(title),
    });
    if (m_pooled) {
      auto& row = m_decisions->rows.back();
      row.insert(row.begin() + 7, Book::text(pool_id));
    }
    // The ranking's amount is what the line drew: an agreed amount where a resolution gives one.
    core::Money drawn = view.resolution && view.resolution->amount ? *view.resolution->amount : a.amount;
    if (view.placement)
      m_ranked.push_back(Ranked{view.placement->rank, view.decision, a.id, applicant, title, a.score, drawn,
                                view.placement->cumulative, pool, pool_id});
  }

  void end() override {
    write_ranking();
    write_criteria();
    m_book.write(m_out);
  }

private:
  struct Ranked {
    int rank = 0;
    core::Decision decision = core::Decision::reserve;
    std::string id, applicant, title;
    std::optional<core::Score> score;
    core::Money amount, cumulative;
    int pool = -1; // with pools: its pool, whose line it is on
    std::string pool_id;
  };

  // The eligible applications in rank order (pool by pool, with pools, each pool's name in a
  // first column); a thick line under the last funded one (of each pool).
  void write_ranking() {
    std::stable_sort(m_ranked.begin(), m_ranked.end(), [](const Ranked& a, const Ranked& b) {
      return a.pool != b.pool ? a.pool < b.pool : a.rank < b.rank;
    });
    std::vector<std::string> header = {"rank", "id", "applicant", "title", "score", "amount", "cumulative", "decision"};
    if (m_pooled) header.insert(header.begin(), "pool");
    Book::Sheet& sheet = m_book.add_sheet("ranking", std::move(header));
    int line_pool = -2; // the pool of the last line drawn
    for (const Ranked& r : m_ranked) {
      bool funded = r.decision == core::Decision::fund;
      if (funded && line_pool == r.pool)
        sheet.lines.back() = sheet.rows.size();
      else if (funded)
        sheet.lines.push_back(sheet.rows.size());
      if (funded) line_pool = r.pool;
      std::vector<Book::Cell> row = {Book::number(r.rank, Book::Style::integer),
                                     Book::text(r.id),
                                     Book::text(r.applicant),
                                     Book::text(r.title),
                                     score_cell(r.score),
                                     Book::number(money_value(r.amount), Book::Style::money),
                                     funded ? Book::number(money_value(r.cumulative), Book::Style::money)
                                            : Book::empty(),
                                     Book::text(core::decision_name(r.decision))};
      if (m_pooled) row.insert(row.begin(), Book::text(r.pool_id));
      sheet.rows.push_back(std::move(row));
    }
  }

  void write_criteria() {
    Book::Sheet& sheet = m_book.add_sheet("criteria", {"id", "title", "kind", "weight", "rule"});
    if (!m_info.set) return;
    for (const core::Criterion& c : m_info.set->criteria)
      sheet.rows.push_back(
          {Book::text(c.id), Book::text(c.title.in(m_info.lang)), Book::text(core::kind_name(c.kind)),
           c.weight ? Book::number(std::strtod(core::to_string(*c.weight).c_str(), nullptr)) : Book::empty(),
           Book::text(c.rule ? c.rule->text() : "")});
  }

  std::ostream& m_out;
  core::RunInfo m_info;
  Book m_book;
  Book::Sheet* m_decisions = nullptr;
  bool m_pooled = false;
  std::vector<Ranked> m_ranked;
};

} // namespace

std::unique_ptr<Writer> make_xlsx_writer(std::ostream& out) { return std::make_unique<XlsxWriter>(out); }

} // namespace fundscreen::report
