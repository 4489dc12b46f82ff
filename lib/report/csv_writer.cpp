// SPDX-License-Identifier: Apache-2.0
// `csv`: one row per application in input order, written as it comes (nothing is kept).
#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/writers.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

class CsvWriter final : public Writer {
public:
  explicit CsvWriter(std::ostream& out) : m_out(out) {}

  void begin(const core::RunInfo&) override {
    m_out << "id,decision,rank,score,failed,unclear,pending,amount,reason\n";
  }

  void add(const core::ApplicationView& view) override {
    const core::Assessed& a = *view.assessed;
    bool eligible = view.placement != nullptr;
    std::string rank = eligible ? std::to_string(view.placement->rank) : "";
    std::string score = eligible && a.score ? core::to_string(*a.score) : "";
    std::string row = csv_cell(a.id);
    for (std::string_view cell :
         {std::string_view(core::decision_name(view.decision)), std::string_view(rank), std::string_view(score)})
      row += "," + csv_cell(cell);
    for (const auto* ids : {&a.failed, &a.unclear, &a.pending}) row += "," + csv_cell(util::join(*ids, ";"));
    row += "," + csv_cell(core::to_string(a.amount));
    row += "," + csv_cell(a.decided_by);
    m_out << row << '\n';
  }

  void end() override {}

private:
  std::ostream& m_out;
};

} // namespace

std::unique_ptr<Writer> make_csv_writer(std::ostream& out) { return std::make_unique<CsvWriter>(out); }

} // namespace fundscreen::report
