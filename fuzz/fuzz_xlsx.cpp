// SPDX-License-Identifier: Apache-2.0
// Fuzzes the Excel workbook reader: the bytes as a workbook (the zip container, the
// workbook's XML, the shared strings and the sheet streamed through expat) read as a table of
// applications with the field schema of criteria/sitra-2021.yaml. A good start for the corpus
// is tests/cli/xlsx-*/book.xlsx and examples/sitra-2021/applications.xlsx.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "core/criteria_set.hpp"
#include "io/criteria_loader.hpp"
#include "io/table_reader.hpp"
#include "io/xlsx_reader.hpp"
#include "sitra_set.hpp"
#include "util/diagnostics.hpp"
#include "util/error.hpp"

using namespace fundscreen;

namespace {} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const core::CriteriaSet& set = fuzz::sitra_set();
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  io::TableOptions options;
  options.record_name = "application";
  util::Diagnostics diagnostics;
  const size_t width = set.fields.size();
  try {
    if (!io::is_workbook(bytes, "applications.xlsx")) return 0;
    io::read_xlsx_table(bytes, "applications.xlsx", set.fields, options, diagnostics, [width](io::TypedRow&& row) {
      if (row.values.size() != width) __builtin_trap();
      for (const core::Value& v : row.values) (void)core::to_display(v);
    });
  } catch (const util::Error&) {
    // A damaged archive: expected.
  }
  diagnostics.sort_by_place();
  for (const util::Diagnostic& d : diagnostics.items()) (void)util::format_diagnostic(d);
  return 0;
}
