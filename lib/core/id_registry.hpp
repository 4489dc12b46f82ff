// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.hpp"
#include "util/large_alloc.hpp"

namespace fundscreen::core {

// Application ids seen so far, each with the file and line where it was first read, kept
// small since a call may have millions; reports duplicates.
class IdRegistry {
public:
  // Records `id` read at `where`; a second sighting is an error naming the first line.
  // Throws util::Error (input) past 2^32 - 1 ids or 4 GiB of id text, far more than a call
  // has (and than memory would hold), so that 32-bit numbers and offsets suffice.
  void add(std::string_view id, const util::Location& where, util::Diagnostics& diagnostics) {
    add(id, hash(id), where, diagnostics);
  }
  // add() for an id whose hash() is `id_hash`, computed beforehand (on another thread).
  void add(std::string_view id, uint32_t id_hash, const util::Location& where, util::Diagnostics& diagnostics);
  // Makes room for about `ids` ids of about `bytes` bytes in all, so that adding them does
  // not grow the table.
  void reserve(size_t ids, size_t bytes);
  bool contains(std::string_view id) const { return find(id, hash(id)) >= 0; }
  size_t size() const { return m_size; }
  // The hash of `id` that add() takes.
  static uint32_t hash(std::string_view id);
  // Calls `visit` with each id, in the order added.
  template <typename Visit> void for_each(Visit visit) const {
    for (size_t i = 0; i < m_size; ++i) visit(id(i));
  }

private:
  // An open-addressing table of 8-byte slots over one string of all ids, each id's start in
  // it and where it was first read: about 40 bytes an id, against about 70 for a node map.
  struct Slot {
    uint32_t hash = 0;
    uint32_t id = 0; // 1 + the id's number in the order added; 0: the slot is free
  };
  struct Place {
    uint32_t source = 0;
    uint32_t line = 0;
  };
  // The big arrays, in huge pages: fewer page faults and TLB misses (bench/README.md).
  template <class T> using Large = std::vector<T, util::LargeAllocator<T>>;
  std::string_view id(size_t number) const;
  // The number of `id` in the order added, or -1.
  int64_t find(std::string_view id, uint32_t hash) const;
  void grow();

  std::string m_bytes;
  Large<uint32_t> m_starts; // of each id in m_bytes
  Large<Place> m_first;
  Large<Slot> m_slots;
  size_t m_mask = 0; // m_slots.size() - 1, or 0 while there are no slots
  size_t m_size = 0;
  std::vector<std::string> m_sources;
};

} // namespace fundscreen::core
