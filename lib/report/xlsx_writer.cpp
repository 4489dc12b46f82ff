// SPDX-License-Identifier: Apache-2.0
// `xlsx`: a workbook for the programme officers: the decisions (the csv's columns, then
// applicant and title), the ranking with the funding line drawn under the last funded
// application, and the criteria. Written whole at the end (xlsx_book.hpp).
#include <algorithm>
#include <cstdlib>

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
    m_decisions = &m_book.add_sheet("decisions", {"id", "decision", "rank", "score", "failed", "unclear", "pending",
                                                  "amount", "reason", "applicant", "title"});
  }

  void add(const core::ApplicationView& view) override {
    const core::Assessed& a = *view.assessed;
    std::string applicant = view.app ? field_text(m_info, *view.app, "applicant") : "";
    std::string title = view.app ? field_text(m_info, *view.app, "title") : "";
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
    if (view.placement)
      m_ranked.push_back(Ranked{view.placement->rank, view.decision, a.id, applicant, title, a.score, a.amount,
                                view.placement->cumulative});
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
  };

  // The eligible applications in rank order; a thick line under the last funded one.
  void write_ranking() {
    std::stable_sort(m_ranked.begin(), m_ranked.end(),
                     [](const Ranked& a, const Ranked& b) { return a.rank < b.rank; });
    Book::Sheet& sheet =
        m_book.add_sheet("ranking", {"rank", "id", "applicant", "title", "score", "amount", "cumulative", "decision"});
    for (const Ranked& r : m_ranked) {
      bool funded = r.decision == core::Decision::fund;
      if (funded) sheet.lines.assign(1, sheet.rows.size());
      sheet.rows.push_back({Book::number(r.rank, Book::Style::integer), Book::text(r.id), Book::text(r.applicant),
                            Book::text(r.title), score_cell(r.score),
                            Book::number(money_value(r.amount), Book::Style::money),
                            funded ? Book::number(money_value(r.cumulative), Book::Style::money) : Book::empty(),
                            Book::text(core::decision_name(r.decision))});
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
  std::vector<Ranked> m_ranked;
};

} // namespace

std::unique_ptr<Writer> make_xlsx_writer(std::ostream& out) { return std::make_unique<XlsxWriter>(out); }

} // namespace fundscreen::report
