// SPDX-License-Identifier: Apache-2.0
#include "util/diagnostics.hpp"

namespace fundscreen::util {

void Diagnostics::error(Location where, std::string message, std::string context) {
  add(Diagnostic{std::move(where), Severity::error, std::move(message), std::move(context)});
}

void Diagnostics::warning(Location where, std::string message) {
  add(Diagnostic{std::move(where), Severity::warning, std::move(message), {}});
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::error) ++m_errors;
  m_items.push_back(std::move(d));
}

} // namespace fundscreen::util
