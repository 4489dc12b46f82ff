// SPDX-License-Identifier: Apache-2.0
// `fundscreen validate`: checks applications, assessments and outcome reports against a
// criteria set and reports every problem with its file, line and column.
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

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
  std::string reviewers;
  InputFlags input;
};

// Without a roster: every reviewer the assessments name, by name, with their number of
// assessments, so that a one-off misspelling stands out.
void list_reviewers(const core::AssessmentIndex& index, std::ostream& out) {
  auto counts = index.reviewer_counts();
  if (counts.empty()) return;
  std::sort(counts.begin(), counts.end());
  out << "reviewers (no roster given; check for typos): ";
  for (size_t i = 0; i < counts.size(); ++i)
    out << fmt::format("{}{} {}", i ? ", " : "", counts[i].first, counts[i].second);
  out << '\n';
}

int run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  core::CriteriaSet set = io::load_criteria_file(options.criteria);
  io::InputOptions input = input_options(options.input);
  // The roster and the conflicts are read first, for the applications to be checked against
  // as they stream; their problems are listed after the applications', as on the command line.
  util::Diagnostics diagnostics, roster_found, conflicts_found;
  // A roster that could not be read whole checks no reviewer; its problems say why.
  std::optional<core::Roster> roster;
  if (!options.reviewers.empty()) roster = io::read_roster(options.reviewers, input, set, roster_found);
  bool given = !options.reviewers.empty(), check_reviewers = !given || roster.has_value();
  core::ConflictIndex conflicts;
  for (const std::string& path : options.conflicts)
    for (const auto& c : io::read_conflicts(path, input, conflicts_found)) conflicts.add(c);
  core::ConflictCheck conflict_check(set, conflicts.conflicts());
  core::IdRegistry ids;
  int id_field = set.field_index("id");
  for (const std::string& path : options.applications) {
    io::read_applications(path, set, input, diagnostics, [&](core::Application&& app) {
      if (const auto* id = std::get_if<std::string>(&app.values[id_field])) ids.add(*id, app.where, diagnostics);
      conflict_check.see(app);
    });
  }
  for (const auto& d : roster_found.items()) diagnostics.add(d);
  size_t assessments = 0, outcomes = 0;
  core::AssessmentIndex index(set);
  for (const std::string& path : options.assessments)
    assessments += io::load_assessments(path, input, set, roster ? &*roster : nullptr, index, diagnostics);
  if (!given) io::report_similar_reviewers(index, nullptr, input, diagnostics);
  index.check(&ids, diagnostics);
  for (const std::string& path : options.outcomes) {
    auto read = io::read_outcomes(path, input, diagnostics);
    core::check_outcomes(&ids, read, diagnostics);
    outcomes += read.size();
  }
  for (const auto& d : conflicts_found.items()) diagnostics.add(d);
  if (check_reviewers)
    core::check_conflict_reviewers(conflicts.conflicts(), roster ? &*roster : nullptr, &index, diagnostics);
  io::report_conflicts(conflict_check, ids, options.applications, set, input, diagnostics);
  diagnostics.sort_by_place();
  print_diagnostics(diagnostics, err);
  if (diagnostics.errors() > 0) {
    if (!given) list_reviewers(index, out);
    err << fmt::format("validate: {} and {}; fix them and run validate again\n",
                       util::count_of(diagnostics.errors(), "error"),
                       util::count_of(diagnostics.warnings(), "warning"));
    return util::exit_code(util::ErrorKind::input);
  }
  out << fmt::format("ok: {}, {}, {} valid against {} version {}", util::count_of(ids.size(), "application"),
                     util::count_of(assessments, "assessment"), util::count_of(outcomes, "outcome report"), set.id,
                     set.version);
  if (!options.conflicts.empty())
    out << fmt::format("; {} of interest", util::count_of(conflicts.conflicts().size(), "declared conflict"));
  if (roster) out << fmt::format("; {} on the roster", util::count_of(roster->reviewers().size(), "reviewer"));
  if (diagnostics.warnings() > 0) out << fmt::format(" ({})", util::count_of(diagnostics.warnings(), "warning"));
  out << '\n';
  if (!given) list_reviewers(index, out);
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
  app.add_option("--reviewers", options->reviewers,
                 "The call's roster: reviewer (id), name, criteria (CSV or YAML); assessments and conflicts must "
                 "name its reviewers");
  add_input_flags(app, options->input);
  app.footer(R"(Every problem is reported as FILE:LINE:COLUMN: error: MESSAGE on stderr, all of them,
not only the first. Without a roster (--reviewers), the reviewers the assessments name are
listed with their number of assessments, so that a misspelt name stands out.
Exit codes: 0 valid, 2 usage error, 3 bad input, 4 bad criteria set.

Examples:
  fundscreen validate examples/sitra-2021/applications.csv \
      --criteria criteria/sitra-2021.yaml --assessments examples/sitra-2021/assessments.csv
  fundscreen validate examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --conflicts examples/sitra-2021/conflicts.csv \
      --reviewers examples/sitra-2021/reviewers.csv
  fundscreen validate hakemukset.csv --criteria criteria/sitra-2021.yaml --encoding windows-1252)"
             "\n");
  return [options] { return run_validate(*options, std::cout, std::cerr); };
}

} // namespace fundscreen::cmd
