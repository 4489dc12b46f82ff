// SPDX-License-Identifier: Apache-2.0
#include "run/validate.hpp"

#include <algorithm>
#include <variant>

#include "core/assessment_index.hpp"
#include "core/cross_check.hpp"
#include "core/roster.hpp"
#include "io/criteria_loader.hpp"
#include "io/resolution_loader.hpp"

namespace fundscreen::run {

Validation validate(const ValidateInputs& inputs) {
  core::CriteriaSet set = io::load_criteria_file(inputs.criteria);
  Validation v;
  v.set_id = set.id;
  v.set_version = set.version;
  util::Diagnostics& diagnostics = v.problems;
  util::Diagnostics roster_found, conflicts_found;
  // A roster that could not be read whole checks no reviewer; its problems say why.
  std::optional<core::Roster> roster;
  if (!inputs.reviewers.empty()) roster = io::read_roster(inputs.reviewers, inputs.input, set, roster_found);
  bool given = !inputs.reviewers.empty(), check_reviewers = !given || roster.has_value();
  core::ConflictIndex conflicts;
  for (const std::string& path : inputs.conflicts)
    for (const auto& c : io::read_conflicts(path, inputs.input, conflicts_found)) conflicts.add(c);
  core::ConflictCheck conflict_check(set, conflicts.conflicts());
  core::IdRegistry ids;
  int id_field = set.field_index("id");
  for (const std::string& path : inputs.applications) {
    io::read_applications(path, set, inputs.input, diagnostics, [&](core::Application&& app) {
      if (const auto* id = std::get_if<std::string>(&app.values[id_field])) ids.add(*id, app.where, diagnostics);
      conflict_check.see(app);
    });
  }
  for (const auto& d : roster_found.items()) diagnostics.add(d);
  core::AssessmentIndex index(set);
  for (const std::string& path : inputs.assessments)
    v.assessments += io::load_assessments(path, inputs.input, set, roster ? &*roster : nullptr, index, diagnostics);
  if (!given) io::report_similar_reviewers(index, nullptr, inputs.input, diagnostics);
  index.check(&ids, diagnostics);
  for (const std::string& path : inputs.outcomes) {
    auto read = io::read_outcomes(path, inputs.input, diagnostics);
    core::check_outcomes(&ids, read, diagnostics);
    v.outcomes += read.size();
  }
  // The resolutions' cells, second resolutions and ids; what binding them checks beyond that
  // (a fund of a failed application, overspending) needs the screening that `screen` makes.
  if (!inputs.resolutions.empty()) {
    core::Resolutions resolutions = io::read_resolutions(inputs.resolutions, inputs.input, diagnostics);
    core::check_resolved_known(resolutions, ids, diagnostics);
    v.resolutions = resolutions.size();
  }
  for (const auto& d : conflicts_found.items()) diagnostics.add(d);
  if (check_reviewers)
    core::check_conflict_reviewers(conflicts.conflicts(), roster ? &*roster : nullptr, &index, diagnostics);
  io::report_conflicts(conflict_check, ids, inputs.applications, set, inputs.input, diagnostics);
  diagnostics.sort_by_place();
  v.applications = ids.size();
  v.conflicts = conflicts.conflicts().size();
  if (roster) v.roster = roster->reviewers().size();
  if (!given) {
    for (const auto& [name, count] : index.reviewer_counts()) v.reviewers.emplace_back(name, count);
    std::sort(v.reviewers.begin(), v.reviewers.end());
  }
  return v;
}

} // namespace fundscreen::run
