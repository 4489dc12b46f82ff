// SPDX-License-Identifier: Apache-2.0
#include "output_options.hpp"

#include <cstdlib>

#include <unistd.h>

#include "io/file.hpp"
#include "report/csv_dialect.hpp"

namespace fundscreen::cmd {

report::Color choose_color(const std::string& color, const std::string& output) {
  if (color == "always") return report::Color::always;
  if (color == "never" || !output.empty() || std::getenv("NO_COLOR")) return report::Color::never;
  return isatty(STDOUT_FILENO) ? report::Color::always : report::Color::never;
}

void write_output(const std::string& output, std::ostream& out, const std::function<void(std::ostream&)>& write) {
  if (output.empty())
    write(out);
  else
    io::write_file_atomically(output, write);
}

void check_xlsx_output(const std::string& format, const std::string& output) {
  if (format == "xlsx" && (output.empty() || output == "-"))
    throw util::Error(util::ErrorKind::usage,
                      util::Diagnostic{{},
                                       util::Severity::error,
                                       "--format xlsx writes a workbook, which a terminal cannot show; add --output "
                                       "FILE.xlsx",
                                       {}});
}

void add_csv_dialect_option(CLI::App& app, std::string& dialect) {
  app.add_option("--csv-dialect", dialect,
                 "csv for a spreadsheet: standard (default), excel-fi or excel-sv (a byte order mark, ';' between "
                 "cells, a decimal comma, CRLF: what a Finnish or Swedish Excel opens by double-click)")
      ->check(CLI::IsMember({"standard", "excel-fi", "excel-sv"}));
}

std::function<void(std::ostream&)> in_csv_dialect(const std::string& dialect, const std::string& format,
                                                  std::function<void(std::ostream&)> write) {
  report::CsvDialect d = report::parse_csv_dialect(dialect).value_or(report::CsvDialect::standard);
  if (d == report::CsvDialect::standard) return write;
  if (format != "csv")
    throw util::Error(
        util::ErrorKind::usage,
        util::Diagnostic{
            {}, util::Severity::error, "--csv-dialect " + dialect + " is for --format csv; add --format csv", {}});
  return [d, write = std::move(write)](std::ostream& out) { report::write_csv_dialect(out, d, write); };
}

} // namespace fundscreen::cmd
