// SPDX-License-Identifier: Apache-2.0
#include "report/writers.hpp"

namespace fundscreen::report {

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
