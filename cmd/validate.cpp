// SPDX-License-Identifier: Apache-2.0
// `fundscreen validate`: checks applications, assessments and outcome reports against a
// criteria set and reports every problem with its file, line and column.
#include "run/validate.hpp"

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "input_options.hpp"
#include "problem_output.hpp"
#include "util/text.hpp"

namespace fundscreen::cmd {

namespace {

struct ValidateOptions {
  run::ValidateInputs inputs;
  InputFlags input;
  ProblemOutput problems;
};

// Without a roster: every reviewer the assessments name, by name, with their number of
// assessments, so that a one-off misspelling stands out.
void list_reviewers(const run::Validation& v, std::ostream& out) {
  if (v.reviewers.empty()) return;
  out << "reviewers (no roster given; check for typos): ";
  for (size_t i = 0; i < v.reviewers.size(); ++i)
    out << fmt::format("{}{} {}", i ? ", " : "", v.reviewers[i].first, v.reviewers[i].second);
  out << '\n';
}

int run_validate(ValidateOptions& options, std::ostream& err) {
  options.inputs.input = input_options(options.input);
  std::ostream& out = options.problems.summary();
  run::Validation v;
  try {
    v = run::validate(options.inputs);
  } catch (const util::Error& e) { // a bad criteria set, in the format asked for
    for (const auto& d : e.diagnostics()) options.problems.report(d);
    options.problems.finish();
    return util::exit_code(e.kind());
  }
  const util::Diagnostics& diagnostics = v.problems;
  for (const auto& d : diagnostics.items()) options.problems.report(d);
  options.problems.finish();
  if (diagnostics.errors() > 0) {
    list_reviewers(v, out);
    err << fmt::format("validate: {} and {}; fix them and run validate again\n",
                       util::count_of(diagnostics.errors(), "error"),
                       util::count_of(diagnostics.warnings(), "warning"));
    return util::exit_code(util::ErrorKind::input);
  }
  out << fmt::format("ok: {}, {}, {} valid against {} version {}", util::count_of(v.applications, "application"),
                     util::count_of(v.assessments, "assessment"), util::count_of(v.outcomes, "outcome report"),
                     v.set_id, v.set_version);
  if (!options.inputs.conflicts.empty())
    out << fmt::format("; {} of interest", util::count_of(v.conflicts, "declared conflict"));
  if (!options.inputs.resolutions.empty()) out << fmt::format("; {}", util::count_of(v.resolutions, "resolution"));
  if (v.roster) out << fmt::format("; {} on the roster", util::count_of(*v.roster, "reviewer"));
  if (diagnostics.warnings() > 0) out << fmt::format(" ({})", util::count_of(diagnostics.warnings(), "warning"));
  out << '\n';
  list_reviewers(v, out);
  return 0;
}

} // namespace

std::function<int()> setup_validate(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  app.add_option("applications", options->inputs.applications, "Application files (CSV or YAML)")->required();
  app.add_option("--criteria,-c", options->inputs.criteria, "The criteria set (YAML)")->required();
  app.add_option("--assessments,-a", options->inputs.assessments, "Reviewers' assessments (CSV or YAML)");
  app.add_option("--outcomes,-o", options->inputs.outcomes, "Outcome reports of funded projects (CSV or YAML)");
  app.add_option("--conflicts", options->inputs.conflicts,
                 "Declared conflicts of interest: reviewer with application and/or applicant (CSV or YAML)");
  app.add_option("--reviewers", options->inputs.reviewers,
                 "The call's roster: reviewer (id), name, criteria (CSV or YAML); assessments and conflicts must "
                 "name its reviewers");
  app.add_option("--resolutions", options->inputs.resolutions,
                 "Decisions taken after the screening: application, decision, amount_eur, decided_on, decided_by, "
                 "reason (CSV or YAML)");
  add_input_flags(app, options->input);
  options->problems.declare(app);
  app.footer(R"(Every problem is reported as FILE:LINE:COLUMN: error: MESSAGE on stderr, all of them,
not only the first. Without a roster (--reviewers), the reviewers the assessments name are
listed with their number of assessments, so that a misspelt name stands out.
--format github writes each problem as a GitHub Actions annotation on stdout; --format sarif
writes one SARIF 2.1.0 log on stdout (the summary lines go to stderr).
Exit codes: 0 valid, 2 usage error, 3 bad input, 4 bad criteria set.

Examples:
  fundscreen validate examples/sitra-2021/applications.csv \
      --criteria criteria/sitra-2021.yaml --assessments examples/sitra-2021/assessments.csv
  fundscreen validate examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --conflicts examples/sitra-2021/conflicts.csv \
      --reviewers examples/sitra-2021/reviewers.csv
  fundscreen validate hakemukset.csv --criteria criteria/sitra-2021.yaml --encoding windows-1252
  fundscreen validate hakemukset.csv -c criteria/sitra-2021.yaml --format sarif > validate.sarif)"
             "\n");
  return [options] { return run_validate(*options, std::cerr); };
}

} // namespace fundscreen::cmd
