// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "util/error.hpp"

namespace fundscreen::util {

// Collects the problems found while reading inputs, so a user sees all of them at once.
class Diagnostics {
public:
  void error(Location where, std::string message, std::string context = {});
  void warning(Location where, std::string message);
  void add(Diagnostic d);

  // Orders the problems by line and column within each source, sources in the order they
  // first appeared, so that a file's problems read top to bottom.
  void sort_by_place();

  size_t errors() const { return m_errors; }
  size_t warnings() const { return m_items.size() - m_errors; }
  const std::vector<Diagnostic>& items() const { return m_items; }

private:
  std::vector<Diagnostic> m_items;
  size_t m_errors = 0;
};

// Where something was first read, as a message about a second sighting at a place in
// `here_source` says it: "line 12" in the same file, "apps.csv:12" in another.
std::string first_place(const std::string& here_source, const std::string& first_source, int first_line);

} // namespace fundscreen::util
