// SPDX-License-Identifier: Apache-2.0
#include "run/letters.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include "report/letters.hpp"
#include "report/money_text.hpp"
#include "report/summary.hpp"
#include "util/error.hpp"

namespace fundscreen::run {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(util::ErrorKind kind, util::Location where, std::string message) {
  throw util::Error(kind, util::Diagnostic{std::move(where), util::Severity::error, std::move(message), {}});
}

[[noreturn]] void fail_io(std::string_view what, const fs::path& path, int error) {
  fail(util::ErrorKind::usage, {}, fmt::format("cannot {} '{}': {}", what, path.string(), std::strerror(error)));
}

// What the output folder is now.
enum class Place { missing, ours, foreign };

bool letter_file(const fs::directory_entry& e) {
  std::string ext = e.path().extension().string();
  return e.is_regular_file() && (ext == ".md" || ext == ".html");
}

bool has_marker(const fs::path& index) {
  std::ifstream in(index);
  std::string first;
  return in && std::getline(in, first) && first == report::k_letters_marker;
}

// Whether `dir` is new, empty or an earlier run's, or holds other files (then `foreign` names
// the first of them by name).
Place place_of(const fs::path& dir, const std::string& shown, std::string& foreign) {
  std::error_code ec;
  fs::file_status status = fs::status(dir, ec);
  if (!fs::exists(status)) return Place::missing;
  if (!fs::is_directory(status))
    fail(util::ErrorKind::usage, {}, fmt::format("--output-dir '{}' is a file, not a folder; name a folder", shown));
  std::vector<fs::directory_entry> entries;
  for (const auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e);
  if (ec) fail_io("read", dir, ec.value());
  std::sort(entries.begin(), entries.end());
  bool ours = entries.empty() || has_marker(dir / "index.md");
  for (const auto& e : entries)
    if (!ours || !letter_file(e)) {
      foreign = e.path().filename().string();
      return Place::foreign;
    }
  return Place::ours;
}

// The folder the letters are made in, beside the output folder; removed with what it holds
// unless it was moved into place.
struct Staging {
  fs::path path;
  ~Staging() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) fail_io("write", path, errno ? errno : EIO);
}

std::string lowercase(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// The staging folder `from` becomes `dir`: renamed, or atomically exchanged with an existing
// one (then the old is removed), or, among foreign files, moved in file by file, index last.
void move_into_place(const fs::path& from, const fs::path& dir, Place place, Staging& staging) {
  if (place == Place::missing) {
    if (std::rename(from.c_str(), dir.c_str()) != 0) fail_io("create", dir, errno);
    staging.path.clear();
    return;
  }
  if (place == Place::ours) {
    if (renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) != 0) {
      if (errno != EINVAL && errno != ENOSYS) fail_io("replace", dir, errno);
      fs::path old = from.string() + "-old";
      if (std::rename(dir.c_str(), old.c_str()) != 0) fail_io("replace", dir, errno);
      if (std::rename(from.c_str(), dir.c_str()) != 0) fail_io("replace", dir, errno);
      std::error_code ec;
      fs::remove_all(old, ec);
    }
    return; // staging now holds the old letters, which it removes
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(from)) files.push_back(e.path().filename());
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    return std::pair(a == "index.md", a) < std::pair(b == "index.md", b);
  });
  for (const fs::path& f : files)
    if (std::rename((from / f).c_str(), (dir / f).c_str()) != 0) fail_io("write", dir / f, errno);
}

// Where the set writes the letters text `key` (sender, appeal, signature), else the section,
// else the set's file.
util::Location text_where(const core::CriteriaSet& set, std::string_view key) {
  const core::Letters& l = set.letters;
  const util::Location& at = key == "sender" ? l.sender_where : (key == "appeal" ? l.appeal_where : l.signature_where);
  const util::Location& where = at.line ? at : l.where;
  return util::Location{set.source, where.line, where.column};
}

// Warns of (or with MissingTexts::fail, throws) each text the letters lack in the run's language.
void check_texts(const core::CriteriaSet& set, const core::RunInfo& info, MissingTexts missing, const Warn& warn) {
  util::Diagnostics warnings;
  std::vector<util::Diagnostic> errors;
  for (const std::string& key : report::missing_letter_texts(set, report::lang_of(info.lang))) {
    util::Location where = text_where(set, std::string_view(key).substr(8, key.rfind('.') - 8));
    if (missing == MissingTexts::fail)
      errors.push_back(util::Diagnostic{
          where,
          util::Severity::error,
          fmt::format("the criteria set has no '{0}', which the letters in --lang {1} need (--strict); add {0} to the "
                      "set's letters section",
                      key, info.lang),
          {}});
    else
      warnings.warning(where, fmt::format("the criteria set has no '{0}': every letter shows a placeholder for it; "
                                          "add {0} to the set's letters section",
                                          key));
  }
  if (!errors.empty()) throw util::Error(util::ErrorKind::criteria, std::move(errors));
  if (!warnings.items().empty()) warn(warnings);
}

} // namespace

size_t write_letters(ScreeningInputs inputs, const LettersOutput& output, const Warn& warn) {
  fs::path dir = fs::path(output.dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  if (dir.empty() || dir == "." || dir == ".." || dir.filename() == "..") dir = fs::absolute(dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  std::string foreign;
  Place place = place_of(dir, output.dir, foreign);
  if (place == Place::foreign && output.foreign == ForeignFiles::refuse)
    fail(util::ErrorKind::input, {},
         fmt::format("--output-dir '{}' holds files fundscreen did not write ('{}'); name a new or empty folder, or "
                     "use --force to write the letters among them",
                     output.dir, foreign));

  inputs.digests = Digests::skip; // the letters print no SHA-256
  ScreeningRun run(std::move(inputs));
  warn(run.warnings());
  check_texts(run.set(), run.info(), output.missing, warn);

  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) fail_io("create", parent, ec.value());
  Staging staging{parent / fmt::format(".{}.tmp-fundscreen-{}", dir.filename().string(), getpid())};
  fs::remove_all(staging.path, ec);
  if (!fs::create_directory(staging.path, ec)) fail_io("create", staging.path, ec ? ec.value() : EEXIST);

  std::vector<report::LetterEntry> entries;
  std::map<std::string, std::pair<std::string, util::Location>> names; // lowercased file name -> id, where
  run.replay(Detail::traced, [&](const core::ApplicationView& view) {
    std::string stem = report::letter_file_stem(view.assessed->id);
    if (lowercase(stem) == "index") stem += '_';
    auto [it, fresh] = names.emplace(lowercase(stem), std::pair(view.assessed->id, view.app->where));
    if (!fresh) {
      const util::Location& first = it->second.second;
      fail(util::ErrorKind::input, view.app->where,
           fmt::format("application '{}' and application '{}' ({}line {}) would get the same letter file '{}.md'; "
                       "file names ignore case and write unsafe characters as _: make the ids differ",
                       view.assessed->id, it->second.first,
                       first.source == view.app->where.source ? "" : first.source + " ", first.line, stem));
    }
    report::Letter letter = report::write_letter(run.info(), view);
    write_text(staging.path / (stem + ".md"), letter.markdown);
    write_text(staging.path / (stem + ".html"), letter.html);
    entries.push_back({view.assessed->id, report::field_text(run.info(), *view.app, "applicant"), view.decision, stem});
  });
  write_text(staging.path / "index.md", report::letters_index(run.info(), entries));
  move_into_place(staging.path, dir, place, staging);
  return entries.size();
}

} // namespace fundscreen::run
