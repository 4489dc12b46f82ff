// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string_view>

namespace fundscreen::report {

// How csv output is written: the standard (RFC 4180: ',' between cells, '\n' after rows, a
// decimal point), or as a Finnish or Swedish Excel opens a file by double-click: a UTF-8 byte
// order mark, ';' between cells, a decimal comma in cells that are a decimal number, "\r\n"
// after rows. The two Excel dialects are the same bytes; each is named for its users.
enum class CsvDialect { standard, excel_fi, excel_sv };

// The dialect called `name` (`standard`, `excel-fi`, `excel-sv`), if there is one.
std::optional<CsvDialect> parse_csv_dialect(std::string_view name);

// Runs `write`, which writes standard csv, so that `out` receives it in `dialect`; the
// standard dialect hands `out` itself to `write`. Rows are rewritten as they are written.
void write_csv_dialect(std::ostream& out, CsvDialect dialect, const std::function<void(std::ostream&)>& write);

} // namespace fundscreen::report
