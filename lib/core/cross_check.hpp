// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>
#include <string>
#include <unordered_map>

#include "core/criteria_set.hpp"
#include "core/records.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::core {

// Application ids seen so far, each with where it was first read; reports duplicates.
class IdRegistry {
public:
  // Records `id` read at `where`; a second sighting is an error naming the first line.
  void add(const std::string& id, const util::Location& where, util::Diagnostics& diagnostics);
  bool contains(const std::string& id) const { return m_first.count(id) != 0; }
  size_t size() const { return m_first.size(); }

private:
  std::unordered_map<std::string, util::Location> m_first;
};

// Checks assessments against the set's criteria and, if `ids` is given, the applications:
// unknown applications and criteria, rule criteria (which take no verdicts) and repeats.
void check_assessments(const CriteriaSet& set, const IdRegistry* ids, std::span<const Assessment> assessments,
                       util::Diagnostics& diagnostics);

// Checks outcome reports: one per application, and, if `ids` is given, known applications.
void check_outcomes(const IdRegistry* ids, std::span<const Outcome> outcomes, util::Diagnostics& diagnostics);

} // namespace fundscreen::core
