// SPDX-License-Identifier: Apache-2.0
// Criteria-to-impact, ex post: each impact's indicator evaluated on each funded project's
// outcome report, and per impact and per criterion whether the impact held. Pure: it reads
// only the set and the reports it is given.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/criteria_set.hpp"
#include "core/records.hpp"

namespace fundscreen::core {

// What an indicator said about one project: held (true), failed (false) or unknown (the
// report lacks a value the indicator reads, or there is no report).
enum class ImpactResult { held, failed, unknown };

std::string_view impact_result_name(ImpactResult result);

enum class Light { green, yellow, red };

std::string_view light_name(Light light);

// Results counted over the projects.
struct ImpactCounts {
  size_t held = 0;
  size_t failed = 0;
  size_t unknown = 0;
  size_t total() const { return held + failed + unknown; }
  void add(ImpactResult result);
};

// A traffic light and why, e.g. yellow "1 of 8 failed".
struct LightVerdict {
  Light light = Light::red;
  std::string reason;
};

// The light of `counts` under `thresholds`; shares are compared exactly.
LightVerdict light_for(const ImpactCounts& counts, const LightThresholds& thresholds);

// One funded project: its application id and its outcome report, or null if it sent none.
struct Project {
  std::string application;
  const Outcome* outcome = nullptr;
};

// One impact's indicator on one project, with the values it read.
struct ProjectResult {
  std::string application;
  ImpactResult result = ImpactResult::unknown;
  // Why the result is unknown ("outcome.goals_met is missing", "no outcome report").
  std::string reason;
  std::vector<RuleRead> reads;
  // The report's free note, for a person reading why it failed.
  std::string note;
};

// One impact over all projects.
struct ImpactFinding {
  const Impact* impact = nullptr;
  // The criteria that protect it, in the set's order.
  std::vector<std::string> criteria;
  ImpactCounts counts;
  LightVerdict light;
  // Every project's result, in the projects' order.
  std::vector<ProjectResult> results;
};

// One criterion over all projects: a project fails it if any impact it protects failed
// there, holds it if all held, and is unknown otherwise.
struct CriterionFinding {
  const Criterion* criterion = nullptr;
  std::vector<std::string> impacts;
  ImpactCounts counts;
  LightVerdict light;
  std::vector<std::string> failed_in;
  std::vector<std::string> unknown_in;
};

struct ImpactAssessment {
  size_t projects = 0;
  std::vector<ImpactFinding> impacts;
  std::vector<CriterionFinding> criteria;
};

// Evaluates every impact of `set` on every project, in the set's order.
ImpactAssessment assess_impacts(const CriteriaSet& set, std::span<const Project> projects);

} // namespace fundscreen::core
