// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fundscreen::io {

// The limits a zip archive is read within, so that a hostile file is refused rather than
// filling memory or disk: no part unpacks to more than `max_size` bytes, and a part larger
// than `ratio_floor` bytes unpacks to at most `max_ratio` times its packed size (a zip bomb
// packs gigabytes of one repeated byte at a ratio of 1,000).
struct ZipLimits {
  uint64_t max_size = uint64_t{1} << 30;
  uint64_t max_ratio = 200;
  uint64_t ratio_floor = uint64_t{16} << 20;
};

// A zip archive held in memory, read with libzip, as Office Open XML files are: parts packed
// with a method libzip unpacks (stored and deflated in practice), no encryption, no ZIP64.
// Problems throw util::Error of kind input located at the archive's name, with what is wrong.
class ZipArchive {
public:
  struct Entry {
    std::string name;
    uint64_t index = 0; // libzip's
    int32_t method = 0;
    uint16_t encryption = 0;
    uint64_t packed_size = 0;
    uint64_t size = 0;
  };

  // Reads the central directory of `bytes`, the whole archive, named `source` in messages.
  ZipArchive(std::string bytes, std::string source, ZipLimits limits = {});
  ~ZipArchive();
  // libzip reads `bytes` where they are: the archive stays where it was made.
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // The part called `name`, or null.
  const Entry* find(std::string_view name) const;
  const std::vector<Entry>& entries() const { return m_entries; }

  // Streams one part: read() fills up to `size` bytes of `out` and returns how many; 0 at
  // its end. Unpacking more than the limits allow throws.
  class Reader {
  public:
    Reader(const ZipArchive& archive, const Entry& entry);
    ~Reader();
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;
    size_t read(char* out, size_t size);

  private:
    struct File; // libzip's open part
    const ZipArchive& m_archive;
    const Entry& m_entry;
    std::unique_ptr<File> m_file;
    uint64_t m_unpacked = 0;
  };

  // The whole of part `name` (which must exist).
  std::string read_all(const Entry& entry) const;

  const std::string& source() const { return m_source; }
  const ZipLimits& limits() const { return m_limits; }
  [[noreturn]] void fail(const std::string& message) const;

private:
  void read_directory();

  struct Archive; // libzip's archive, reading m_bytes where they are
  std::string m_bytes;
  std::unique_ptr<Archive> m_zip;
  std::string m_source;
  ZipLimits m_limits;
  std::vector<Entry> m_entries;
};

} // namespace fundscreen::io
