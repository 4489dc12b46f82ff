// SPDX-License-Identifier: Apache-2.0
// `csv`: one row per application in input order, written as it comes (nothing is kept but a
// buffer of output, written out in large blocks).
#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/writers.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

// The output is handed to the stream in blocks of about this size.
constexpr size_t k_block = size_t{1} << 16;

class CsvWriter final : public Writer {
public:
  explicit CsvWriter(std::ostream& out) : m_out(out) { m_buffer.reserve(k_block + 4096); }

  void begin(const core::RunInfo& info) override {
    m_set = info.set;
    m_buffer += "id,decision,rank,score,failed,unclear,pending,amount,reason\n";
  }

  void add(const core::ApplicationView& view) override {
    if (view.assessed)
      add_assessed(view);
    else
      add_outline(view);
    m_buffer += '\n';
    if (m_buffer.size() >= k_block) flush();
  }

  void end() override { flush(); }

private:
  // Rank and score, for eligible applications.
  void add_placement(const core::ApplicationView& view, const std::optional<core::Score>& score) {
    m_buffer += ',';
    if (view.placement) fmt::format_to(std::back_inserter(m_buffer), "{}", view.placement->rank);
    m_buffer += ',';
    if (view.placement && score) append_csv_cell(m_buffer, core::to_string(*score));
  }

  void add_assessed(const core::ApplicationView& view) {
    const core::Assessed& a = *view.assessed;
    append_csv_cell(m_buffer, a.id);
    m_buffer += ',';
    m_buffer += core::decision_name(view.decision);
    add_placement(view, a.score);
    for (const auto* ids : {&a.failed, &a.unclear, &a.pending}) {
      m_buffer += ',';
      append_csv_cell(m_buffer, util::join(*ids, ";"));
    }
    m_buffer += ',';
    append_csv_cell(m_buffer, core::to_string(a.amount));
    m_buffer += ',';
    append_csv_cell(m_buffer, a.decided_by);
  }

  // The same row from the outline: criteria ids never need quoting, but are cells like any.
  void add_outline(const core::ApplicationView& view) {
    const core::Outline& o = *view.outline;
    append_csv_cell(m_buffer, o.id);
    m_buffer += ',';
    m_buffer += core::decision_name(view.decision);
    add_placement(view, o.score);
    for (uint64_t mask : {o.failed, o.unclear, o.pending}) {
      m_buffer += ',';
      m_cell.clear();
      core::append_criteria(m_cell, *m_set, mask, ";");
      append_csv_cell(m_buffer, m_cell);
    }
    m_buffer += ',';
    append_csv_cell(m_buffer, core::to_string(o.amount));
    m_buffer += ',';
    append_csv_cell(m_buffer, core::decided_by(*m_set, o));
  }

  void flush() {
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
  }

  std::ostream& m_out;
  const core::CriteriaSet* m_set = nullptr;
  std::string m_buffer;
  std::string m_cell;
};

} // namespace

std::unique_ptr<Writer> make_csv_writer(std::ostream& out) { return std::make_unique<CsvWriter>(out); }

} // namespace fundscreen::report
