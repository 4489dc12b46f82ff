// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <ostream>

#include "core/panel_report.hpp"
#include "core/run_info.hpp"
#include "report/writer.hpp"

namespace fundscreen::report {

// Everything `reviews` reports: the run's inputs and the panel report.
struct ReviewsReport {
  const core::RunInfo* info = nullptr;
  const core::PanelReport* panel = nullptr;
};

// Writes `report` as table, csv, json or markdown (the other formats are not offered).
void write_reviews(const ReviewsReport& report, Format format, std::ostream& out);

} // namespace fundscreen::report
