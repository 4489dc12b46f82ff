// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment_index.hpp"
#include "core/criteria_set.hpp"
#include "core/cross_check.hpp"
#include "core/records.hpp"
#include "core/roster.hpp"
#include "io/table_reader.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::io {

class Sha256;

// How input files are read: the CSV dialect and whether unknown columns are errors.
struct InputOptions {
  CsvOptions csv;
  Doubts doubts = Doubts::warn;
  // The sheet read from each Excel workbook (--sheet); empty for the first.
  std::string sheet;
};

// How a loader of `record`s (a word for messages: "outcome") reads its table with `options`;
// `key` is the list's key in a YAML file. One place, so every loader honours every option.
TableOptions table_options(const InputOptions& options, std::string record, std::string key);

// Each loader below takes a `digest` that, if given, is fed the bytes of `path` as they are
// read and parsed (read_table_file): after the call it holds the SHA-256 of what was read.

// Streams the applications in `path` (CSV, or YAML by extension), typed by `set`'s fields:
// each one that parsed goes to `sink`; every problem goes to `diagnostics`.
void read_applications(const std::string& path, const core::CriteriaSet& set, const InputOptions& options,
                       util::Diagnostics& diagnostics, const std::function<void(core::Application&&)>& sink,
                       Sha256* digest = nullptr);

// Streams the reviewers' assessments in `path`: each row whose application and criterion
// could be read goes to `sink`; every problem goes to `diagnostics`, a score outside `set`'s
// scale among them. The verdict column is optional when a criterion of `set` has a
// pass_score (its rows may give a score alone).
void read_assessments(const std::string& path, const InputOptions& options, const core::CriteriaSet& set,
                      util::Diagnostics& diagnostics, const std::function<void(core::Assessment&&)>& sink,
                      Sha256* digest = nullptr);

// Streams the assessments in `path` into `index`, reporting each one's own problems (bad
// cells, unknown or rule criteria, a verdict missing or contradicting its score, and with a
// `roster` a reviewer not on it or not on it for that criterion); returns how many rows were
// read.
size_t load_assessments(const std::string& path, const InputOptions& options, const core::CriteriaSet& set,
                        const core::Roster* roster, core::AssessmentIndex& index, util::Diagnostics& diagnostics,
                        Sha256* digest = nullptr);

// Reads the call's roster of reviewers in `path` (CSV, or YAML under `reviewers:`) and checks
// it (ids unique, criteria of `set`); every problem goes to `diagnostics`. Nothing if the file
// could not be read whole (unreadable, a column missing, a bad row): reviewers checked
// against part of a roster would each be an error of their own.
std::optional<core::Roster> read_roster(const std::string& path, const InputOptions& options,
                                        const core::CriteriaSet& set, util::Diagnostics& diagnostics,
                                        Sha256* digest = nullptr);

// Reads the outcome reports in `path`: a row without its application is left out; a cell that
// cannot be read is reported (an error, which stops the run) and kept as missing.
std::vector<core::Outcome> read_outcomes(const std::string& path, const InputOptions& options,
                                         util::Diagnostics& diagnostics, Sha256* digest = nullptr);

// Reads declared conflicts of interest; a row that names neither an application nor an
// applicant is reported.
std::vector<core::Conflict> read_conflicts(const std::string& path, const InputOptions& options,
                                           util::Diagnostics& diagnostics, Sha256* digest = nullptr);

// Without a `roster`: reports reviewers named so alike in the assessments of `assessments` that
// they are likely one person misspelt (core::check_similar_reviewers), as warnings, or errors
// when `options` reject doubtful input (--strict). With a roster it has checked every name.
void report_similar_reviewers(const core::AssessmentIndex& assessments, const core::Roster* roster,
                              const InputOptions& options, util::Diagnostics& diagnostics);

// Reports what `check` finds wrong with the conflicts against the application ids `ids`;
// if a conflict's applicant is missing, reads the applications in `paths` again (not
// standard input, which cannot be read twice) for a "did you mean".
void report_conflicts(core::ConflictCheck& check, const core::IdRegistry& ids, const std::vector<std::string>& paths,
                      const core::CriteriaSet& set, const InputOptions& options, util::Diagnostics& diagnostics);

} // namespace fundscreen::io
