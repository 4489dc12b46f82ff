// SPDX-License-Identifier: Apache-2.0
// `fundscreen lint`: the static checks of criteria sets.
#include <algorithm>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "io/criteria_loader.hpp"
#include "io/file.hpp"
#include "problem_output.hpp"
#include "util/text.hpp"

namespace fundscreen::cmd {

namespace {

struct LintOptions {
  std::vector<std::string> sets;
  bool strict = false;
  ProblemOutput problems;
};

// Checks one set; true if it has no problem.
bool lint_one(const std::string& path, bool strict, ProblemOutput& problems, std::ostream& err) {
  std::ostream& out = problems.summary();
  try {
    io::CriteriaCheck check = io::check_criteria(io::read_file(path, util::ErrorKind::criteria), path);
    for (const auto& d : check.problems) problems.report(d);
    auto warnings = static_cast<size_t>(std::count_if(check.problems.begin(), check.problems.end(), [](const auto& d) {
      return d.severity == util::Severity::warning;
    }));
    size_t errors = check.problems.size() - warnings;
    if (errors > 0 || (strict && warnings > 0)) {
      err << fmt::format("lint: {}: {} and {}{}\n", path, util::count_of(errors, "error"),
                         util::count_of(warnings, "warning"), strict && warnings > 0 ? " (--strict)" : "");
      return false;
    }
    const core::CriteriaSet& set = check.set;
    out << fmt::format("ok: {}: {} version {}, {}, {}, {}", path, set.id, set.version,
                       util::count_of(set.criteria.size(), "criterion", "criteria"),
                       util::count_of(set.impacts.size(), "impact"), util::count_of(set.fields.size(), "field"));
    if (warnings > 0) out << fmt::format(" ({})", util::count_of(warnings, "warning"));
    out << '\n';
    return true;
  } catch (const util::Error& e) {
    for (const auto& d : e.diagnostics()) problems.report(d);
    err << fmt::format("lint: {}: {}\n", path, util::count_of(e.diagnostics().size(), "problem"));
    return false;
  }
}

int run_lint(LintOptions& options, std::ostream& err) {
  bool ok = true;
  for (const std::string& path : options.sets) ok &= lint_one(path, options.strict, options.problems, err);
  options.problems.finish();
  return ok ? 0 : util::exit_code(util::ErrorKind::criteria);
}

} // namespace

std::function<int()> setup_lint(CLI::App& app) {
  auto options = std::make_shared<LintOptions>();
  app.add_option("sets", options->sets, "Criteria sets (YAML)")->required();
  app.add_flag("--strict", options->strict, "Warnings fail the check too (exit 4)");
  options->problems.declare(app);
  app.footer(R"(Checks types, rules, references, weights and the tie-break order, and that every criterion
protects an impact and every impact has an indicator and a criterion (warnings: a set without
impacts screens, but `fundscreen impact` needs them). Exit 4 on any error.
--format github writes each problem as a GitHub Actions annotation on stdout; --format sarif
writes one SARIF 2.1.0 log on stdout (the summary lines go to stderr). Exit codes as with text.

Examples:
  fundscreen lint criteria/sitra-2021.yaml
  fundscreen lint criteria/*.yaml
  fundscreen lint --strict criteria/sitra-2021.yaml    # in CI: warnings fail too
  fundscreen lint --format github criteria/*.yaml      # in a GitHub Actions step
  fundscreen lint --format sarif criteria/*.yaml > lint.sarif)"
             "\n");
  return [options] { return run_lint(*options, std::cerr); };
}

} // namespace fundscreen::cmd
