// SPDX-License-Identifier: Apache-2.0
// The writers behind make_writer(), one file each.
#pragma once

#include <memory>
#include <ostream>

#include "report/writer.hpp"

namespace fundscreen::report {

// The person's view: counts, the ranking with the funding line, then clarify, pending, reject.
std::unique_ptr<Writer> make_table_writer(std::ostream& out, WriterOptions options);
// One row per application in input order, streamed.
std::unique_ptr<Writer> make_csv_writer(std::ostream& out);
// `lines`: JSON Lines (one run line, then one line per application) instead of one document.
enum class JsonLines { no, yes };
// The run and every application's whole trail, streamed, and at the end the seal
// (trail/seal.hpp) over what was written, signed by `seal_key` when given.
std::unique_ptr<Writer> make_json_writer(std::ostream& out, JsonLines lines,
                                         const trail::SigningKey* seal_key = nullptr);
// A memo for a programme officer.
std::unique_ptr<Writer> make_markdown_writer(std::ostream& out);
// A JUnit XML report: reject fails, clarify and pending are skipped; streamed.
std::unique_ptr<Writer> make_junit_writer(std::ostream& out);
// GitHub Actions workflow commands: reject as ::error, clarify and pending as ::notice, at the
// application's row; streamed.
std::unique_ptr<Writer> make_github_writer(std::ostream& out);
// An Excel workbook: decisions, the ranking with the funding line, the criteria.
std::unique_ptr<Writer> make_xlsx_writer(std::ostream& out);

} // namespace fundscreen::report
