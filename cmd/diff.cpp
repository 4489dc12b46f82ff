// SPDX-License-Identifier: Apache-2.0
// `fundscreen diff OLD NEW`: what a new version of a criteria set changes, in the set and in
// the decisions over the same applications.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "core/set_diff.hpp"
#include "io/diff_run.hpp"
#include "io/file.hpp"
#include "report/diff_writer.hpp"
#include "screening_flags.hpp"

namespace fundscreen::cmd {

namespace {

struct DiffOptions {
  std::string old_set;
  std::string new_set;
  ScreeningFlags inputs;
  std::string format = "table";
  bool fail_on_change = false;
};

util::Error criteria_error(std::string message) {
  return util::Error(util::ErrorKind::criteria, util::Diagnostic{{}, util::Severity::error, std::move(message), {}});
}

// `git show REV:path`, for a version named from the repository's history.
std::string git_show(const std::string& spec) {
  std::string quoted = "'";
  for (char c : spec) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  FILE* pipe = popen(("git show " + quoted + " 2>&1").c_str(), "r");
  if (!pipe) throw criteria_error(fmt::format("cannot run git to read '{}'", spec));
  std::string text;
  char buffer[4096];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, n);
  int status = pclose(pipe);
  if (status != 0) {
    std::string reason = text.substr(0, text.find('\n'));
    throw criteria_error(fmt::format("cannot read '{}' from git: {}", spec, reason));
  }
  return text;
}

// The text of a version: a file, or REV:path read from git when no such file exists.
std::string version_text(const std::string& name) {
  if (std::filesystem::exists(name) || name.find(':') == std::string::npos)
    return io::read_file(name, util::ErrorKind::criteria);
  return git_show(name);
}

int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err) {
  io::ScreeningInputs old_inputs = screening_inputs(options.inputs);
  io::ScreeningInputs new_inputs = old_inputs;
  old_inputs.criteria = options.old_set;
  old_inputs.criteria_text = version_text(options.old_set);
  new_inputs.criteria = options.new_set;
  new_inputs.criteria_text = version_text(options.new_set);
  io::ScreeningRun old_run(std::move(old_inputs));
  io::ScreeningRun new_run(std::move(new_inputs));
  for (const auto& d : new_run.warnings().items()) err << util::format_diagnostic(d);
  report::DiffReport diff{options.old_set,
                          options.new_set,
                          &old_run.set(),
                          &new_run.set(),
                          core::diff_sets(old_run.set(), new_run.set()),
                          io::diff_decisions(old_run, new_run)};
  report::write_diff(diff, *report::parse_format(options.format), out);
  return options.fail_on_change && diff.decisions.decisions_changed > 0 ? 1 : 0;
}

} // namespace

std::function<int()> setup_diff(CLI::App& app) {
  auto options = std::make_shared<DiffOptions>();
  app.add_option("old", options->old_set, "The old criteria set: a file, or REV:path from git")->required();
  app.add_option("new", options->new_set, "The new criteria set: a file, or REV:path from git")->required();
  add_screening_flags(app, options->inputs, CriteriaOption::absent);
  app.add_option("--format,-f", options->format, "Output: table (default), csv, json, markdown")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown"}));
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
