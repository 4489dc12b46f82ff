// SPDX-License-Identifier: Apache-2.0
// `fundscreen explain ID`: one application's whole trail, for a person.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "report/writer.hpp"
#include "screening_flags.hpp"
#include "util/text.hpp"

namespace fundscreen::cmd {

namespace {

struct ExplainOptions {
  std::string id;
  ScreeningFlags inputs;
};

int run_explain(const ExplainOptions& options, std::ostream& out, std::ostream& err) {
  io::ScreeningRun run(screening_inputs(options.inputs));
  for (const auto& d : run.warnings().items()) err << util::format_diagnostic(d);
  bool found = false;
  std::vector<std::string> ids;
  run.replay(core::TraceReads::yes, [&](const core::ApplicationView& view) {
    ids.push_back(view.assessed->id);
    if (view.assessed->id != options.id) return;
    report::write_explanation(run.info(), view, out, report::WriterOptions{});
    found = true;
  });
  if (found) return 0;
  std::string message = fmt::format("no application with id '{}' in the inputs", options.id);
  std::string hint = util::nearest(options.id, ids);
  if (!hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
  throw util::Error(util::ErrorKind::usage, util::Diagnostic{{}, util::Severity::error, message, {}});
}

} // namespace

std::function<int()> setup_explain(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  app.add_option("id", options->id, "The application's id")->required();
  add_screening_flags(app, options->inputs);
  app.footer(R"(Screens all the inputs (the rank depends on every application) and tells one
application's story: each criterion, the rule and the values it read, the reviewers' verdicts,
and where it stands against the funding line.

Examples:
  fundscreen explain OA-2021-072 examples/sitra-2021/applications.csv \
      --criteria criteria/sitra-2021.yaml --assessments examples/sitra-2021/assessments.csv
  fundscreen explain OA-2021-014 examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --lang fi)"
             "\n");
  return [options] { return run_explain(*options, std::cout, std::cerr); };
}

} // namespace fundscreen::cmd
