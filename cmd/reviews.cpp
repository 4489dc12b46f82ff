// SPDX-License-Identifier: Apache-2.0
// `fundscreen reviews`: the panel chair's report before the panel meets: who owes which
// assessments, where scores spread and verdicts disagree, and the panel's agreement.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "output_options.hpp"
#include "report/reviews_writer.hpp"
#include "run/reviews_run.hpp"
#include "screening_flags.hpp"

namespace fundscreen::cmd {

namespace {

struct ReviewsOptions {
  ScreeningFlags inputs;
  std::string format = "table";
  std::string output;
  std::string csv_dialect = "standard";
};

int run_reviews(const ReviewsOptions& options, std::ostream& out, std::ostream& err) {
  auto format = report::parse_format(options.format);
  check_xlsx_output(options.format, options.output);
  in_csv_dialect(options.csv_dialect, options.format, nullptr); // a usage error before the run
  run::ScreeningInputs inputs = screening_inputs(options.inputs);
  // Only json shows the inputs' SHA-256.
  inputs.digests = *format == report::Format::json ? run::Digests::compute : run::Digests::skip;
  run::ReviewsRun result = run::reviews(std::move(inputs));
  for (const auto& d : result.screening->warnings().items()) err << util::format_diagnostic(d);
  report::ReviewsReport r{&result.screening->info(), &result.report};
  write_output(options.output, out, in_csv_dialect(options.csv_dialect, options.format, [&](std::ostream& file) {
                 report::write_reviews(r, *format, file);
               }));
  return 0;
}

} // namespace

std::function<int()> setup_reviews(CLI::App& app) {
  auto options = std::make_shared<ReviewsOptions>();
  add_screening_flags(app, options->inputs);
  app.get_option("--assessments")->required();
  app.add_option("--format,-f", options->format, "Output: table (default), csv, json, markdown, xlsx (with --output)")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown", "xlsx"}));
  app.add_option("--output,-o", options->output, "Write to FILE (through a temporary file, never half written)");
  add_csv_dialect_option(app, options->csv_dialect);
  app.footer(R"(The inputs are screen's, checked the same way. Per reviewer: assessments assigned by the
roster (--reviewers: the reviewer's criteria on every application that no rule rejects, less
the applications of their declared conflicts; without a roster assigned and owed are
unknown), done (every assessment given), unassigned (done but not assigned), owed (assigned,
not done; listed by application in csv, json and markdown) and conflicts declared. Per
criterion that takes verdicts: each application's scores (min-max; the table and markdown
list those two points or more apart) and the applications with a pass and a fail; and the
panel's agreement as Krippendorff's alpha (interval metric, applications as units, over the
scores that count: a conflict leaves a reviewer out), with the scores and pairs behind it;
alpha is undefined without pairs or without variance.
Exit codes: 0 ran, 2 usage, 3 bad input, 4 bad criteria set.

Examples:
  fundscreen reviews examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --reviewers examples/sitra-2021/reviewers.csv \
      --conflicts examples/sitra-2021/conflicts.csv
  fundscreen reviews hakemukset.csv -c criteria/pohjois-pohjanmaa-2025.yaml -a arviot.csv \
      --reviewers arvioijat.csv --format json --output paneeli.json)"
             "\n");
  return [options] { return run_reviews(*options, std::cout, std::cerr); };
}

} // namespace fundscreen::cmd
