// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/criteria_set.hpp"
#include "core/lint.hpp"
#include "util/error.hpp"

namespace fundscreen::io {

// A criteria set as far as it loaded, with every problem found in it (YAML structure, rule
// faults and the lint checks, some of them warnings), ordered by line.
struct CriteriaCheck {
  core::CriteriaSet set;
  std::vector<util::Diagnostic> problems;
};

// Loads and checks the criteria set in YAML `text` named `source`; throws util::Error only
// when the text is not YAML at all.
CriteriaCheck check_criteria(std::string_view text, std::string_view source,
                             core::SetUse use = core::SetUse::screening);

// Loads a criteria set for `use`; throws util::Error (ErrorKind::criteria) with every problem
// if any is an error (warnings are not shown: `lint` shows them).
core::CriteriaSet parse_criteria(std::string_view text, std::string_view source,
                                 core::SetUse use = core::SetUse::screening);

// Reads and loads the criteria file at `path`.
core::CriteriaSet load_criteria_file(const std::string& path, core::SetUse use = core::SetUse::screening);

} // namespace fundscreen::io
