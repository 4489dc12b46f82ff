// SPDX-License-Identifier: Apache-2.0
// `fundscreen report`: the screening as one self-contained HTML page for a board.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "output_options.hpp"
#include "report/html_report.hpp"
#include "run/screen.hpp"
#include "screening_flags.hpp"

namespace fundscreen::cmd {

namespace {

struct ReportOptions {
  ScreeningFlags inputs;
  std::string output;
  std::vector<std::string> by;
  std::string title;
};

int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  run::ScreeningInputs inputs = screening_inputs(options.inputs);
  write_output(options.output, out, [&](std::ostream& file) {
    auto writer = report::make_html_report_writer(file, report::HtmlReportOptions{options.by, options.title});
    run::screen(std::move(inputs), *writer, [&](const util::Diagnostics& warnings) {
      for (const auto& d : warnings.items()) err << util::format_diagnostic(d);
    });
  });
  return 0;
}

} // namespace

std::function<int()> setup_report(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  add_screening_flags(app, options->inputs);
  app.add_option("--output,-o", options->output, "Write to FILE (through a temporary file, never half written)");
  app.add_option("--by", options->by,
                 "Chart the decisions by this field of the set, e.g. theme or funder (repeatable)");
  app.add_option("--title", options->title, "The report's heading (default: the set's title in --lang)");
  app.footer(R"(Writes one HTML file a board member can open offline and print on A4: the call and its
criteria set with the SHA-256 of every input, the counts per decision, the ranked list with the
funding line (per pool), charts (the scores with the line, failures per criterion, the budget
used, and the decisions by each --by field) and a section per application with every
criterion, the values its rules read, the reviewers' verdicts and its resolution. The page
has no script and loads nothing from the network; its words follow --lang (fi, sv, en).

Examples:
  fundscreen report examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --resolutions examples/sitra-2021/resolutions.csv \
      --lang fi --by stage --output raportti.html
  fundscreen report hakemukset.csv -c criteria/sitra-2021.yaml -a arviot.csv \
      --title "Board meeting 14 June" -o report.html)"
             "\n");
  return [options] { return run_report(*options, std::cout, std::cerr); };
}

} // namespace fundscreen::cmd
