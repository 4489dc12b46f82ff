// SPDX-License-Identifier: Apache-2.0
#include "run/diff_run.hpp"

#include <unordered_map>

#include "core/set_diff.hpp"
#include "run/git_show.hpp"

namespace fundscreen::run {

namespace {

struct Outcome {
  core::Decision decision = core::Decision::pending;
  int rank = 0;
};

Outcome outcome_of(const core::ApplicationView& view) {
  return Outcome{view.decision, view.placement ? view.placement->rank : 0};
}

} // namespace

core::DecisionDiff diff_decisions(const ScreeningRun& old_run, const ScreeningRun& new_run) {
  core::DecisionDiff diff;
  std::vector<Outcome> before;
  std::vector<std::string> old_funded;
  old_run.replay(Detail::assessed, [&](const core::ApplicationView& view) {
    before.push_back(outcome_of(view));
    if (view.decision == core::Decision::fund) old_funded.push_back(view.assessed->id);
  });
  std::unordered_map<size_t, size_t> shift_of; // application index -> position in diff.changed
  new_run.replay(Detail::assessed, [&](const core::ApplicationView& view) {
    Outcome after = outcome_of(view);
    Outcome old = view.index < before.size() ? before[view.index] : Outcome{};
    diff.matrix[static_cast<size_t>(old.decision)][static_cast<size_t>(after.decision)]++;
    bool fund_before = old.decision == core::Decision::fund, fund_after = after.decision == core::Decision::fund;
    if (fund_after && !fund_before) diff.entered_funding.push_back(view.assessed->id);
    if (fund_before && !fund_after) diff.left_funding.push_back(view.assessed->id);
    if (old.decision != after.decision) ++diff.decisions_changed;
    if (old.decision == after.decision && old.rank == after.rank) return;
    shift_of[view.index] = diff.changed.size();
    diff.changed.push_back({view.assessed->id, view.index, old.decision, after.decision, old.rank, after.rank, {}});
  });
  diff.applications = before.size();
  // The trails of the changed applications only, under each version.
  std::unordered_map<size_t, core::Assessed> old_trails;
  old_run.replay(Detail::traced, [&](const core::ApplicationView& view) {
    if (shift_of.count(view.index)) old_trails.emplace(view.index, *view.assessed);
  });
  new_run.replay(Detail::traced, [&](const core::ApplicationView& view) {
    auto it = shift_of.find(view.index);
    if (it == shift_of.end()) return;
    diff.changed[it->second].criteria = core::criterion_shifts(old_trails.at(view.index), *view.assessed);
  });
  diff.old_budget = old_run.info().budget;
  diff.new_budget = new_run.info().budget;
  diff.old_used = old_run.info().used;
  diff.new_used = new_run.info().used;
  return diff;
}

void diff(const DiffInputs& inputs, const Warn& warn, const std::function<void(const report::DiffReport&)>& write) {
  ScreeningInputs old_inputs = inputs.screening, new_inputs = inputs.screening;
  old_inputs.criteria = inputs.old_set;
  old_inputs.criteria_text = set_version_text(inputs.old_set);
  new_inputs.criteria = inputs.new_set;
  new_inputs.criteria_text = set_version_text(inputs.new_set);
  old_inputs.digests = new_inputs.digests = Digests::skip; // diff prints no SHA-256
  ScreeningRun old_run(std::move(old_inputs));
  ScreeningRun new_run(std::move(new_inputs));
  warn(new_run.warnings());
  write(report::DiffReport{inputs.old_set, inputs.new_set, &old_run.set(), &new_run.set(),
                           core::diff_sets(old_run.set(), new_run.set()), diff_decisions(old_run, new_run)});
}

} // namespace fundscreen::run
