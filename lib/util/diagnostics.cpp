// SPDX-License-Identifier: Apache-2.0
#include "util/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace fundscreen::util {

std::string first_place(const std::string& here_source, const std::string& first_source, int first_line) {
  if (first_source.ends_with('!')) // a spreadsheet's sheet, `apps.xlsx:Sheet1!`
    return (here_source == first_source ? "row " : first_source.substr(0, first_source.size() - 1) + " row ") +
           std::to_string(first_line);
  if (here_source == first_source) return "line " + std::to_string(first_line);
  return first_source + ":" + std::to_string(first_line);
}

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

void Diagnostics::sort_by_place() {
  std::vector<std::string> sources;
  auto rank = [&](const std::string& source) {
    auto it = std::find(sources.begin(), sources.end(), source);
    if (it == sources.end()) it = sources.insert(sources.end(), source);
    return it - sources.begin();
  };
  for (const auto& d : m_items) rank(d.where.source);
  std::stable_sort(m_items.begin(), m_items.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::tuple(rank(a.where.source), a.where.line, a.where.column) <
           std::tuple(rank(b.where.source), b.where.line, b.where.column);
  });
}

} // namespace fundscreen::util
