// SPDX-License-Identifier: Apache-2.0
#include "run/impact_run.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "core/cross_check.hpp"
#include "io/criteria_loader.hpp"
#include "io/digest.hpp"
#include "io/file.hpp"
#include "run/screening_run.hpp"

namespace fundscreen::run {

namespace {

std::string outcome_id(const core::Outcome& o) {
  const auto* id = o.values.empty() ? nullptr : std::get_if<std::string>(&o.values[0]);
  return id ? *id : std::string();
}

// The screening's decision for each reported application, and the funded projects in input
// order (those without a report as well, with no outcome).
void match_funded(const ImpactInputs& inputs, ImpactRun& run, util::Diagnostics& found) {
  ScreeningInputs screening;
  static_cast<CallFiles&>(screening) = inputs;
  ScreeningRun screen(std::move(screening));
  for (const auto& d : screen.warnings().items()) run.warnings.add(d);
  for (const auto& file : screen.info().inputs) run.inputs.push_back(file);

  std::unordered_map<std::string, const core::Outcome*> reported;
  for (const core::Outcome& o : run.outcomes) reported.emplace(outcome_id(o), &o);
  std::unordered_map<std::string, core::Decision> decision_of;
  int id_field = run.set->field_index("id");
  screen.replay(Detail::assessed, [&](const core::ApplicationView& view) {
    const auto* id = std::get_if<std::string>(&view.app->values[id_field]);
    if (!id) return;
    auto it = reported.find(*id);
    if (it != reported.end()) decision_of.emplace(*id, view.decision);
    if (view.decision != core::Decision::fund) return;
    run.projects.push_back({*id, it == reported.end() ? nullptr : it->second});
    if (it == reported.end())
      run.warnings.warning(view.app->where,
                           fmt::format("'{}' is funded but has no outcome report; its impacts count as unknown", *id));
  });
  for (const core::Outcome& o : run.outcomes) {
    std::string id = outcome_id(o);
    auto it = decision_of.find(id);
    if (it == decision_of.end())
      found.error(o.where, fmt::format("outcome report of '{}', which is not among the applications; check the "
                                       "id, or leave out the applications to count every report",
                                       id));
    else if (it->second != core::Decision::fund)
      found.error(o.where,
                  fmt::format("outcome report of '{}', which the screening does not fund (decision {}); "
                              "only funded projects count: remove the report, or record the verdicts "
                              "that fund it in the assessments, or leave out the applications to count every report",
                              id, core::decision_name(it->second)));
  }
}

} // namespace

ImpactRun impact(const ImpactInputs& inputs) {
  ImpactRun run;
  std::string text = io::read_file(inputs.criteria, util::ErrorKind::criteria);
  run.set = std::make_unique<core::CriteriaSet>(io::parse_criteria(text, inputs.criteria, core::SetUse::impact));
  run.criteria_path = inputs.criteria;
  run.criteria_sha256 = io::sha256_hex(text);

  util::Diagnostics found;
  for (const std::string& path : inputs.outcomes) {
    io::Sha256 sha; // of the bytes read, as they are read
    auto read = io::read_outcomes(path, inputs.input, found, &sha);
    run.inputs.push_back({"outcomes", path, sha.hex(), read.size()});
    for (auto& o : read) run.outcomes.push_back(std::move(o));
  }
  core::check_outcomes(nullptr, run.outcomes, found);
  if (found.errors() == 0 && !inputs.applications.empty()) {
    run.screened = true;
    match_funded(inputs, run, found);
  } else if (inputs.applications.empty()) {
    for (const core::Outcome& o : run.outcomes) run.projects.push_back({outcome_id(o), &o});
  }
  if (found.errors() > 0) {
    found.sort_by_place();
    throw util::Error(util::ErrorKind::input, found.items());
  }
  for (const auto& d : found.items()) run.warnings.add(d);
  run.assessment = core::assess_impacts(*run.set, run.projects);
  return run;
}

} // namespace fundscreen::run
