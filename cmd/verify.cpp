// SPDX-License-Identifier: Apache-2.0
// `fundscreen verify`: is a sealed trail the one fundscreen wrote, and do its inputs still
// give its decisions?
#include "run/verify.hpp"

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "report/verify_writer.hpp"
#include "screening_flags.hpp"

namespace fundscreen::cmd {

namespace {

struct VerifyOptions {
  std::string trail;
  std::string public_key;
  std::string format = "table";
  ScreeningFlags inputs;
};

[[noreturn]] void usage_error(const std::string& message) {
  throw util::Error(util::ErrorKind::usage, util::Diagnostic{{}, util::Severity::error, message, {}});
}

int run_verify(const VerifyOptions& options, std::ostream& out, std::ostream& err) {
  run::VerifyInputs inputs{options.trail, options.public_key, std::nullopt};
  const ScreeningFlags& flags = options.inputs;
  bool any_input = !flags.criteria.empty() || !flags.assessments.empty() || !flags.conflicts.empty() ||
                   !flags.reviewers.empty() || !flags.resolutions.empty();
  if (!flags.applications.empty() && flags.criteria.empty())
    usage_error("re-screening the applications needs their criteria set; add --criteria SET");
  if (flags.applications.empty() && any_input)
    usage_error("the inputs are checked with the applications; give the applications files after the trail");
  if (!flags.applications.empty()) inputs.screening = screening_inputs(flags);
  run::Verification verification = run::verify(std::move(inputs), [&](const util::Diagnostics& warnings) {
    for (const auto& d : warnings.items()) err << util::format_diagnostic(d);
  });
  auto format = options.format == "json" ? report::VerifyFormat::json : report::VerifyFormat::table;
  report::write_verification(out, options.trail, verification.check, verification.rescreened, format);
  return verification.check.findings.empty() ? 0 : 1;
}

} // namespace

std::function<int()> setup_verify(CLI::App& app) {
  auto options = std::make_shared<VerifyOptions>();
  app.add_option("trail", options->trail, "The trail: json or jsonl written by fundscreen screen")->required();
  add_screening_flags(app, options->inputs);
  // Here the inputs are optional, and the timestamp and language are the trail's own.
  app.get_option("applications")->required(false)->description("Application files, to re-screen (optional)");
  app.get_option("--criteria")->required(false);
  app.remove_option(app.get_option("--lang"));
  app.remove_option(app.get_option("--timestamp"));
  app.add_option("--public-key", options->public_key,
                 "The Ed25519 public key (PEM) the trail must be signed by: proves who sealed it");
  app.add_option("--format,-f", options->format, "Output: table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  app.footer(R"(Checks the hash chain of the trail's units against its seal and the seal's signature, and
names each line (or json member) changed, removed, inserted or moved, and a trail cut short.
Without --public-key a signed trail is checked with the key in its own seal, which proves
only that the trail is whole; --public-key proves who sealed it.
With the applications and the other inputs, also checks each input's SHA-256 against the
trail's, screens them again with the trail's timestamp and language, and names every
application whose recorded decision, rank or trail differs.
Exit codes: 0 verified, 1 not verified (every finding printed), 2 usage, 3 unreadable trail
or input, 4 bad criteria set.

Examples:
  openssl genpkey -algorithm ed25519 -out seal.pem && chmod 600 seal.pem
  openssl pkey -in seal.pem -pubout -out seal.pub
  fundscreen screen examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv --format jsonl --seal seal.pem --output trail.jsonl
  fundscreen verify trail.jsonl --public-key seal.pub
  fundscreen verify trail.jsonl examples/sitra-2021/applications.csv -c criteria/sitra-2021.yaml \
      -a examples/sitra-2021/assessments.csv)"
             "\n");
  return [options] { return run_verify(*options, std::cout, std::cerr); };
}

} // namespace fundscreen::cmd
