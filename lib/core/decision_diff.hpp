// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/screener.hpp"

namespace fundscreen::core {

// How one criterion went for one application under each version of the set.
struct CriterionShift {
  std::string id;
  // Nothing where the criterion is not in that version.
  std::optional<Status> old_status;
  std::optional<Status> new_status;
  std::string old_reason;
  std::string new_reason;
  // The values its rule read, as `app.x = value` lines.
  std::vector<std::string> old_reads;
  std::vector<std::string> new_reads;
};

// An application whose decision or rank differs between the two versions.
struct DecisionShift {
  std::string id;
  size_t index = 0;
  Decision old_decision = Decision::pending;
  Decision new_decision = Decision::pending;
  int old_rank = 0; // 0: not ranked
  int new_rank = 0;
  // The criteria whose outcome changed.
  std::vector<CriterionShift> criteria;
};

// What a new version of a criteria set does to the decisions over the same applications.
struct DecisionDiff {
  size_t applications = 0;
  std::vector<DecisionShift> changed;
  // Applications by old decision (row) and new decision (column), indexed by Decision.
  std::array<std::array<size_t, 5>, 5> matrix{};
  std::vector<std::string> entered_funding;
  std::vector<std::string> left_funding;
  Money old_budget, new_budget, old_used, new_used;
  // How many applications changed decision (rank changes alone not counted).
  size_t decisions_changed = 0;
};

// The criteria whose outcome differs between `before` and `after` of one application.
std::vector<CriterionShift> criterion_shifts(const Assessed& before, const Assessed& after);

} // namespace fundscreen::core
