// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/run_info.hpp"
#include "i18n/i18n.hpp"

namespace fundscreen::report {

// The text of the application's field `name` for display: a string as it is, another
// value as the audit trail shows it, and empty when the set has no such field or it is missing.
std::string field_text(const core::RunInfo& info, const core::Application& app, std::string_view name);

// Why an application awaits clarification or review, one line per criterion behind the
// decision: `C2: the reviewers disagree: 1 pass, 1 fail`. Empty for other decisions.
std::vector<std::string> criterion_reasons(const core::Assessed& assessed, core::Decision decision);

// The short reason with the criteria's reasons in brackets, for a one-line message:
// `unclear C2 (C2: the reviewers disagree: 1 pass, 1 fail)`.
std::string reason_line(const core::Assessed& assessed, core::Decision decision);

// What the table and the Markdown memo keep of an application until end(): small, since
// they keep one for every application (a rejected one keeps no title and no reasons).
struct Summary {
  std::string id;
  std::string applicant;
  std::string title;
  core::Decision decision = core::Decision::pending;
  std::string decided_by;
  // For clarify and pending criterion_reasons(); a rejection's decided_by names its failed criteria.
  std::vector<std::string> details;
  // Eligible applications only.
  int rank = 0;
  std::optional<core::Score> score;
  core::Money amount;
  core::Money cumulative;
  // With resolutions: the screening's decision, and the application's resolution or null
  // (then decided_by tells the resolution, details end with its reason).
  core::Decision screened = core::Decision::pending;
  const core::Resolution* resolution =
      nullptr; // With pools: the index of the application's pool in the set's pools, else -1.
  int pool = -1;
};

// With resolutions, the decision as the table shows it in `lang`: `fund (resolved; screened
// clarify)`, `fund (screened reserve)`; else the decision's word.
std::string decision_with_screening(i18n::Lang lang, const Summary& s);

// The summary of `view` in the run's language; the title is kept only when `keep_title` is set.
enum class KeepTitle { no, yes };
Summary summarize(const core::RunInfo& info, const core::ApplicationView& view, KeepTitle keep_title);

// The eligible summaries in rank order (pool by pool, with pools), then the others, each
// group in input order.
void sort_by_rank(std::vector<Summary>& eligible);

} // namespace fundscreen::report
