// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "input_options.hpp"
#include "run/screening_run.hpp"

namespace fundscreen::cmd {

// The inputs of every command that screens: applications, the set, reviews, conflicts.
struct ScreeningFlags {
  std::vector<std::string> applications;
  std::string criteria;
  std::vector<std::string> assessments;
  std::vector<std::string> conflicts;
  std::string reviewers;
  std::string resolutions;
  std::string lang; // empty: the set's lang, else en
  std::string timestamp;
  InputFlags input;
};

// Whether a command takes the set as --criteria (diff takes two sets as arguments instead).
enum class CriteriaOption { required, absent };

// Declares the screening inputs on `app`.
void add_screening_flags(CLI::App& app, ScreeningFlags& flags, CriteriaOption criteria = CriteriaOption::required);

// The run's inputs; the timestamp comes from --timestamp or SOURCE_DATE_EPOCH, else none.
run::ScreeningInputs screening_inputs(const ScreeningFlags& flags);

} // namespace fundscreen::cmd
