// SPDX-License-Identifier: Apache-2.0
// Fuzzes the table readers: the bytes as a CSV table and as a YAML table of applications
// with the field schema of criteria/sitra-2021.yaml, every problem collected as diagnostics.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "core/criteria_set.hpp"
#include "io/criteria_loader.hpp"
#include "io/table_reader.hpp"
#include "sitra_set.hpp"
#include "util/diagnostics.hpp"
#include "util/error.hpp"

using namespace fundscreen;

namespace {

void check_row(const io::TypedRow& row, size_t width) {
  if (row.values.size() != width) __builtin_trap();
  for (const core::Value& v : row.values) (void)core::to_display(v);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const core::CriteriaSet& set = fuzz::sitra_set();
  // The first byte chooses the options: bit 0 delimiter, bit 1 encoding, bit 2 unknown columns.
  const uint8_t choice = data[0];
  io::TableOptions options;
  options.csv.delimiter = (choice & 1) ? ';' : 0;
  options.csv.encoding = (choice & 2) ? io::Encoding::windows_1252 : io::Encoding::utf8;
  options.csv.chunk_size = 16;
  options.doubts = (choice & 4) ? io::Doubts::reject : io::Doubts::warn;
  options.record_name = "application";
  options.yaml_key = "applications";
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const size_t width = set.fields.size();
  auto sink = [width](io::TypedRow&& row) { check_row(row, width); };

  util::Diagnostics csv_diagnostics;
  try {
    std::istringstream in(text);
    io::read_csv_table(in, "applications.csv", set.fields, options, csv_diagnostics, sink);
  } catch (const util::Error&) {
    // A fault that stops the table (bad bytes, bad quoting): expected.
  }
  util::Diagnostics yaml_diagnostics;
  try {
    io::read_yaml_table(text, "applications.yaml", set.fields, options, yaml_diagnostics, sink);
  } catch (const util::Error&) {
    // Not YAML at all: expected.
  }
  csv_diagnostics.sort_by_place();
  yaml_diagnostics.sort_by_place();
  for (const util::Diagnostic& d : csv_diagnostics.items()) (void)util::format_diagnostic(d);
  for (const util::Diagnostic& d : yaml_diagnostics.items()) (void)util::format_diagnostic(d);
  return 0;
}
