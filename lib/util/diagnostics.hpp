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

} // namespace fundscreen::util
