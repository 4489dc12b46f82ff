// SPDX-License-Identifier: Apache-2.0
// The entry points of `screen` and `explain`: a whole screening, from the inputs to the writer.
#pragma once

#include <functional>
#include <string>

#include "core/run_info.hpp"
#include "report/writer.hpp"
#include "run/screening_run.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::run {

// Gets the warnings found while loading the inputs (for stderr), before any output.
using Warn = std::function<void(const util::Diagnostics& warnings)>;

// Screens `inputs` into `writer` (begin(), every application, end()), as the writer needs():
// the run chooses the reading and the second pass from that, and computes the inputs'
// SHA-256 only if the writer shows them. Returns the run's metadata with the counts by
// decision. Throws util::Error as ScreeningRun does, before the writer is begun.
core::RunInfo screen(ScreeningInputs inputs, report::Writer& writer, const Warn& warn);

// Screens `inputs` (the rank depends on every application) and shows the application `id`
// with its whole trail. Throws util::Error (usage) if no application has that id, with the
// nearest id.
void explain(ScreeningInputs inputs, const std::string& id, const Warn& warn,
             const std::function<void(const core::RunInfo&, const core::ApplicationView&)>& show);

} // namespace fundscreen::run
