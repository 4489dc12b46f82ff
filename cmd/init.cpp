// SPDX-License-Identifier: Apache-2.0
// `fundscreen init`: a new call's directory with a commented criteria set (or a copy of
// another), and the header rows of its applications, assessments and roster.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "core/records.hpp"
#include "init_templates.hpp"
#include "io/criteria_loader.hpp"
#include "io/file.hpp"
#include "report/escape.hpp"

namespace fundscreen::cmd {

namespace {

namespace fs = std::filesystem;

struct InitOptions {
  std::string dir;
  std::string from;
};

[[noreturn]] void usage_error(std::string message) {
  throw util::Error(util::ErrorKind::usage, util::Diagnostic{{}, util::Severity::error, std::move(message), {}});
}

// A CSV header row of the columns `fields` are read from (a field's first `column`, else its name).
std::string header_row(std::span<const core::FieldSpec> fields) {
  std::string row;
  for (const core::FieldSpec& f : fields) {
    if (!row.empty()) row += ',';
    report::append_csv_cell(row, core::field_headers(f).front());
  }
  return row + '\n';
}

// Where the installed files are: ../share beside the binary when the schema is there (any
// prefix, a .deb's /usr among them), else the prefix the build was configured with.
struct Installed {
  std::string schema;
  std::string doc;
};

Installed installed() {
  std::error_code ec;
  fs::path share = fs::read_symlink("/proc/self/exe", ec).parent_path().parent_path() / "share";
  fs::path schema = share / "fundscreen/schema/criteria-set.schema.json";
  if (!ec && fs::exists(schema, ec)) return {schema.lexically_normal().string(), (share / "doc/fundscreen").string()};
  return {std::string(FUNDSCREEN_DATADIR) + "/fundscreen/schema/criteria-set.schema.json", FUNDSCREEN_DOCDIR};
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

void write(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush())
    throw util::Error(util::ErrorKind::usage,
                      util::Diagnostic{{path.string()}, util::Severity::error, "cannot write the file", {}});
}

// The directory to write into: new, or existing and empty.
void check_dir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return;
  if (!fs::is_directory(dir, ec))
    usage_error(fmt::format("'{}' is a file, not a directory; give init a new or empty directory", dir.string()));
  if (!fs::is_empty(dir, ec))
    usage_error(fmt::format("'{}' is not empty; init writes a new call only into a new or empty directory, so "
                            "that nothing is overwritten",
                            dir.string()));
}

int run_init(const InitOptions& options, std::ostream& out) {
  fs::path dir(options.dir);
  check_dir(dir);
  std::string set_text;
  std::string_view readme;
  for (const Template& t : init_templates()) {
    if (t.name == "criteria.yaml") {
      Installed paths = installed();
      set_text =
          replaced(replaced(std::string(t.text), "@FUNDSCREEN_SCHEMA@", paths.schema), "@FUNDSCREEN_DOC@", paths.doc);
    }
    if (t.name == "README.md") readme = t.text;
  }
  std::string set_source = "criteria.yaml";
  if (!options.from.empty()) {
    set_text = io::read_file(options.from, util::ErrorKind::criteria);
    set_source = options.from;
  }
  // The set must load (a copy with errors would start the call broken); its fields give the
  // applications' header.
  core::CriteriaSet set = io::parse_criteria(set_text, set_source);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) usage_error(fmt::format("cannot create the directory '{}': {}", dir.string(), ec.message()));
  std::vector<std::pair<std::string, std::string>> files = {
      {"criteria.yaml", set_text},
      {"applications.csv", header_row(set.fields)},
      {"assessments.csv", header_row(core::assessment_fields())},
      {"reviewers.csv", header_row(core::roster_fields())},
      {"README.md", std::string(readme)},
  };
  for (const auto& [name, text] : files) write(dir / name, text);
  std::string d = dir.string();
  out << fmt::format("wrote {0}/criteria.yaml, {0}/applications.csv, {0}/assessments.csv, {0}/reviewers.csv and "
                     "{0}/README.md\n",
                     d);
  out << fmt::format("next: edit {0}/criteria.yaml, then\n  fundscreen lint {0}/criteria.yaml\n  fundscreen screen "
                     "{0}/applications.csv -c {0}/criteria.yaml -a {0}/assessments.csv --reviewers {0}/reviewers.csv\n",
                     d);
  return 0;
}

} // namespace

std::function<int()> setup_init(CLI::App& app) {
  auto options = std::make_shared<InitOptions>();
  app.add_option("dir", options->dir, "The new call's directory (new, or empty)")->required();
  app.add_option("--from", options->from, "Start from this criteria set (a copy) instead of the commented example");
  app.footer(R"(Writes a starting call into DIR: criteria.yaml (a commented criteria set with one criterion
of each kind, or a copy of the set given with --from), applications.csv (the header row of the
set's fields), assessments.csv and reviewers.csv (their header rows) and a README.md. DIR must
be new or empty: init never overwrites a file. The result lints clean and screens.
Exit codes: 0 written, 2 usage (DIR not empty), 4 the set given with --from has errors.

Examples:
  fundscreen init my-call
  fundscreen init my-call --from criteria/sitra-2021.yaml
  fundscreen init my-call --from /usr/share/fundscreen/criteria/sitra-2021.yaml)"
             "\n");
  return [options] { return run_init(*options, std::cout); };
}

} // namespace fundscreen::cmd
