// SPDX-License-Identifier: Apache-2.0
#include "input_options.hpp"

#include <fmt/format.h>

namespace fundscreen::cmd {

void add_input_flags(CLI::App& app, InputFlags& flags) {
  app.add_option("--encoding", flags.encoding,
                 "Encoding of CSV inputs: utf-8 (default) or windows-1252 for spreadsheets not saved as "
                 "\"CSV UTF-8\"");
  app.add_option("--delimiter", flags.delimiter,
                 "CSV field delimiter: ',' ';' '|' or 'tab' (default: detected from the header)");
  app.add_option("--sheet", flags.sheet,
                 "Sheet of each Excel workbook (.xlsx) input to read (default: its first sheet); a workbook without "
                 "it is an error");
  app.add_flag("--strict", flags.strict,
               "Warnings about the inputs are errors: unknown columns and keys, list cells with another separator, "
               "reviewer names spelt almost alike");
}

static util::Error usage_error(std::string message) {
  return util::Error(util::ErrorKind::usage, util::Diagnostic{{}, util::Severity::error, std::move(message), {}});
}

io::InputOptions input_options(const InputFlags& flags) {
  io::InputOptions options;
  auto encoding = io::parse_encoding(flags.encoding);
  if (!encoding) throw usage_error(fmt::format("unknown encoding '{}'; use utf-8 or windows-1252", flags.encoding));
  options.csv.encoding = *encoding;
  if (flags.delimiter == "tab" || flags.delimiter == "\\t")
    options.csv.delimiter = '\t';
  else if (flags.delimiter == "," || flags.delimiter == ";" || flags.delimiter == "|")
    options.csv.delimiter = flags.delimiter[0];
  else if (!flags.delimiter.empty())
    throw usage_error(fmt::format("unknown delimiter '{}'; use ',', ';', '|' or 'tab'", flags.delimiter));
  options.doubts = flags.strict ? io::Doubts::reject : io::Doubts::warn;
  options.sheet = flags.sheet;
  return options;
}

void print_diagnostics(const util::Diagnostics& diagnostics, std::ostream& err) {
  for (const auto& d : diagnostics.items()) err << util::format_diagnostic(d);
}

} // namespace fundscreen::cmd
