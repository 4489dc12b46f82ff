// SPDX-License-Identifier: Apache-2.0
// The command line: one table of subcommands and the single place where an error becomes a
// message and an exit code.
#include <array>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace {

struct Subcommand {
  const char* name;
  const char* summary;
  fundscreen::cmd::Setup setup;
};

const std::array<Subcommand, 11> k_subcommands = {{
    {"screen", "Screen applications: decisions, ranking, funding line, audit trail", fundscreen::cmd::setup_screen},
    {"explain", "Explain one application's decision criterion by criterion", fundscreen::cmd::setup_explain},
    {"report", "A self-contained HTML report for a board: lists, funding line, charts, every application",
     fundscreen::cmd::setup_report},
    {"letters", "Write a decision letter to each applicant (Markdown and HTML)", fundscreen::cmd::setup_letters},
    {"diff", "Compare two versions of a criteria set: changes and the decisions they flip",
     fundscreen::cmd::setup_diff},
    {"impact", "After the funding: did each criterion deliver the impact it protects? (outcome reports)",
     fundscreen::cmd::setup_impact},
    {"reviews", "Before the panel meets: owed assessments, disagreements, agreement (Krippendorff's alpha)",
     fundscreen::cmd::setup_reviews},
    {"validate", "Check applications, assessments and outcomes against a criteria set",
     fundscreen::cmd::setup_validate},
    {"verify", "Check a sealed json or jsonl trail: its chain, signature, and (given the inputs) its decisions",
     fundscreen::cmd::setup_verify},
    {"lint", "Check criteria sets: types, rules, references, impacts", fundscreen::cmd::setup_lint},
    {"init", "Start a new call: a commented criteria set and the inputs' header rows", fundscreen::cmd::setup_init},
}};

// True for a subcommand name or one of the top-level options.
bool known_first_argument(std::string_view word) {
  if (word == "-h" || word == "--help" || word == "--version") return true;
  for (const Subcommand& s : k_subcommands)
    if (word == s.name) return true;
  return false;
}

int run(int argc, char** argv) {
  CLI::App app("fundscreen: screen the applications to a funding call against its criteria", "fundscreen");
  app.set_version_flag("--version", FUNDSCREEN_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'fundscreen COMMAND --help' for a command's options and examples.\n");
  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (const Subcommand& s : k_subcommands) {
    CLI::App* sub = app.add_subcommand(s.name, s.summary);
    runners.emplace_back(sub, s.setup(*sub));
  }
  if (argc > 1 && !known_first_argument(argv[1])) {
    std::string word = argv[1];
    std::string what = word.starts_with("-") ? "option" : "command";
    std::vector<std::string> names;
    for (const Subcommand& s : k_subcommands) names.emplace_back(s.name);
    std::string hint = fundscreen::util::nearest(word, names);
    std::cerr << "fundscreen: error: unknown " << what << " '" << word << "'; "
              << (hint.empty() ? "run 'fundscreen --help' for the commands" : "did you mean '" + hint + "'?") << '\n';
    return fundscreen::util::exit_code(fundscreen::util::ErrorKind::usage);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : fundscreen::util::exit_code(fundscreen::util::ErrorKind::usage);
  }
  for (auto& [sub, runner] : runners)
    if (sub->parsed()) return runner();
  return fundscreen::util::exit_code(fundscreen::util::ErrorKind::usage);
}

} // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const fundscreen::util::Error& e) {
    for (const auto& d : e.diagnostics()) std::cerr << fundscreen::util::format_diagnostic(d);
    return fundscreen::util::exit_code(e.kind());
  } catch (const std::exception& e) {
    std::cerr << "fundscreen: internal error: " << e.what() << '\n';
    return 70;
  }
}
