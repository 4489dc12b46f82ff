// SPDX-License-Identifier: Apache-2.0
// `csv`: one row per application in input order, written as it comes (nothing is kept but a
// buffer of output, written out in large blocks).
#include <fmt/format.h>

#include "core/funding.hpp"
#include "report/escape.hpp"
#include "report/money_text.hpp"
#include "report/writers.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

class CsvWriter final : public RowWriter {
public:
  explicit CsvWriter(std::ostream& out) : RowWriter(out) {}

  // The decisions only; a set of more than 64 criteria has no outlines, so then assessments.
  Needs needs() const override { return {Detail::outline, false}; }

  void begin(const core::RunInfo& info) override {
    m_set = info.set;
    m_lang = lang_of(info.lang);
    m_resolved = info.screening.has_value();
    // With resolutions, the screening's decision and the resolution's follow the first seven
    // columns (decision and rank are the final ones); without, the columns are as they were.
    // With pools, the application's pool follows them first; without, there is no such column.
    m_pooled = info.set && !info.set->pools.empty();
    buffer() += "id,decision,rank,score,failed,unclear,pending";
    if (m_pooled) buffer() += ",pool";
    buffer() += m_resolved ? ",screened,resolution,amount,reason\n" : ",amount,reason\n";
  }

  // The one formatter of a row, for add() and for rows formatted on other threads.
  void format(const core::ApplicationView& view, std::string& out) const override {
    if (view.assessed)
      add_assessed(view, out);
    else
      add_outline(view, out);
    out += '\n';
  }

private:
  // Rank and score, for eligible applications.
  static void add_placement(const core::ApplicationView& view, const std::optional<core::Score>& score,
                            std::string& out) {
    out += ',';
    if (view.placement) fmt::format_to(std::back_inserter(out), "{}", view.placement->rank);
    out += ',';
    if (view.placement && score) append_csv_cell(out, core::to_string(*score));
  }

  // The column `pool`, with pools, then `screened` and `resolution`, with resolutions.
  void add_pool_and_resolution(const core::ApplicationView& view, std::string& out) const {
    if (m_pooled) {
      out += ',';
      int pool = view.placement ? view.placement->pool : (view.app ? core::pool_of(*m_set, *view.app) : -1);
      if (pool >= 0) append_csv_cell(out, m_set->pools[static_cast<size_t>(pool)].id);
    }
    if (!m_resolved) return;
    out += ',';
    out += core::decision_name(view.screened);
    out += ',';
    if (view.resolution) out += core::decision_name(view.resolution->decision);
  }

  void add_assessed(const core::ApplicationView& view, std::string& out) const {
    const core::Assessed& a = *view.assessed;
    append_csv_cell(out, a.id);
    out += ',';
    out += core::decision_name(view.decision);
    add_placement(view, a.score, out);
    for (const auto* ids : {&a.failed, &a.unclear, &a.pending}) {
      out += ',';
      append_csv_cell(out, util::join(*ids, ";"));
    }
    add_pool_and_resolution(view, out);
    out += ',';
    append_csv_cell(out, core::to_string(a.amount));
    out += ',';
    append_csv_cell(out, a.decided_by);
  }

  // The same row from the outline: criteria ids never need quoting, but are cells like any.
  void add_outline(const core::ApplicationView& view, std::string& out) const {
    thread_local std::string cell; // each thread's scratch
    const core::Outline& o = *view.outline;
    append_csv_cell(out, o.id);
    out += ',';
    out += core::decision_name(view.decision);
    add_placement(view, o.score, out);
    for (uint64_t mask : {o.failed, o.unclear, o.pending}) {
      out += ',';
      cell.clear();
      core::append_criteria(cell, *m_set, mask, ";");
      append_csv_cell(out, cell);
    }
    add_pool_and_resolution(view, out);
    out += ',';
    append_csv_cell(out, core::to_string(o.amount));
    out += ',';
    append_csv_cell(out, core::decided_by(*m_set, o, m_lang));
  }

  const core::CriteriaSet* m_set = nullptr;
  i18n::Lang m_lang = i18n::Lang::en;
  bool m_resolved = false;
  bool m_pooled = false;
};

} // namespace

std::unique_ptr<Writer> make_csv_writer(std::ostream& out) { return std::make_unique<CsvWriter>(out); }

} // namespace fundscreen::report
