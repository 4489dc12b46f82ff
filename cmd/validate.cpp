// SPDX-License-Identifier: Apache-2.0
// `fundscreen validate`: checks applications, assessments and outcome reports against a
// criteria set and reports every problem with its file, line and column.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "core/cross_check.hpp"
#include "input_options.hpp"
#include "io/criteria_loader.hpp"
#include "util/text.hpp"

namespace fundscreen::cmd {

namespace {

struct ValidateOptions {
  std::vector<std::string> applications;
  std::string criteria;
  std::vector<std::string> assessments;
  std::vector<std::string> outcomes;
  std::vector<std::string> conflicts;
  InputFlags input;
};

int run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  core::CriteriaSet set = io::load_criteria_file(options.criteria);
  io::InputOptions input = input_options(options.input);
  util::Diagnostics diagnostics;
  core::IdRegistry ids;
  int id_field = set.field_index("id");
  for (const std::string& path : options.applications) {
    io::read_applications(path, set, input, diagnostics, [&](core::Application&& app) {
      if (const auto* id = std::get_if<std::string>(&app.values[id_field])) ids.add(*id, app.where, diagnostics);
    });
  }
  size_t assessments = 0, outcomes = 0;
  core::AssessmentIndex index(set);
  for (const std::string& path : options.assessments)
    assessments += io::load_assessments(path, input, set, index, diagnostics);
  index.check(&ids, diagnostics);
  for (const std::string& path : options.outcomes) {
    auto read = io::read_outcomes(path, input, diagnostics);
    core::check_outcomes(&ids, read, diagnostics);
    outcomes += read.size();
  }
  size_t conflicts = 0;
  for (const std::string& path : options.conflicts) conflicts += io::read_conflicts(path, input, diagnostics).size();
  diagnostics.sort_by_place();
  print_diagnostics(diagnostics, err);
  if (diagnostics.errors() > 0) {
    err << fmt::format("validate: {} and {}; fix them and run validate again\n",
                       util::count_of(diagnostics.errors(), "error"),
                       util::count_of(diagnostics.warnings(), "warning"));
    return util::exit_code(util::ErrorKind::input);
  }
  out << fmt::format("ok: {}, {}, {} valid against {} version {}", util::count_of(ids.size(), "application"),
                     util::count_of(assessments, "assessment"), util::count_of(outcomes, "outcome report"), set.id,
                     set.version);
  if (!options.conflicts.empty())
    out << fmt::format("; {} of interest", util::count_of(conflicts, "declared conflict"));
  if (diagnostics.warnings() > 0) out << fmt::format(" ({})", util::count_of(diagnostics.warnings(), "warning"));
  out << '\n';
  return 0;
}

} // namespace

std::function<int()> setup_validate(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  app.add_option("applications", options->applications, "Application files (CSV or YAML)")->required();
  app.add_option("--criteria,-c", options->criteria, "The criteria set (YAML)")->required();
  app.add_option("--assessments,-a", options->assessments, "Reviewers' assessments (CSV or YAML)");
  app.add_option("--outcomes,-o", options->outcomes, "Outcome reports of funded projects (CSV or YAML)");
  app.add_option("--conflicts", options->conflicts,
                 "Declared conflicts of interest: reviewer with application and/or applicant (CSV or YAML)");
  add_input_flags(app, options->input);
  app.footer(R"(Every problem is reported as FILE:LINE:COLUMN: error: MESSAGE on stderr, all of them,
not only the first. Exit codes: 0 valid, 2 usage error, 3 bad input, 4 bad criteria set.

Examples:
  fundscreen validate examples/sitra-2021/applications.csv \
      --criteria criteria/sitra-2021.yaml --assessments examples/sitra-2021/assessments.csv
  fundscreen validate hakemukset.csv --criteria criteria/sitra-2021.yaml --encoding windows-1252)"
             "\n");
  return [options] { return run_validate(*options, std::cout, std::cerr); };
}

} // namespace fundscreen::cmd
