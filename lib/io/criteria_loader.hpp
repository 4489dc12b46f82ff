// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/criteria_set.hpp"
#include "util/error.hpp"

namespace fundscreen::io {

// A criteria set as far as it loaded, with every problem found in it (YAML structure, rule
// faults and the lint checks), ordered by line.
struct CriteriaCheck {
  core::CriteriaSet set;
  std::vector<util::Diagnostic> problems;
};

// Loads and checks the criteria set in YAML `text` named `source`; throws util::Error only
// when the text is not YAML at all.
CriteriaCheck check_criteria(std::string_view text, std::string_view source);

// Loads a criteria set; throws util::Error (ErrorKind::criteria) with every problem if it has any.
core::CriteriaSet parse_criteria(std::string_view text, std::string_view source);

// Reads and loads the criteria file at `path`.
core::CriteriaSet load_criteria_file(const std::string& path);

} // namespace fundscreen::io
