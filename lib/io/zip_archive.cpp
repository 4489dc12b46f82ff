// SPDX-License-Identifier: Apache-2.0
// The zip container of a workbook, read with zlib's inflate. Not libzip: Debian ships no static
// archive of it, and the fundscreen binary is linked statically (see CMakeLists.txt); the part
// of the format a workbook uses is small, and reading it here puts the limits against hostile
// files (sizes, ratio) where every byte is counted.
#include "io/zip_archive.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <zlib.h>

#include "util/error.hpp"

namespace fundscreen::io {

namespace {

constexpr uint32_t k_end_signature = 0x06054b50;
constexpr uint32_t k_central_signature = 0x02014b50;
constexpr uint32_t k_local_signature = 0x04034b50;
constexpr size_t k_end_size = 22;
constexpr size_t k_central_size = 46;
constexpr size_t k_local_size = 30;
constexpr size_t k_max_comment = 0xFFFF;

uint32_t le16(std::string_view b, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
uint32_t le32(std::string_view b, size_t at) { return le16(b, at) | le16(b, at + 2) << 16; }

// `bytes` for a person: `38 MiB`, `12 KiB`, `310 bytes`.
std::string size_text(uint64_t bytes) {
  if (bytes >= (uint64_t{1} << 30) && bytes % (uint64_t{1} << 30) == 0) return fmt::format("{} GiB", bytes >> 30);
  if (bytes >= (uint64_t{1} << 20)) return fmt::format("{} MiB", bytes >> 20);
  if (bytes >= (uint64_t{1} << 10)) return fmt::format("{} KiB", bytes >> 10);
  return fmt::format("{} bytes", bytes);
}

std::string limits_text(const ZipLimits& limits) {
  return fmt::format("fundscreen reads a part of up to {}, and one over {} at up to {} times its packed size",
                     size_text(limits.max_size), size_text(limits.ratio_floor), limits.max_ratio);
}

} // namespace

struct ZipArchive::Reader::Inflater {
  z_stream stream{};
  bool done = false;
};

ZipArchive::ZipArchive(std::string bytes, std::string source, ZipLimits limits)
    : m_bytes(std::move(bytes)), m_source(std::move(source)), m_limits(limits) {
  read_directory();
}

void ZipArchive::fail(const std::string& message) const {
  throw util::Error(util::ErrorKind::input,
                    util::Diagnostic{util::Location{m_source, 0, 0}, util::Severity::error, message, {}});
}

void ZipArchive::read_directory() {
  std::string_view all = m_bytes;
  const std::string damaged = "the workbook is damaged (its zip directory cannot be read); open it in Excel and save "
                              "it again";
  if (all.size() < k_end_size) fail(damaged);
  size_t lowest = all.size() - std::min(all.size(), k_end_size + k_max_comment);
  size_t end = std::string_view::npos;
  for (size_t at = all.size() - k_end_size + 1; at-- > lowest;)
    if (le32(all, at) == k_end_signature) {
      end = at;
      break;
    }
  if (end == std::string_view::npos) fail(damaged);
  uint64_t count = le16(all, end + 10), dir_size = le32(all, end + 12), dir_offset = le32(all, end + 16);
  if (count == 0xFFFF || dir_offset == 0xFFFFFFFF)
    fail("the workbook is a ZIP64 archive (over 4 GB or 65,535 parts), larger than fundscreen reads; save the sheet "
         "as CSV UTF-8 and screen that");
  if (dir_offset + dir_size > end) fail(damaged);
  size_t at = dir_offset;
  for (uint64_t i = 0; i < count; ++i) {
    if (at + k_central_size > end || le32(all, at) != k_central_signature) fail(damaged);
    Entry e;
    e.flags = static_cast<uint16_t>(le16(all, at + 8));
    e.method = static_cast<uint16_t>(le16(all, at + 10));
    e.packed_size = le32(all, at + 20);
    e.size = le32(all, at + 24);
    size_t name_size = le16(all, at + 28), extra_size = le16(all, at + 30), comment_size = le16(all, at + 32);
    e.local_header = le32(all, at + 42);
    if (at + k_central_size + name_size > end) fail(damaged);
    e.name = std::string(all.substr(at + k_central_size, name_size));
    at += k_central_size + name_size + extra_size + comment_size;
    m_entries.push_back(std::move(e));
  }
}

const ZipArchive::Entry* ZipArchive::find(std::string_view name) const {
  for (const Entry& e : m_entries)
    if (e.name == name) return &e;
  return nullptr;
}

ZipArchive::Reader::Reader(const ZipArchive& archive, const Entry& entry) : m_archive(archive), m_entry(entry) {
  std::string_view all = archive.m_bytes;
  const ZipLimits& limits = archive.m_limits;
  if (entry.flags & 1)
    archive.fail(
        fmt::format("the workbook's part '{}' is encrypted; save the workbook without a password", entry.name));
  if (entry.method != 0 && entry.method != Z_DEFLATED)
    archive.fail(fmt::format("the workbook's part '{}' is packed with zip method {}, which fundscreen does not "
                             "read; open it in Excel and save it again",
                             entry.name, entry.method));
  uint64_t at = entry.local_header;
  if (at + k_local_size > all.size() || le32(all, at) != k_local_signature)
    archive.fail(fmt::format("the workbook is damaged (its part '{}' cannot be found); open it in Excel and save it "
                             "again",
                             entry.name));
  uint64_t data = at + k_local_size + le16(all, at + 26) + le16(all, at + 28);
  if (data > all.size() || entry.packed_size > all.size() - data)
    archive.fail(fmt::format("the workbook is damaged (its part '{}' is cut short); open it in Excel and save it "
                             "again",
                             entry.name));
  if (entry.size > limits.max_size ||
      (entry.size > limits.ratio_floor && entry.size / limits.max_ratio > entry.packed_size))
    archive.fail(fmt::format("the workbook's part '{}' unpacks to {} from {}, as a zip bomb does; {}", entry.name,
                             size_text(entry.size), size_text(entry.packed_size), limits_text(limits)));
  m_packed = all.substr(data, entry.packed_size);
  if (entry.method == Z_DEFLATED) {
    m_inflater = std::make_unique<Inflater>();
    if (inflateInit2(&m_inflater->stream, -MAX_WBITS) != Z_OK) archive.fail("out of memory while unpacking");
    m_inflater->stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(m_packed.data()));
    m_inflater->stream.avail_in = static_cast<uInt>(m_packed.size());
  }
}

ZipArchive::Reader::~Reader() {
  if (m_inflater) inflateEnd(&m_inflater->stream);
}

size_t ZipArchive::Reader::read(char* out, size_t size) {
  size_t n = 0;
  if (!m_inflater) {
    n = std::min(size, m_packed.size() - m_taken);
    std::copy_n(m_packed.data() + m_taken, n, out);
    m_taken += n;
  } else {
    z_stream& z = m_inflater->stream;
    while (n == 0 && !m_inflater->done) { // inflate may read a block that holds no bytes
      z.next_out = reinterpret_cast<Bytef*>(out);
      z.avail_out = static_cast<uInt>(std::min<size_t>(size, 1 << 30));
      int status = inflate(&z, Z_NO_FLUSH);
      n = static_cast<size_t>(reinterpret_cast<char*>(z.next_out) - out);
      if (status == Z_STREAM_END)
        m_inflater->done = true;
      else if (status != Z_OK || (n == 0 && z.avail_in == 0))
        m_archive.fail(fmt::format("the workbook is damaged (its part '{}' does not unpack); open it in Excel and "
                                   "save it again",
                                   m_entry.name));
    }
  }
  m_unpacked += n;
  const ZipLimits& limits = m_archive.m_limits;
  // the sizes in the directory may lie: the bytes unpacked are counted as well
  if (m_unpacked > limits.max_size ||
      (m_unpacked > limits.ratio_floor && m_unpacked / limits.max_ratio > m_packed.size()))
    m_archive.fail(fmt::format("the workbook's part '{}' unpacks to more than its zip directory says, and past the "
                               "limits, as a zip bomb does; {}",
                               m_entry.name, limits_text(limits)));
  return n;
}

std::string ZipArchive::read_all(const Entry& entry) const {
  Reader reader(*this, entry);
  std::string out;
  char buffer[65536];
  while (size_t n = reader.read(buffer, sizeof buffer)) out.append(buffer, n);
  return out;
}

} // namespace fundscreen::io
