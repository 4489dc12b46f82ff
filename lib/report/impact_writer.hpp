// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/impact.hpp"
#include "core/run_info.hpp"
#include "report/writer.hpp"

namespace fundscreen::report {

// Everything `impact` reports: what was read and what each impact and criterion delivered.
struct ImpactReport {
  std::string tool_version;
  const core::CriteriaSet* set = nullptr;
  std::string criteria_path;
  std::string criteria_sha256;
  std::vector<core::InputFile> inputs;
  // True when a screening decided which projects count (only funded ones).
  bool screened = false;
  const core::ImpactAssessment* assessment = nullptr;
  // The language of criteria titles: fi, sv or en.
  std::string lang = "en";
};

// Writes `report` as table, csv, json or markdown (the other formats are not offered).
void write_impact(const ImpactReport& report, Format format, std::ostream& out, WriterOptions options);

} // namespace fundscreen::report
