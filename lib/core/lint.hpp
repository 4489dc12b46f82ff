// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "core/criteria_set.hpp"
#include "util/error.hpp"

namespace fundscreen::core {

// What a criteria set is loaded for. Impacts are optional for screening, so that a call can
// be screened before its impacts are written; `fundscreen impact` needs them.
enum class SetUse { screening, impact };

// The static checks of a loaded criteria set: unique ids, references that resolve, the
// funding amount field, every criterion protecting an impact and every impact having an
// indicator and a criterion. The impact checks are warnings for SetUse::screening and
// errors for SetUse::impact. Returns every finding, ordered by line.
std::vector<util::Diagnostic> lint(const CriteriaSet& set, SetUse use = SetUse::screening);

} // namespace fundscreen::core
