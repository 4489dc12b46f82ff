// SPDX-License-Identifier: Apache-2.0
// `fundscreen letters --output-dir DIR`: one decision letter per application, for the applicants.
#include "run/letters.hpp"

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "screening_flags.hpp"

namespace fundscreen::cmd {

namespace {

struct LettersOptions {
  ScreeningFlags inputs;
  std::string output_dir;
  bool force = false;
};

int run_letters(const LettersOptions& options, std::ostream& out, std::ostream& err) {
  run::LettersOutput output{options.output_dir, options.force ? run::ForeignFiles::keep : run::ForeignFiles::refuse,
                            options.inputs.input.strict ? run::MissingTexts::fail : run::MissingTexts::warn};
  size_t n = run::write_letters(screening_inputs(options.inputs), output, [&](const util::Diagnostics& warnings) {
    for (const auto& d : warnings.items()) err << util::format_diagnostic(d);
  });
  out << fmt::format("wrote {} letter{} (.md and .html) and index.md to {}\n", n, n == 1 ? "" : "s",
                     options.output_dir);
  return 0;
}

} // namespace

std::function<int()> setup_letters(CLI::App& app) {
  auto options = std::make_shared<LettersOptions>();
  add_screening_flags(app, options->inputs);
  app.add_option("--output-dir,-o", options->output_dir, "The folder for the letters (created if missing)")->required();
  app.add_flag(
      "--force", options->force,
      "Write the letters into a folder that holds other files, leaving those files alone (a file of a letter's "
      "name, or index.md, is replaced)");
  app.footer(R"(Screens as 'screen' does and writes a letter to each applicant in --lang: the decision
in plain words (the amount granted; the rank and the funding line; what needs clarifying or
awaits review; every criterion failed), then every criterion with its result, its reason and
the values its rule read, how to ask for a review, and the signature. The sender, signature,
appeal instructions and contact come from the set's letters section; a text missing in the
language shows as a placeholder in the letters and a warning here (with --strict, an error).
Writes DIR/ID.md and DIR/ID.html for every application and DIR/index.md listing them. An id
that is not a safe file name (/ \ : * ? " < > | or control characters, a leading dot, over 100
bytes, 'index') gets a safe one, which the index marks; two ids whose file names differ only
in case are an error. The letters are made in a temporary folder beside DIR and moved into
place at the end: a failed run leaves DIR as it was. DIR must be new, empty or written by an
earlier 'letters' run (then it is replaced whole); with --force the letters are written among
other files, which stay. The letter's date is the run's timestamp (--timestamp or
SOURCE_DATE_EPOCH); without one the letters show a placeholder for it.
Exit codes: 0 written, 2 usage, 3 bad input or a folder with other files, 4 bad criteria set.

Examples:
  fundscreen letters examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --lang fi --timestamp 2021-05-12 --output-dir kirjeet
  fundscreen letters hakemukset.csv -c set.yaml -a arviot.csv --lang sv --strict -o brev)"
             "\n");
  return [options] { return run_letters(*options, std::cout, std::cerr); };
}

} // namespace fundscreen::cmd
