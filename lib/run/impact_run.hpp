// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/impact.hpp"
#include "core/run_info.hpp"
#include "io/record_loaders.hpp"
#include "run/call_files.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::run {

// What `impact` reads: the set, the outcome reports, and optionally the screening that says
// which projects were funded (the applications, with what screens them).
struct ImpactInputs : CallFiles {
  std::vector<std::string> outcomes;
};

// The outcome reports checked against the set's impacts.
struct ImpactRun {
  std::unique_ptr<core::CriteriaSet> set;
  std::string criteria_path;
  std::string criteria_sha256;
  std::vector<core::InputFile> inputs;
  // True when applications were screened, so that only funded projects count.
  bool screened = false;
  std::vector<core::Outcome> outcomes;
  std::vector<core::Project> projects;
  core::ImpactAssessment assessment;
  // Warnings for stderr: unknown columns, funded projects that sent no report.
  util::Diagnostics warnings;
};

// Loads everything and evaluates the impacts. Throws util::Error: criteria for a bad set,
// input for bad reports (with every problem found), among them a report of a project that
// the screening does not fund.
ImpactRun impact(const ImpactInputs& inputs);

} // namespace fundscreen::run
