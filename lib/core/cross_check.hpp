// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/records.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::core {

// Application ids seen so far, each with the file and line where it was first read, kept
// small since a call may have millions; reports duplicates.
class IdRegistry {
public:
  // Records `id` read at `where`; a second sighting is an error naming the first line.
  void add(const std::string& id, const util::Location& where, util::Diagnostics& diagnostics);
  bool contains(const std::string& id) const { return m_first.count(id) != 0; }
  size_t size() const { return m_first.size(); }

private:
  struct Place {
    uint32_t source = 0;
    uint32_t line = 0;
  };
  std::unordered_map<std::string, Place> m_first;
  std::vector<std::string> m_sources;
};

// Checks outcome reports: one per application, and, if `ids` is given, known applications.
void check_outcomes(const IdRegistry* ids, std::span<const Outcome> outcomes, util::Diagnostics& diagnostics);

} // namespace fundscreen::core
