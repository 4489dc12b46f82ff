// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/decision_diff.hpp"
#include "core/set_diff.hpp"
#include "report/writer.hpp"

namespace fundscreen::report {

// Everything `diff` reports: the two versions, what changed in them, what changed in the
// decisions.
struct DiffReport {
  std::string old_name;
  std::string new_name;
  const core::CriteriaSet* old_set = nullptr;
  const core::CriteriaSet* new_set = nullptr;
  std::vector<core::SetChange> set_changes;
  core::DecisionDiff decisions;
};

// Writes `diff` as table, csv, json or markdown (the other formats are not offered).
void write_diff(const DiffReport& diff, Format format, std::ostream& out);

} // namespace fundscreen::report
