// SPDX-License-Identifier: Apache-2.0
// The entry point of `reviews`: the panel chair's report from a screening's inputs.
#pragma once

#include <memory>

#include "core/panel_report.hpp"
#include "run/screening_run.hpp"

namespace fundscreen::run {

// A screening's inputs read and replayed into the panel report.
struct ReviewsRun {
  // The screening, which owns the set the report points into.
  std::unique_ptr<ScreeningRun> screening;
  core::PanelReport report;
};

// Screens `inputs` (ScreeningRun: the same inputs, checks and errors as `screen`) and builds
// the panel report from every application's trail. Throws util::Error as ScreeningRun does.
ReviewsRun reviews(ScreeningInputs inputs);

} // namespace fundscreen::run
