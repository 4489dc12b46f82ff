// SPDX-License-Identifier: Apache-2.0
// `fundscreen screen`: decisions, ranking, funding line and audit trail in one format.
#include "run/screen.hpp"

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "output_options.hpp"
#include "report/writer.hpp"
#include "screening_flags.hpp"
#include "seal_key.hpp"

namespace fundscreen::cmd {

namespace {

struct ScreenOptions {
  ScreeningFlags inputs;
  std::string format = "table";
  std::string output;
  std::string color = "auto";
  std::string csv_dialect = "standard";
  std::vector<std::string> fail_on;
  std::string seal;
};

// 1 if any decision named by --fail-on was reached, else 0.
int fail_on_code(const ScreenOptions& options, const core::RunInfo& info) {
  for (const std::string& name : options.fail_on)
    for (size_t d = 0; d < info.counts.size(); ++d)
      if (core::decision_name(static_cast<core::Decision>(d)) == name && info.counts[d] > 0) return 1;
  return 0;
}

int run_screen(const ScreenOptions& options, std::ostream& out, std::ostream& err) {
  auto format = report::parse_format(options.format);
  check_xlsx_output(options.format, options.output);
  run::ScreeningInputs inputs = screening_inputs(options.inputs);
  std::optional<trail::SigningKey> key = seal_key(options.seal, options.format, err);
  report::WriterOptions writer_options{choose_color(options.color, options.output), key ? &*key : nullptr};
  core::RunInfo info;
  write_output(options.output, out, in_csv_dialect(options.csv_dialect, options.format, [&](std::ostream& file) {
                 auto writer = report::make_writer(*format, file, writer_options);
                 info = run::screen(std::move(inputs), *writer, [&](const util::Diagnostics& warnings) {
                   for (const auto& d : warnings.items()) err << util::format_diagnostic(d);
                 });
               }));
  return fail_on_code(options, info);
}

} // namespace

std::function<int()> setup_screen(CLI::App& app) {
  auto options = std::make_shared<ScreenOptions>();
  add_screening_flags(app, options->inputs);
  app.add_option("--format,-f", options->format,
                 "Output: table (default), csv, json, jsonl, markdown, junit, github, xlsx (with --output)")
      ->check(CLI::IsMember({"table", "csv", "json", "jsonl", "markdown", "junit", "github", "xlsx"}));
  app.add_option("--output,-o", options->output, "Write to FILE (through a temporary file, never half written)");
  add_csv_dialect_option(app, options->csv_dialect);
  app.add_option("--color", options->color, "Colour in the table: auto (on a terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--seal", options->seal,
                 "json or jsonl: sign the trail's seal with this Ed25519 private key (PEM); without it the seal is "
                 "written unsigned");
  app.add_option("--fail-on", options->fail_on, "Exit 1 if any application gets this decision (repeatable)")
      ->check(CLI::IsMember({"reject", "clarify", "pending", "reserve", "fund"}));
  app.footer(R"(Decisions: any criterion failed -> reject; else any unclear -> clarify; else any awaiting
a verdict -> pending; else eligible, ranked by score and the set's tie-break order, and funded
down the ranking within the call budget (fund) or not (reserve).
Declared conflicts must name reviewers on the roster (--reviewers; without one, reviewers who
gave assessments), and applications and applicants among those screened.
--format github writes GitHub Actions annotations: each rejected application an ::error at
its row of the applications file, clarify and pending a ::notice there, then the counts.
json and jsonl end with a seal: a hash chain over the trail's units, which 'fundscreen verify'
checks; --seal KEY signs it (make a key with 'openssl genpkey -algorithm ed25519 -out KEY').
Resolutions (--resolutions) bind: resolved funds are placed first and draw their amount
(agreed, else requested), then the line is drawn for the others with what is left.
Exit codes: 0 ran, 1 a --fail-on decision occurred, 2 usage, 3 bad input, 4 bad criteria set.
A large call's csv keeps each decision in an unnamed temporary file in $TMPDIR (default /tmp),
about 11 bytes an application, while the funding line is drawn.

Examples:
  fundscreen screen examples/sitra-2021/applications.csv \
      --criteria criteria/sitra-2021.yaml --assessments examples/sitra-2021/assessments.csv
  fundscreen screen examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --format csv --output decisions.csv
  fundscreen screen examples/sitra-2021/applications.xlsx -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --format xlsx --output decisions.xlsx
  fundscreen screen examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --conflicts examples/sitra-2021/conflicts.csv \
      --reviewers examples/sitra-2021/reviewers.csv
  fundscreen screen examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --resolutions examples/sitra-2021/resolutions.csv
  fundscreen screen examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --format jsonl --seal seal.pem --output trail.jsonl
  fundscreen screen hakemukset.csv -c criteria/sitra-2021.yaml -a arviot.csv --format junit --fail-on reject
  fundscreen screen hakemukset.csv -c criteria/sitra-2021.yaml -a arviot.csv --format github --fail-on reject)"
             "\n");
  return [options] { return run_screen(*options, std::cout, std::cerr); };
}

} // namespace fundscreen::cmd
