// SPDX-License-Identifier: Apache-2.0
#include "core/id_registry.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace fundscreen::core {

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
    diagnostics.error(
        where, fmt::format("duplicate application id '{}' (first at {})", id_,
                           util::first_place(where.source, m_sources[place.source], static_cast<int>(place.line))));
    return;
  }
  if (m_size + 1 >= std::numeric_limits<uint32_t>::max() || m_bytes.size() > std::numeric_limits<uint32_t>::max())
    util::throw_input_error(where, fmt::format("too many applications for one run ({} ids); split the call's files "
                                               "and screen each part",
                                               m_size));
  auto source = std::find(m_sources.begin(), m_sources.end(), where.source);
  if (source == m_sources.end()) source = m_sources.insert(m_sources.end(), where.source);
  if (4 * (m_size + 1) > 3 * m_slots.size()) grow();
  size_t mask = m_slots.size() - 1, i = h & mask;
  while (m_slots[i].id != 0) i = (i + 1) & mask;
  m_slots[i] = Slot{h, static_cast<uint32_t>(m_size + 1)};
  m_starts.push_back(static_cast<uint32_t>(m_bytes.size()));
  m_first.push_back(Place{static_cast<uint32_t>(source - m_sources.begin()), static_cast<uint32_t>(where.line)});
  m_bytes += id_;
  ++m_size;
}

} // namespace fundscreen::core
