// SPDX-License-Identifier: Apache-2.0
#include "run/outline_spill.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include "io/file.hpp"
#include "util/error.hpp"

namespace fundscreen::run {

namespace {

[[noreturn]] void fail(const std::string& dir, std::string_view what, int error) {
  throw util::Error(util::ErrorKind::input,
                    {{dir, 0, 0},
                     util::Severity::error,
                     std::string(what) + " a temporary file of the decisions: " + std::strerror(error) +
                         " (set TMPDIR to a writable directory with room for about 11 bytes an application)",
                     {}});
}

// An unnamed file in `dir`: O_TMPFILE where the file system has it, else a named one
// unlinked at once. -1 with errno on failure.
int unnamed_file(const std::string& dir) {
  int fd = -1;
#ifdef O_TMPFILE
  fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
#endif
  std::string path = dir + "/fundscreen-spill-XXXXXX";
  fd = ::mkostemp(path.data(), O_CLOEXEC);
  if (fd >= 0) ::unlink(path.c_str());
  return fd;
}

} // namespace

OutlineSpill::OutlineSpill(size_t block_bytes) : m_block_bytes(block_bytes) {}

OutlineSpill::~OutlineSpill() {
  if (m_fd >= 0) ::close(m_fd);
}

void OutlineSpill::append(std::string_view piece) {
  if (!m_buffer.empty() && m_buffer.size() + piece.size() > m_block_bytes) flush();
  if (m_buffer.capacity() == 0) m_buffer.reserve(std::min(m_block_bytes, size_t{64} << 10));
  m_buffer += piece;
}

void OutlineSpill::open_file() {
  m_dir = io::temporary_dir();
  m_fd = unnamed_file(m_dir);
  if (m_fd < 0) fail(m_dir, "cannot make", errno);
}

void OutlineSpill::flush() {
  if (m_fd < 0) open_file();
  for (size_t done = 0; done < m_buffer.size();) {
    ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(m_dir, "cannot write", n < 0 ? errno : ENOSPC);
    done += static_cast<size_t>(n);
  }
  m_blocks.push_back(m_buffer.size());
  m_written += m_buffer.size();
  m_buffer.clear();
}

void OutlineSpill::read(const std::function<void(std::string_view block)>& each) const {
  std::string block;
  uint64_t offset = 0;
  for (size_t size : m_blocks) {
    block.resize(size);
    for (size_t done = 0; done < size;) {
      ssize_t n = ::pread(m_fd, block.data() + done, size - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail(m_dir, "cannot read", n < 0 ? errno : EIO);
      done += static_cast<size_t>(n);
    }
    offset += size;
    each(block);
  }
  if (!m_buffer.empty()) each(m_buffer);
}

namespace {

// A record's first byte: eligible alone, or the decision and what follows.
constexpr uint8_t k_eligible = 0x80;
constexpr uint8_t k_decision = 0x07;
constexpr uint8_t k_score = 0x08;
constexpr uint8_t k_failed = 0x10;
constexpr uint8_t k_unclear = 0x20;
constexpr uint8_t k_pending = 0x40;

void append_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>(static_cast<uint8_t>(v) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

void append_signed(std::string& out, int64_t v) {
  append_varint(out, (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}

uint64_t read_varint(std::string_view block, size_t& at) {
  uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    auto byte = static_cast<uint8_t>(block[at++]);
    v |= uint64_t{byte & 0x7fu} << shift;
    if (byte < 0x80) return v;
  }
}

int64_t read_signed(std::string_view block, size_t& at) {
  uint64_t v = read_varint(block, at);
  return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
}

} // namespace

void append_spilled(std::string& out, const core::Outline& o) {
  if (o.eligible) {
    out += static_cast<char>(k_eligible);
    return;
  }
  auto tag =
      static_cast<uint8_t>(static_cast<uint8_t>(o.decision) | (o.score ? k_score : 0) | (o.failed ? k_failed : 0) |
                           (o.unclear ? k_unclear : 0) | (o.pending ? k_pending : 0));
  out += static_cast<char>(tag);
  for (uint64_t mask : {o.failed, o.unclear, o.pending})
    if (mask) append_varint(out, mask);
  append_varint(out, o.id.size());
  out += o.id;
  append_signed(out, o.amount.cents);
  if (o.score) {
    append_signed(out, o.score->numerator());
    append_varint(out, static_cast<uint64_t>(o.score->denominator()));
  }
}

void read_spilled(std::string_view block, size_t& at, SpilledOutline& record) {
  auto tag = static_cast<uint8_t>(block[at++]);
  record.eligible = tag & k_eligible;
  core::Outline& o = record.outline;
  o = core::Outline();
  if (record.eligible) return;
  o.decision = static_cast<core::Decision>(tag & k_decision);
  if (tag & k_failed) o.failed = read_varint(block, at);
  if (tag & k_unclear) o.unclear = read_varint(block, at);
  if (tag & k_pending) o.pending = read_varint(block, at);
  size_t id_size = read_varint(block, at);
  o.id = block.substr(at, id_size);
  at += id_size;
  o.amount.cents = read_signed(block, at);
  if (tag & k_score) {
    int64_t numerator = read_signed(block, at);
    o.score = core::Score(numerator, static_cast<int64_t>(read_varint(block, at)));
  }
}

} // namespace fundscreen::run
