// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/decision_diff.hpp"
#include "io/screening_run.hpp"

namespace fundscreen::io {

// Screens the same applications with two versions of a set and compares every decision.
// Four passes over the applications keep memory small: the old decisions (a few bytes an
// application), the new ones compared against them, then the full trails of the changed
// applications only, under each version.
core::DecisionDiff diff_decisions(const ScreeningRun& old_run, const ScreeningRun& new_run);

} // namespace fundscreen::io
