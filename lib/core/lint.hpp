// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "core/criteria_set.hpp"
#include "util/error.hpp"

namespace fundscreen::core {

// The static checks of a loaded criteria set: unique ids, references that resolve, every
// criterion protecting an impact and every impact having an indicator and a criterion.
// Returns every problem found, ordered by line.
std::vector<util::Diagnostic> lint(const CriteriaSet& set);

} // namespace fundscreen::core
