// SPDX-License-Identifier: Apache-2.0
// The files of a call that every command reading a screening names, in one place, so that a
// new kind of input is added once for screen, explain, diff, impact, reviews and validate.
#pragma once

#include <string>
#include <vector>

#include "io/record_loaders.hpp"

namespace fundscreen::run {

struct CallFiles {
  std::vector<std::string> applications;
  std::string criteria;
  std::vector<std::string> assessments;
  std::vector<std::string> conflicts;
  // The call's roster of reviewers, or empty: none.
  std::string reviewers;
  // The resolutions taken after the screening (core::Resolution), or empty: none.
  std::string resolutions;
  io::InputOptions input;
};

} // namespace fundscreen::run
