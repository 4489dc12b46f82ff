// SPDX-License-Identifier: Apache-2.0
// `fundscreen report`: one self-contained HTML file for a board (no script, nothing loaded from
// anywhere), printable on A4.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/writer.hpp"

namespace fundscreen::report {

struct HtmlReportOptions {
  // The fields whose values the decisions are charted by (--by), each a field of the set:
  // begin() throws a usage error, with the nearest field, for one that is not.
  std::vector<std::string> by;
  // The report's heading; empty: the set's title in the run's language, else the call's name.
  std::string title;
};

// The report writer: keeps each application's summary and its section's HTML text, and
// writes the whole page at end().
std::unique_ptr<Writer> make_html_report_writer(std::ostream& out, HtmlReportOptions options);

// The fragment (the `id` attribute, without `#`) of the section of the application `id`:
// `app-` and the id with every byte but ASCII letters, digits and `-` written as `_` and two
// hex digits (`_` itself as `_5f`), so that different ids never share a fragment.
std::string application_fragment(std::string_view id);

} // namespace fundscreen::report
