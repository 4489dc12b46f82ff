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

// FNV-1a: ids are short.
uint32_t IdRegistry::hash(std::string_view id) {
  uint32_t h = 2166136261u;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

std::string_view IdRegistry::id(size_t number) const {
  size_t end = number + 1 < m_starts.size() ? m_starts[number + 1] : m_bytes.size();
  return std::string_view(m_bytes).substr(m_starts[number], end - m_starts[number]);
}

int64_t IdRegistry::find(std::string_view id_, uint32_t h) const {
  if (m_slots.empty()) return -1;
  size_t mask = m_slots.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = m_slots[i];
    if (s.id == 0) return -1;
    if (s.hash == h && id(s.id - 1) == id_) return s.id - 1;
  }
}

// Doubles the table (at least 1024 slots); it is kept at most three quarters full.
void IdRegistry::grow() {
  Large<Slot> old(std::max<size_t>(1024, m_slots.size() * 2));
  old.swap(m_slots);
  size_t mask = m_mask = m_slots.size() - 1;
  for (const Slot& s : old) {
    if (s.id == 0) continue;
    size_t i = s.hash & mask;
    while (m_slots[i].id != 0) i = (i + 1) & mask;
    m_slots[i] = s;
  }
}

void IdRegistry::reserve(size_t ids, size_t bytes) {
  m_bytes.reserve(bytes);
  m_starts.reserve(ids);
  m_first.reserve(ids);
  size_t slots = 1024;
  while (3 * slots < 4 * ids) slots *= 2;
  if (slots <= m_slots.size()) return;
  if (m_size == 0) {
    m_slots.assign(slots, Slot{});
    m_mask = slots - 1;
  } else {
    while (m_slots.size() < slots) grow();
  }
}

void IdRegistry::add(std::string_view id_, uint32_t h, const util::Location& where, util::Diagnostics& diagnostics) {
  if (int64_t first = find(id_, h); first >= 0) {
    const Place& place = m_first[static_cast<size_t>(first)];
    diagnostics.error(where,
                      fmt::format("duplicate application id '{}' (first at {})", id_,
                                  where_first(where.source, m_sources[place.source], static_cast<int>(place.line))));
    return;
  }
  auto source = std::find(m_sources.begin(), m_sources.end(), where.source);
  if (source == m_sources.end()) source = m_sources.insert(m_sources.end(), where.source);
  if (4 * (m_size + 1) > 3 * m_slots.size()) grow();
  size_t mask = m_slots.size() - 1, i = h & mask;
  while (m_slots[i].id != 0) i = (i + 1) & mask;
  m_slots[i] = Slot{h, static_cast<uint32_t>(m_size + 1)};
  m_starts.push_back(m_bytes.size());
  m_first.push_back(Place{static_cast<uint32_t>(source - m_sources.begin()), static_cast<uint32_t>(where.line)});
  m_bytes += id_;
  ++m_size;
}

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
                                             where_first(o.where.source, it->second.source, it->second.line)));
  }
}

} // namespace fundscreen::core
