// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "input_options.hpp"
#include "io/screening_run.hpp"

namespace fundscreen::cmd {

// The inputs of every command that screens: applications, the set, reviews, conflicts.
struct ScreeningFlags {
  std::vector<std::string> applications;
  std::string criteria;
  std::vector<std::string> assessments;
  std::vector<std::string> conflicts;
  std::string lang = "en";
  std::string timestamp;
  InputFlags input;
};

// Declares the screening inputs on `app`; `positional` names the applications argument.
void add_screening_flags(CLI::App& app, ScreeningFlags& flags);

// The run's inputs; the timestamp comes from --timestamp or SOURCE_DATE_EPOCH, else none.
io::ScreeningInputs screening_inputs(const ScreeningFlags& flags);

} // namespace fundscreen::cmd
