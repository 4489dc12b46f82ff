// SPDX-License-Identifier: Apache-2.0
// The outlines of a screening's first pass kept for its second without holding them in
// memory: encoded compactly and spilled to an unnamed temporary file once they outgrow a
// block, so memory does not grow with the number of applications.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/screener.hpp"

namespace fundscreen::run {

// Bytes appended in pieces and read back in the same order, in blocks of whole pieces. The
// bytes stay in memory up to `block_bytes`; beyond that they go to an unnamed temporary file
// in $TMPDIR (or /tmp), made at the first block that does not fit and gone when the spill is
// (nothing is ever left behind, even if the process dies). A spill that fits in one block
// never makes a file.
class OutlineSpill {
public:
  static constexpr size_t k_block_bytes = size_t{1} << 20;

  explicit OutlineSpill(size_t block_bytes = k_block_bytes);
  ~OutlineSpill();
  OutlineSpill(const OutlineSpill&) = delete;
  OutlineSpill& operator=(const OutlineSpill&) = delete;

  // Appends `piece`, which is never split between blocks. Throws util::Error (input) when
  // the temporary file cannot be made or written (say, a full disk).
  void append(std::string_view piece);

  // Calls `each(block)` for every block in order, each a run of whole pieces, valid during
  // the call. May be called more than once. Throws util::Error (input) if the file cannot be
  // read back.
  void read(const std::function<void(std::string_view block)>& each) const;

  // True once a block went to the file.
  bool in_file() const { return m_fd >= 0; }
  // The bytes appended so far.
  uint64_t size() const { return m_written + m_buffer.size(); }

private:
  void flush();
  void open_file();

  size_t m_block_bytes;
  std::string m_buffer;
  std::vector<size_t> m_blocks; // the sizes of the blocks in the file, in order
  uint64_t m_written = 0;
  std::string m_dir; // where the file is, for messages
  int m_fd = -1;
};

// One application of a spill: its outline, or for an eligible application only that it is
// (its id, score and amount are in its ranking entry).
struct SpilledOutline {
  bool eligible = false;
  core::Outline outline; // its id views the block read
};

// Appends the record of `outline` to `out`: one byte for an eligible application, else the
// decision, the masks, the id, the amount and the exact score.
void append_spilled(std::string& out, const core::Outline& outline);

// Reads the record at `at` of `block` (whole records, from append_spilled) into `record` and
// moves `at` past it.
void read_spilled(std::string_view block, size_t& at, SpilledOutline& record);

} // namespace fundscreen::run
