// SPDX-License-Identifier: Apache-2.0
#include "report/writers.hpp"

namespace fundscreen::report {

// Only writers that say formats_each() are asked to format() and add_formatted().
void Writer::format(const core::ApplicationView&, std::string&) const {}
void Writer::add_formatted(std::string_view) {}

void RowWriter::add(const core::ApplicationView& view) {
  format(view, m_buffer);
  if (m_buffer.size() >= k_block) flush();
}

void RowWriter::add_formatted(std::string_view text) {
  if (m_buffer.empty() && text.size() >= k_block) // large enough to hand on as it is
    m_out.write(text.data(), static_cast<std::streamsize>(text.size()));
  else
    m_buffer += text;
  if (m_buffer.size() >= k_block) flush();
}

void RowWriter::flush() {
  m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
  m_buffer.clear();
}

std::unique_ptr<Writer> make_writer(Format format, std::ostream& out, WriterOptions options) {
  switch (format) {
  case Format::table: return make_table_writer(out, options);
  case Format::csv: return make_csv_writer(out);
  case Format::json: return make_json_writer(out, JsonLines::no, options.seal_key);
  case Format::jsonl: return make_json_writer(out, JsonLines::yes, options.seal_key);
  case Format::markdown: return make_markdown_writer(out);
  case Format::junit: return make_junit_writer(out);
  case Format::github: return make_github_writer(out);
  case Format::xlsx: return make_xlsx_writer(out);
  }
  return make_table_writer(out, options);
}

} // namespace fundscreen::report
