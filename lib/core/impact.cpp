// SPDX-License-Identifier: Apache-2.0
#include "core/impact.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace fundscreen::core {

namespace {

// The report's value of the outcome field `name` as text, or empty.
std::string outcome_text(const Outcome& outcome, std::string_view name) {
  std::span<const FieldSpec> fields = outcome_fields();
  for (size_t i = 0; i < fields.size() && i < outcome.values.size(); ++i)
    if (fields[i].name == name) {
      if (const auto* s = std::get_if<std::string>(&outcome.values[i])) return *s;
    }
  return {};
}

ProjectResult evaluate_on(const Impact& impact, const Project& project) {
  ProjectResult r;
  r.application = project.application;
  if (!project.outcome) {
    r.reason = "no outcome report";
    return r;
  }
  r.note = outcome_text(*project.outcome, "note");
  if (!impact.indicator) {
    r.reason = fmt::format("impact '{}' has no indicator", impact.id);
    return r;
  }
  RuleResult e = evaluate(*impact.indicator, RecordView{{}, project.outcome->values}, TraceReads::yes);
  r.reads = std::move(e.reads);
  r.reason = std::move(e.reason);
  r.result = e.truth == Truth::yes ? ImpactResult::held
                                   : (e.truth == Truth::no ? ImpactResult::failed : ImpactResult::unknown);
  return r;
}

// True if `part` is more than `share` (thousandths) of `total`, compared exactly.
bool more_than_share(size_t part, size_t total, Thousandths share) {
  return static_cast<int64_t>(part) * 1000 > share.value * static_cast<int64_t>(total);
}

} // namespace

std::string_view impact_result_name(ImpactResult result) {
  switch (result) {
  case ImpactResult::held: return "held";
  case ImpactResult::failed: return "failed";
  case ImpactResult::unknown: return "unknown";
  }
  return "unknown";
}

std::string_view light_name(Light light) {
  switch (light) {
  case Light::green: return "green";
  case Light::yellow: return "yellow";
  case Light::red: return "red";
  }
  return "red";
}

void ImpactCounts::add(ImpactResult result) {
  switch (result) {
  case ImpactResult::held: ++held; return;
  case ImpactResult::failed: ++failed; return;
  case ImpactResult::unknown: ++unknown; return;
  }
}

LightVerdict light_for(const ImpactCounts& counts, const LightThresholds& thresholds) {
  size_t known = counts.held + counts.failed;
  if (static_cast<int64_t>(known) < thresholds.min_known)
    return {Light::red, fmt::format("too little data: {} known, at least {} needed", known, thresholds.min_known)};
  if (more_than_share(counts.unknown, counts.total(), thresholds.max_unknown_share))
    return {Light::red, fmt::format("too little data: {} of {} unknown", counts.unknown, counts.total())};
  if (more_than_share(counts.failed, known, thresholds.red_failed_share))
    return {Light::red, fmt::format("{} of {} known failed", counts.failed, known)};
  if (counts.failed > 0) return {Light::yellow, fmt::format("{} of {} known failed", counts.failed, known)};
  return {Light::green, fmt::format("all {} known held", known)};
}

ImpactAssessment assess_impacts(const CriteriaSet& set, std::span<const Project> projects) {
  ImpactAssessment a;
  a.projects = projects.size();
  for (const Impact& impact : set.impacts) {
    ImpactFinding f;
    f.impact = &impact;
    for (const Criterion& c : set.criteria)
      if (std::any_of(c.protects.begin(), c.protects.end(), [&](const auto& p) { return p.value == impact.id; }))
        f.criteria.push_back(c.id);
    for (const Project& project : projects) {
      f.results.push_back(evaluate_on(impact, project));
      f.counts.add(f.results.back().result);
    }
    f.light = light_for(f.counts, set.lights);
    a.impacts.push_back(std::move(f));
  }
  for (const Criterion& c : set.criteria) {
    CriterionFinding f;
    f.criterion = &c;
    std::vector<const ImpactFinding*> protected_findings;
    for (const auto& p : c.protects) {
      f.impacts.push_back(p.value);
      for (const ImpactFinding& i : a.impacts)
        if (i.impact->id == p.value) protected_findings.push_back(&i);
    }
    for (size_t n = 0; n < projects.size(); ++n) {
      bool failed = false, unknown = protected_findings.empty();
      for (const ImpactFinding* i : protected_findings) {
        failed = failed || i->results[n].result == ImpactResult::failed;
        unknown = unknown || i->results[n].result == ImpactResult::unknown;
      }
      ImpactResult result = failed ? ImpactResult::failed : (unknown ? ImpactResult::unknown : ImpactResult::held);
      f.counts.add(result);
      if (result == ImpactResult::failed) f.failed_in.push_back(projects[n].application);
      if (result == ImpactResult::unknown) f.unknown_in.push_back(projects[n].application);
    }
    f.light = light_for(f.counts, set.lights);
    if (protected_findings.empty()) f.light = {Light::red, "protects no impact of the set"};
    a.criteria.push_back(std::move(f));
  }
  return a;
}

} // namespace fundscreen::core
