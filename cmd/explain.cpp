// SPDX-License-Identifier: Apache-2.0
// `fundscreen explain ID`: one application's whole trail, for a person.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "report/writer.hpp"
#include "run/screen.hpp"
#include "screening_flags.hpp"

namespace fundscreen::cmd {

namespace {

struct ExplainOptions {
  std::string id;
  ScreeningFlags inputs;
};

int run_explain(const ExplainOptions& options, std::ostream& out, std::ostream& err) {
  run::explain(
      screening_inputs(options.inputs), options.id,
      [&](const util::Diagnostics& warnings) {
        for (const auto& d : warnings.items()) err << util::format_diagnostic(d);
      },
      [&](const core::RunInfo& info, const core::ApplicationView& view) {
        report::write_explanation(info, view, out, report::WriterOptions{});
      });
  return 0;
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
