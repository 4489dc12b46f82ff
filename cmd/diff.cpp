// SPDX-License-Identifier: Apache-2.0
// `fundscreen diff OLD NEW`: what a new version of a criteria set changes, in the set and in
// the decisions over the same applications.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "output_options.hpp"
#include "report/diff_writer.hpp"
#include "run/diff_run.hpp"
#include "screening_flags.hpp"

namespace fundscreen::cmd {

namespace {

struct DiffOptions {
  std::string old_set;
  std::string new_set;
  ScreeningFlags inputs;
  std::string format = "table";
  std::string csv_dialect = "standard";
  std::string output;
  bool fail_on_change = false;
};

int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err) {
  check_xlsx_output(options.format, options.output);
  in_csv_dialect(options.csv_dialect, options.format, nullptr); // a usage error before the run
  run::DiffInputs inputs{options.old_set, options.new_set, screening_inputs(options.inputs)};
  bool changed = false;
  run::diff(
      inputs,
      [&](const util::Diagnostics& warnings) {
        for (const auto& d : warnings.items()) err << util::format_diagnostic(d);
      },
      [&](const report::DiffReport& diff) {
        write_output(options.output, out, in_csv_dialect(options.csv_dialect, options.format, [&](std::ostream& o) {
                       report::write_diff(diff, *report::parse_format(options.format), o);
                     }));
        changed = diff.decisions.decisions_changed > 0;
      });
  return options.fail_on_change && changed ? 1 : 0;
}

} // namespace

std::function<int()> setup_diff(CLI::App& app) {
  auto options = std::make_shared<DiffOptions>();
  app.add_option("old", options->old_set, "The old criteria set: a file, or REV:path from git")->required();
  app.add_option("new", options->new_set, "The new criteria set: a file, or REV:path from git")->required();
  add_screening_flags(app, options->inputs, CriteriaOption::absent);
  app.add_option("--format,-f", options->format, "Output: table (default), csv, json, markdown, xlsx (with --output)")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown", "xlsx"}));
  app.add_option("--output,-o", options->output, "Write to FILE (through a temporary file, never half written)");
  add_csv_dialect_option(app, options->csv_dialect);
  app.add_flag("--fail-on-change", options->fail_on_change, "Exit 1 if any application's decision changes");
  app.footer(R"(Screens the same applications with both versions and shows what changed in the set (criteria,
rules, weights, fields, call values, tie-break, funding) and which decisions flip and why (the
criteria whose outcome changed, with the values read), the old-by-new decision matrix and who
enters or leaves the funded set.

Examples:
  fundscreen diff criteria/sitra-2021.yaml criteria/sitra-2021-revised.yaml \
      examples/sitra-2021/applications.csv --assessments examples/sitra-2021/assessments.csv
  fundscreen diff HEAD~1:criteria/sitra-2021.yaml criteria/sitra-2021.yaml \
      examples/sitra-2021/applications.csv -a examples/sitra-2021/assessments.csv --fail-on-change)"
             "\n");
  return [options] { return run_diff(*options, std::cout, std::cerr); };
}

} // namespace fundscreen::cmd
