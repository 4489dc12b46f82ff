// SPDX-License-Identifier: Apache-2.0
// The entry point of `validate`: every input checked against a criteria set, every problem
// collected.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/record_loaders.hpp"
#include "run/call_files.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::run {

// What `validate` reads.
struct ValidateInputs : CallFiles {
  std::vector<std::string> outcomes;
};

// What `validate` found.
struct Validation {
  std::string set_id;
  std::string set_version;
  // Every problem, sorted by place.
  util::Diagnostics problems;
  size_t applications = 0;
  size_t assessments = 0;
  size_t outcomes = 0;
  size_t conflicts = 0;
  size_t resolutions = 0;
  // The reviewers on the roster, if one was given and read whole.
  std::optional<size_t> roster;
  // Without a roster: each reviewer the assessments name, with their number of assessments,
  // sorted by name.
  std::vector<std::pair<std::string, size_t>> reviewers;
};

// Reads the roster and the conflicts first (the applications are checked against them as
// they stream), then the applications, assessments and outcome reports; the roster's and the
// conflicts' problems are listed after the applications', as on the command line. Throws
// util::Error (criteria) for a bad set.
Validation validate(const ValidateInputs& inputs);

} // namespace fundscreen::run
