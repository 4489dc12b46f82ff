// SPDX-License-Identifier: Apache-2.0
// `fundscreen impact`: after the funding period, whether each criterion delivered the
// impact it was meant to secure, from the funded projects' outcome reports.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "input_options.hpp"
#include "output_options.hpp"
#include "report/impact_writer.hpp"
#include "run/impact_run.hpp"

namespace fundscreen::cmd {

namespace {

struct ImpactOptions {
  run::ImpactInputs inputs;
  InputFlags input;
  std::string lang; // empty: the set's lang, else en
  std::string format = "table";
  std::string output;
  std::string color = "auto";
  std::string csv_dialect = "standard";
  std::string fail_on;
};

// 1 if any impact's or criterion's light is at least as bad as --fail-on, else 0.
int fail_on_code(const std::string& fail_on, const core::ImpactAssessment& a) {
  if (fail_on.empty()) return 0;
  core::Light worst = fail_on == "red" ? core::Light::red : core::Light::yellow;
  auto at_least = [&](core::Light l) { return static_cast<int>(l) >= static_cast<int>(worst); };
  for (const auto& f : a.impacts)
    if (at_least(f.light.light)) return 1;
  for (const auto& c : a.criteria)
    if (at_least(c.light.light)) return 1;
  return 0;
}

int run_impact(ImpactOptions options, std::ostream& out, std::ostream& err) {
  options.inputs.input = input_options(options.input);
  check_xlsx_output(options.format, options.output);
  in_csv_dialect(options.csv_dialect, options.format, nullptr); // a usage error before the run
  run::ImpactRun result = run::impact(options.inputs);
  for (const auto& d : result.warnings.items()) err << util::format_diagnostic(d);
  std::string lang = !options.lang.empty() ? options.lang : (result.set->lang.empty() ? "en" : result.set->lang);
  report::ImpactReport r{FUNDSCREEN_VERSION, result.set.get(), result.criteria_path, result.criteria_sha256,
                         result.inputs,      result.screened,  &result.assessment,   lang};
  report::WriterOptions writer_options{choose_color(options.color, options.output)};
  write_output(options.output, out, in_csv_dialect(options.csv_dialect, options.format, [&](std::ostream& file) {
                 report::write_impact(r, *report::parse_format(options.format), file, writer_options);
               }));
  return fail_on_code(options.fail_on, result.assessment);
}

} // namespace

std::function<int()> setup_impact(CLI::App& app) {
  auto options = std::make_shared<ImpactOptions>();
  run::ImpactInputs& in = options->inputs;
  app.add_option("applications", in.applications,
                 "Application files (CSV or YAML): with them, only the projects the screening funds count");
  app.add_option("--criteria,-c", in.criteria, "The criteria set (YAML) whose impacts are checked")->required();
  app.add_option("--outcomes", in.outcomes, "Outcome reports of the funded projects (CSV or YAML)")->required();
  app.add_option("--assessments,-a", in.assessments, "Reviewers' assessments, for the screening (CSV or YAML)");
  app.add_option("--conflicts", in.conflicts, "Declared conflicts of interest, for the screening (CSV or YAML)");
  app.add_option("--reviewers", in.reviewers, "The call's roster of reviewers, for the screening (CSV or YAML)");
  app.add_option("--resolutions", in.resolutions,
                 "Decisions taken after the screening, for the funded set (CSV or YAML)");
  app.add_option("--lang", options->lang, "Language of the output: fi, sv or en (default: the set's lang, else en)")
      ->check(CLI::IsMember({"fi", "sv", "en"}));
  add_input_flags(app, options->input);
  app.add_option("--format,-f", options->format, "Output: table (default), csv, json, markdown, xlsx (with --output)")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown", "xlsx"}));
  app.add_option("--output,-o", options->output, "Write to FILE (through a temporary file, never half written)");
  add_csv_dialect_option(app, options->csv_dialect);
  app.add_option("--color", options->color, "Colour in the table: auto (on a terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--fail-on", options->fail_on, "Exit 1 if any impact or criterion is this light or worse: yellow, red")
      ->check(CLI::IsMember({"yellow", "red"}));
  app.footer(R"(Each impact's indicator is evaluated on each project's outcome report: held, failed, or
unknown when the report lacks a value the indicator reads. A criterion fails in a project when
any impact it protects failed there. Traffic lights: green when every known result held,
yellow when some failed, red when most failed or there is too little data; the thresholds are
the set's `lights`. With applications (and assessments), only the projects the screening
funds count: a funded project without a report counts as unknown, and a report of a project
that is not funded is an error; with --resolutions the funded set is the final one.
Exit codes: 0 ran, 1 a --fail-on light occurred, 2 usage, 3 bad input, 4 bad criteria set.

Examples:
  fundscreen impact --criteria criteria/sitra-2021.yaml --outcomes examples/sitra-2021/outcomes.yaml
  fundscreen impact examples/sitra-2021/applications.csv -a examples/sitra-2021/assessments.csv \
      -c criteria/sitra-2021.yaml --outcomes loppuraportit.csv --format csv --fail-on red
  fundscreen impact examples/sitra-2021/applications.csv -a examples/sitra-2021/assessments.csv \
      --resolutions examples/sitra-2021/resolutions.csv -c criteria/sitra-2021.yaml \
      --outcomes examples/sitra-2021/outcomes.yaml)"
             "\n");
  return [options] { return run_impact(*options, std::cout, std::cerr); };
}

} // namespace fundscreen::cmd
