// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "core/criteria_set.hpp"

namespace fundscreen::core {

// One difference between two versions of a criteria set.
struct SetChange {
  enum class Kind { added, removed, changed };
  Kind kind = Kind::changed;
  // What changed, as a person reads it: "criterion C6 rule", "call deadline", "field actors".
  std::string what;
  // The old and new values as text; empty for the side that does not exist.
  std::string old_value;
  std::string new_value;
};

// The name of `kind`: added, removed, changed.
std::string_view change_kind_name(SetChange::Kind kind);

// Every difference between `old_set` and `new_set`: call values, fields, criteria (rule,
// kind, weight, thresholds, titles, protected impacts), impacts, ranking and funding, in the
// order of the file's sections. Identical sets give none.
std::vector<SetChange> diff_sets(const CriteriaSet& old_set, const CriteriaSet& new_set);

} // namespace fundscreen::core
