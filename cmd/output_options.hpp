// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "report/writer.hpp"

namespace fundscreen::cmd {

// Colour for --color `color` (auto, always, never): auto means only on a terminal, never
// with NO_COLOR set and never into an --output file.
report::Color choose_color(const std::string& color, const std::string& output);

// Runs `write` on `out`, or, when `output` names a file, on a temporary file renamed to it
// at the end, so that nothing is ever half written.
void write_output(const std::string& output, std::ostream& out, const std::function<void(std::ostream&)>& write);

// A usage error unless --format xlsx (a workbook, which a terminal cannot show) has an
// --output file.
void check_xlsx_output(const std::string& format, const std::string& output);

// Declares --csv-dialect on `app` (standard, excel-fi, excel-sv).
void add_csv_dialect_option(CLI::App& app, std::string& dialect);

// `write`, which writes `format`, with its csv in `dialect`; a spreadsheet dialect with a
// format other than csv is a usage error.
std::function<void(std::ostream&)> in_csv_dialect(const std::string& dialect, const std::string& format,
                                                  std::function<void(std::ostream&)> write);

} // namespace fundscreen::cmd
