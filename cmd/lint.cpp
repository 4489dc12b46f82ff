// SPDX-License-Identifier: Apache-2.0
// `fundscreen lint`: the static checks of criteria sets.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "io/criteria_loader.hpp"
#include "io/file.hpp"
#include "util/text.hpp"

namespace fundscreen::cmd {

namespace {

struct LintOptions {
  std::vector<std::string> sets;
};

// Checks one set; true if it has no problem.
bool lint_one(const std::string& path, std::ostream& out, std::ostream& err) {
  try {
    io::CriteriaCheck check = io::check_criteria(io::read_file(path, util::ErrorKind::criteria), path);
    for (const auto& d : check.problems) err << util::format_diagnostic(d);
    if (!check.problems.empty()) {
      err << fmt::format("lint: {}: {}\n", path, util::count_of(check.problems.size(), "problem"));
      return false;
    }
    const core::CriteriaSet& set = check.set;
    out << fmt::format("ok: {}: {} version {}, {}, {}, {}\n", path, set.id, set.version,
                       util::count_of(set.criteria.size(), "criterion", "criteria"),
                       util::count_of(set.impacts.size(), "impact"), util::count_of(set.fields.size(), "field"));
    return true;
  } catch (const util::Error& e) {
    for (const auto& d : e.diagnostics()) err << util::format_diagnostic(d);
    err << fmt::format("lint: {}: {}\n", path, util::count_of(e.diagnostics().size(), "problem"));
    return false;
  }
}

int run_lint(const LintOptions& options, std::ostream& out, std::ostream& err) {
  bool ok = true;
  for (const std::string& path : options.sets) ok &= lint_one(path, out, err);
  return ok ? 0 : util::exit_code(util::ErrorKind::criteria);
}

} // namespace

std::function<int()> setup_lint(CLI::App& app) {
  auto options = std::make_shared<LintOptions>();
  app.add_option("sets", options->sets, "Criteria sets (YAML)")->required();
  app.footer(R"(Checks types, rules, references, weights and the tie-break order, and that every criterion
protects an impact and every impact has an indicator and a criterion. Exit 4 on any problem.

Examples:
  fundscreen lint criteria/sitra-2021.yaml
  fundscreen lint criteria/*.yaml)"
             "\n");
  return [options] { return run_lint(*options, std::cout, std::cerr); };
}

} // namespace fundscreen::cmd
