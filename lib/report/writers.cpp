// SPDX-License-Identifier: Apache-2.0
#include "report/writers.hpp"

namespace fundscreen::report {

// Only writers that say formats_each() are asked to format() and add_formatted().
void Writer::format(const core::ApplicationView&, std::string&) const {}
void Writer::add_formatted(std::string_view) {}

std::unique_ptr<Writer> make_writer(Format format, std::ostream& out, WriterOptions options) {
  switch (format) {
  case Format::table: return make_table_writer(out, options);
  case Format::csv: return make_csv_writer(out);
  case Format::json: return make_json_writer(out, JsonLines::no);
  case Format::jsonl: return make_json_writer(out, JsonLines::yes);
  case Format::markdown: return make_markdown_writer(out);
  case Format::junit: return make_junit_writer(out);
  }
  return make_table_writer(out, options);
}

} // namespace fundscreen::report
