// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/assessment_index.hpp"
#include "core/criteria_set.hpp"
#include "core/records.hpp"
#include "io/table_reader.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::io {

// How input files are read: the CSV dialect and whether unknown columns are errors.
struct InputOptions {
  CsvOptions csv;
  Doubts doubts = Doubts::warn;
};

// Streams the applications in `path` (CSV, or YAML by extension), typed by `set`'s fields:
// each one that parsed goes to `sink`; every problem goes to `diagnostics`.
void read_applications(const std::string& path, const core::CriteriaSet& set, const InputOptions& options,
                       util::Diagnostics& diagnostics, const std::function<void(core::Application&&)>& sink);

// Streams the reviewers' assessments in `path`: each row whose application and criterion
// could be read goes to `sink`; every problem goes to `diagnostics`.
void read_assessments(const std::string& path, const InputOptions& options, util::Diagnostics& diagnostics,
                      const std::function<void(core::Assessment&&)>& sink);

// Streams the assessments in `path` into `index`, reporting each one's own problems (bad
// cells, unknown or rule criteria); returns how many rows were read.
size_t load_assessments(const std::string& path, const InputOptions& options, const core::CriteriaSet& set,
                        core::AssessmentIndex& index, util::Diagnostics& diagnostics);

// Reads the outcome reports in `path`; bad rows are reported and left out.
std::vector<core::Outcome> read_outcomes(const std::string& path, const InputOptions& options,
                                         util::Diagnostics& diagnostics);

// Reads declared conflicts of interest; a row that names neither an application nor an
// applicant is reported.
std::vector<core::Conflict> read_conflicts(const std::string& path, const InputOptions& options,
                                           util::Diagnostics& diagnostics);

} // namespace fundscreen::io
