// SPDX-License-Identifier: Apache-2.0
#include "io/diff_run.hpp"

#include <unordered_map>

namespace fundscreen::io {

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
  old_run.replay(core::TraceReads::no, [&](const core::ApplicationView& view) {
    before.push_back(outcome_of(view));
    if (view.decision == core::Decision::fund) old_funded.push_back(view.assessed->id);
  });
  std::unordered_map<size_t, size_t> shift_of; // application index -> position in diff.changed
  new_run.replay(core::TraceReads::no, [&](const core::ApplicationView& view) {
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
  old_run.replay(core::TraceReads::yes, [&](const core::ApplicationView& view) {
    if (shift_of.count(view.index)) old_trails.emplace(view.index, *view.assessed);
  });
  new_run.replay(core::TraceReads::yes, [&](const core::ApplicationView& view) {
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

} // namespace fundscreen::io
