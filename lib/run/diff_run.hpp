// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>

#include "core/decision_diff.hpp"
#include "report/diff_writer.hpp"
#include "run/screen.hpp"
#include "run/screening_run.hpp"

namespace fundscreen::run {

// Screens the same applications with two versions of a set and compares every decision.
// Four passes over the applications keep memory small: the old decisions (a few bytes an
// application), the new ones compared against them, then the full trails of the changed
// applications only, under each version.
core::DecisionDiff diff_decisions(const ScreeningRun& old_run, const ScreeningRun& new_run);

// What `diff` reads: two versions of a set, each a file or `REV:path` from git, and the
// screening's other inputs (whose `criteria` is ignored).
struct DiffInputs {
  std::string old_set;
  std::string new_set;
  ScreeningInputs screening;
};

// Screens the applications with both versions and hands `write` what changed in the set and
// in the decisions; the warnings are the new version's. Throws util::Error as ScreeningRun
// does, and criteria when a version cannot be read.
void diff(const DiffInputs& inputs, const Warn& warn, const std::function<void(const report::DiffReport&)>& write);

} // namespace fundscreen::run
