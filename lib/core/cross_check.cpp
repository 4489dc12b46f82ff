// SPDX-License-Identifier: Apache-2.0
#include "core/cross_check.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace fundscreen::core {

static std::string where_first(const std::string& here, const std::string& first_source, int first_line) {
  if (here == first_source) return fmt::format("line {}", first_line);
  return fmt::format("{}:{}", first_source, first_line);
}

void IdRegistry::add(const std::string& id, const util::Location& where, util::Diagnostics& diagnostics) {
  auto source = std::find(m_sources.begin(), m_sources.end(), where.source);
  if (source == m_sources.end()) source = m_sources.insert(m_sources.end(), where.source);
  Place place{static_cast<uint32_t>(source - m_sources.begin()), static_cast<uint32_t>(where.line)};
  auto [it, fresh] = m_first.emplace(id, place);
  if (fresh) return;
  const Place& first = it->second;
  diagnostics.error(where,
                    fmt::format("duplicate application id '{}' (first at {})", id,
                                where_first(where.source, m_sources[first.source], static_cast<int>(first.line))));
}

void check_outcomes(const IdRegistry* ids, std::span<const Outcome> outcomes, util::Diagnostics& diagnostics) {
  std::map<std::string, util::Location> first;
  for (const Outcome& o : outcomes) {
    const std::string& id = std::get<std::string>(o.values[0]);
    if (ids && !ids->contains(id))
      diagnostics.error(o.where, fmt::format("outcome report of unknown application '{}'", id));
    auto [it, fresh] = first.emplace(id, o.where);
    if (!fresh)
      diagnostics.error(o.where, fmt::format("second outcome report of '{}' (first at {})", id,
                                             where_first(o.where.source, it->second.source, it->second.line)));
  }
}

} // namespace fundscreen::core
