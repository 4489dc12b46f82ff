// SPDX-License-Identifier: Apache-2.0
#include "core/cross_check.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace fundscreen::core {

ConflictCheck::ConflictCheck(const CriteriaSet& set, std::span<const Conflict> conflicts)
    : m_conflicts(conflicts), m_applicant_field(set.field_index("applicant")) {
  for (const Conflict& c : conflicts)
    if (!c.applicant.empty()) m_applicants.emplace(c.applicant, m_applicants.size());
  m_seen = std::make_unique<std::atomic<bool>[]>(m_applicants.size());
  m_unseen = m_applicant_field >= 0 ? m_applicants.size() : 0;
}

// The applicant of `app` if the set has the field and the application a value, or null.
static const std::string* applicant_of(const Application& app, int field) {
  if (field < 0 || static_cast<size_t>(field) >= app.values.size()) return nullptr;
  return std::get_if<std::string>(&app.values[static_cast<size_t>(field)]);
}

void ConflictCheck::see(const Application& app) const {
  if (m_unseen.load(std::memory_order_relaxed) == 0) return;
  const std::string* applicant = applicant_of(app, m_applicant_field);
  if (!applicant) return;
  auto it = m_applicants.find(*applicant);
  // A load first: an applicant seen again (most are) writes nothing another core must fetch.
  if (it == m_applicants.end() || m_seen[it->second].load(std::memory_order_relaxed)) return;
  if (!m_seen[it->second].exchange(true, std::memory_order_relaxed)) m_unseen.fetch_sub(1, std::memory_order_relaxed);
}

bool ConflictCheck::applicant_missing() const { return m_unseen.load() > 0; }

void ConflictCheck::offer(const Application& app) {
  if (m_suggestions.empty()) {
    std::vector<const std::string*> by_place(m_applicants.size());
    for (const auto& [applicant, place] : m_applicants) by_place[place] = &applicant;
    for (const std::string* applicant : by_place) m_suggestions.emplace_back(*applicant);
  }
  const std::string* applicant = applicant_of(app, m_applicant_field);
  if (!applicant) return;
  for (size_t i = 0; i < m_suggestions.size(); ++i)
    if (!m_seen[i].load(std::memory_order_relaxed)) m_suggestions[i].offer(*applicant);
}

// " did you mean 'X'?" after `message` when `nearest` found one.
static std::string with_hint(std::string message, const util::NearestWord& nearest) {
  std::string hint = nearest.best();
  return hint.empty() ? message : message + fmt::format("; did you mean '{}'?", hint);
}

void ConflictCheck::report(const IdRegistry& ids, util::Diagnostics& diagnostics) const {
  for (const Conflict& c : m_conflicts) {
    if (!c.application.empty() && !ids.contains(c.application)) {
      util::NearestWord nearest(c.application);
      ids.for_each([&](std::string_view id) { nearest.offer(id); });
      diagnostics.error(c.application_where,
                        with_hint(fmt::format("conflict with unknown application '{}', not among the applications "
                                              "read",
                                              c.application),
                                  nearest));
    }
    if (c.applicant.empty()) continue;
    if (m_applicant_field < 0) {
      diagnostics.error(c.applicant_where,
                        fmt::format("conflict with applicant '{}', but the criteria set has no 'applicant' field; "
                                    "name the application instead",
                                    c.applicant));
      continue;
    }
    size_t place = m_applicants.at(c.applicant);
    if (m_seen[place].load()) continue;
    std::string message = fmt::format("conflict with unknown applicant '{}', the applicant of none of the "
                                      "applications read",
                                      c.applicant);
    diagnostics.error(c.applicant_where,
                      place < m_suggestions.size() ? with_hint(message, m_suggestions[place]) : message);
  }
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
                                             util::first_place(o.where.source, it->second.source, it->second.line)));
  }
}

} // namespace fundscreen::core
